import type { DocumentIndicator } from "@/features/plans/plan-document";
import type { Repair } from "./ocr-repair";
import type { Extraction } from "./parse-document";
import { fold } from "./text";

// Honest review (issue 17 part 5, ADR 0030): an indicator read from doubtful text is marked
// "cần kiểm tra" in the review model, so that a wrong value never looks valid. Doubtful is:
// - a name of fewer than three words, or one starting with a symbol (OCR junk reads that way:
//   "€ 1", "% dân số");
// - a target read from a token the OCR repair guessed (a year with an extra digit, a thousands
//   group of four digits, letters read as digits that no known word explained), or a target that
//   still holds such a shape;
// - a target whose figures look misread: a five-digit "year" (20630) or a four-digit thousands group.

export const DOUBT_MESSAGES = {
  shortName: "Tên chỉ tiêu chưa đến ba từ: có thể đọc sai từ bản quét, hãy kiểm tra",
  symbolName: "Tên chỉ tiêu bắt đầu bằng ký hiệu: có thể đọc sai từ bản quét, hãy kiểm tra",
  repairedTarget: (original: string, replacement: string) =>
    `Số “${original}” trong bản quét đã được đoán là “${replacement}”: hãy đối chiếu với văn bản gốc`,
  misreadTarget: "Con số có dạng đọc sai (năm 5 chữ số hoặc nhóm nghìn 4 chữ số): hãy đối chiếu với văn bản gốc",
  repairedName: "Tên chỉ tiêu có chữ đã được sửa từ bản quét theo phỏng đoán: hãy kiểm tra",
  bareVerb: "Mục tiêu chỉ là một động từ chung (“đảm bảo”, “hoàn thành”): hãy ghi rõ mục tiêu",
  uncertainWord: (word: string) => `OCR không chắc chắn khi đọc “${word}” trên bản quét: hãy đối chiếu với văn bản gốc`,
  comparatorOrName: "“Tối thiểu”/“tối đa” đứng ngay sau tên: có thể là một phần của tên chỉ tiêu, hãy kiểm tra",
  misreadNumber: (code: string) =>
    `Số thứ tự “${code}” có dạng đọc sai từ bản quét: hãy kiểm tra số thứ tự và vị trí của chỉ tiêu`,
  misplacedNumber: (code: string, parent: string) =>
    `Số thứ tự “${code}” không thuộc mục “${parent}” mà nó được xếp vào: bản quét có thể bị đọc sót hoặc sai một số thứ tự, hãy kiểm tra vị trí của chỉ tiêu`,
  unnumbered: (parent: string) =>
    `Dòng không có số thứ tự được xếp dưới mục “${parent}”: có thể là một mục riêng mà bản quét bị đọc sót số thứ tự, hãy kiểm tra vị trí của chỉ tiêu`,
} as const;

type Flat = { path: string; indicator: DocumentIndicator };

function flatten(list: DocumentIndicator[], prefix: string): Flat[] {
  return list.flatMap((indicator, i) => {
    const path = `${prefix}.${i}`;
    return [{ path, indicator }, ...flatten(indicator.children ?? [], `${path}.children`)];
  });
}

