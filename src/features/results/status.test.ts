import { describe, expect, it } from "vitest";
import { previewStatus, statusInputFromRows, statusIsChosen, targetFromRow } from "./status";

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
