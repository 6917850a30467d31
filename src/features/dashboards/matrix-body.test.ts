import { describe, expect, it } from "vitest";
import { cellTip, type MatrixColumn } from "./matrix-body";

const labels = { M: "Đạt/vượt", O: "Đúng tiến độ", R: "Có nguy cơ", X: "Chậm tiến độ", N: "Chưa có số liệu" };
const column: MatrixColumn = { code: "3.1", name: "Tỷ lệ tham gia BHXH", unit: "%", targets: "2030: 25%" };

describe("cellTip", () => {
  const row = { label: "Thị ủy Mộc Châu", cells: "O-N", values: { 0: "21,5" }, targets: {} as Record<number, string> };
  it("says the figure of the year against the target, and the status", () => {
    expect(cellTip(row, column, 0, 2025, labels)).toBe(
      "Thị ủy Mộc Châu — 3.1 Tỷ lệ tham gia BHXH (%)\nNăm 2025: 21,5 · mục tiêu 2030: 25%\nĐánh giá: Đúng tiến độ",
    );
  });
  it("gives the locality's own target where it differs, with the parent's beside it", () => {
    expect(cellTip({ ...row, targets: { 0: "2030: 20%" } }, column, 0, 2025, labels)).toContain(
      "mục tiêu của địa phương 2030: 20% (cấp trên: 2030: 25%)",
    );
  });
  it("says when there is no figure, or no such indicator in the plan", () => {
    expect(cellTip(row, column, 2, 2025, labels)).toContain("Năm 2025: chưa có số liệu · mục tiêu 2030: 25%");
    expect(cellTip(row, column, 1, 2025, labels)).toBe(
      "Thị ủy Mộc Châu — 3.1 Tỷ lệ tham gia BHXH (%): kế hoạch không có chỉ tiêu này.",
    );
    expect(cellTip(row, { ...column, targets: null }, 0, 2025, labels)).toContain("chưa có mục tiêu");
  });
});
