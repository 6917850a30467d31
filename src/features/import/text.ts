import { stripDiacritics, unifyDashes } from "@/domain/vietnamese-text";

// Text helpers of the importer. Two forms of every line are kept: the text as written (what is
// stored: agency names, targets and timeframes keep their spelling, dashes and case), and a folded
// key (lower case, no diacritics, one kind of dash) for recognising labels and headings, so that
// OCR output that lost or mangled its diacritics ("Thoi gian thuc hién") reads like the original.

/** Comparison key: lower case, no diacritics, "-" for every dash, single spaces. */
export function fold(s: string): string {
  return foldSameLength(s.normalize("NFC")).replace(/\s+/g, " ").trim();
}

const FOLDED_CHARS = new Map<string, string>();

/**
 * The folded form with the same length as the (NFC) input, character for character, so that a
 * match found in the key can be cut out of the original text.
 */
export function foldSameLength(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = ch.charCodeAt(0);
    if (code < 128) {
      out += ch.toLowerCase();
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      out += ch;
      continue;
    }
    let folded = FOLDED_CHARS.get(ch);
    if (folded === undefined) {
      const f = stripDiacritics(unifyDashes(ch)).toLowerCase();
      folded = f.length === 1 ? f : f.length === 0 ? " " : f[0]!;
      FOLDED_CHARS.set(ch, folded);
    }
    out += folded;
  }
  return out;
}

/** Letters of the text are all capitals (and there are some): "KẾ HOẠCH", "PHÓ CHỦ TỊCH". */
export function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return (
    letters.length >= 2 && letters === letters.toLocaleUpperCase("vi") && letters !== letters.toLocaleLowerCase("vi")
  );
}

/** Starts with a lower-case letter: the continuation of a paragraph cut by a page break. */
export function startsLowercase(s: string): boolean {
  const first = /\p{L}/u.exec(s)?.[0];
  return first !== undefined && /^\p{Ll}/u.test(s.trimStart()) && first === first.toLocaleLowerCase("vi");
}

/** "thực hiện …" → "Thực hiện …". */
export function capitalize(s: string): string {
  const t = s.trimStart();
  return t ? t[0]!.toLocaleUpperCase("vi") + t.slice(1) : t;
}

/** Trailing "." ";" "," and spaces off (agency names and timeframes are stored without them). */
export function trimPunctuation(s: string): string {
  return s
    .replace(/^[\s\-–—+•*]+(?=\S)/u, "")
    .replace(/[\s.,;:]+$/u, "")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Cleaning a line of Markdown, of Word converted to text, or of a PDF conversion

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const SUPERSCRIPT_MARKER = new RegExp(`(?<!\\bm\\s?)(?<=[\\p{L}\\p{P}])[${SUPERSCRIPT_DIGITS}]+`, "gu");

/**
 * LaTeX fragments left by PDF conversion: "$30\text{ m}^2$" → "30 m²", "$\geq 60\%$" → "≥60%".
 * Only the inside of $…$ is rewritten; a lone "$" is left alone.
 */
export function latexToText(s: string): string {
  return s.replace(/\$([^$\n]{1,200})\$/g, (_whole, inner: string) =>
    inner
      .replace(/\\(?:text|mathrm|textrm|mbox|operatorname|mathit|textit|textbf|mathbf)\s*\{([^{}]*)\}/g, "$1")
      .replace(/\\geq?(?:slant)?(?![a-zA-Z])/g, "≥")
      .replace(/\\leq?(?:slant)?(?![a-zA-Z])/g, "≤")
      .replace(/\\gt(?![a-zA-Z])/g, ">")
      .replace(/\\lt(?![a-zA-Z])/g, "<")
      .replace(/\\(?:approx|sim)(?![a-zA-Z])/g, "≈")
      .replace(/\\times(?![a-zA-Z])/g, "×")
      .replace(/\\cdot(?![a-zA-Z])/g, "·")
      .replace(/\\%/g, "%")
      .replace(/\{,\}/g, ",")
      .replace(/\^\s*\{\s*2\s*\}|\^\s*2(?!\d)/g, "²")
      .replace(/\^\s*\{\s*3\s*\}|\^\s*3(?!\d)/g, "³")
      .replace(/\\[,;:! ]/g, " ")
      .replace(/[{}]/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/**
 * Footnote markers: "[^1]", "<sup>2</sup>", "¹" after a word and "[3]" glued to a word. The area
 * units "m²" and "m³" are not footnotes.
 */
export function stripFootnoteMarkers(s: string): string {
  return s
    .replace(/\[\^[^\]\s]{1,8}\](?!:)/g, "")
    .replace(/<sup>\s*(\d{1,3})\s*<\/sup>/gi, (whole, digits: string, offset: number, all: string) =>
      /m\s?$/.test(all.slice(0, offset)) && (digits === "2" || digits === "3") ? (digits === "2" ? "²" : "³") : "",
    )
    .replace(SUPERSCRIPT_MARKER, "")
    .replace(/(?<=[\p{L}.,;:)"”])\[\d{1,3}\](?!\()/gu, "");
}

/** Markdown emphasis, heading and escape characters; "**6.1. Về giáo dục:**" → "6.1. Về giáo dục:". */
export function stripMarkdown(s: string): string {
  return s
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/^\s{0,3}>\s?(?=\p{L})/u, "")
    .replace(/\*\*|__/g, "")
    .replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=[\s).,;:]|$)/g, "$1$2")
    .replace(/(^|[\s(])_(?=\S)([^_\n]*?\S)_(?=[\s).,;:]|$)/g, "$1$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, "$1")
    .replace(/<\/?(?:strong|b|em|i|u|span|p|br)\s*\/?>/gi, "");
}

/** One line as the parser reads it: no Markdown, footnotes or LaTeX, single spaces, trimmed. */
export function cleanLine(raw: string): string {
  let s = raw
    .normalize("NFC")
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, " ");
  s = latexToText(s);
  s = stripMarkdown(s);
  s = stripFootnoteMarkers(s);
  s = s.replace(/\s+/g, " ").trim();
  // Decorations: the "*" under a Party committee's name, rules, page numbers alone on a line.
  if (/^[*\-_=~.·•]{1,}$/.test(s) && !/^-$/.test(s)) return "";
  if (/^-{3,}$/.test(s)) return "";
  return s;
}

/** The cells of a table row written with tabs or as a Markdown pipe row; null for other lines. */
export function tableCells(raw: string): string[] | null {
  const line = raw.replace(/\r$/, "");
  if (line.includes("\t")) {
    const cells = line.split("\t").map((cell) => cleanLine(cell));
    return cells.filter((c) => c !== "").length >= 1 && cells.length >= 2 ? cells : null;
  }
  const pipe = /^\s*\|(.*)\|\s*$/.exec(line);
  if (pipe) return pipe[1]!.split("|").map((cell) => cleanLine(cell));
  return null;
}

/** A Markdown table's "|---|:--:|" line. */
export function isTableRule(raw: string): boolean {
  return /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(raw) && raw.includes("-") && raw.includes("|");
}
