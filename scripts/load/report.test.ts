import { describe, expect, it } from "vitest";
import { cpuLine } from "./report";
import type { StageStats } from "./stats";

const stage = (cpu: StageStats["cpu"]): StageStats => ({
  officials: 10,
  viewers: 1,
  seconds: 100,
  requests: 1000,
  errors: 0,
  throughput: 10,
  actions: [],
  worstP95: 100,
  cpu,
});

describe("cpuLine", () => {
  it("gives the CPU per request and how busy the app, PostgreSQL and the load generator were", () => {
    const line = cpuLine(stage({ appMs: 40_000, databaseMs: 20_000, clientMs: 15_000 }), 2);
    expect(line).toContain("app 40 ms, PostgreSQL 20 ms");
    expect(line).toContain("the app used 40% of one core and PostgreSQL 20%");
    expect(line).toContain("this load generator, on the same machine, 15%");
  });

  it("says nothing of the load generator when it was not measured, and nothing at all without CPU figures", () => {
    expect(cpuLine(stage({ appMs: 40_000, databaseMs: 20_000 }), 2)).not.toContain("load generator");
    expect(cpuLine(stage(null), 2)).toBe("");
  });
});
