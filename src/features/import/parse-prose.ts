import { parseTarget } from "@/domain/target-notation";
import type { DocumentIndicator } from "@/features/plans/plan-document";
import type { Block } from "./parse-blocks";
import { capitalize, fold, foldSameLength } from "./text";

// Indicators written as prose (Đà Lạt, Sơn La): one sentence often holds several, each a name and
// a target phrase read by parseTarget. Three shapes are read:
//   name + target:      "Tỷ lệ thất nghiệp chung dưới 1,2%", "số năm sống khỏe đạt tối thiểu 68 năm"
//   target + name:      "100% người có công …", "35 giường bệnh viện, 19 bác sĩ … trên 10.000 dân"
//   qualitative:        "Bảo đảm vững chắc mức sinh thay thế", "cơ bản chấm dứt các dịch bệnh AIDS, lao"
// Lists share their words: "tỷ lệ đi học đúng độ tuổi cấp tiểu học đạt 100%, cấp trung học cơ sở
// đạt 95%" gives "Tỷ lệ đi học đúng độ tuổi cấp trung học cơ sở".

export type ProseIndicator = {
  indicator: DocumentIndicator;
  from: number;
  to: number;
  unclear: Record<string, string>;
};

type Range = { start: number; end: number };
type Candidate = Range & { percent: boolean; hasComparator: boolean };

const CMP =
  "(?:khoang tren|khoang duoi|khoang hon|tren duoi|xap xi|khoang|toi thieu dat|toi thieu|toi da|it nhat|tu|khong duoi|khong thap hon|khong qua|khong vuot qua|tren|duoi|≥|≤|>=|<=|<|>)";
const NUM = "\\d+(?:[.,]\\d+)*";
const CANDIDATE = new RegExp(
  `(?<![\\p{L}\\d/.,-])(?:(${CMP})\\s*)?${NUM}(?:\\s*%?\\s*(?:-|den|toi)\\s*${NUM})?\\s*(%)?(?:\\s*tro (?:len|xuong))?(?![\\d]|(?<!%)/|\\s*-\\s*[a-z])`,
  "gu",
);
const TIME = /\b(?:vao|den|trong|toi|den het) (?:nam )?((?:19|20)\d\d)\b/g;

const SUBJECTS = [
  "ty le",
  "ti le",
  "so ",
  "chi so",
  "tuoi tho",
  "dien tich",
  "muc sinh",
  "muc giam",
  "muc tang",
  "thu nhap",
];
const QUALITATIVE_LEADS = [
  "duy tri va nang cao chat luong dat chuan",
  "bao dam vung chac",
  "dam bao vung chac",
  "hoan thanh dat chuan",
  "phan dau hoan thanh",
  "co ban hoan thanh",
  "co ban cham dut",
  "xoa bo hoan toan",
  "hoan thanh",
  "loai tru",
  "cham dut",
  "bao dam",
  "dam bao",
];
const FILLER =
  /^(?:\s|,|;|:|\bphan dau\b|\bbao dam\b|\bdam bao\b|\bco\b|\bdat\b|\bva\b|\bhoac\b|\bden\b|\bhoan thanh\b|\bxay dung(?: moi)?\b|\bho tro\b)*$/;
/** "95% năm 2025": the milestone a figure is for, written right after it. */
const YEAR_AFTER = /^\s*(?:vao |den |trong )?nam ((?:19|20)\d\d)\b/;
/** What is left of a name that is only connectors: the figure shares the subject before it. */
const CONNECTORS_ONLY = /^(?:\s|,|;|\bva\b|\bhoac\b|\bdat\b|\bphan dau\b)*$/;
const NAME_TAIL_FILLER = /(?:\s+(?:phan dau dat|phan dau|dat|la|o muc|bang|co|chiem))+\s*$/;

function trimRange(text: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /[\s,;:.\-–]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:.]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Splits a range at a separator pattern (matched in the folded key). */
function splitRange(key: string, range: Range, separator: RegExp): Range[] {
  const out: Range[] = [];
  let start = range.start;
  const re = new RegExp(separator.source, separator.flags.includes("u") ? "gu" : "g");
  re.lastIndex = range.start;
  for (let m = re.exec(key); m && m.index < range.end; m = re.exec(key)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: range.end });
  return out.filter((r) => r.end > r.start);
}

