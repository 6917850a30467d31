import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DocumentTask } from "@/features/plans/plan-document";
import eaSup from "../../../prisma/seed/plans/ea-sup.json";
import { extractPlan } from "./parse-document";
import { fold } from "./text";

// OCR output: tests/fixtures/import/ea-sup-ocr-khong-dau.txt is lines 31–139 of the Ea Súp seed
// (section III, tasks 1 to 4.2) with every diacritic removed and a few labels mangled as OCR does
// ("Thoi gian thuc hién", "tharn muu", "C0 quan PHTH", a lost colon). See tests/fixtures/import/README.md.

const text = readFileSync(
  path.resolve(import.meta.dirname, "../../../tests/fixtures/import/ea-sup-ocr-khong-dau.txt"),
  "utf8",
);

function flatten(tasks: DocumentTask[]): DocumentTask[] {
  return tasks.flatMap((t) => [t, ...flatten(t.children ?? [])]);
}

describe("OCR output without diacritics (Ea Súp, tasks 1–4)", () => {
  const extraction = extractPlan(text);
  const expected = flatten((eaSup.tasks as DocumentTask[]).slice(0, 4));
  const actual = flatten(extraction.document.tasks);

  it("finds every task with its numbering", () => {
    expect(actual.map((t) => t.numbering)).toEqual(expected.map((t) => t.numbering));
    expect(actual.map((t) => fold(t.title ?? t.body).slice(0, 40))).toEqual(
      expected.map((t) => fold(t.title ?? t.body).slice(0, 40)),
    );
  });

  it("finds every agency, in its role", () => {
    let found = 0;
    let total = 0;
    expected.forEach((task, i) => {
      for (const role of ["lead", "coordinating"] as const) {
        const want = (task[role] ?? []).map(fold);
        const got = (actual[i]?.[role] ?? []).map(fold);
        total += want.length;
        found += want.filter((name) => got.includes(name)).length;
        expect(got, `${task.numbering} ${role}`).toEqual(want);
      }
    });
    expect(total).toBe(38);
    expect(found).toBe(total);
  });

  it("finds every timeframe, including under a mangled or colon-less label", () => {
    expect(actual.map((t) => (t.timeframe ? fold(t.timeframe) : null))).toEqual(
      expected.map((t) => (t.timeframe ? fold(t.timeframe) : null)),
    );
    expect(actual.filter((t) => t.timeframe)).toHaveLength(10);
  });

  it("says the text seems to have lost its diacritics", () => {
    expect(extraction.warnings.join(" ")).toMatch(/mất dấu/);
  });
});
