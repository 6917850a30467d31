import { describe, expect, it } from "vitest";
import { aggregationProblem, combinationText, combineFigures } from "./locality-aggregation";

describe("combineFigures", () => {
  it("does not combine an indicator set to none", () => {
    expect(combineFigures("NONE", [{ locality: "A", value: 3 }])).toEqual({ kind: "NONE" });
  });

  it("adds up counts, naming the localities without a figure", () => {
    // 1.200 + 850 + 35,5 = 2.085,5 households; C gave nothing.
    expect(
      combineFigures("SUM", [
        { locality: "A", value: 1200 },
        { locality: "B", value: 850 },
        { locality: "C", value: null },
        { locality: "D", value: 35.5 },
      ]),
    ).toEqual({ kind: "VALUE", aggregation: "SUM", value: 2085.5, used: 3, of: 4, missing: ["C"] });
  });

  it("keeps float noise out of a sum", () => {
    expect(
      combineFigures("SUM", [
        { locality: "A", value: 0.1 },
        { locality: "B", value: 0.2 },
      ]),
    ).toMatchObject({ value: 0.3 });
  });

  it("weighs each locality's rate by its weight", () => {
    // (20 × 10.000 + 30 × 30.000) / 40.000 = 27,5; C has no population, D no rate.
    expect(
      combineFigures("WEIGHTED_AVERAGE", [
        { locality: "A", value: 20, weight: 10_000 },
        { locality: "B", value: 30, weight: 30_000 },
        { locality: "C", value: 90, weight: null },
        { locality: "D", value: null, weight: 5_000 },
      ]),
    ).toEqual({ kind: "VALUE", aggregation: "WEIGHTED_AVERAGE", value: 27.5, used: 2, of: 4, missing: ["C", "D"] });
  });

  it("leaves out a weight of zero or below and rounds an average to two decimals", () => {
    // (10 × 1 + 20 × 2) / 3 = 16,666… → 16,67
    expect(
      combineFigures("WEIGHTED_AVERAGE", [
        { locality: "A", value: 10, weight: 1 },
        { locality: "B", value: 20, weight: 2 },
        { locality: "C", value: 99, weight: 0 },
      ]),
    ).toMatchObject({ value: 16.67, used: 2, missing: ["C"] });
  });

  it("says there is nothing to combine when no locality gave a usable figure", () => {
    expect(combineFigures("SUM", [{ locality: "A", value: null }])).toEqual({ kind: "NO_DATA", of: 1, missing: ["A"] });
    expect(combineFigures("WEIGHTED_AVERAGE", [{ locality: "A", value: 5, weight: null }])).toEqual({
      kind: "NO_DATA",
      of: 1,
      missing: ["A"],
    });
    expect(combineFigures("SUM", [])).toEqual({ kind: "NO_DATA", of: 0, missing: [] });
  });
});

describe("combinationText", () => {
  it("writes the figure the Vietnamese way with how it was combined", () => {
    expect(combinationText(combineFigures("SUM", [{ locality: "A", value: 1234.5 }]))).toBe(
      "1.234,5 (cộng, 1/1 địa phương)",
    );
    expect(
      combinationText(
        combineFigures("WEIGHTED_AVERAGE", [
          { locality: "A", value: 20, weight: 1 },
          { locality: "B", value: null, weight: 1 },
        ]),
        { weightName: "Dân số trung bình" },
      ),
    ).toBe("20 (bình quân theo Dân số trung bình, 1/2 địa phương)");
    expect(combinationText({ kind: "NONE" })).toBeNull();
    expect(combinationText({ kind: "NO_DATA", of: 3, missing: [] })).toBe(
      "Chưa có số liệu để tổng hợp (0/3 địa phương)",
    );
  });
});

describe("aggregationProblem", () => {
  const base = { direction: "HIGHER_BETTER" as const, isGroup: false, weight: null, selfId: "self" };
  const population = { id: "pop", isGroup: false, direction: "HIGHER_BETTER" as const };

  it("accepts none, a sum, and a weighted average with a numeric weight", () => {
    expect(aggregationProblem({ ...base, aggregation: "NONE", direction: "QUALITATIVE" })).toBeNull();
    expect(aggregationProblem({ ...base, aggregation: "SUM" })).toBeNull();
    expect(aggregationProblem({ ...base, aggregation: "WEIGHTED_AVERAGE", weight: population })).toBeNull();
  });

  it("refuses to combine a qualitative indicator or a group", () => {
    expect(aggregationProblem({ ...base, aggregation: "SUM", direction: "QUALITATIVE" })).toMatchObject({
      field: "aggregation",
      message: expect.stringMatching(/định tính/),
    });
    expect(aggregationProblem({ ...base, aggregation: "SUM", isGroup: true })).toMatchObject({ field: "aggregation" });
  });

  it("asks for a weight, not itself, not a qualitative one", () => {
    expect(aggregationProblem({ ...base, aggregation: "WEIGHTED_AVERAGE" })).toMatchObject({
      field: "aggregationWeightId",
      message: expect.stringMatching(/trọng số/),
    });
    expect(
      aggregationProblem({ ...base, aggregation: "WEIGHTED_AVERAGE", weight: { ...population, id: "self" } }),
    ).toMatchObject({ message: expect.stringMatching(/chính nó/) });
    expect(
      aggregationProblem({
        ...base,
        aggregation: "WEIGHTED_AVERAGE",
        weight: { ...population, direction: "QUALITATIVE" },
      }),
    ).toMatchObject({ field: "aggregationWeightId" });
  });
});
