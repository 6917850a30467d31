/**
 * What a read target means: whether a measured value satisfies it, whether a child plan's target
 * asks for more than its parent's, and which way is better for an indicator. It is apart from
 * target-notation.ts, which reads and writes the notation and needs none of this.
 */

import type { Direction, Target } from "./target-notation";
import { normalizeName } from "./vietnamese-text";

export type Ambition = "STRONGER" | "SAME" | "WEAKER" | "NOT_COMPARABLE";

/** How far from an "approximately" value still counts as meeting it (relative, ±5%). */
export const APPROXIMATE_TOLERANCE = 0.05;

// ---------------------------------------------------------------------------------------------
// Meaning

export function isNumericTarget(t: Target): boolean {
  return t.kind !== "NONE" && t.kind !== "QUALITATIVE";
}

const EPSILON = 1e-9;

function approxBand(v: number): { min: number; max: number } {
  const d = Math.abs(v) * APPROXIMATE_TOLERANCE;
  return { min: v - d, max: v + d };
}

/**
 * Whether a measured value satisfies the target. Without a direction the target is read
 * literally (EXACT means equal, RANGE means inside, APPROXIMATELY means within ±5%).
 * With HIGHER_BETTER or LOWER_BETTER, doing better than asked also satisfies it: 50% against
 * "45" is "Đạt/vượt", and 1,8% unemployment against "2-2,5" is met, as officials report it.
 * Qualitative and empty targets have no numeric meaning and are never matched.
 */
export function targetMatches(target: Target, value: number, direction?: Direction): boolean {
  if (!Number.isFinite(value)) return false;
  const { lower, upper } = target;
  const higher = direction === "HIGHER_BETTER";
  const lowerBetter = direction === "LOWER_BETTER";
  switch (target.kind) {
    case "NONE":
    case "QUALITATIVE":
      return false;
    case "BELOW":
      return upper !== null && value < upper - EPSILON;
    case "AT_MOST":
      return upper !== null && value <= upper + EPSILON;
    case "ABOVE":
      return lower !== null && value > lower + EPSILON;
    case "AT_LEAST":
      return lower !== null && value >= lower - EPSILON;
    case "EXACT": {
      if (lower === null) return false;
      if (higher) return value >= lower - EPSILON;
      if (lowerBetter) return value <= lower + EPSILON;
      return Math.abs(value - lower) <= EPSILON;
    }
    case "APPROXIMATELY": {
      if (lower === null) return false;
      const band = approxBand(lower);
      if (higher) return value >= band.min - EPSILON;
      if (lowerBetter) return value <= band.max + EPSILON;
      return value >= band.min - EPSILON && value <= band.max + EPSILON;
    }
    case "RANGE": {
      if (lower === null || upper === null) return false;
      if (higher) return value >= lower - EPSILON;
      if (lowerBetter) return value <= upper + EPSILON;
      return value >= lower - EPSILON && value <= upper + EPSILON;
    }
  }
}

/** An interval of accepted values; `open` ends exclude the bound itself. */
interface Interval {
  min: number;
  minOpen: boolean;
  max: number;
  maxOpen: boolean;
}

function intervalOf(t: Target): Interval | null {
  const { lower, upper } = t;
  switch (t.kind) {
    case "EXACT":
    case "APPROXIMATELY":
      return lower === null ? null : { min: lower, minOpen: false, max: lower, maxOpen: false };
    case "RANGE":
      return lower === null || upper === null ? null : { min: lower, minOpen: false, max: upper, maxOpen: false };
    case "ABOVE":
      return lower === null ? null : { min: lower, minOpen: true, max: Infinity, maxOpen: true };
    case "AT_LEAST":
      return lower === null ? null : { min: lower, minOpen: false, max: Infinity, maxOpen: true };
    case "BELOW":
      return upper === null ? null : { min: -Infinity, minOpen: true, max: upper, maxOpen: true };
    case "AT_MOST":
      return upper === null ? null : { min: -Infinity, minOpen: true, max: upper, maxOpen: false };
    case "NONE":
    case "QUALITATIVE":
      return null;
  }
}

/** Compares two bounds: positive when `a` asks for more in the given sense. */
function compareFloor(a: Interval, b: Interval): number {
  if (!near(a.min, b.min)) return a.min - b.min;
  return Number(a.minOpen) - Number(b.minOpen);
}

function compareCeiling(a: Interval, b: Interval): number {
  if (!near(a.max, b.max)) return b.max - a.max;
  return Number(a.maxOpen) - Number(b.maxOpen);
}

function near(a: number, b: number): boolean {
  // a === b covers two equal infinities, whose difference is NaN.
  return a === b || Math.abs(a - b) <= EPSILON;
}

function contains(outer: Interval, inner: Interval): boolean {
  const minOk = near(outer.min, inner.min) ? !outer.minOpen || inner.minOpen : outer.min < inner.min;
  const maxOk = near(outer.max, inner.max) ? !outer.maxOpen || inner.maxOpen : outer.max > inner.max;
  return minOk && maxOk;
}

function sign(n: number): Ambition {
  return n > 0 ? "STRONGER" : n < 0 ? "WEAKER" : "SAME";
}

