/**
 * The notation officials use for indicator targets ("chỉ tiêu"), in appendix tables
 * ("<4", "2-2,5", "Giải quyết cơ bản", "-") and in prose ("dưới 1,2%", "khoảng 75 tuổi",
 * "tối thiểu đạt 68 năm", "3,5% trở lên"). The tokenizer and keyword tables are in target-tokens.ts;
 * what a read target means (a value meeting it, a child's ambition, the direction) is in
 * target-meaning.ts.
 *
 * Reading rules worth knowing (each is tested in target-notation.test.ts):
 * - Decimal comma, thousands dot: see decimal.ts. "1.2" is an error, not 1.2.
 * - "khoảng trên 40%" is read as AT_LEAST 40 (lower = 40, inclusive), "khoảng dưới 5%" as AT_MOST 5.
 *   "khoảng" (about) softens the strict "trên" (above), so exactly 40% satisfies it; reading it as
 *   APPROXIMATELY 40 would wrongly report 45% as a miss of a target that asks for more than 40%.
 *   The original wording stays in `text`, and describeTarget shows "Tối thiểu 40%" so the user sees
 *   how it was read.
 * - "trên dưới 40%" is the Vietnamese idiom for "about 40%" → APPROXIMATELY.
 * - "khoảng 30-35%" is a RANGE: the range already expresses the tolerance.
 * - "từ 80%" alone and "từ 80% trở lên" → AT_LEAST; "từ 30 đến 35" → RANGE.
 * - Text with letters and no digit is QUALITATIVE ("Giải quyết cơ bản", "THCS"), unless it is only
 *   a comparison word ("dưới"), which is a missing number. Text with digits must be fully read:
 *   unknown words before the number, or anything after the value that is not a short unit, is an
 *   error, so that pasted prose ("95% vào năm 2030") is not half-read.
 * - After "%" only a per-time unit is accepted ("4%/năm"); "95% dân số" is an error because the
 *   indicator's name belongs in its own field.
 * - A "-" before a number is refused: negative targets cannot be written, officials phrase decreases
 *   positively ("Mức giảm … 4%/năm"), and the message says so (and how to write a range).
 * - Ranges must be increasing and have distinct bounds.
 * - LaTeX left by PDF conversion is tolerated: "$\geq 60\%$", "$30\text{ m}^2$", "1{,}5", "\leq".
 */

import { formatVietnameseNumber, parseVietnameseNumber } from "./decimal";
import {
  COMPARATORS,
  FILLERS,
  joinTokens,
  matchPhrase,
  NOT_UNIT_WORDS,
  RANGE_WORDS,
  tokenize,
  type Comparator,
  type Token,
} from "./target-tokens";
import { unifyDashes } from "./vietnamese-text";

export type TargetKind =
  "EXACT" | "BELOW" | "ABOVE" | "AT_LEAST" | "AT_MOST" | "RANGE" | "APPROXIMATELY" | "QUALITATIVE" | "NONE";

export interface Target {
  kind: TargetKind;
  lower: number | null;
  upper: number | null;
  isPercent: boolean;
  unit: string | null;
  qualitative: string | null;
  /** The text as the user or the document wrote it. */
  text: string;
}

export type TargetParseResult = { ok: true; target: Target } | { ok: false; error: string };

export type Direction = "HIGHER_BETTER" | "LOWER_BETTER" | "WITHIN_RANGE" | "QUALITATIVE";

const EXAMPLES = "ví dụ: 95%, dưới 4%, trên 90%, ≥1, tối đa 5%, 2-2,5, khoảng 75 tuổi";
// Vietnamese words are written syllable by syllable: "điều dưỡng viên" is three.
const MAX_UNIT_WORDS = 10;

// ---------------------------------------------------------------------------------------------
// Normalisation

