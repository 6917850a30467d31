import { describe, expect, it } from "vitest";
import {
  FORMAT_BUDGET,
  literalFormat,
  NumberFormats,
  notationFormat,
  writtenActual,
  writtenNumber,
} from "./excel-numbers";

describe("writtenNumber", () => {
  it("reads plain numbers and one-bound targets, keeping the words around the number", () => {
    expect(writtenNumber("24,01")).toEqual({ text: "24,01", value: 24.01, prefix: "", suffix: "", decimals: 2 });
    expect(writtenNumber("1.500")).toMatchObject({ value: 1500, decimals: 0 });
    expect(writtenNumber("dưới 4%")).toMatchObject({ value: 4, prefix: "dưới ", suffix: "%" });
    expect(writtenNumber("3,5% trở lên")).toMatchObject({ value: 3.5, prefix: "", suffix: "% trở lên", decimals: 1 });
    expect(writtenNumber("khoảng trên 40%")).toMatchObject({ value: 40, prefix: "khoảng trên ", suffix: "%" });
  });

  it("leaves ranges, words, dashes and blanks as text", () => {
    for (const text of ["2-2,5", "30 - 35", "Tiểu học", "Giải quyết cơ bản", "-", "", null]) {
      expect(writtenNumber(text), String(text)).toBeNull();
    }
  });
});

describe("formats", () => {
  it("shows the written text for the written value and the notation for any other", () => {
    const n = writtenNumber("dưới 1,2%")!;
    expect(literalFormat(n)).toBe('[=1.2]"dưới 1,2%";"dưới "0.0"%"');
    expect(notationFormat(n)).toBe('"dưới "0.0"%"');
  });

  it("writes an actual without text the Vietnamese way", () => {
    expect(writtenActual(null, 97.62)).toMatchObject({ text: "97,62", value: 97.62 });
    expect(writtenActual("98,50", 98.5)).toMatchObject({ text: "98,50", decimals: 2 });
    expect(writtenActual("Đảm bảo", null)).toBeNull();
  });

  it("falls back to notation formats for the whole workbook past Excel's limit", () => {
    const few = new NumberFormats([writtenNumber("1,5"), writtenNumber("1,5"), writtenNumber("<4")]);
    expect(few.asWritten).toBe(true);
    const many = new NumberFormats(Array.from({ length: FORMAT_BUDGET + 1 }, (_, i) => writtenNumber(`${i},5`)));
    expect(many.asWritten).toBe(false);
    expect(many.format(writtenNumber("7,25")!)).toBe("0.00");
  });
});
