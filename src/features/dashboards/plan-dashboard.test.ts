import { describe, expect, it } from "vitest";
import { formatVietnameseNumber } from "@/domain/decimal";
import {
  ALL_GROUPS,
  cardData,
  chartModel,
  groupIndicators,
  NO_LEAD,
  shownGroups,
  progressYear,
  targetMark,
  taskSummary,
  valueDomain,
  type DashboardTarget,
  type TaskRow,
} from "./plan-dashboard";

const target = (
  year: number,
  kind: DashboardTarget["kind"],
  lower: number | null,
  upper: number | null,
  text: string,
): DashboardTarget => ({ year, kind, lower, upper, isPercent: false, qualitative: null, text });

describe("groupIndicators", () => {
  const row = (id: string, parentIndicatorId: string | null, position: number, isGroup = false) => ({
    id,
    parentIndicatorId,
    position,
    isGroup,
    name: id,
  });
  it("puts indicators under their top-level group in document order, sub-rows included, headings left out", () => {
    const groups = groupIndicators([
      row("Y tế", null, 1, true),
      row("6.2", "Y tế", 1),
      row("6.1", "Y tế", 0),
      row("Giáo dục", null, 0, true),
      row("Mầm non", "Giáo dục", 0, true),
      row("5.1", "Mầm non", 0),
      row("5.2", "Giáo dục", 1),
      row("5.2-a", "5.2", 0),
      row("Tự do", null, 2),
      row("Nhóm trống", null, 3, true),
    ]);
    expect(groups.map((g) => [g.name, g.indicators.map((i) => i.id)])).toEqual([
      ["Giáo dục", ["5.1", "5.2", "5.2-a"]],
      ["Y tế", ["6.1", "6.2"]],
      ["Chỉ tiêu khác", ["Tự do"]],
    ]);
  });

  it("numbers a group name from its second use, so that every group can be asked for by name", () => {
    const named = (id: string, name: string, parentIndicatorId: string | null, position: number, isGroup = false) => ({
      id,
      parentIndicatorId,
      position,
      isGroup,
      name,
    });
    const groups = groupIndicators([
      named("g1", "Y tế", null, 0, true),
      named("a", "a", "g1", 0),
      named("g2", "Y tế", null, 1, true),
      named("b", "b", "g2", 0),
      named("g3", "Chỉ tiêu khác", null, 2, true),
      named("c", "c", "g3", 0),
      named("d", "d", null, 3),
    ]);
    expect(groups.map((g) => [g.name, g.indicators.map((i) => i.id)])).toEqual([
      ["Y tế", ["a"]],
      ["Y tế (2)", ["b"]],
      ["Chỉ tiêu khác", ["c"]],
      ["Chỉ tiêu khác (2)", ["d"]],
    ]);
  });
});

describe("shownGroups", () => {
  const names = ["Kinh tế", "Dân số, y tế", "Giáo dục"];
  it("shows the first group unless another is asked for by name", () => {
    expect(shownGroups(names, null)).toEqual({ indexes: [0], all: false, found: true });
    expect(shownGroups(names, "Dân số, y tế")).toEqual({ indexes: [1], all: false, found: true });
  });
  it("shows every group for ALL_GROUPS", () => {
    expect(shownGroups(names, ALL_GROUPS)).toEqual({ indexes: [0, 1, 2], all: true, found: true });
  });
  it("falls back to the first group, and says so, for a name the plan has no group of", () => {
    expect(shownGroups(names, "Nhà ở")).toEqual({ indexes: [0], all: false, found: false });
  });
  it("counts a plan of one group as showing all of it, and one without groups as showing none", () => {
    expect(shownGroups(["Kinh tế"], null)).toEqual({ indexes: [0], all: true, found: true });
    expect(shownGroups([], null)).toEqual({ indexes: [], all: false, found: true });
    expect(shownGroups([], "Giáo dục")).toEqual({ indexes: [], all: false, found: false });
  });
});

