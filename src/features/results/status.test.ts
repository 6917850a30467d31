import { describe, expect, it } from "vitest";
import { previewInput, previewStatus, statusInputFromRows, statusIsChosen, targetFromRow } from "./status";

const target = (
  year: number,
  kind: "AT_LEAST" | "BELOW" | "QUALITATIVE" | "NONE",
  bound: number | null,
  text: string,
) => ({
  year,
  kind,
  lower: kind === "AT_LEAST" ? bound : null,
  upper: kind === "BELOW" ? bound : null,
  isPercent: true,
  qualitative: kind === "QUALITATIVE" ? text : null,
  text,
});

describe("statuses from stored rows", () => {
  it("reads decimals stored as strings", () => {
    expect(
      targetFromRow({ ...target(2025, "AT_LEAST", null, "≥95%"), lower: { toString: () => "95.5" } }),
    ).toMatchObject({ kind: "AT_LEAST", lower: 95.5, upper: null });
  });

  it("computes the trajectory status from the baseline and previews a typed value", () => {
    const input = statusInputFromRows({
      direction: "HIGHER_BETTER",
      baselineValue: "80",
      baselineYear: 2023,
      targets: [target(2025, "AT_LEAST", 90, "≥90%"), target(2030, "AT_LEAST", 95, "≥95%")],
      actuals: [{ year: 2024, value: "85", qualitativeStatus: null }],
    });
    expect(previewStatus(input, 2025, { value: 91, qualitativeStatus: null })).toBe("MET");
    expect(previewStatus(input, 2024, { value: 84, qualitativeStatus: null })).toBe("AT_RISK");
    expect(previewStatus(input, 2024, { value: 70, qualitativeStatus: null })).toBe("OFF_TRACK");
    expect(previewStatus(input, 2026, null)).toBe("NO_DATA");
  });

  it("lower-is-better indicators approach a ceiling", () => {
    const input = statusInputFromRows({
      direction: "LOWER_BETTER",
      baselineValue: 10,
      baselineYear: 2024,
      targets: [target(2030, "BELOW", 4, "dưới 4%")],
      actuals: [],
    });
    expect(previewStatus(input, 2027, { value: 7, qualitativeStatus: null })).toBe("ON_TRACK");
    expect(previewStatus(input, 2030, { value: 3.5, qualitativeStatus: null })).toBe("MET");
  });

  it("the user chooses the status of qualitative indicators and of indicators without a target", () => {
    const qualitative = statusInputFromRows({
      direction: "HIGHER_BETTER",
      baselineValue: null,
      baselineYear: null,
      targets: [target(2025, "QUALITATIVE", null, "Giải quyết cơ bản"), target(2030, "AT_LEAST", 95, "≥95%")],
      actuals: [],
    });
    expect(statusIsChosen(qualitative, 2025)).toBe(true);
    expect(statusIsChosen(qualitative, 2026)).toBe(false);
    expect(previewStatus(qualitative, 2025, { value: null, qualitativeStatus: "ON_TRACK" })).toBe("ON_TRACK");
    expect(statusIsChosen({ direction: "HIGHER_BETTER", targets: [] }, 2026)).toBe(true);
    expect(statusIsChosen({ direction: "QUALITATIVE", targets: [] }, 2026)).toBe(true);
  });
});

describe("previewInput: what the grid sends for the preview", () => {
  /** A small deterministic generator (mulberry32), so a failure names the case that failed. */
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it("previews every status exactly as the whole input does, in 3,000 generated cases", () => {
    const next = random(18);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    let compared = 0;
    for (let n = 0; n < 3000; n++) {
      const direction = pick(["HIGHER_BETTER", "LOWER_BETTER"] as const);
      const kind = direction === "HIGHER_BETTER" ? "AT_LEAST" : "BELOW";
      const input = statusInputFromRows({
        direction,
        baselineValue: next() < 0.5 ? null : Math.round(next() * 100),
        baselineYear: 2023,
        targets: [
          target(2025, pick([kind, kind, "NONE"] as const), Math.round(next() * 100), "t"),
          target(2030, kind, Math.round(next() * 100), "t"),
        ],
        actuals: [2023, 2024, 2025, 2026, 2027, 2028]
          .filter(() => next() < 0.6)
          .map((year) => ({
            year,
            value: next() < 0.2 ? null : String(Math.round(next() * 100)),
            qualitativeStatus: null,
          })),
      });
      const year = pick([2024, 2025, 2026, 2027, 2028, 2030]);
      if (statusIsChosen(input, year)) continue;
      const typed = pick([
        null,
        { value: null, qualitativeStatus: null },
        { value: Math.round(next() * 100), qualitativeStatus: null },
      ]);
      const trimmed = previewInput(input, year);
      expect(previewStatus(trimmed, year, typed), `case ${n}`).toBe(previewStatus(input, year, typed));
      expect(trimmed.actuals.length).toBeLessThanOrEqual(2);
      expect(trimmed.actuals.every((a) => a.year < year)).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it("keeps the first and the latest earlier figure, and nothing of later years", () => {
    const input = statusInputFromRows({
      direction: "HIGHER_BETTER",
      baselineValue: null,
      baselineYear: null,
      targets: [target(2030, "AT_LEAST", 95, "≥95%"), target(2025, "NONE", null, "")],
      actuals: [
        { year: 2023, value: null, qualitativeStatus: null },
        { year: 2024, value: "70", qualitativeStatus: null },
        { year: 2025, value: "75", qualitativeStatus: "ON_TRACK" },
        { year: 2026, value: "80", qualitativeStatus: null },
        { year: 2028, value: "90", qualitativeStatus: null },
      ],
    });
    expect(previewInput(input, 2027)).toEqual({
      direction: "HIGHER_BETTER",
      baseline: null,
      targets: [expect.objectContaining({ year: 2030 })],
      actuals: [
        { year: 2024, value: 70 },
        { year: 2026, value: 80 },
      ],
    });
    expect(previewInput(input, 2025).actuals).toEqual([{ year: 2024, value: 70 }]);
    expect(previewInput(input, 2024).actuals).toEqual([]);
  });
});
