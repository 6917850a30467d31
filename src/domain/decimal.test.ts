import { describe, expect, it } from "vitest";
import { formatVietnameseNumber, parseVietnameseNumber } from "./decimal";

describe("parseVietnameseNumber", () => {
  it.each([
    ["1,2", 1.2],
    ["24,01", 24.01],
    ["5,60", 5.6],
    ["99,5", 99.5],
    ["0,7", 0.7],
    ["100", 100],
    ["0", 0],
    ["01", 1],
    ["10.000", 10000],
    ["1.000.000", 1000000],
    ["1.500,5", 1500.5],
    ["12.345,678", 12345.678],
    ["  8,27  ", 8.27],
    ["-3", -3],
    ["−2,5", -2.5],
    ["+4", 4],
  ])("reads %j as %d", (text, expected) => {
    expect(parseVietnameseNumber(text)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["1.2", "a dot before fewer than three digits is not a thousands separator"],
    ["1.2345", "a dot before four digits"],
    ["1.2.3", "several dots that are not thousand groups"],
    ["1000.000", "a first group longer than three digits"],
    ["1,2,3", "two decimal commas"],
    [",5", "no integer part"],
    ["5,", "no fraction after the comma"],
    ["abc", "letters"],
    ["12a", "trailing letters"],
    ["1 000", "a space inside"],
    ["-", "a sign alone"],
    ["1e3", "exponent notation"],
    ["Infinity", "Infinity"],
  ])("rejects %j (%s)", (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });

  it("never returns negative zero", () => {
    expect(Object.is(parseVietnameseNumber("-0"), 0)).toBe(true);
  });
});

describe("formatVietnameseNumber", () => {
  it.each([
    [1.2, "1,2"],
    [10000, "10.000"],
    [1500.5, "1.500,5"],
    [1234567.25, "1.234.567,25"],
    [100, "100"],
    [999, "999"],
    [1000, "1.000"],
    [0, "0"],
    [5.6, "5,6"],
    [24.01, "24,01"],
    [-2.5, "-2,5"],
    [-1234, "-1.234"],
    [0.1 + 0.2, "0,3"],
  ])("writes %d as %j", (value, expected) => {
    expect(formatVietnameseNumber(value)).toBe(expected);
  });

  it("never writes a decimal point", () => {
    for (const v of [1.2, 0.5, 99.99, 1234.5]) expect(formatVietnameseNumber(v)).not.toMatch(/\d\.\d{1,2}$/);
  });

  it("limits fraction digits, given as a number or an option", () => {
    expect(formatVietnameseNumber(2 / 3, 2)).toBe("0,67");
    expect(formatVietnameseNumber(2 / 3, { maxFractionDigits: 1 })).toBe("0,7");
    expect(formatVietnameseNumber(1.25, 0)).toBe("1");
    expect(formatVietnameseNumber(1.5, 0)).toBe("2");
  });

  it("rounds on the written value, not the binary one", () => {
    expect(formatVietnameseNumber(1.005, 2)).toBe("1,01");
    expect(formatVietnameseNumber(-1.005, 2)).toBe("-1,01");
  });

  it("pads to a minimum number of fraction digits", () => {
    expect(formatVietnameseNumber(45, { minFractionDigits: 1 })).toBe("45,0");
    expect(formatVietnameseNumber(5.6, { minFractionDigits: 2 })).toBe("5,60");
    expect(formatVietnameseNumber(1.23456, { minFractionDigits: 3, maxFractionDigits: 2 })).toBe("1,23");
  });

  it("can leave thousands ungrouped", () => {
    expect(formatVietnameseNumber(2024, { grouping: false })).toBe("2024");
    expect(formatVietnameseNumber(2024)).toBe("2.024");
  });

  it("does not write a minus sign before a value that rounds to zero", () => {
    expect(formatVietnameseNumber(-0.0001, 2)).toBe("0");
  });

  it("writes nothing for values that are not numbers", () => {
    expect(formatVietnameseNumber(Number.NaN)).toBe("");
    expect(formatVietnameseNumber(Number.POSITIVE_INFINITY)).toBe("");
  });

  it("round-trips through parseVietnameseNumber", () => {
    for (const v of [0, 1.2, 24.01, 99.5, 10000, 1500.5, 1234567.891, -3.75]) {
      expect(parseVietnameseNumber(formatVietnameseNumber(v))).toBe(v);
    }
  });
});