function startsWithAny(key: string, words: readonly string[]): string | null {
  const trimmed = key.trimStart();
  return (
    words.find(
      (w) =>
        trimmed.startsWith(w) &&
        (trimmed.length === w.length || /[\s,]/.test(trimmed[w.length] ?? " ") || w.endsWith(" ")),
    ) ?? null
  );
}

/** Numbers that belong to the name, not the target: "trẻ em dưới 5 tuổi", "mức độ 2", "số 42-NQ/TW". */
function belongsToName(key: string, c: Candidate, hasComparator: boolean): boolean {
  const before = key.slice(Math.max(0, c.start - 30), c.start);
  const after = key.slice(c.end, c.end + 16);
  const opened = (key.slice(0, c.start).match(/\(/g) ?? []).length > (key.slice(0, c.start).match(/\)/g) ?? []).length;
  if (opened) return true;
  if (
    /(?:\btre|\bem|mau giao|\bnhom|\bkhoa|lan thu|muc do|cap do|(?<!viet )\bnam|\bquy|\bthang|\bngay|giai doan|\bdieu|\bkhoan|\bdiem)\s*(?:tu\s*)?$/.test(
      before,
    )
  )
    return true;
  if (/^\s*(?:thang\b|loai\b)/.test(after)) return true;
  if (/^\s*tuoi\b/.test(after) && /\b(?:tre|em|mau giao|cho)\b/.test(before.slice(-20))) return true;
  if (!c.percent && /^\s*(?:dan|nguoi dan)\b/.test(after)) return true;
  const digits = key.slice(c.start, c.end).match(/\d+/)?.[0] ?? "";
  if (!c.percent && !hasComparator && /^(?:19|20)\d\d$/.test(digits)) return true;
  return false;
}

function candidates(key: string, range: Range): Candidate[] {
  const found: Candidate[] = [];
  const segment = key.slice(0, range.end);
  CANDIDATE.lastIndex = range.start;
  for (let m = CANDIDATE.exec(segment); m; m = CANDIDATE.exec(segment)) {
    const c: Candidate = {
      start: m.index,
      end: m.index + m[0].trimEnd().length,
      percent: m[2] === "%",
      hasComparator: m[1] !== undefined,
    };
    if (!belongsToName(key, c, c.hasComparator)) found.push(c);
  }
  return found;
}

/** Short unit words after a number at the end of a phrase: "75 tuổi", "24,6 m² sàn/người". */
function unitAfter(text: string, key: string, from: number, end: number): number {
  const rest = key.slice(from, end);
  const stop = rest.search(/,|;|\s(?:va|hoac)\s/);
  const span = stop < 0 ? rest : rest.slice(0, stop);
  const trimmed = span.replace(/[\s.:]+$/, "");
  const words = trimmed.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5) return from;
  if (!/^[\p{L}²³/]/u.test(text.slice(from).trimStart())) return from;
  return from + trimmed.length;
}

type Piece = {
  name: string;
  target: string;
  unit: string | null;
  range: Range;
  style: "end" | "first" | "qualitative";
  percent: boolean;
  /** The milestone written after the figure ("95% năm 2025"); else the phrase's. */
  year?: string;
};

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function subjectName(rest: string, percent: boolean): string {
  let name = clean(rest).replace(/^(?:trong số|số|các)\s+/iu, "");
  if (percent) {
    if (!/^t[ỷỉyi]\s*l[ệe]/iu.test(name)) name = `Tỷ lệ ${name}`;
    return capitalize(name);
  }
  return startsWithAny(fold(name), SUBJECTS) ? capitalize(name) : `Số ${name}`;
}

