import { describe, expect, it } from "vitest";
import { DEFAULTS, parseLoadOptions, viewersFor } from "./options";

describe("parseLoadOptions", () => {
  it("defaults to the goal: 200 officials, 5–15 s of thought, bounded in time and requests", () => {
    const options = parseLoadOptions([]);
    expect(options).toEqual(DEFAULTS);
    expect(options.stages).toEqual([200]);
    expect(options.maxRequests).toBeGreaterThan(0);
  });

  it("reads stages, think time, duration and a server to measure", () => {
    const options = parseLoadOptions([
      "--stages",
      "50,100,200",
      "--think",
      "2-4.5",
      "--duration",
      "30",
      "--url",
      "http://127.0.0.1:3000/plans",
      "--database-url",
      "postgresql://postgres:x@127.0.0.1:5432/kehoach",
    ]);
    expect(options.stages).toEqual([50, 100, 200]);
    expect(options.think).toEqual({ minMs: 2000, maxMs: 4500 });
    expect(options.duration).toBe(30);
    expect(options.url).toBe("http://127.0.0.1:3000");
  });

  it("refuses what would be wrong, naming the option", () => {
    expect(() => parseLoadOptions(["--stages", "100,50"])).toThrow(/--stages/);
    expect(() => parseLoadOptions(["--think", "5-2"])).toThrow(/--think/);
    expect(() => parseLoadOptions(["--officials", "0"])).toThrow(/--officials/);
    expect(() => parseLoadOptions(["--url", "http://127.0.0.1:3000"])).toThrow(/--database-url/);
    expect(() => parseLoadOptions(["--url", "http://10.0.0.5:3000", "--database-url", "postgresql://x"])).toThrow(
      /máy này/,
    );
    expect(() => parseLoadOptions(["--bogus"])).toThrow(/--bogus/);
  });

  it("gives one viewer per ten officials by default", () => {
    expect(viewersFor(200, 0.1)).toBe(20);
    expect(viewersFor(25, 0.1)).toBe(3);
  });
});
