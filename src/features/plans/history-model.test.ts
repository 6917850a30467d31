import { describe, expect, it } from "vitest";
import { inPlanOrder, numberVersions, type VersionSnapshot } from "./history-model";

describe("numberVersions", () => {
  it("counts kept versions from 1 in the order they were kept, whatever the plan's edit counter", () => {
    const versions = [
      { id: "b", version: 9, createdAt: new Date("2026-03-01") },
      { id: "a", version: 2, createdAt: new Date("2025-01-01") },
    ];
    expect(numberVersions(versions).map((v) => [v.id, v.ordinal])).toEqual([
      ["b", 2],
      ["a", 1],
    ]);
    expect(numberVersions([{ id: "only", version: 2, createdAt: new Date() }])[0]!.ordinal).toBe(1);
    expect(numberVersions([])).toEqual([]);
  });
});

describe("inPlanOrder", () => {
  const group = (id: string, code: string, position: number) => ({
    id,
    parentIndicatorId: null,
    position,
    code,
    name: `Nhóm ${code}`,
    isGroup: true,
    targets: [],
  });
  const indicator = (id: string, parent: string, code: string, position: number) => ({
    id,
    parentIndicatorId: parent,
    position,
    code,
    name: `Chỉ tiêu ${code}`,
    isGroup: false,
    targets: [{ year: 2030, text: "95%" }],
  });
  it("reads a kept text in the plan's order, whatever order it was stored in (grouped by parent id)", () => {
    const snapshot: VersionSnapshot = {
      title: "Kế hoạch",
      numberSerial: "99",
      issuedOn: "2026-10-01T00:00:00.000Z",
      signerName: null,
      tasks: [
        { id: "t2", parentTaskId: "t1", position: 0, numbering: "1.1.", title: null, body: "Con" },
        { id: "t1", parentTaskId: null, position: 0, numbering: "1.", title: "Một", body: "" },
        { id: "t3", parentTaskId: null, position: 1, numbering: "2.", title: "Hai", body: "" },
      ],
      indicators: [
        indicator("i81", "g8", "8.1", 0),
        indicator("i85", "g8", "8.5", 1),
        indicator("i11", "g1", "1.1", 0),
        indicator("i91", "g9", "9.1", 0),
        group("g9", "9", 2),
        group("g1", "1", 0),
        group("g8", "8", 1),
      ],
    };
    const ordered = inPlanOrder(snapshot);
    expect(ordered.indicators.map(({ item, depth }) => [item.code, depth])).toEqual([
      ["1", 0],
      ["1.1", 1],
      ["8", 0],
      ["8.1", 1],
      ["8.5", 1],
      ["9", 0],
      ["9.1", 1],
    ]);
    expect(ordered.tasks.map(({ item }) => item.numbering)).toEqual(["1.", "1.1.", "2."]);
  });
});
