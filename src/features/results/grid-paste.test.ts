import { describe, expect, it } from "vitest";
import { pasteBlock, pasteNotice } from "./grid-paste";

const rowIds = ["a", "b", "c"];

describe("a block pasted into the results grid", () => {
  it("leaves a single value to the cell that has focus", () => {
    expect(pasteBlock("24,01", { rowIds, row: 0, column: "text" })).toBeNull();
    expect(pasteBlock("24,01\n", { rowIds, row: 0, column: "text" })).toBeNull();
  });

  it("fills a column down from the cell pasted into", () => {
    const pasted = pasteBlock("24,01\n1.500\n", { rowIds, row: 1, column: "text" });
    expect(pasted).toEqual({ patches: { b: { text: "24,01" }, c: { text: "1.500" } }, used: 2, skipped: 0 });
  });

  it("spreads tab-separated cells over the text columns to the right (actual, note, source)", () => {
    const pasted = pasteBlock("95%\tSơ bộ\tCục Thống kê\textra\n 80 \t\t", { rowIds, row: 0, column: "text" });
    expect(pasted?.patches).toEqual({
      a: { text: "95%", note: "Sơ bộ", source: "Cục Thống kê" },
      b: { text: "80", note: "", source: "" },
    });
    expect(pasteBlock("ghi chú\tnguồn\nx\ty", { rowIds, row: 0, column: "note" })?.patches).toEqual({
      a: { note: "ghi chú", source: "nguồn" },
      b: { note: "x", source: "y" },
    });
  });

  it("leaves out the lines past the last row and says so", () => {
    const pasted = pasteBlock("1\n2\n3\n4", { rowIds, row: 1, column: "text" })!;
    expect(pasted.used).toBe(2);
    expect(pasted.skipped).toBe(2);
    expect(Object.keys(pasted.patches)).toEqual(["b", "c"]);
    expect(pasteNotice(pasted)).toBe("Đã dán 2 dòng; bỏ qua 2 dòng vượt quá cuối bảng. Nhấn “Lưu kết quả” để lưu.");
    expect(pasteNotice({ ...pasted, skipped: 0 })).toBe("Đã dán 2 dòng. Nhấn “Lưu kết quả” để lưu.");
  });

  it("reads Excel's quoted cells", () => {
    expect(pasteBlock('"a ""b"""\n2', { rowIds, row: 0, column: "source" })?.patches.a).toEqual({ source: 'a "b"' });
  });
});