function normalizeLatex(s: string): string {
  return s
    .replace(/\$/g, " ")
    .replace(/\\(?:text|mathrm|textrm|mbox|operatorname|mathit|textit|textbf|mathbf)\s*\{([^{}]*)\}/g, " $1 ")
    .replace(/\\geq?(?:slant)?(?![a-zA-Z])/g, "≥")
    .replace(/\\leq?(?:slant)?(?![a-zA-Z])/g, "≤")
    .replace(/\\gt(?![a-zA-Z])/g, ">")
    .replace(/\\lt(?![a-zA-Z])/g, "<")
    .replace(/\\(?:approx|sim)(?![a-zA-Z])/g, "≈")
    .replace(/\\%/g, "%")
    .replace(/\^\s*\{\s*2\s*\}|\^\s*2(?!\d)/g, "²")
    .replace(/\\[,;:! ]/g, " ")
    .replace(/[{}]/g, "");
}

/** Cleans a target cell for reading; keeps letter case (qualitative targets are shown as written). */
function normalizeTargetText(text: string): string {
  let s = text.normalize("NFC");
  s = normalizeLatex(s);
  s = unifyDashes(s)
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\t\r\n]/g, " ")
    .replace(/[⩾≧]/g, "≥")
    .replace(/[⩽≦]/g, "≤")
    .replace(/％/g, "%")
    .replace(/>\s*=|=\s*>/g, "≥")
    .replace(/<\s*=|=\s*</g, "≤")
    .replace(/\s+/g, " ")
    .replace(/(?<![\p{L}\d])m(?:\s?²|\^?2)(?!\d)/gu, "m²");
  return s
    .trim()
    .replace(/[.;,:]+$/, "")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Parsing

class TargetSyntaxError extends Error {}

function fail(message: string): never {
  throw new TargetSyntaxError(message);
}

function quote(s: string): string {
  return `“${s}”`;
}

function numberError(raw: string): string {
  return `Không đọc được số ${quote(raw)}: dùng dấu phẩy cho phần thập phân, ví dụ 1,2; dấu chấm chỉ dùng để tách hàng nghìn, ví dụ 10.000`;
}

interface Quantity {
  value: number;
  raw: string;
  isPercent: boolean;
  unit: string | null;
  /** index of the first token after the quantity */
  end: number;
  /** index where the unit began, to quote it when what follows cannot be read */
  unitStart: number;
}

function readNumber(token: Token): number {
  const value = parseVietnameseNumber(token.raw);
  if (value === null) fail(numberError(token.raw));
  return value;
}

function readQuantity(tokens: Token[], start: number): Quantity {
  const numToken = tokens[start];
  if (!numToken || numToken.type !== "num") fail(`Thiếu giá trị số, ${EXAMPLES}`);
  const value = readNumber(numToken);
  let i = start + 1;
  let isPercent = false;
  if (tokens[i]?.type === "pct") {
    isPercent = true;
    i++;
  }
  const unitStart = i;
  const unitTokens: Token[] = [];
  let words = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.type === "word") {
      if (t.key === "tren" && words > 0 && next?.type === "num") {
        // "33 điều dưỡng viên trên 10.000 dân": after a unit, "trên" means "per", not "above".
        unitTokens.push(t, next);
        readNumber(next);
        i += 2;
        continue;
      }
      if (NOT_UNIT_WORDS.has(t.key)) break;
      if (isPercent && unitTokens.length === 0) break;
      unitTokens.push(t);
      words++;
      i++;
      continue;
    }
    if (t.raw === "," && words > 0 && next?.type === "word" && !NOT_UNIT_WORDS.has(next.key)) {
      // Compound units from prose: "19 điều dưỡng, hộ sinh, kỹ thuật y/10.000 dân".
      unitTokens.push(t);
      i++;
      continue;
    }
    if (t.type === "slash" && next && (next.type === "word" || next.type === "num")) {
      unitTokens.push(t);
      i++;
      if (next.type === "num") {
        readNumber(next);
        unitTokens.push(next);
        i++;
      }
      continue;
    }
    break;
  }
  if (words > MAX_UNIT_WORDS) {
    fail(
      `Không hiểu ${quote(joinTokens(unitTokens))} sau ${numToken.raw}${isPercent ? "%" : ""}: ô chỉ tiêu chỉ ghi giá trị và đơn vị ngắn, ví dụ “trên 95%”, “khoảng 75 tuổi”`,
    );
  }
  const unit = unitTokens.length > 0 ? joinTokens(unitTokens).toLowerCase() : null;
  return { value, raw: numToken.raw, isPercent, unit, end: i, unitStart };
}

