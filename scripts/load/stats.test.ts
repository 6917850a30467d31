import { describe, expect, it } from "vitest";
import { ceiling, percentile, stageStats, type Sample, type StageStats } from "./stats";

describe("percentile (nearest rank)", () => {
  it("reads the value at the rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBe(0);
    expect(percentile([3, 1, 2], 100)).toBe(3);
  });
});

describe("stageStats", () => {
  const sample = (action: string, start: number, ms: number, ok = true): Sample => ({
    action,
    startedAt: start,
    endedAt: start + ms,
    ok,
  });

  it("counts the samples that ended inside the window, per action, in the order given", () => {
    const samples = [
      sample("b", 0, 50), // ended before the window
      sample("a", 1000, 100),
      sample("a", 1100, 300, false),
      sample("b", 1200, 200),
      sample("a", 10_500, 10), // ended after
    ];
    const stats = stageStats(samples, { from: 1000, to: 3000, officials: 2, viewers: 1 }, ["b", "a"]);
    expect(stats.requests).toBe(3);
    expect(stats.errors).toBe(1);
    expect(stats.throughput).toBeCloseTo(1.5);
    expect(stats.actions.map((a) => a.action)).toEqual(["b", "a"]);
    expect(stats.actions[1]).toMatchObject({ count: 2, errors: 1, p50: 100, p95: 300, max: 300 });
    expect(stats.worstP95).toBe(300);
  });
});

describe("ceiling", () => {
  const stage = (officials: number, throughput: number, worstP95: number) =>
    ({ officials, throughput, worstP95 }) as StageStats;

  it("interpolates the throughput where the worst p95 reaches the limit", () => {
    const result = ceiling([stage(100, 20, 200), stage(200, 40, 400), stage(300, 50, 600)], 500);
    expect(result?.kind).toBe("between");
    expect(result?.throughput).toBeCloseTo(45);
  });

  it("says when no stage reached the limit, or the first already did", () => {
    expect(ceiling([stage(100, 20, 200), stage(200, 38, 300)], 500)).toMatchObject({ kind: "above", throughput: 38 });
    expect(ceiling([stage(100, 20, 900)], 500)).toMatchObject({ kind: "below", throughput: 20 });
    expect(ceiling([], 500)).toBeNull();
  });
});
