import { describe, expect, it } from "vitest";
import { addCounts, countStatuses, emptyCounts, isIndicatorStatus, percentages, STATUSES, totalOf } from "./status";
import { NO_CELL, STATUS_LETTERS, statusOfLetter } from "./status-letters";
import { empty, join, raw, sql } from "./sql";

describe("status counts", () => {
  it("counts, adds and totals", () => {
    const a = countStatuses(["MET", "OFF_TRACK", "OFF_TRACK", "NO_DATA"]);
    expect(a).toEqual({ MET: 1, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 2, NO_DATA: 1 });
    expect(addCounts(a, { ...emptyCounts(), AT_RISK: 3 })).toEqual({
      MET: 1,
      ON_TRACK: 0,
      AT_RISK: 3,
      OFF_TRACK: 2,
      NO_DATA: 1,
    });
    expect(totalOf(a)).toBe(4);
    expect(isIndicatorStatus("AT_RISK")).toBe(true);
    expect(isIndicatorStatus("BEHIND")).toBe(false);
  });

  it("whole percentages that add up to 100 (largest remainder)", () => {
    // 1/3 each of three statuses: 33 + 33 + 34, the extra point to the first in order.
    expect(percentages({ MET: 1, ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 0, NO_DATA: 0 })).toEqual({
      MET: 34,
      ON_TRACK: 33,
      AT_RISK: 33,
      OFF_TRACK: 0,
      NO_DATA: 0,
    });
    // 2/7 = 28,57 → 29; 5/7 = 71,43 → 71.
    expect(percentages({ MET: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 2, NO_DATA: 5 })).toEqual({
      MET: 0,
      ON_TRACK: 0,
      AT_RISK: 0,
      OFF_TRACK: 29,
      NO_DATA: 71,
    });
    expect(percentages(emptyCounts())).toEqual(emptyCounts());
  });
});

describe("sql", () => {
  it("numbers the values across nested fragments and never puts them in the text", () => {
    const track = "PARTY'; --";
    const filter = sql`c.track = ${track}`;
    const q =
      sql`SELECT * FROM plans c WHERE c.id = ANY(${["a", "b"]}) AND ${filter} AND c.year = ${2025}${empty} ${join([sql`x = ${1}`, raw("y IS NULL")], " OR ")}`.toQuery();
    expect(q.text).toBe(
      "SELECT * FROM plans c WHERE c.id = ANY($1) AND c.track = $2 AND c.year = $3 x = $4 OR y IS NULL",
    );
    expect(q.values).toEqual([["a", "b"], track, 2025, 1]);
    expect(join([], " AND ").toQuery()).toEqual({ text: "", values: [] });
  });
});

describe("status letters", () => {
  it("give every status its own letter and read it back; a gap or anything else is no status", () => {
    const letters = STATUSES.map((s) => STATUS_LETTERS[s]);
    expect(new Set(letters).size).toBe(STATUSES.length);
    for (const s of STATUSES) expect(statusOfLetter(STATUS_LETTERS[s])).toBe(s);
    expect(letters).not.toContain(NO_CELL);
    expect(statusOfLetter(NO_CELL)).toBeNull();
    expect(statusOfLetter(undefined)).toBeNull();
    expect(statusOfLetter("Z")).toBeNull();
  });
});
