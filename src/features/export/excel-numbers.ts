import { formatVietnameseNumber, parseVietnameseNumber } from "@/domain/decimal";
import { parseTarget } from "@/domain/target-notation";

// Figures in the Excel files are numbers a clerk can sum and filter, shown exactly as the plan
// writes them ("24,01", "dưới 4%", "3,5% trở lên") whatever the reader's regional settings.
//
// Excel has no way to fix the decimal mark in a number format: "0.00" shows "24.01" on a computer
// set to English and "24,01" on one set to Vietnamese. So each written figure gets a conditional
// format, `[=24.01]"24,01";"dưới "0.00"%"`: the stored value shows as written, and a value a clerk
// types over it shows in the reader's own way with the same notation around it. Excel refuses a
// workbook with more than about 200 number formats (it offers to "repair" the file and drops them),
// so a workbook whose figures need more than FORMAT_BUDGET formats uses the notation formats alone
// (`"dưới "0.00"%"`) for all of them: the notation stays, the decimal mark follows the reader.

export const FORMAT_BUDGET = 150;

/** A figure as written: its value, the words around it and the decimals written. */
export type WrittenNumber = { text: string; value: number; prefix: string; suffix: string; decimals: number };

const NUMBER_TOKEN = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;
const SINGLE_BOUND = new Set(["EXACT", "BELOW", "ABOVE", "AT_LEAST", "AT_MOST", "APPROXIMATELY"]);

/**
 * A written cell as a number with its notation: a plain number ("99,5", "1.500"), or a target with
 * one bound ("dưới 4%", "≥1", "khoảng trên 40%"). Null for text ("Tiểu học"), ranges ("2-2,5"),
 * blanks and "-", which stay as written.
 */
export function writtenNumber(text: string | null | undefined): WrittenNumber | null {
  const written = text?.replace(/\s+/g, " ").trim() ?? "";
  if (!written || !/\d/.test(written)) return null;
  const plain = parseVietnameseNumber(written);
  if (plain !== null) return { text: written, value: plain, prefix: "", suffix: "", decimals: decimalsOf(written) };
  const parsed = parseTarget(written);
  if (!parsed.ok || !SINGLE_BOUND.has(parsed.target.kind)) return null;
  const bound = parsed.target.lower ?? parsed.target.upper;
  const tokens = [...written.matchAll(NUMBER_TOKEN)];
  if (bound === null || tokens.length !== 1) return null;
  const token = tokens[0]!;
  if (parseVietnameseNumber(token[0]) !== bound) return null;
  return {
    text: written,
    value: bound,
    prefix: written.slice(0, token.index),
    suffix: written.slice(token.index! + token[0].length),
    decimals: decimalsOf(token[0]),
  };
}

/** An actual: its text when that is the number, else the number written the Vietnamese way. */
export function writtenActual(actual: string | null, value: number | null): WrittenNumber | null {
  const written = writtenNumber(actual);
  if (written && value !== null && Math.abs(written.value - value) < 1e-9) return written;
  if (value === null || !Number.isFinite(value)) return null;
  const text = formatVietnameseNumber(value);
  return { text, value, prefix: "", suffix: "", decimals: decimalsOf(text) };
}

function decimalsOf(token: string): number {
  const comma = token.indexOf(",");
  return comma < 0 ? 0 : token.length - comma - 1;
}

/** Text inside a format's quotes: a double quote would end it early. */
function quoted(text: string): string {
  return text ? `"${text.replace(/"/g, "”")}"` : "";
}

/** The notation around the number, the number with the decimals written (no grouping: "1500"). */
export function notationFormat(n: Pick<WrittenNumber, "prefix" | "suffix" | "decimals">): string {
  const digits = n.decimals > 0 ? `0.${"0".repeat(n.decimals)}` : "0";
  return `${quoted(n.prefix)}${digits}${quoted(n.suffix)}`;
}

/** The value shows as written, anything else in the notation format. */
export function literalFormat(n: WrittenNumber): string {
  return `[=${n.value}]${quoted(n.text)};${notationFormat(n)}`;
}

/** Decides once per workbook whether its figures can be shown as written (see the comment above). */
export class NumberFormats {
  readonly asWritten: boolean;

  constructor(figures: Iterable<WrittenNumber | null>) {
    const formats = new Set<string>();
    for (const n of figures) if (n) formats.add(literalFormat(n));
    this.asWritten = formats.size <= FORMAT_BUDGET;
  }

  format(n: WrittenNumber): string {
    return this.asWritten ? literalFormat(n) : notationFormat(n);
  }
}