function numericPieces(text: string, key: string, range: Range, found: Candidate[]): Piece[] {
  const pieces: Piece[] = [];
  let position = range.start;
  found.forEach((c, i) => {
    const next = found[i + 1];
    const gap = key.slice(position, c.start);
    const yearAfter = YEAR_AFTER.exec(key.slice(c.end, next ? next.start : range.end));
    // Where the figure's own words go on: after "năm 2025" when the milestone follows it.
    const after = c.end + (yearAfter?.[0].length ?? 0);
    const year = yearAfter?.[1];
    const previous = pieces[pieces.length - 1];
    if (FILLER.test(gap)) {
      // Target first: the name follows, up to the next target (or to the separator before a
      // "name + target" phrase).
      let end = next ? next.start : range.end;
      if (next) {
        const separators = [...key.slice(c.end, next.start).matchAll(/,\s|;\s|\s(?:va|hoac)\s/g)];
        const last = separators[separators.length - 1];
        if (last) end = c.end + last.index;
      }
      const rest = trimRange(text, { start: after, end: Math.max(after, end) });
      const restText = text.slice(rest.start, rest.end);
      const target = clean(text.slice(c.start, c.end));
      const words = clean(restText).split(" ").filter(Boolean);
      // "… đạt 95% năm 2025 và 98% năm 2030": nothing after the figure, it shares the subject before.
      const shared = words.length === 0 && previous !== undefined;
      pieces.push({
        name: shared ? previous.name : subjectName(restText, c.percent),
        target,
        unit: shared ? previous.unit : c.percent ? "%" : words.length > 0 && words.length <= 6 ? clean(restText) : null,
        range: { start: c.start, end: Math.max(rest.end, c.end) },
        style: shared ? previous.style : "first",
        percent: c.percent,
        year,
      });
      position = end;
      return;
    }
    // Name, then target (and its unit words).
    const targetEnd = c.percent || year ? c.end : unitAfter(text, key, c.end, next ? next.start : range.end);
    const nameRange = trimRange(text, { start: position, end: c.start });
    let name = text.slice(nameRange.start, nameRange.end);
    const tail = NAME_TAIL_FILLER.exec(foldSameLength(name));
    if (tail) name = name.slice(0, tail.index);
    let target = clean(text.slice(c.start, targetEnd));
    let unitText = clean(text.slice(c.end, targetEnd));
    // "tăng 1,5 lần so với năm 2020": the comparison is part of what is measured, not of the target.
    const compared = /\sso voi\s/.exec(foldSameLength(target));
    if (compared) {
      name = `${clean(name)} ${target.slice(compared.index + 1)}`;
      target = target.slice(0, compared.index);
      unitText = clean(unitText.replace(/\s*so với\s.*$/iu, ""));
    }
    const shared = previous !== undefined && CONNECTORS_ONLY.test(fold(name));
    pieces.push({
      name: shared ? previous.name : clean(name),
      target: clean(target),
      unit: shared && !unitText ? previous.unit : c.percent ? "%" : unitText || null,
      range: { start: nameRange.start, end: targetEnd },
      style: "end",
      percent: c.percent,
      year,
    });
    position = Math.max(targetEnd, after);
  });
  return pieces;
}

/** "cấp trung học cơ sở" after "tỷ lệ đi học đúng độ tuổi cấp tiểu học" → "tỷ lệ đi học đúng độ tuổi cấp trung học cơ sở". */
function inheritStems(pieces: Piece[]) {
  const first = pieces.find((p) => p.style === "end");
  if (!first) return;
  const stemWords = first.name.split(" ");
  const stemKeys = stemWords.map((w) => fold(w));
  for (const piece of pieces) {
    if (piece === first || piece.style !== "end" || !piece.name) continue;
    if (startsWithAny(fold(piece.name), SUBJECTS)) continue;
    const head = fold(piece.name.split(" ")[0] ?? "");
    const at = stemKeys.indexOf(head);
    if (at > 0) piece.name = `${stemWords.slice(0, at).join(" ")} ${piece.name}`;
  }
}

