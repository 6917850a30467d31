import { describe, expect, it } from "vitest";
import { columnIndex, entryColumns, placeCells } from "./prepared-cells";

const layoutColumns = (keys: string[], columns: string[]) => entryColumns(keys, columnIndex(columns));
import { STATUS_LETTERS } from "./status-letters";

describe("entryColumns", () => {
  it("gives each entry the column of its parent indicator, -1 where it is not shown", () => {
    expect([...layoutColumns(["a", "b", "c", "a"], ["c", "a"])]).toEqual([1, -1, 0, 1]);
  });
  it("handles an empty layout and no columns", () => {
    expect([...layoutColumns([], ["a"])]).toEqual([]);
    expect([...layoutColumns(["a"], [])]).toEqual([-1]);
  });
});

describe("placeCells", () => {
  const columns = ["p1", "p2", "p3"];

  it("places statuses and figures in the shown columns and counts them", () => {
    const placed = placeCells(
      { statuses: "MXN", texts: ["95%", "1,2", null] },
      layoutColumns(["p3", "p1", "p2"], columns),
      3,
    );
    expect(placed.cells).toBe("XNM");
    expect(placed.values).toEqual({ 2: "95%", 0: "1,2" });
    expect(placed.counts).toEqual({ MET: 1, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 1, NO_DATA: 1 });
  });

  it("leaves columns the plan has no indicator for empty, and ignores entries outside the columns", () => {
    const placed = placeCells({ statuses: "OR", texts: ["a", "b"] }, layoutColumns(["p2", "other"], columns), 3);
    expect(placed.cells).toBe("-O-");
    expect(placed.values).toEqual({ 1: "a" });
    expect(placed.counts).toEqual({ MET: 0, ON_TRACK: 1, AT_RISK: 0, OFF_TRACK: 0, NO_DATA: 0 });
  });

  it("counts every indicator derived from one parent indicator, shows the first", () => {
    const placed = placeCells({ statuses: "XM", texts: [null, "7"] }, layoutColumns(["p1", "p1"], columns), 3);
    expect(placed.cells).toBe("X--");
    expect(placed.values).toEqual({});
    expect(placed.counts.OFF_TRACK + placed.counts.MET).toBe(2);
  });

  it("reads an unknown letter as no data", () => {
    const placed = placeCells({ statuses: "?", texts: [null] }, layoutColumns(["p1"], columns), 3);
    expect(placed.cells).toBe(`${STATUS_LETTERS.NO_DATA}--`);
    expect(placed.counts.NO_DATA).toBe(1);
  });

  it("stops at the shorter of the layout and the statuses", () => {
    const placed = placeCells({ statuses: "MM", texts: ["1", "2"] }, layoutColumns(["p1"], columns), 3);
    expect(placed.counts.MET).toBe(1);
    const short = placeCells({ statuses: "M", texts: ["1"] }, layoutColumns(["p1", "p2"], columns), 3);
    expect(short.cells).toBe("M--");
  });

  it("shows nothing for a plan without entries", () => {
    const placed = placeCells({ statuses: "", texts: [] }, layoutColumns([], columns), 3);
    expect(placed).toEqual({
      cells: "---",
      values: {},
      counts: { MET: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, NO_DATA: 0 },
    });
  });
});
