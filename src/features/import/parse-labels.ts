import { fold, foldSameLength } from "./text";

// The lines under a task that say who does it and when, in both wordings of domain.md §4:
// State (UBND) "Cơ quan chủ trì tham mưu:", "Cơ quan phối hợp thực hiện (cơ quan PHTH):",
// "Thời gian thực hiện:"; Party "Cơ quan chỉ đạo:", "Cơ quan tham mưu, thực hiện:". Labels are
// compared without diacritics and with a small edit distance, so OCR output is read too.

export type LabelRole = "lead" | "coordinating" | "directing" | "advising" | "timeframe";

export type Label = { role: LabelRole; label: string; value: string };

const PHRASES: ReadonlyArray<readonly [LabelRole, string]> = [
  ["lead", "co quan chu tri tham muu"],
  ["lead", "co quan chu tri thuc hien"],
  ["lead", "co quan tham muu chu tri"],
  ["lead", "don vi chu tri thuc hien"],
  ["lead", "co quan chu tri"],
  ["lead", "don vi chu tri"],
  ["lead", "co quan thuc hien"],
  ["lead", "chu tri"],
  ["coordinating", "co quan phoi hop thuc hien"],
  ["coordinating", "don vi phoi hop thuc hien"],
  ["coordinating", "co quan phoi hop"],
  ["coordinating", "don vi phoi hop"],
  ["coordinating", "co quan phth"],
  ["coordinating", "phoi hop thuc hien"],
  ["coordinating", "phoi hop"],
  ["directing", "co quan chi dao"],
  ["directing", "don vi chi dao"],
  ["directing", "chi dao"],
  ["advising", "co quan tham muu thuc hien"],
  ["advising", "co quan tham muu"],
  ["advising", "tham muu thuc hien"],
  ["timeframe", "thoi gian thuc hien"],
  ["timeframe", "thoi gian hoan thanh"],
  ["timeframe", "thoi han hoan thanh"],
  ["timeframe", "thoi han thuc hien"],
  ["timeframe", "tien do thuc hien"],
  ["timeframe", "tien do hoan thanh"],
  ["timeframe", "thoi gian"],
  ["timeframe", "thoi han"],
  ["timeframe", "tien do"],
];

const BY_LENGTH = [...PHRASES]
  .sort((a, b) => b[1].length - a[1].length)
  .map(([role, phrase]) => [role, phrase, phrase.split(" ").length] as const);

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Letters and spaces only: "Cơ quan phối hợp thực hiện (cơ quan PHTH)" → "co quan phoi hop thuc hien". */
function labelKey(text: string): string {
  return fold(text)
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function tolerance(phrase: string): number {
  // OCR drops or swaps a letter or two in long labels; short ones ("chủ trì") must be exact.
  return phrase.length >= 16 ? 2 : phrase.length >= 12 ? 1 : 0;
}

function matchRole(key: string): LabelRole | null {
  let best: { role: LabelRole; distance: number; length: number } | null = null;
  for (const [role, phrase] of PHRASES) {
    const distance = editDistance(key, phrase, tolerance(phrase));
    if (distance > tolerance(phrase)) continue;
    if (!best || distance < best.distance || (distance === best.distance && phrase.length > best.length))
      best = { role, distance, length: phrase.length };
  }
  return best?.role ?? null;
}

const BULLET = /^[\s\-–—+•*]+/u;

/** Reads one label line: its role and the value after it; null when the line is not a label. */
function readOne(text: string): Label | null {
  const line = text.replace(BULLET, "");
  // Every label begins with C(ơ quan, hủ trì, hỉ đạo), Đ(ơn vị), T(hời gian, iến độ, ham mưu) or P(hối hợp).
  if (!/^[cdtpđ]/iu.test(line)) return null;
  const colon = line.search(/[:：]/);
  if (colon > 0 && colon <= 70) {
    const role = matchRole(labelKey(line.slice(0, colon)));
    if (role) return { role, label: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
  }
  // OCR sometimes loses the colon: accept a label of three words or more at the start of a short line.
  if (line.length > 200) return null;
  const words = line.split(/\s+/);
  const keys = words.slice(0, 7).map((w) => labelKey(w));
  for (const [role, phrase, count] of BY_LENGTH) {
    if (count < 3 || words.length <= count) continue;
    const head = keys.slice(0, count).join(" ");
    if (editDistance(head, phrase, tolerance(phrase)) <= tolerance(phrase)) {
      return { role, label: words.slice(0, count).join(" "), value: words.slice(count).join(" ").trim() };
    }
  }
  return null;
}

const cache = new Map<string, Label | null>();

/** readOne, remembered: every line is asked several times while blocks and tasks are built. */
function readOneCached(text: string): Label | null {
  let label = cache.get(text);
  if (label === undefined) {
    if (cache.size > 20_000) cache.clear();
    label = readOne(text);
    cache.set(text, label);
  }
  return label;
}

// Where a second label starts inside the value of the first: "Chủ trì: Phòng Nội vụ; thời gian: Quý II/2024".
const NEXT_LABEL =
  /[.;]\s+((?:co quan|don vi|thoi gian|thoi han|tien do|chu tri|phoi hop)[a-z ,]{0,40}(?:\([^)]*\))?\s*:)/g;

/** All labels of a line (usually one); empty when the line is not a label line. */
export function readLabels(text: string): Label[] {
  const first = readOneCached(text);
  if (!first) return [];
  const key = foldSameLength(first.value);
  const starts: number[] = [];
  for (const match of key.matchAll(NEXT_LABEL)) {
    const at = match.index + match[0].indexOf(match[1]!);
    if (readOne(first.value.slice(at))) starts.push(at);
  }
  if (starts.length === 0) return [first];
  const cut = (s: string) => s.replace(/[\s;,]+$/, "");
  const labels: Label[] = [{ ...first, value: cut(first.value.slice(0, starts[0])) }];
  starts.forEach((start, i) => {
    const next = readOne(cut(first.value.slice(start, starts[i + 1] ?? first.value.length)));
    if (next) labels.push(next);
  });
  return labels;
}

export function isLabelLine(text: string): boolean {
  return readOneCached(text) !== null;
}