function quantityText(q: Quantity): string {
  return `${q.raw}${q.isPercent ? "%" : ""}${q.unit ? (q.unit.startsWith("/") ? q.unit : ` ${q.unit}`) : ""}`;
}

function parseNumeric(tokens: Token[], text: string): Target {
  let i = 0;
  let comparator: { kind: Comparator; raw: string } | null = null;

  while (i < tokens.length && tokens[i]!.type !== "num") {
    const filler = matchPhrase(tokens, i, FILLERS);
    if (filler) {
      i += filler.length;
      continue;
    }
    const cmp = matchPhrase(tokens, i, COMPARATORS);
    if (cmp) {
      const raw = joinTokens(tokens.slice(i, i + cmp.length));
      if (comparator) {
        fail(
          `Chỉ tiêu có hai từ so sánh ${quote(comparator.raw)} và ${quote(raw)}: hãy giữ một, ví dụ “dưới 4%” hoặc “tối thiểu 95%”`,
        );
      }
      comparator = { kind: cmp.value, raw };
      i += cmp.length;
      continue;
    }
    if (tokens[i]!.type === "dash" && i === 0 && tokens[i + 1]?.type === "num") {
      // "-5" is most often a decrease written as a negative number; say both readings.
      const written = `-${joinTokens(tokens.slice(1, 2 + (tokens[2]?.type === "pct" ? 1 : 0)))}`;
      fail(
        `Mục tiêu không nhận số âm (${quote(written)}): chỉ tiêu giảm thì đặt tên “Mức giảm …” và nhập số dương, ví dụ 5; nếu là một khoảng giá trị thì viết đủ hai đầu, ví dụ 2-2,5`,
      );
    }
    const firstNumber = tokens.findIndex((t, j) => j > i && t.type === "num");
    const unknown = joinTokens(tokens.slice(i, firstNumber === -1 ? tokens.length : firstNumber));
    const after = firstNumber === -1 ? "" : ` trước số ${tokens[firstNumber]!.raw}`;
    fail(
      `Không hiểu ${quote(unknown)}${after}. Cách viết được chấp nhận, ${EXAMPLES}; mục tiêu định tính thì viết không kèm chữ số`,
    );
  }
  if (i >= tokens.length) {
    const word = comparator?.raw ?? "";
    fail(`Thiếu giá trị số sau ${quote(word)}, ví dụ “${word} 4%”`);
  }

  const first = readQuantity(tokens, i);
  i = first.end;

  let second: Quantity | null = null;
  const sep = tokens[i];
  if (sep && (sep.type === "dash" || (sep.type === "word" && RANGE_WORDS.has(sep.key)))) {
    const upperToken = tokens[i + 1];
    if (!upperToken) fail("Khoảng giá trị thiếu cận trên: hãy viết dạng 2-2,5");
    if (upperToken.type === "num") {
      second = readQuantity(tokens, i + 1);
      i = second.end;
    }
  }

  let suffix: { kind: "AT_LEAST" | "AT_MOST"; raw: string } | null = null;
  const s1 = tokens[i];
  const s2 = tokens[i + 1];
  if (s1?.key === "tro" && (s2?.key === "len" || s2?.key === "xuong")) {
    suffix = { kind: s2.key === "len" ? "AT_LEAST" : "AT_MOST", raw: joinTokens([s1, s2]) };
    i += 2;
  }

  if (i < tokens.length) {
    const last = second ?? first;
    const from = last.unit !== null ? last.unitStart : i;
    const rest = joinTokens(tokens.slice(from));
    const valueText = `${last.raw}${last.isPercent ? "%" : ""}`;
    fail(
      `Không hiểu ${quote(rest)} sau ${valueText}. Ô chỉ tiêu chỉ ghi giá trị và đơn vị, ví dụ “trên 95%”, “khoảng 75 tuổi”, “20,5 m² sàn/người”`,
    );
  }

  if (second) {
    if (comparator && comparator.kind !== "FROM" && comparator.kind !== "APPROXIMATELY") {
      fail(
        `Không dùng ${quote(comparator.raw)} cùng một khoảng giá trị: hãy viết “${first.raw}-${second.raw}” hoặc “${comparator.raw} ${second.raw}”`,
      );
    }
    if (suffix) {
      fail(
        `Không dùng ${quote(suffix.raw)} cùng một khoảng giá trị: hãy viết “${first.raw}-${second.raw}” hoặc “${first.raw} ${suffix.raw}”`,
      );
    }
    // A bare bound takes the other's "%" and unit: "35-40%", "30 tuổi - 35", "2,5-3%/năm".
    const firstBare = !first.isPercent && first.unit === null;
    const secondBare = !second.isPercent && second.unit === null;
    const sameUnit = first.isPercent === second.isPercent && first.unit === second.unit;
    if (!firstBare && !secondBare && !sameUnit) {
      fail(
        `Hai cận của khoảng giá trị phải cùng đơn vị: ${quote(quantityText(first))} và ${quote(quantityText(second))}`,
      );
    }
    if (first.value > second.value) {
      fail(
        `Khoảng giá trị bị ngược: cận dưới ${first.raw} lớn hơn cận trên ${second.raw}; hãy viết ${second.raw}-${first.raw}`,
      );
    }
    if (first.value === second.value) {
      fail(`Hai cận của khoảng giá trị bằng nhau (${first.raw}); nếu chỉ tiêu là một giá trị, hãy viết ${first.raw}`);
    }
    return {
      kind: "RANGE",
      lower: first.value,
      upper: second.value,
      isPercent: first.isPercent || second.isPercent,
      unit: first.unit ?? second.unit,
      qualitative: null,
      text,
    };
  }

  let kind: TargetKind;
  if (suffix) {
    if (comparator && comparator.kind !== "FROM" && comparator.kind !== suffix.kind) {
      fail(
        `Không dùng ${quote(comparator.raw)} cùng ${quote(suffix.raw)}: hãy chọn một cách viết, ví dụ “${quantityText(first)} ${suffix.raw}”`,
      );
    }
    kind = suffix.kind;
  } else if (!comparator) {
    kind = "EXACT";
  } else if (comparator.kind === "FROM") {
    kind = "AT_LEAST";
  } else {
    kind = comparator.kind;
  }
  return withBounds(kind, first.value, first.isPercent, first.unit, text);
}