/**
 * Whether a child plan asks for more than its parent on the same indicator. For HIGHER_BETTER
 * the floor counts (the least value that satisfies the target; "trên 95%" asks a little more
 * than "≥95%"); for LOWER_BETTER the ceiling ("dưới 4%" under a parent's "dưới 3%" is WEAKER);
 * for WITHIN_RANGE a band inside the parent's is STRONGER and a band around it is WEAKER.
 * A one-sided target pointing the wrong way (a ceiling on a higher-is-better indicator), empty
 * or qualitative targets and different units are NOT_COMPARABLE. A missing "%" alone does not
 * make targets incomparable, because appendix cells omit it when the unit column says "%".
 */
export function compareAmbition(parent: Target, child: Target, direction: Direction): Ambition {
  if (direction === "QUALITATIVE") {
    if (parent.kind !== "QUALITATIVE" || child.kind !== "QUALITATIVE") return "NOT_COMPARABLE";
    const same = normalizeName(parent.qualitative ?? parent.text) === normalizeName(child.qualitative ?? child.text);
    return same ? "SAME" : "NOT_COMPARABLE";
  }
  if (parent.unit && child.unit && normalizeName(parent.unit) !== normalizeName(child.unit)) return "NOT_COMPARABLE";
  const p = intervalOf(parent);
  const c = intervalOf(child);
  if (!p || !c) return "NOT_COMPARABLE";

  if (direction === "HIGHER_BETTER") {
    if (p.min === -Infinity || c.min === -Infinity) return "NOT_COMPARABLE";
    return sign(compareFloor(c, p));
  }
  if (direction === "LOWER_BETTER") {
    if (p.max === Infinity || c.max === Infinity) return "NOT_COMPARABLE";
    return sign(compareCeiling(c, p));
  }
  const childInParent = contains(p, c);
  const parentInChild = contains(c, p);
  if (childInParent && parentInChild) return "SAME";
  if (childInParent) return "STRONGER";
  if (parentInChild) return "WEAKER";
  return "NOT_COMPARABLE";
}

// ---------------------------------------------------------------------------------------------
// Direction

function hasPhrase(key: string, phrase: string): boolean {
  return ` ${key} `.includes(` ${phrase} `);
}

const LOWER_BETTER_PHRASES = [
  "that nghiep",
  "suy dinh duong",
  "thap coi",
  "ti le ho ngheo",
  "ty le ho ngheo",
  "phi chinh thuc",
  "tu vong",
];
// Rates of people reached by a service or benefit are higher-is-better even when they name a
// lower-is-better group ("Tỉ lệ hộ nghèo … được hưởng trợ cấp", "lao động phi chính thức tham gia BHXH").
const COVERAGE_PHRASES = ["duoc", "tham gia", "tiep can", "ho tro"];
const BAND_PHRASES = ["muc sinh", "ti so gioi tinh", "ty so gioi tinh"];

function representativeValue(t: Target): number | null {
  if (t.kind === "RANGE" && t.lower !== null && t.upper !== null) return (t.lower + t.upper) / 2;
  return t.lower ?? t.upper;
}

/**
 * Guesses whether more is better, for a default the user can change. In order:
 * 1. "Mức giảm …" / "Mức tăng …" measure an amount of change: HIGHER_BETTER.
 * 2. Every stated target qualitative: QUALITATIVE.
 * 3. A ceiling target ("<4", "dưới 15%", "≤5"): LOWER_BETTER.
 * 4. Band indicators (mức sinh thay thế, tỷ số giới tính khi sinh): WITHIN_RANGE.
 * 5. Names of bad outcomes (thất nghiệp, suy dinh dưỡng, thấp còi, tỉ lệ hộ nghèo, phi chính
 *    thức, tử vong), unless the name counts people reached ("được", "tham gia", …): LOWER_BETTER.
 * 6. Numeric targets that fall from one milestone to the next ("85" then "80"): LOWER_BETTER.
 *    `targets` must therefore be in milestone order.
 * 7. Otherwise HIGHER_BETTER.
 */
export function inferDirection(name: string, targets: Target[]): Direction {
  const key = normalizeName(name)
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (key.startsWith("muc giam") || key.startsWith("muc tang")) return "HIGHER_BETTER";

  const stated = targets.filter((t) => t.kind !== "NONE");
  if (stated.length > 0 && stated.every((t) => t.kind === "QUALITATIVE")) return "QUALITATIVE";
  if (stated.some((t) => t.kind === "BELOW" || t.kind === "AT_MOST")) return "LOWER_BETTER";
  if (BAND_PHRASES.some((p) => hasPhrase(key, p))) return "WITHIN_RANGE";
  const isCoverage = COVERAGE_PHRASES.some((p) => hasPhrase(key, p));
  if (!isCoverage && LOWER_BETTER_PHRASES.some((p) => hasPhrase(key, p))) return "LOWER_BETTER";

  const values = stated
    .filter(isNumericTarget)
    .map(representativeValue)
    .filter((v): v is number => v !== null);
  if (values.length >= 2) {
    const nonIncreasing = values.every((v, i) => i === 0 || v <= values[i - 1]!);
    if (nonIncreasing && values[values.length - 1]! < values[0]!) return "LOWER_BETTER";
  }
  return "HIGHER_BETTER";
}
