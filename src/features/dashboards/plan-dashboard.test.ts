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
  valueScale,
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
      label: "95–97",
    });
    expect(targetMark(target(2030, "APPROXIMATELY", 75, 75, "khoảng 75 tuổi"))).toEqual({
      year: 2030,
      from: 71.25,
      to: 78.75,
      band: true,
      text: "khoảng 75 tuổi",
      label: "≈75",
    });
    expect(targetMark(target(2025, "AT_LEAST", 68, null, "tối thiểu 68 năm"))).toMatchObject({
      from: 68,
      to: 68,
      band: false,
      label: "≥68",
    });
    expect(targetMark({ ...target(2025, "BELOW", null, 23, "dưới 23%"), isPercent: true })).toMatchObject({
      from: 23,
      to: 23,
      band: false,
      label: "<23%",
    });
    expect(targetMark({ ...target(2030, "EXACT", 24.01, 24.01, "24,01%"), isPercent: true })!.label).toBe("24,01%");
    expect(targetMark(target(2030, "QUALITATIVE", null, null, "Xóa bỏ hoàn toàn"))).toBeNull();
    expect(targetMark(target(2030, "NONE", null, null, "-"))).toBeNull();
  });
});

describe("valueScale", () => {
  const labels = (values: number[], percent = false) => {
    const scale = valueScale(values, percent);
    return scale.ticks.map((t) => formatVietnameseNumber(t, scale.decimals));
  };
  it("puts round ticks that never read alike, with the decimals their step needs", () => {
    // The walkthrough's HDI axis read "0,6 0,7 0,7 0,8 0,8".
    const hdi = labels([0.65, 0.7, 0.72]);
    expect(new Set(hdi).size).toBe(hdi.length);
    expect(hdi).toEqual(["0,64", "0,66", "0,68", "0,7", "0,72", "0,74"]);
    for (const values of [
      [0.6, 0.8],
      [20, 30],
      [0.5, 3],
      [1, 1.2],
      [1234, 1500],
      [95, 99.6],
      [5, 5],
      [0, 0.07],
    ]) {
      const l = labels(values);
      expect(new Set(l).size, values.join("–")).toBe(l.length);
      expect(l.length, values.join("–")).toBeGreaterThanOrEqual(3);
      expect(l.length, values.join("–")).toBeLessThanOrEqual(8);
    }
  });
  it("leaves room around the figures, not below zero, not above 100 for percentages", () => {
    expect(valueScale([20, 30], false)).toEqual({
      domain: [17.5, 32.5],
      ticks: [17.5, 20, 22.5, 25, 27.5, 30, 32.5],
      decimals: 1,
    });
    expect(valueScale([90, 100], true).domain).toEqual([87.5, 100]);
    expect(valueScale([0, 10], false).domain[0]).toBe(0);
    expect(valueScale([5, 5], false).domain).toEqual([3.5, 6.5]);
    const scale = valueScale([88, 97], true);
    expect(scale.domain[0]).toBeLessThan(88);
    expect(scale.domain[1]).toBeGreaterThan(97);
    expect(scale.domain[1]).toBeLessThanOrEqual(100);
  });
});

describe("chartModel", () => {
  const base = {
    direction: "HIGHER_BETTER" as const,
    unit: "%",
    baselineValue: null,
    baselineYear: null,
    targets: [] as DashboardTarget[],
    actuals: [] as Parameters<typeof chartModel>[0]["actuals"],
  };
  it("draws every year from the baseline to 2030: actuals with their status, the trajectory, the labelled targets", () => {
    const model = chartModel({
      ...base,
      baselineValue: 88,
      baselineYear: 2023,
      targets: [target(2030, "RANGE", 95, 97, "95-97"), target(2025, "EXACT", 92, 92, "92")],
      actuals: [
        { year: 2025, value: 91, text: "91", status: "AT_RISK", isIllustrative: false },
        { year: 2024, value: 90, text: "90", status: "ON_TRACK", isIllustrative: false },
        { year: 2026, value: null, text: "", status: "NO_DATA", isIllustrative: false },
      ],
    })!;
    expect(model.x).toEqual([2023, 2030]);
    expect(model.rows.map((r) => r.year)).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    const at = (year: number) => model.rows.find((r) => r.year === year)!;
    expect(at(2023)).toMatchObject({ baseline: 88, expected: 88 });
    expect(at(2024)).toMatchObject({ actual: 90, status: "ON_TRACK", expected: 90 });
    expect(at(2025)).toMatchObject({ actual: 91, status: "AT_RISK", expected: 92, target: 92, targetLabel: "92" });
    expect(at(2026).actual).toBeUndefined();
    expect(at(2030)).toMatchObject({ target: 96, targetLabel: "95–97", targetText: "95-97", expected: 95 });
    expect(model.bands).toEqual([{ year: 2030, from: 95, to: 97 }]);
    expect(model.y[0]).toBeLessThan(88);
    expect(model.y[1]).toBeGreaterThanOrEqual(97);
    expect(model.y[1]).toBeLessThanOrEqual(100);
    expect(model.percent).toBe(true);
  });

  it("draws the targets on the years axis before any figure is entered (the walkthrough's empty plot)", () => {
    const model = chartModel({
      ...base,
      targets: [target(2025, "AT_LEAST", 90, null, "≥90"), target(2030, "EXACT", 95, 95, "95")],
    })!;
    expect(model.x).toEqual([2024, 2030]);
    expect(model.rows).toHaveLength(7);
    expect(model.rows.filter((r) => r.target !== undefined).map((r) => [r.year, r.targetLabel])).toEqual([
      [2025, "≥90"],
      [2030, "95"],
    ]);
    // No start, no trajectory.
    expect(model.rows.some((r) => r.expected !== undefined)).toBe(false);
  });

  it("draws nothing for a qualitative indicator or one without any number", () => {
    expect(chartModel({ ...base, direction: "QUALITATIVE", unit: null })).toBeNull();
    expect(
      chartModel({ ...base, unit: null, targets: [target(2030, "QUALITATIVE", null, null, "Bảo đảm")] }),
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
      assessed: "Đánh giá: ↓ càng thấp càng tốt.",
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

  it("says on the card which way a contradictory indicator is assessed, and why", () => {
    const card = cardData(
      {
        code: "2.1",
        name: "Tỷ lệ thất nghiệp khu vực thành thị",
        unit: "%",
        direction: "LOWER_BETTER",
        depth: 1,
        status: "MET",
        chart: null,
        baselineValue: null,
        baselineYear: null,
        baselineText: null,
        targets: [{ ...target(2030, "AT_LEAST", 3.5, null, "3,5% trở lên"), isPercent: true }],
        actuals: [],
      },
      2025,
      (v) => formatVietnameseNumber(v),
    );
    expect(card.assessed).toMatch(
      /^Đánh giá: ↑ càng cao càng tốt\. Theo mục tiêu “3,5% trở lên” \(2030\), dù chiều đánh giá đã chọn là “Càng thấp càng tốt”\. ⚠ Mục tiêu “3,5% trở lên”/,
    );
  });
});