/** Target-first lists share their ending: "35 giường bệnh viện, … 33 điều dưỡng viên trên 10.000 dân". */
function shareEndings(pieces: Piece[]) {
  const firsts = pieces.filter((p) => p.style === "first");
  if (firsts.length < 2) return;
  const last = firsts[firsts.length - 1]!;
  const perPopulation = /(\s(?:trên|\/)\s*[\d.]+\s*dân|\/[\d.]+\s*dân)$/u.exec(last.name);
  if (perPopulation && !last.percent) {
    for (const piece of firsts.slice(0, -1)) {
      if (!piece.percent && !/dân$/u.test(piece.name)) {
        piece.name += perPopulation[1]!.startsWith("/") ? perPopulation[1]! : perPopulation[1]!;
        if (piece.unit) piece.unit += perPopulation[1]!;
      }
    }
  }
  // "100% hộ gia đình ở thành thị và 80% hộ gia đình ở nông thôn được sử dụng nước sạch": the
  // first takes the predicate of the second.
  for (let i = 0; i + 1 < firsts.length; i++) {
    const a = firsts[i]!;
    const b = firsts[i + 1]!;
    if (!a.percent || !b.percent) continue;
    const aw = a.name.split(" ");
    const bw = b.name.split(" ");
    let common = 0;
    while (common < aw.length && common < bw.length && fold(aw[common]!) === fold(bw[common]!)) common++;
    const own = aw.length - common;
    if (common < 3 || own < 1 || own > 4 || bw.length - common < own + 2) continue;
    a.name = `${a.name} ${bw.slice(common + own).join(" ")}`;
  }
}

function qualitativePieces(text: string, key: string, range: Range): Piece[] {
  const lead = (r: Range) => startsWithAny(key.slice(r.start, r.end), QUALITATIVE_LEADS);
  const parts: Range[] = [];
  for (const part of splitRange(key, range, /,\s|\s(?:va|hoac)\s/)) {
    const trimmed = trimRange(text, part);
    if (parts.length && !lead(trimmed))
      parts[parts.length - 1] = { start: parts[parts.length - 1]!.start, end: trimmed.end };
    else parts.push(trimmed);
  }
  const pieces: Piece[] = [];
  for (const part of parts) {
    const found = lead(part);
    if (!found) continue;
    const offset = key.slice(part.start).search(/\S/);
    const leadEnd = part.start + offset + found.length;
    const name = clean(text.slice(leadEnd, part.end));
    if (name.split(" ").length < 2) continue;
    pieces.push({
      name: capitalize(name),
      target: clean(text.slice(part.start, leadEnd)),
      unit: null,
      range: part,
      style: "qualitative",
      percent: false,
    });
  }
  return pieces;
}

/**
 * "5.000 lao động (trong đó lao động nữ chiếm 40%)": the figures inside "(trong đó …)" are
 * indicators of their own (numbers in other brackets belong to the name).
 */
