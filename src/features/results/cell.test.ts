import { describe, expect, it } from "vitest";
import { isMultiCellPaste, readActualCell, splitPastedBlock } from "./cell";

describe("readActualCell", () => {
  it("reads numbers as officials write them", () => {
    expect(readActualCell("24,01", "numeric")).toEqual({ ok: true, text: "24,01", value: 24.01 });
    expect(readActualCell(" 1.500,5 ", "numeric")).toEqual({ ok: true, text: "1.500,5", value: 1500.5 });
    expect(readActualCell("95%", "numeric")).toEqual({ ok: true, text: "95%", value: 95 });
    expect(readActualCell("", "numeric")).toEqual({ ok: true, text: "", value: null });
  });

  it("refuses what it cannot read, keeping the text and saying how to write it", () => {
    const dot = readActualCell("1.2", "numeric");
    expect(dot).toMatchObject({ ok: false, text: "1.2" });
    expect(dot.ok ? "" : dot.error).toContain("1,2");
    const words = readActualCell("khoảng 90", "numeric");
    expect(words).toMatchObject({ ok: false, text: "khoảng 90" });
    expect(words.ok ? "" : words.error).toMatch(/cần một số/);
    const english = readActualCell("1,500.5", "numeric");
    expect(english.ok ? "" : english.error).toMatch(/1\.500,5/);
  });

  it("keeps qualitative results as written, with their number when they have one", () => {
    expect(readActualCell("Đảm bảo vững", "qualitative")).toEqual({ ok: true, text: "Đảm bảo vững", value: null });
    expect(readActualCell("12", "qualitative")).toEqual({ ok: true, text: "12", value: 12 });
  });
});

describe("pasting from Excel", () => {
  it("splits a column into lines and drops the trailing newline", () => {
    expect(splitPastedBlock("95,5\r\n1,2\r\n\r\n7\r\n")).toEqual([["95,5"], ["1,2"], [""], ["7"]]);
    expect(isMultiCellPaste("95,5\n")).toBe(false);
    expect(isMultiCellPaste("95,5\n3")).toBe(true);
  });

  it("splits rows into columns on tabs and unquotes cells with line breaks", () => {
    expect(splitPastedBlock('95\tghi chú\t"Phòng ""Văn hóa"""\n')).toEqual([["95", "ghi chú", 'Phòng "Văn hóa"']]);
    expect(isMultiCellPaste("95\tghi chú")).toBe(true);
  });
});
