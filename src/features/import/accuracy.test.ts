import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planDocumentSchema, type PlanDocument } from "@/features/plans/plan-document";
import daLat from "../../../prisma/seed/plans/da-lat.json";
import eaSup from "../../../prisma/seed/plans/ea-sup.json";
import sonLa from "../../../prisma/seed/plans/son-la.json";
import { compareExtraction, rate, type AccuracyReport, type Score } from "./accuracy";
import { extractPlan } from "./parse-document";

// Accuracy is measured, not assumed: each seed document (tests/fixtures/import, copies of
// ../shared/seeds) is extracted and compared with its hand-checked PlanDocument
// (prisma/seed/plans/*.json). The table is printed; the floors below sit just under what was
// measured (docs/import.md records the figures), so a regression fails the test.

const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/import");

const CASES = [
  { name: "Ea Súp (UBND huyện, phụ lục bảng)", file: "ea-sup-ubnd-huyen-ke-hoach-2024.md", expected: eaSup },
  {
    name: "Đà Lạt 222-KH/ThU (Thành ủy, chỉ tiêu văn xuôi)",
    file: "da-lat-thanh-uy-ke-hoach-222-KH-ThU-2024.md",
    expected: daLat,
  },
  { name: "Sơn La (Tỉnh ủy, chỉ tiêu văn xuôi)", file: "son-la-tinh-uy-ke-hoach-42-NQ-TW-2024.md", expected: sonLa },
] as const;

type Floors = Record<"tasks" | "agencies" | "timeframes" | "indicators" | "targetsExact" | "targetsMeaning", number>;

// Measured 23/11/2026: Ea Súp 100% everywhere; Đà Lạt tasks 36/36, agencies 0/1, indicators 38/40,
// targets 32/40 exact and 36/40 same meaning; Sơn La tasks 37/37, agencies 0/3, indicators 38/39,
// targets 38/39. The Party documents assign no agency per task (their 1 and 3 expected
// assignments were read by hand from "Tổ chức thực hiện"); the importer does not guess them.
const FLOORS: Record<string, Floors> = {
  "ea-sup-ubnd-huyen-ke-hoach-2024.md": {
    tasks: 1,
    agencies: 1,
    timeframes: 1,
    indicators: 1,
    targetsExact: 1,
    targetsMeaning: 1,
  },
  "da-lat-thanh-uy-ke-hoach-222-KH-ThU-2024.md": {
    tasks: 0.97,
    agencies: 0,
    timeframes: 1,
    indicators: 0.9,
    targetsExact: 0.75,
    targetsMeaning: 0.85,
  },
  "son-la-tinh-uy-ke-hoach-42-NQ-TW-2024.md": {
    tasks: 0.97,
    agencies: 0,
    timeframes: 1,
    indicators: 0.92,
    targetsExact: 0.92,
    targetsMeaning: 0.92,
  },
};
const OVERALL: Floors = {
  tasks: 0.98,
  agencies: 0.95,
  timeframes: 1,
  indicators: 0.97,
  targetsExact: 0.92,
  targetsMeaning: 0.95,
};

const METRICS = ["tasks", "agencies", "timeframes", "indicators", "targetsExact", "targetsMeaning"] as const;
const LABELS: Record<(typeof METRICS)[number], string> = {
  tasks: "nhiệm vụ",
  agencies: "cơ quan",
  timeframes: "thời gian",
  indicators: "chỉ tiêu",
  targetsExact: "mục tiêu (đúng chữ)",
  targetsMeaning: "mục tiêu (đúng nghĩa)",
};

function cell(score: Score): string {
  return score.total === 0
    ? "—"
    : `${score.correct}/${score.total} (${Math.round(rate(score) * 100)}%)${score.extra ? ` +${score.extra} thừa` : ""}`;
}