function insidePieces(text: string, key: string, phrase: Range): Piece[] {
  const out: Piece[] = [];
  const segment = key.slice(phrase.start, phrase.end);
  for (const m of segment.matchAll(/\(\s*trong do\s*:?\s*/g)) {
    const open = phrase.start + m.index;
    const close = key.indexOf(")", open);
    const inner: Range = { start: open + m[0].length, end: close > 0 && close < phrase.end ? close : phrase.end };
    // The bracket opened, the inside reads as a phrase of its own.
    const unbracketed = `${key.slice(0, open)} ${key.slice(open + 1)}`;
    const found = candidates(unbracketed, inner);
    if (found.length) out.push(...numericPieces(text, unbracketed, inner, found));
  }
  return out;
}

/** Sentences, then clauses (";"), then phrases (", " before a new subject or a qualitative lead). */
function phrases(text: string, key: string, range: Range): Range[] {
  const out: Range[] = [];
  // A sentence ends at ". " before a capital or a digit ("45,0%. Phấn đấu …"); decimals have no space.
  for (const sentence of splitRange(text, range, /(?<=[.!?])\s+(?=[\p{Lu}\d])/u)) {
    for (const clause of splitRange(key, sentence, /\s*;\s*/)) {
      let current: Range | null = null;
      for (const part of splitRange(key, clause, /,\s/)) {
        const head = key.slice(part.start, part.end).trimStart();
        const opens =
          current === null || startsWithAny(head, SUBJECTS) !== null || startsWithAny(head, QUALITATIVE_LEADS) !== null;
        if (opens) {
          if (current) out.push(current);
          current = { ...part };
        } else current!.end = part.end;
      }
      if (current) out.push(current);
    }
  }
  return out.map((r) => trimRange(text, r)).filter((r) => r.end > r.start);
}

function lineRange(block: Block, range: Range): { from: number; to: number } {
  let offset = 0;
  let from = block.from;
  let to = block.to;
  let foundFrom = false;
  for (const line of block.lines) {
    const end = offset + line.text.length;
    if (!foundFrom && range.start <= end) {
      from = line.no;
      foundFrom = true;
    }
    if (range.end <= end + 1) {
      to = line.no;
      break;
    }
    offset = end + 1;
  }
  return { from, to: Math.max(from, to) };
}

/** The indicators written in the paragraphs of an objectives section; `year` is the milestone they are for. */
export function readProseIndicators(blocks: Block[], year: string): ProseIndicator[] {
  const out: ProseIndicator[] = [];
  for (const block of blocks) {
    if (block.kind !== "text" || block.isLabel) continue;
    const text = block.text;
    const blanked = foldSameLength(text).split("");
    // Years of a phrase ("vào năm 2030") say which milestone; they are not targets.
    const years: { at: number; year: string }[] = [];
    for (const m of foldSameLength(text).matchAll(TIME)) {
      years.push({ at: m.index, year: m[1]! });
      for (let i = m.index; i < m.index + m[0].length; i++) blanked[i] = " ";
    }
    const key = blanked.join("");
    const start = block.marker.type === "none" ? 0 : text.length - block.marker.rest.length;
    let previous: { item: ProseIndicator; end: number } | null = null;
    for (const phrase of phrases(text, key, { start, end: text.length })) {
      const found = candidates(key, phrase);
      const pieces = found.length ? numericPieces(text, key, phrase, found) : qualitativePieces(text, key, phrase);
      pieces.push(...insidePieces(text, key, phrase));
      inheritStems(pieces);
      shareEndings(pieces);
      // "100% người khuyết tật đang mang thai; người khuyết tật đang nuôi con …; hộ gia đình …":
      // clauses without a target of their own continue the list of the one before.
      if (
        pieces.length === 0 &&
        previous &&
        /^\s*;\s*$/.test(text.slice(previous.end, phrase.start)) &&
        !startsWithAny(key.slice(phrase.start, phrase.end), SUBJECTS)
      ) {
        previous.item.indicator.name += `, ${clean(text.slice(phrase.start, phrase.end))}`;
        previous.item.indicator.sourceText += `; ${clean(text.slice(phrase.start, phrase.end))}`;
        previous.item.to = Math.max(previous.item.to, lineRange(block, phrase).to);
        previous.end = phrase.end;
        continue;
      }
      previous = null;
      const phraseYear = years.find((y) => y.at >= phrase.start && y.at < phrase.end)?.year ?? year;
      const sentence = clean(text.slice(phrase.start, phrase.end));
      let last: ProseIndicator | null = null;
      for (const piece of pieces) {
        if (!piece.name || !piece.target) continue;
        const pieceYear = piece.year ?? phraseYear;
        const parsed = parseTarget(piece.target);
        // The same subject for another milestone is one indicator with two targets.
        if (last && last.indicator.name === capitalize(piece.name) && !(pieceYear in (last.indicator.targets ?? {}))) {
          last.indicator.targets![pieceYear] = piece.target;
          if (!parsed.ok) last.unclear[`targets.${pieceYear}`] = parsed.error;
          last.to = Math.max(last.to, lineRange(block, piece.range).to);
          continue;
        }
        const unclear: Record<string, string> = {};
        if (!parsed.ok) unclear[`targets.${pieceYear}`] = parsed.error;
        if (piece.name.split(" ").length < 2) unclear[""] = "Tên chỉ tiêu quá ngắn: hãy kiểm tra";
        const indicator: DocumentIndicator = {
          code: "",
          name: capitalize(piece.name),
          unit: piece.unit,
          targets: { [pieceYear]: piece.target },
          sourceText: sentence,
        };
        if (piece.style === "qualitative") indicator.direction = "QUALITATIVE";
        const item = { indicator, ...lineRange(block, piece.range), unclear };
        out.push(item);
        last = item;
        previous = piece.style === "first" && piece === pieces[pieces.length - 1] ? { item, end: phrase.end } : null;
      }
    }
  }
  out.forEach((item, i) => (item.indicator.code = String(i + 1)));
  return out;
}
