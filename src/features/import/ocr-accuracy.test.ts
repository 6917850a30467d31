import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planDocumentSchema, type PlanDocument } from "@/features/plans/plan-document";
import daLat from "../../../prisma/seed/plans/da-lat.json";
import eaSup from "../../../prisma/seed/plans/ea-sup.json";
import sonLa from "../../../prisma/seed/plans/son-la.json";
import { compareExtraction, rate, type AccuracyReport, type Score } from "./accuracy";
import { extractText } from "./extract-text";
import { DEFAULT_RATES, mangleOcr, type MangleRates } from "./ocr-mangle";
import { extractPlan } from "./parse-document";

// Accuracy on OCR-like text (issue 17 parts 3–5): each seed document mangled as OCR does
// (ocr-mangle.ts: diacritics stripped, letters read as digits and symbols, wrong marks, "ty 1€",
// "Pang", years and thousands with an extra digit, two columns on one line), with several seeds so
// that no rule is fitted to one mangling, then read (a) as before, without repair, and (b) through
// extractText, which repairs it with a vocabulary made of the OTHER two documents (what the system
// would hold: plans implementing the same resolution), and marks doubtful items. docs/import.md
// records the figures.

const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/import");
const DOCUMENTS = [
  { file: "ea-sup-ubnd-huyen-ke-hoach-2024.md", expected: eaSup },
  { file: "da-lat-thanh-uy-ke-hoach-222-KH-ThU-2024.md", expected: daLat },
  { file: "son-la-tinh-uy-ke-hoach-42-NQ-TW-2024.md", expected: sonLa },
] as const;
const SEEDS = [1, 2, 3, 17, 2026];
// A poor scan: three times the letter confusions, every "tỷ lệ" and "Đảng" misread, a digit added
// to a fifth of the years and thousands.
const HARSH: MangleRates = { letter: 0.12, tyLe: 1, dang: 1, digit: 0.2 };

const texts = DOCUMENTS.map((d) => readFileSync(path.join(FIXTURES, d.file), "utf8"));

function add(a: Score, b: Score): Score {
  return { correct: a.correct + b.correct, total: a.total + b.total, extra: a.extra + b.extra };
}

type Totals = Record<"indicators" | "targetsMeaning" | "wrongMarked", Score>;
const zero = (): Totals => ({
  indicators: { correct: 0, total: 0, extra: 0 },
  targetsMeaning: { correct: 0, total: 0, extra: 0 },
  wrongMarked: { correct: 0, total: 0, extra: 0 },
});
function sum(totals: Totals, report: AccuracyReport) {
  for (const k of Object.keys(totals) as (keyof Totals)[]) totals[k] = add(totals[k], report[k]);
}
const pct = (s: Score) => `${s.correct}/${s.total} (${(rate(s) * 100).toFixed(1)}%)`;

describe.each([
  ["ordinary", DEFAULT_RATES],
  ["poor", HARSH],
] as const)("accuracy on OCR-like text (%s scan), repaired", (quality, rates) => {
  const before = zero();
  const after = zero();
  const misses: string[] = [];
  DOCUMENTS.forEach(({ file, expected }, d) => {
    const document = planDocumentSchema.parse(expected) as PlanDocument;
    const vocabulary = texts.filter((_, i) => i !== d);
    for (const seed of SEEDS) {
      const mangled = mangleOcr(texts[d]!, seed, rates);
      const raw = extractPlan(mangled, { key: "import-test" });
      sum(before, compareExtraction(document, raw.document, raw.unclear));
      const repaired = extractText(mangled, { key: "import-test", vocabulary });
      const report = compareExtraction(document, repaired.document, repaired.unclear);
      sum(after, report);
      misses.push(...report.misses.map((m) => `${file} #${seed}: ${m}`));
    }
  });

  it("reads ≥ 95 % of indicators and targets and marks ≥ 90 % of its wrong items", () => {
    console.log(
      [
        "",
        `OCR-like text (${quality} scan), ${SEEDS.length} manglings × 3 documents:`,
        `| | chỉ tiêu | mục tiêu (đúng nghĩa) | chỉ tiêu sai được đánh dấu |`,
        `| --- | --- | --- | --- |`,
        `| không sửa | ${pct(before.indicators)} | ${pct(before.targetsMeaning)} | ${pct(before.wrongMarked)} |`,
        `| sửa (ocr-repair) | ${pct(after.indicators)} | ${pct(after.targetsMeaning)} | ${pct(after.wrongMarked)} |`,
        "",
      ].join("\n"),
    );
    const detail = misses.slice(0, 80).join("\n");
    expect(rate(after.indicators), detail).toBeGreaterThanOrEqual(0.95);
    expect(rate(after.targetsMeaning), detail).toBeGreaterThanOrEqual(0.95);
    expect(rate(after.wrongMarked), detail).toBeGreaterThanOrEqual(0.9);
  });
});

describe("reading OCR text through extractText", () => {
  it("repairs OCR text, keeps the original and the repairs, and reads again without the ones turned off", () => {
    const mangled = mangleOcr(texts[0]!, 7, HARSH);
    const read = extractText(mangled, { vocabulary: texts.slice(1) });
    expect(read.ocr?.original).toEqual(mangled.split("\n"));
    expect(read.ocr!.repairs.length).toBeGreaterThan(100);
    expect(read.warnings.join(" ")).toMatch(/kết quả OCR/);
    const year = read.ocr!.repairs.find((r) => r.kind === "number")!;
    const again = extractText(mangled, { vocabulary: texts.slice(1), disabledRepairs: [year.id] });
    expect(again.ocr!.repairs.find((r) => r.id === year.id)).toMatchObject({ applied: false, original: year.original });
    expect(again.lines[year.line - 1]).toContain(year.original);
  });

  it("reads text that is not OCR as before, with no repairs", () => {
    const read = extractText(texts[1]!);
    expect(read.ocr).toBeUndefined();
    expect(read.document).toEqual(extractPlan(texts[1]!).document);
  });
});
