import { describe, expect, it } from "vitest";
import { BOM, CsvError, parseCsv, toCsv } from "./csv";

describe("CSV (RFC 4180)", () => {
  it("writes a byte-order mark, CRLF, and quotes only what needs it", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["1", 2],
      ]),
    ).toBe(`${BOM}a,b\r\n1,2\r\n`);
    expect(toCsv([["2,5", 'nói "có"', "dòng\nhai", "x;y", " lề", null, undefined]])).toBe(
      `${BOM}"2,5","nói ""có""","dòng\nhai","x;y"," lề",,\r\n`,
    );
  });

  it("reads back what it writes, Vietnamese text included", () => {
    const rows = [
      ["Mã chỉ tiêu", "Kết quả", "Ghi chú"],
      ["1.1", "24,01%", 'Theo "báo cáo" của Sở,\r\nđã rà soát'],
      ["1.2", "", "Tỷ lệ hộ nghèo dưới 1,2%"],
      ["", "", ""],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it("accepts LF, no mark, no final line break, and skips blank lines", () => {
    expect(parseCsv("a,b\n\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\r\n1,2\r\n\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("")).toEqual([]);
  });

  it("reads semicolon-separated files (Excel with a decimal comma)", () => {
    expect(parseCsv(`${BOM}Mã;Kết quả\r\n1.1;2,5\r\n1.2;"a;b"\r\n`)).toEqual([
      ["Mã", "Kết quả"],
      ["1.1", "2,5"],
      ["1.2", "a;b"],
    ]);
  });

  it("keeps commas of the header's quoted fields out of the delimiter count", () => {
    expect(parseCsv('"a,b,c";d;e\n1;2;3')).toEqual([
      ["a,b,c", "d", "e"],
      ["1", "2", "3"],
    ]);
  });

  it("names the line of a quote left open", () => {
    expect(() => parseCsv('a,b\n1,"2\n3,4')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,"2\n3,4');
    } catch (error) {
      expect((error as CsvError).line).toBe(2);
      expect((error as CsvError).message).toMatch(/^Dòng 2: dấu ngoặc kép/);
    }
  });
});