/** A name that cannot be trusted as read: fewer than three words, or starting with a symbol. */
export function doubtfulName(name: string): "shortName" | "symbolName" | null {
  const trimmed = name.trim();
  if (/^[^\p{L}\d(“"]/u.test(trimmed)) return "symbolName";
  if (trimmed.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < 3) return "shortName";
  return null;
}

/** Figures in the shape OCR misreads them: "20630" for a year, "10.0000" for ten thousand. */
export function misreadFigure(target: string): boolean {
  return /(?<![\d.,])(?:19|20)\d{3}(?![\d.,])/.test(target) || /\d\.\d{4}(?!\d)/.test(target);
}

const BARE_VERB = /^(?:dam bao|bao dam|hoan thanh|thuc hien)$/;

/**
 * "Diện tích nhà ở tối thiểu 11 m²": with no verb between, "tối thiểu" is the comparator or the
 * end of the name ("diện tích nhà ở tối thiểu" is an indicator of its own); either reading may be meant.
 */
function comparatorOrName(indicator: DocumentIndicator, target: string): boolean {
  const comparator = /^(toi thieu|toi da)\b/.exec(fold(target));
  if (!comparator || !indicator.sourceText) return false;
  return fold(indicator.sourceText).includes(`${fold(indicator.name)} ${comparator[1]}`);
}

/** Adds the doubts to `extraction.unclear` (never removing a mark already there). */
export function markDoubtful(extraction: Extraction, repairs: readonly Repair[] = []): void {
  const { unclear, sources } = extraction;
  const guesses = repairs.filter((r) => r.doubtful && r.applied);
  for (const { path, indicator } of flatten(extraction.document.indicators, "indicators")) {
    if (indicator.isGroup) continue;
    const range = sources[path];
    const near = range ? guesses.filter((r) => r.line >= range.from && r.line <= range.to) : [];
    const nameDoubt = doubtfulName(indicator.name);
    if (nameDoubt && !unclear[path]) unclear[path] = DOUBT_MESSAGES[nameDoubt];
    for (const [year, target] of Object.entries(indicator.targets ?? {})) {
      const key = `${path}.targets.${year}`;
      if (unclear[key]) continue;
      const guess = near.find((r) => target.includes(r.replacement));
      if (guess) unclear[key] = DOUBT_MESSAGES.repairedTarget(guess.original, guess.replacement);
      else if (misreadFigure(target)) unclear[key] = DOUBT_MESSAGES.misreadTarget;
      else if (BARE_VERB.test(fold(target).trim())) unclear[key] = DOUBT_MESSAGES.bareVerb;
      else if (comparatorOrName(indicator, target)) unclear[key] = DOUBT_MESSAGES.comparatorOrName;
    }
    const nameGuess = near.find((r) => r.kind !== "number" && indicator.name.includes(r.replacement));
    if (nameGuess && !unclear[path]) unclear[path] = DOUBT_MESSAGES.repairedName;
  }
}

/** A word as Tesseract wrote it, without the punctuation around it ("13.500," → "13.500"). */
function core(word: string): string {
  return word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, "");
}

function tokens(text: string): Set<string> {
  return new Set(text.split(/\s+/).map(core).filter(Boolean));
}

/**
 * Marks the items read from words Tesseract was unsure of (issue 17 part 2; ocr/tsv.ts decides which,
 * digits held to a higher bar): a target holding an uncertain number, a name holding an uncertain
 * word. Words are matched where they stand, in the lines the item was read from, so an uncertain
 * word elsewhere in the document marks nothing here.
 */
export function markUncertainWords(extraction: Extraction, words: readonly string[]): void {
  const uncertain = new Set(words.map(core).filter((w) => /\d/.test(w) || w.length >= 2));
  if (uncertain.size === 0) return;
  const { unclear, sources, lines } = extraction;
  for (const { path, indicator } of flatten(extraction.document.indicators, "indicators")) {
    if (indicator.isGroup) continue;
    const range = sources[path];
    if (!range) continue;
    const here = [...tokens(lines.slice(range.from - 1, range.to).join(" "))].filter((t) => uncertain.has(t));
    if (here.length === 0) continue;
    for (const [year, target] of Object.entries(indicator.targets ?? {})) {
      const key = `${path}.targets.${year}`;
      const word = here.find((w) => /\d/.test(w) && tokens(target).has(w));
      if (word && !unclear[key]) unclear[key] = DOUBT_MESSAGES.uncertainWord(word);
    }
    const nameTokens = tokens(indicator.name);
    const word = here.find((w) => nameTokens.has(w));
    if (word && !unclear[path]) unclear[path] = DOUBT_MESSAGES.uncertainWord(word);
  }
}

const NUMBER = /^\d{1,3}(?:\.\d{1,3})*\.?$/;
const numbered = (code: string | null | undefined) => Boolean(code && NUMBER.test(code));
const stem = (code: string) => code.replace(/\.$/, "");

/**
 * Marks, on a scan, the items whose numbering does not fit where they were put (issue 17 part 2):
 * Tesseract misses or misreads a row's number ("2.2" read "2h,", a group's "3" not read at all),
 * and the parser then hangs the rows after it under the wrong item, with names and targets that
 * look right. Among items numbered with digits: one whose number has letters or stray signs in it
 * ("2h,", "3:11", "S.4"), one under an item whose number is such, and one whose number does not
 * continue its parent's ("3.1" under "2.2") where most of its siblings' do; and an item without a
 * number under a numbered one of the second level ("1.1": a group title whose number was missed
 * lands there; a true part of an indicator, "Thành thị", is marked too, to be looked at once).
 */
export function markNumbering(extraction: Extraction): void {
  const { unclear } = extraction;
  const walk = (list: DocumentIndicator[], prefix: string, parent: DocumentIndicator | null) => {
    const codes = list.map((i) => i.code?.trim() ?? "");
    const digits = codes.filter(numbered).length;
    const malformed = (code: string) =>
      digits >= 2 && code !== "" && code !== "-" && /\d/.test(code) && !numbered(code);
    const parentCode = parent?.code?.trim() ?? "";
    const continues = (code: string) => stem(code).startsWith(`${stem(parentCode)}.`);
    const continuing = numbered(parentCode) ? codes.filter((c) => numbered(c) && continues(c)).length : 0;
    list.forEach((indicator, i) => {
      const path = `${prefix}.${i}`;
      const code = codes[i]!;
      let message: string | null = null;
      if (malformed(code)) message = DOUBT_MESSAGES.misreadNumber(code);
      else if (numbered(code) && parent && !numbered(parentCode) && /\d/.test(parentCode))
        message = DOUBT_MESSAGES.misplacedNumber(code, parentCode);
      else if (numbered(code) && numbered(parentCode) && !continues(code) && continuing * 2 > digits)
        message = DOUBT_MESSAGES.misplacedNumber(code, parentCode);
      else if ((code === "" || code === "-") && numbered(parentCode) && parentCode.includes("."))
        message = DOUBT_MESSAGES.unnumbered(parentCode);
      if (message && !indicator.isGroup && !unclear[path]) unclear[path] = message;
      walk(indicator.children ?? [], `${path}.children`, indicator);
    });
  };
  walk(extraction.document.indicators, "indicators", null);
}