describe("extraction accuracy on the three seed documents", () => {
  const reports: { name: string; file: string; report: AccuracyReport }[] = [];
  for (const { name, file, expected } of CASES) {
    const document = planDocumentSchema.parse(expected) as PlanDocument;
    const extraction = extractPlan(readFileSync(path.join(FIXTURES, file), "utf8"), { key: "import-test" });
    const report = compareExtraction(document, extraction.document);
    reports.push({ name, file, report });

    it(`${name}: the extraction is a valid PlanDocument`, () => {
      expect(planDocumentSchema.safeParse(extraction.document).success).toBe(true);
    });

    it(`${name}: the same results with Windows line ends, decomposed Unicode and no blank lines`, () => {
      const text = readFileSync(path.join(FIXTURES, file), "utf8");
      const variants = [
        text.replace(/\n/g, "\r\n"),
        text.normalize("NFD"),
        text
          .split("\n")
          .filter((line) => line.trim())
          .join("\n"),
      ];
      for (const variant of variants) {
        const again = compareExtraction(document, extractPlan(variant, { key: "import-test" }).document);
        for (const metric of METRICS) expect(again[metric].correct, LABELS[metric]).toBe(report[metric].correct);
      }
    });

    it(`${name}: rates at or above the measured floors`, () => {
      const floors = FLOORS[file]!;
      for (const metric of METRICS) {
        expect(
          rate(report[metric]),
          `${LABELS[metric]}: ${cell(report[metric])}\n${report.misses.join("\n")}`,
        ).toBeGreaterThanOrEqual(floors[metric]);
      }
    });
  }

  it("overall rates, printed as a table", () => {
    const total = Object.fromEntries(
      METRICS.map((metric) => [
        metric,
        reports.reduce<Score>(
          (sum, { report }) => ({
            correct: sum.correct + report[metric].correct,
            total: sum.total + report[metric].total,
            extra: sum.extra + report[metric].extra,
          }),
          { correct: 0, total: 0, extra: 0 },
        ),
      ]),
    ) as Record<(typeof METRICS)[number], Score>;
    const header = `| văn bản | ${METRICS.map((m) => LABELS[m]).join(" | ")} |`;
    const rows = [
      ...reports.map(({ name, report }) => `| ${name} | ${METRICS.map((m) => cell(report[m])).join(" | ")} |`),
      `| **cả ba** | ${METRICS.map((m) => cell(total[m])).join(" | ")} |`,
    ];
    console.log(
      [
        "",
        "Độ chính xác của trình nhập (so với bản kiểm tra tay):",
        header,
        `|${" --- |".repeat(METRICS.length + 1)}`,
        ...rows,
        "",
      ].join("\n"),
    );
    for (const metric of METRICS) expect(rate(total[metric]), LABELS[metric]).toBeGreaterThanOrEqual(OVERALL[metric]);
  });
});

describe("targets caught: right, or wrong and marked for checking (the measure for scans)", () => {
  const expected = {
    ...(planDocumentSchema.parse(eaSup) as PlanDocument),
    tasks: [],
    indicators: [
      { code: "1", name: "Tỷ lệ hộ nghèo đa chiều giảm bình quân", unit: "%", targets: { "2030": "1,5" } },
      { code: "2", name: "Số bác sĩ trên một vạn dân đạt", unit: "bác sĩ", targets: { "2030": "13" } },
      { code: "3", name: "Tỷ lệ lao động qua đào tạo đạt", unit: "%", targets: { "2030": "70" } },
    ],
  } as PlanDocument;
  const read = (targets: string[]) =>
    ({
      ...expected,
      indicators: expected.indicators.map((indicator, i) => ({ ...indicator, targets: { "2030": targets[i]! } })),
    }) as PlanDocument;

  it("counts a wrong target marked at the target or at its indicator as caught, an unmarked one not", () => {
    const report = compareExtraction(expected, read(["1,5", "113", "76"]), {
      "indicators.1.targets.2030": "OCR không chắc chắn",
    });
    expect(report.targetsMeaning).toMatchObject({ correct: 1, total: 3 });
    expect(report.targetsCaught).toMatchObject({ correct: 2, total: 3 });
    const atIndicator = compareExtraction(expected, read(["1,5", "113", "76"]), {
      "indicators.1": "x",
      "indicators.2": "y",
    });
    expect(atIndicator.targetsCaught).toMatchObject({ correct: 3, total: 3 });
  });

  it("takes an indicator found without a target as right where the document has none ('-'), not where it has one", () => {
    const dashed = {
      ...expected,
      indicators: expected.indicators.map((indicator, i) => ({
        ...indicator,
        targets: { "2025": i === 0 ? "-" : "5", "2030": indicator.targets!["2030"]! },
      })),
    } as PlanDocument;
    const withoutTargets = {
      ...dashed,
      indicators: dashed.indicators.map((indicator) => ({
        ...indicator,
        targets: { "2030": indicator.targets!["2030"]! },
      })),
    } as PlanDocument;
    const report = compareExtraction(dashed, withoutTargets);
    // 2030 right three times; 2025 right for the "-" only (the others' 5 is missing).
    expect(report.targetsMeaning).toMatchObject({ correct: 4, total: 6 });
    expect(report.targetsExact).toMatchObject({ correct: 3, total: 6 });
    // An indicator not found has no target right, "-" or not.
    const none = compareExtraction(dashed, { ...withoutTargets, indicators: [] } as PlanDocument);
    expect(none.targetsMeaning).toMatchObject({ correct: 0, total: 6 });
  });

  it("catches nothing beyond the right ones when no marks are given", () => {
    const report = compareExtraction(expected, read(["1,5", "113", "76"]));
    expect(report.targetsCaught).toMatchObject({ correct: 1, total: 3 });
  });
});
