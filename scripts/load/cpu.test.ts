import { describe, expect, it } from "vitest";
import { parseStat, treeCpuMs } from "./cpu";

describe("CPU time from /proc", () => {
  it("reads utime, stime and the reaped children's time, past a command name with spaces and parentheses", () => {
    const fields = ["S", "41", "41", "41", "0", "-1", "4194560", "100", "0", "0", "0", "250", "50", "7", "3"];
    const stat = parseStat(`1234 (next-server (v16) x) ${fields.join(" ")} 20 0 1 0`);
    expect(stat).toEqual({ ppid: 41, cpuMs: 3100 });
  });

  it("adds up a process and everything under it (this test runner, at least)", () => {
    expect(treeCpuMs([process.pid])).toBeGreaterThan(0);
    expect(treeCpuMs([])).toBe(0);
  });
});