function withBounds(kind: TargetKind, value: number, isPercent: boolean, unit: string | null, text: string): Target {
  const lowerKinds: TargetKind[] = ["EXACT", "APPROXIMATELY", "ABOVE", "AT_LEAST"];
  const upperKinds: TargetKind[] = ["EXACT", "APPROXIMATELY", "BELOW", "AT_MOST"];
  return {
    kind,
    lower: lowerKinds.includes(kind) ? value : null,
    upper: upperKinds.includes(kind) ? value : null,
    isPercent,
    unit,
    qualitative: null,
    text,
  };
}

/** "dưới", "khoảng", "≥" with no number: a value was forgotten. A lone "Đạt" stays qualitative. */
function isOnlyComparisonWords(tokens: Token[]): boolean {
  let i = 0;
  let comparators = 0;
  while (i < tokens.length) {
    const cmp = matchPhrase(tokens, i, COMPARATORS);
    const m = cmp ?? matchPhrase(tokens, i, FILLERS);
    if (!m) return false;
    if (cmp) comparators++;
    i += m.length;
  }
  return comparators > 0;
}

export function parseTarget(text: string): TargetParseResult {
  const normalized = normalizeTargetText(text);
  if (/^-*$/.test(normalized)) {
    return {
      ok: true,
      target: { kind: "NONE", lower: null, upper: null, isPercent: false, unit: null, qualitative: null, text },
    };
  }
  const tokens = tokenize(normalized);
  try {
    if (!/\d/.test(normalized)) {
      if (isOnlyComparisonWords(tokens)) {
        fail(`Thiếu giá trị số sau ${quote(normalized)}, ví dụ “${normalized} 4%”`);
      }
      if (!/\p{L}/u.test(normalized)) {
        fail(
          `Không đọc được chỉ tiêu ${quote(normalized)}: hãy nhập một số (ví dụ 95%), một khoảng (ví dụ 2-2,5) hoặc mô tả định tính (ví dụ Giải quyết cơ bản)`,
        );
      }
      return {
        ok: true,
        target: {
          kind: "QUALITATIVE",
          lower: null,
          upper: null,
          isPercent: false,
          unit: null,
          qualitative: normalized,
          text,
        },
      };
    }
    return { ok: true, target: parseNumeric(tokens, text) };
  } catch (e) {
    if (e instanceof TargetSyntaxError) return { ok: false, error: e.message };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

function num(v: number): string {
  return formatVietnameseNumber(v);
}

function unitSuffix(t: Target): string {
  if (!t.unit) return "";
  return t.unit.startsWith("/") ? t.unit : ` ${t.unit}`;
}

function quantity(t: Target, v: number): string {
  return `${num(v)}${t.isPercent ? "%" : ""}${unitSuffix(t)}`;
}

/** The canonical notation: "dưới 1,2%", "2-2,5", "≥1", "khoảng 75 tuổi", "Giải quyết cơ bản"; "" for NONE. */
export function formatTarget(t: Target): string {
  const { lower, upper } = t;
  switch (t.kind) {
    case "NONE":
      return "";
    case "QUALITATIVE":
      return t.qualitative ?? t.text.trim();
    case "EXACT":
      return lower !== null ? quantity(t, lower) : t.text;
    case "APPROXIMATELY":
      return lower !== null ? `khoảng ${quantity(t, lower)}` : t.text;
    case "BELOW":
      return upper !== null ? `dưới ${quantity(t, upper)}` : t.text;
    case "AT_MOST":
      return upper !== null ? `≤${quantity(t, upper)}` : t.text;
    case "ABOVE":
      return lower !== null ? `trên ${quantity(t, lower)}` : t.text;
    case "AT_LEAST":
      return lower !== null ? `≥${quantity(t, lower)}` : t.text;
    case "RANGE":
      return lower !== null && upper !== null
        ? `${num(lower)}-${num(upper)}${t.isPercent ? "%" : ""}${unitSuffix(t)}`
        : t.text;
  }
}

/** How the target was read, for immediate feedback under a form field. */
export function describeTarget(t: Target): string {
  const { lower, upper } = t;
  switch (t.kind) {
    case "NONE":
      return "Không đặt chỉ tiêu";
    case "QUALITATIVE":
      return `Mục tiêu định tính: ${t.qualitative ?? t.text.trim()}`;
    case "EXACT":
      return lower !== null ? `Đạt ${quantity(t, lower)}` : t.text;
    case "APPROXIMATELY":
      return lower !== null ? `Khoảng ${quantity(t, lower)}` : t.text;
    case "BELOW":
      return upper !== null ? `Thấp hơn ${quantity(t, upper)}` : t.text;
    case "AT_MOST":
      return upper !== null ? `Tối đa ${quantity(t, upper)}` : t.text;
    case "ABOVE":
      return lower !== null ? `Cao hơn ${quantity(t, lower)}` : t.text;
    case "AT_LEAST":
      return lower !== null ? `Tối thiểu ${quantity(t, lower)}` : t.text;
    case "RANGE": {
      if (lower === null || upper === null) return t.text;
      const pct = t.isPercent ? "%" : "";
      return `Từ ${num(lower)}${pct} đến ${num(upper)}${pct}${unitSuffix(t)}`;
    }
  }
}
