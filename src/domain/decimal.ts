/**
 * Numbers as Vietnamese officials write them: a comma before the decimals ("1,2"; "24,01")
 * and a dot between thousands ("10.000"; "1.500,5").
 *
 * A dot is accepted only as a thousands separator, i.e. when every dot is followed by exactly
 * three digits. "1.2" is therefore rejected instead of being guessed: accepting it as 1.2 would
 * make "1.500" ambiguous (1,5 or 1500?), and a target silently read a thousand times too big or
 * too small is worse than an error that tells the user to write "1,2".
 */

const INTEGER_PART = /^(?:\d+|\d{1,3}(?:\.\d{3})+)$/;
const FRACTION_PART = /^\d+$/;
const MINUS_SIGNS = /^[-\u2212]/;

/** Reads "1,2" → 1.2, "10.000" → 10000, "1.500,5" → 1500.5, "-3" → -3; anything else → null. */
export function parseVietnameseNumber(text: string): number | null {
  let s = text.trim();
  if (s === "") return null;

  let sign = 1;
  if (MINUS_SIGNS.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }

  const parts = s.split(",");
  if (parts.length > 2) return null;
  const [integerPart, fractionPart] = parts as [string, string | undefined];
  if (!INTEGER_PART.test(integerPart)) return null;
  if (fractionPart !== undefined && !FRACTION_PART.test(fractionPart)) return null;

  const canonical = integerPart.replaceAll(".", "") + (fractionPart === undefined ? "" : `.${fractionPart}`);
  const value = Number(canonical);
  if (!Number.isFinite(value)) return null;
  // Avoid returning -0, which prints as "0" but compares oddly with Object.is in tests and UI state.
  return sign === -1 && value !== 0 ? -value : value;
}

export interface VietnameseNumberFormat {
  /** Digits kept after the comma; trailing zeros are dropped. Default 6, enough to hide float noise. */
  maxFractionDigits?: number;
  /** Digits always shown after the comma ("45,0"). Default 0. */
  minFractionDigits?: number;
  /** Group thousands with dots ("10.000"). Default true; turn off for years or codes. */
  grouping?: boolean;
}

export const DEFAULT_MAX_FRACTION_DIGITS = 6;

/**
 * 1.2 → "1,2"; 10000 → "10.000"; never "1.2". The second argument is either the maximum number
 * of fraction digits or a full options object. Non-finite numbers give "" so that a bad value
 * shows as an empty cell instead of "NaN" in a report.
 */
export function formatVietnameseNumber(value: number, options: number | VietnameseNumberFormat = {}): string {
  if (!Number.isFinite(value)) return "";
  const opts: VietnameseNumberFormat = typeof options === "number" ? { maxFractionDigits: options } : options;
  const maxDigits = clampDigits(opts.maxFractionDigits ?? DEFAULT_MAX_FRACTION_DIGITS);
  const minDigits = Math.min(clampDigits(opts.minFractionDigits ?? 0), maxDigits);
  const grouping = opts.grouping ?? true;

  const rounded = roundHalfAwayFromZero(Math.abs(value), maxDigits);
  const fixed = rounded.toFixed(maxDigits);
  const [integerDigits = "0", rawFraction = ""] = fixed.split(".");
  let fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length < minDigits) fraction = fraction.padEnd(minDigits, "0");

  const integerText = grouping ? integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : integerDigits;
  const isZero = Number(fixed) === 0;
  const sign = value < 0 && !isZero ? "-" : "";
  return sign + integerText + (fraction === "" ? "" : `,${fraction}`);
}

function clampDigits(n: number): number {
  if (!Number.isFinite(n)) return DEFAULT_MAX_FRACTION_DIGITS;
  return Math.min(Math.max(Math.trunc(n), 0), 20);
}

/**
 * toFixed rounds on the binary value, so 1.005 becomes "1.00". Shifting through the decimal
 * exponent rounds on the written value, which is what a person checking a report expects.
 */
function roundHalfAwayFromZero(value: number, digits: number): number {
  const shifted = Number(`${value}e${digits}`);
  if (!Number.isFinite(shifted)) return value;
  const result = Number(`${Math.round(shifted)}e-${digits}`);
  return Number.isFinite(result) ? result : value;
}
