/**
 * The words of the target notation, for the parser in target-notation.ts (their only reader): the
 * tokenizer and the keyword tables (comparison and filler words, words that end a unit), matched
 * without diacritics.
 */

import { stripDiacritics } from "./vietnamese-text";

// ---------------------------------------------------------------------------------------------
// Tokens

type TokenType = "num" | "pct" | "op" | "dash" | "slash" | "word" | "other";
export interface Token {
  type: TokenType;
  raw: string;
  /** lower case without diacritics, for keyword matching */
  key: string;
}

const TOKEN = /(\d(?:[\d.,]*\d)?)|(%)|([≥≤<>=~≈])|(-)|(\/)|([\p{L}\p{M}²]+)|(\S)/gu;

export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  for (const m of s.matchAll(TOKEN)) {
    const raw = m[0];
    const type: TokenType = m[1]
      ? "num"
      : m[2]
        ? "pct"
        : m[3]
          ? "op"
          : m[4]
            ? "dash"
            : m[5]
              ? "slash"
              : m[6]
                ? "word"
                : "other";
    tokens.push({ type, raw, key: stripDiacritics(raw.toLowerCase()) });
  }
  return tokens;
}

export function joinTokens(tokens: Token[]): string {
  let out = "";
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const glue =
      i === 0 || t.type === "slash" || t.type === "pct" || t.raw === "," || prev?.type === "slash" ? "" : " ";
    out += glue + t.raw;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Keywords (matched without diacritics, so "duoi 4%" reads like "dưới 4%")

export type Comparator = "BELOW" | "ABOVE" | "AT_LEAST" | "AT_MOST" | "APPROXIMATELY" | "FROM";

const COMPARATOR_PHRASES: ReadonlyArray<readonly [string, Comparator]> = [
  ["khoảng trên", "AT_LEAST"],
  ["khoảng hơn", "AT_LEAST"],
  ["khoảng dưới", "AT_MOST"],
  ["trên dưới", "APPROXIMATELY"],
  ["xấp xỉ", "APPROXIMATELY"],
  ["khoảng", "APPROXIMATELY"],
  ["gần", "APPROXIMATELY"],
  ["~", "APPROXIMATELY"],
  ["≈", "APPROXIMATELY"],
  ["không thấp hơn", "AT_LEAST"],
  ["không ít hơn", "AT_LEAST"],
  ["không dưới", "AT_LEAST"],
  ["tối thiểu", "AT_LEAST"],
  ["ít nhất", "AT_LEAST"],
  ["≥", "AT_LEAST"],
  ["không vượt quá", "AT_MOST"],
  ["không quá", "AT_MOST"],
  ["không cao hơn", "AT_MOST"],
  ["không trên", "AT_MOST"],
  ["tối đa", "AT_MOST"],
  ["nhiều nhất", "AT_MOST"],
  ["≤", "AT_MOST"],
  ["thấp hơn", "BELOW"],
  ["nhỏ hơn", "BELOW"],
  ["ít hơn", "BELOW"],
  ["dưới", "BELOW"],
  ["<", "BELOW"],
  ["cao hơn", "ABOVE"],
  ["lớn hơn", "ABOVE"],
  ["nhiều hơn", "ABOVE"],
  ["hơn", "ABOVE"],
  ["trên", "ABOVE"],
  [">", "ABOVE"],
  ["từ", "FROM"],
];

const FILLER_PHRASES: readonly string[] = ["phấn đấu đạt", "phấn đấu", "đạt được", "đạt", "bằng", "="];

interface Phrase<T> {
  keys: string[];
  value: T;
}

function toPhrases<T>(list: ReadonlyArray<readonly [string, T]>): Phrase<T>[] {
  return list
    .map(([text, value]) => ({ keys: stripDiacritics(text.toLowerCase()).split(" "), value }))
    .sort((a, b) => b.keys.length - a.keys.length);
}

export const COMPARATORS = toPhrases(COMPARATOR_PHRASES);
export const FILLERS = toPhrases(FILLER_PHRASES.map((f) => [f, true] as const));

export function matchPhrase<T>(tokens: Token[], i: number, phrases: Phrase<T>[]): { value: T; length: number } | null {
  for (const p of phrases) {
    if (p.keys.every((k, j) => tokens[i + j]?.key === k)) return { value: p.value, length: p.keys.length };
  }
  return null;
}

/** Words that never belong to a unit: meeting one ends the value, and what follows is an error. */
export const NOT_UNIT_WORDS = new Set(
  [
    "và",
    "hoặc",
    "vào",
    "đến",
    "tới",
    "trở",
    "dưới",
    "khoảng",
    "tối",
    "hơn",
    "quá",
    "đạt",
    "từ",
    "so",
    "với",
    "của",
    "trong",
    "là",
    "nhưng",
  ].map((w) => stripDiacritics(w)),
);
export const RANGE_WORDS = new Set(["den", "toi"]);
