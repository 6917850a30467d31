import { describe, expect, it } from "vitest";
import { formatVietnameseNumber } from "@/domain/decimal";
import { chartYear, publicIndicatorRows, statusCounts, type PublicIndicatorInput } from "./public-model";

const indicator = (over: Partial<PublicIndicatorInput> & { id: string }): PublicIndicatorInput => ({
  parentIndicatorId: null,
  isGroup: false,
  position: 0,
  code: over.id,
  name: `Chỉ tiêu ${over.id}`,
  unit: "%",
  targets: [],
  actuals: [],
  ...over,
});
const actual = (
  year: number,
  text: string,
  value: number | null,
  status: PublicIndicatorInput["actuals"][number]["status"],
) => ({
  year,
  text,
  value,
  status,
  isIllustrative: false,
});
const format = (v: number) => formatVietnameseNumber(v);

describe("publicIndicatorRows", () => {
  const group = indicator({ id: "g", isGroup: true, code: "7", name: "Y tế", unit: null });
  const a = indicator({
    id: "a",
    parentIndicatorId: "g",
    position: 1,
    targets: [
      { year: 2025, text: "≥ 95%" },
      { year: 2030, text: " khoảng 99,5% " },
    ],
    actuals: [actual(2024, "93,1", 93.1, "ON_TRACK"), actual(2025, "", 96.25, "MET")],
  });
  const b = indicator({ id: "b", parentIndicatorId: "g", position: 0, targets: [{ year: 2030, text: "2-2,5" }] });
  const rows = publicIndicatorRows([a, group, b], format);

  it("keeps document order, with groups as headings and their depth", () => {
    expect(rows.map((r) => [r.id, r.depth, r.isGroup])).toEqual([
      ["g", 0, true],
      ["b", 1, false],
      ["a", 1, false],
    ]);
  });

  it("writes the 2025 and 2030 targets as the document does, and nothing where it sets none", () => {
    expect(rows[2]!.targets).toEqual({ 2025: "≥ 95%", 2030: "khoảng 99,5%" });
    expect(rows[1]!.targets).toEqual({ 2025: "", 2030: "2-2,5" });
  });

  it("shows the latest actual as typed, else its value with a decimal comma, with its year and status", () => {
    expect(rows[2]!.latest).toEqual({ year: 2025, text: "96,25", status: "MET", isIllustrative: false });
    const typed = publicIndicatorRows(
      [indicator({ id: "c", actuals: [actual(2024, "Đảm bảo vững", null, "MET")] })],
      format,
    );
    expect(typed[0]!.latest?.text).toBe("Đảm bảo vững");
    const blank = publicIndicatorRows([indicator({ id: "d", actuals: [actual(2024, "", null, "NO_DATA")] })], format);
    expect(blank[0]!.latest?.text).toBe("—");
  });

  it("has no latest figure for a group or an indicator without any", () => {
    expect(rows[0]!.latest).toBeNull();
    expect(rows[1]!.latest).toBeNull();
  });
});

describe("chartYear and statusCounts", () => {
  const list = [
    indicator({ id: "g", isGroup: true }),
    indicator({ id: "a", actuals: [actual(2024, "1", 1, "AT_RISK"), actual(2025, "2", 2, "MET")] }),
    indicator({ id: "b", actuals: [actual(2024, "1", 1, "OFF_TRACK"), actual(2027, "9", 9, "MET")] }),
    indicator({ id: "c" }),
  ];

  it("counts the latest year with figures, not one after the current year", () => {
    expect(chartYear(list, 2026)).toBe(2025);
    expect(chartYear(list, 2024)).toBe(2024);
    expect(chartYear(list, 2023)).toBeNull();
    expect(chartYear([], 2026)).toBeNull();
  });

  it("counts every indicator (not groups) by its status that year, no figure as no data, every status listed in order", () => {
    expect(statusCounts(list, 2025)).toEqual([
      { status: "MET", count: 1 },
      { status: "ON_TRACK", count: 0 },
      { status: "AT_RISK", count: 0 },
      { status: "OFF_TRACK", count: 0 },
      { status: "NO_DATA", count: 2 },
    ]);
    expect(statusCounts(list, 2024).map((c) => c.count)).toEqual([0, 0, 1, 1, 1]);
    expect(statusCounts(list, null).map((c) => c.count)).toEqual([0, 0, 0, 0, 3]);
  });
});