describe("targetMark", () => {
  it("draws a band for a range and ±5% around 'khoảng', a line otherwise", () => {
    expect(targetMark(target(2030, "RANGE", 95, 97, "95 - 97"))).toEqual({
      year: 2030,
      from: 95,
      to: 97,
      band: true,
      text: "95 - 97",
    });
    expect(targetMark(target(2030, "APPROXIMATELY", 75, 75, "khoảng 75 tuổi"))).toEqual({
      year: 2030,
      from: 71.25,
      to: 78.75,
      band: true,
      text: "khoảng 75 tuổi",
    });
    expect(targetMark(target(2025, "AT_LEAST", 68, null, "tối thiểu 68 năm"))).toMatchObject({
      from: 68,
      to: 68,
      band: false,
    });
    expect(targetMark(target(2025, "BELOW", null, 23, "dưới 23%"))).toMatchObject({ from: 23, to: 23, band: false });
    expect(targetMark(target(2030, "QUALITATIVE", null, null, "Xóa bỏ hoàn toàn"))).toBeNull();
    expect(targetMark(target(2030, "NONE", null, null, "-"))).toBeNull();
  });
});

describe("valueDomain", () => {
  it("pads by a tenth of the span, not below zero, not above 100 for percentages", () => {
    expect(valueDomain([20, 30], false)).toEqual([19, 31]);
    expect(valueDomain([0.5, 3], false)).toEqual([0.2, 3.3]);
    expect(valueDomain([90, 100], true)).toEqual([89, 100]);
    expect(valueDomain([0, 10], false)).toEqual([0, 11]);
    expect(valueDomain([5, 5], false)).toEqual([4, 6]);
  });
});

describe("chartModel", () => {
  it("plots numeric actuals by year with their status, the baseline and the targets", () => {
    const model = chartModel({
      direction: "HIGHER_BETTER",
      unit: "%",
      baselineValue: 88,
      baselineYear: 2023,
      targets: [target(2030, "RANGE", 95, 97, "95-97"), target(2025, "EXACT", 92, 92, "92")],
      actuals: [
        { year: 2025, value: 91, text: "91", status: "AT_RISK", isIllustrative: false },
        { year: 2024, value: 90, text: "90", status: "ON_TRACK", isIllustrative: false },
        { year: 2026, value: null, text: "", status: "NO_DATA", isIllustrative: false },
      ],
    })!;
    expect(model.points).toEqual([
      { year: 2024, value: 90, status: "ON_TRACK" },
      { year: 2025, value: 91, status: "AT_RISK" },
    ]);
    expect(model.targets.map((t) => [t.year, t.from, t.to, t.band])).toEqual([
      [2025, 92, 92, false],
      [2030, 95, 97, true],
    ]);
    expect(model.baseline).toEqual({ year: 2023, value: 88 });
    expect(model.x).toEqual([2023, 2030]);
    // 88…97, padded by 0,9 each side, capped at 100.
    expect(model.y).toEqual([87, 98]);
    expect(model.percent).toBe(true);
  });

  it("draws nothing for a qualitative indicator or one without any number", () => {
    expect(
      chartModel({
        direction: "QUALITATIVE",
        unit: null,
        baselineValue: null,
        baselineYear: null,
        targets: [],
        actuals: [],
      }),
    ).toBeNull();
    expect(
      chartModel({
        direction: "HIGHER_BETTER",
        unit: null,
        baselineValue: null,
        baselineYear: null,
        targets: [target(2030, "QUALITATIVE", null, null, "Bảo đảm")],
        actuals: [],
      }),
    ).toBeNull();
  });
});

describe("taskSummary", () => {
  const task = (
    id: string,
    parentTaskId: string | null,
    position: number,
    numbering: string,
    title: string | null = null,
  ): TaskRow => ({ id, parentTaskId, position, numbering, title, body: `Nội dung ${id}` });
  const tasks = [
    task("1", null, 0, "1.", "Nâng cao nhận thức"),
    task("1a", "1", 0, "-"),
    task("1b", "1", 1, "-"),
    task("2", null, 1, "2.", "Quản lý nhà nước"),
    task("2a", "2", 0, "-"),
    task("2b", "2", 1, "-"),
    task("3", null, 2, "3.", "Hợp tác quốc tế"),
  ];
  const leads = [
    { taskId: "1", organizationId: "bt", name: "Ban Tuyên giáo" },
    { taskId: "2", organizationId: "ub", name: "UBND huyện" },
    // 2b has its own lead besides inheriting none: its own wins.
    { taskId: "2b", organizationId: "ld", name: "Phòng Lao động" },
  ];
  const progress = [
    { taskId: "1a", year: 2025, status: "BEHIND" as const },
    { taskId: "1b", year: 2025, status: "COMPLETED" as const },
    { taskId: "2a", year: 2025, status: "BEHIND" as const },
    { taskId: "2a", year: 2024, status: "IN_PROGRESS" as const },
    { taskId: "3", year: 2025, status: "NOT_STARTED" as const },
  ];

  it("counts the tasks without sub-tasks in the latest year reported, under their own or inherited lead", () => {
    const s = taskSummary(tasks, leads, progress, 2026);
    expect(s.year).toBe(2025);
    expect(s.total).toBe(5);
    expect(s.counts).toEqual({ BEHIND: 2, NOT_STARTED: 1, IN_PROGRESS: 0, COMPLETED: 1, NO_UPDATE: 1 });
    expect(s.behind).toEqual([
      { numbering: "1. › -", title: "Nội dung 1a", agencies: ["Ban Tuyên giáo"] },
      { numbering: "2. › -", title: "Nội dung 2a", agencies: ["UBND huyện"] },
    ]);
    // Most behind first; ties by fewest not started… then by name.
    expect(
      s.byAgency.map((a) => [a.agency, a.counts.BEHIND, a.counts.NOT_STARTED, a.counts.COMPLETED, a.counts.NO_UPDATE]),
    ).toEqual([
      ["Ban Tuyên giáo", 1, 0, 1, 0],
      ["UBND huyện", 1, 0, 0, 0],
      [NO_LEAD, 0, 1, 0, 0],
      ["Phòng Lao động", 0, 0, 0, 1],
    ]);
  });

  it("shows an earlier year when the current one has nothing yet, and nothing from the future", () => {
    expect(progressYear([{ year: 2024 }, { year: 2027 }], 2026)).toBe(2024);
    expect(progressYear([], 2026)).toBeNull();
    expect(taskSummary(tasks, leads, progress, 2024).counts).toEqual({
      BEHIND: 0,
      NOT_STARTED: 0,
      IN_PROGRESS: 1,
      COMPLETED: 0,
      NO_UPDATE: 4,
    });
  });
});

describe("cardData", () => {
  it("writes figures as typed (decimal comma), statuses as letters, and marks the dashboard's year", () => {
    const card = cardData(
      {
        code: "6.13",
        name: "Tỉ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi",
        unit: "%",
        direction: "LOWER_BETTER",
        depth: 1,
        status: "AT_RISK",
        chart: null,
        baselineValue: 27.5,
        baselineYear: 2023,
        baselineText: null,
        targets: [target(2025, "NONE", null, null, "-"), target(2030, "BELOW", null, 23, "dưới 23%")],
        actuals: [
          { year: 2024, value: 26.1, text: "26,1", status: "ON_TRACK", isIllustrative: true },
          { year: 2025, value: 25.9, text: "", status: "AT_RISK", isIllustrative: true },
        ],
      },
      2025,
      (v) => formatVietnameseNumber(v),
    );
    expect(card).toEqual({
      code: "6.13",
      name: "Tỉ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi",
      unit: "%",
      lowerBetter: true,
      indent: 0,
      status: "R",
      rows: [
        ["Cơ sở (2023)", "27,5", "", false],
        ["2024", "26,1", "O", false],
        ["2025", "25,9", "R", true],
      ],
      targets: [["Mục tiêu 2030", "dưới 23%"]],
      chart: null,
    });
  });
});
