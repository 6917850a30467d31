import type { DocxPackage } from "./docx-package";
import { MAX_LIST_COUNTER, MAX_LIST_LEVEL } from "./limits";

// Word's automatic numbering ("I.", "1.1.", "a)", "-" typed by Word, not by the author) is not in
// the text of a .docx: it is computed from numbering.xml when the document is shown. mammoth only
// says "ordered list" or "bullet list", so a plan whose headings are automatic "I." and "a)" lost
// them. Before mammoth reads the file, each numbered paragraph gets its label written in as text, as
// Word would show it, and its list property removed: the importer then reads what the official sees,
// like typed numbering, whether the numbering is set on the paragraph or by its paragraph style
// ("Heading 1" numbered I., II. …).
// Every number read from the package is bounded (limits.ts): a start of 10^12 in upperRoman would
// otherwise be written out letter by letter, and a level of 10^9 would fill an array that long.

type Level = {
  start: number;
  format: string;
  text: string;
  /** The paragraph style this level is tied to (headings often are). */ style: string | null;
};
/** A list (numId): the definition it uses, whose counters it shares with the other lists using it, and the levels it restarts. */
type List = { abstractId: string; levels: Map<number, Level>; restarts: number[] };

/** numbering.xml → each numId's list: its abstract definition's levels, with its level start overrides. */
export function readNumbering(xml: string): Map<string, List> {
  const abstract = new Map<string, Map<number, Level>>();
  for (const [, id, body] of xml.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    abstract.set(id!, readLevels(body!));
  }
  const lists = new Map<string, List>();
  for (const [, numId, body] of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = /<w:abstractNumId w:val="(\d+)"/.exec(body!)?.[1] ?? "";
    const levels = new Map(abstract.get(abstractId) ?? []);
    const restarts: number[] = [];
    for (const [, ilvl, override] of body!.matchAll(
      /<w:lvlOverride w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g,
    )) {
      const start = /<w:startOverride w:val="(\d+)"/.exec(override!)?.[1];
      const level = levels.get(Number(ilvl));
      if (start && level && !restarts.includes(Number(ilvl))) {
        levels.set(Number(ilvl), { ...level, start: boundedCounter(Number(start)) });
        restarts.push(Number(ilvl));
      }
    }
    lists.set(numId!, { abstractId, levels, restarts });
  }
  return lists;
}

function readLevels(body: string): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const [, ilvl, lvl] of body.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
    if (Number(ilvl) > MAX_LIST_LEVEL) continue;
    levels.set(Number(ilvl), {
      start: boundedCounter(Number(/<w:start w:val="(-?\d+)"/.exec(lvl!)?.[1] ?? 1)),
      format: /<w:numFmt w:val="([^"]+)"/.exec(lvl!)?.[1] ?? "decimal",
      text: decodeXml(/<w:lvlText w:val="([^"]*)"/.exec(lvl!)?.[1] ?? ""),
      style: /<w:pStyle w:val="([^"]+)"/.exec(lvl!)?.[1] ?? null,
    });
  }
  return levels;
}

/** A counter as Word can show it: 0 … 32767. */
function boundedCounter(n: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), MAX_LIST_COUNTER) : 1;
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  let out = "";
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

function letter(n: number): string {
  // a … z, then aa, bb … as Word writes them.
  const base = String.fromCharCode(97 + ((n - 1) % 26));
  return base.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One level's counter as Word shows it in the given format. */
export function formatCounter(n: number, format: string): string {
  n = boundedCounter(n);
  switch (format) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letter(n).toUpperCase();
    case "lowerLetter":
      return letter(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "none":
      return "";
    default:
      return String(n);
  }
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
const encodeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A paragraph style's numbering: its list, and its level (stated, else the level tied to the style, else the first). */
export type StyleNumbering = Map<string, { numId: string; ilvl: number }>;

/**
 * styles.xml → the paragraph styles that number their paragraphs ("Heading 1" numbered I., II. …),
 * following basedOn for styles that inherit their numbering.
 */
export function readStyleNumbering(stylesXml: string, lists: Map<string, List>): StyleNumbering {
  const styles = new Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>();
  for (const [, attributes, body] of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = /w:styleId="([^"]+)"/.exec(attributes!)?.[1];
    if (!id || !/w:type="paragraph"/.test(attributes!)) continue;
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(body!)?.[1] ?? "";
    const ilvl = /<w:ilvl w:val="(\d+)"/.exec(numPr)?.[1];
    styles.set(id, {
      numId: /<w:numId w:val="(\d+)"/.exec(numPr)?.[1] ?? null,
      ilvl: ilvl === undefined ? null : Number(ilvl),
      basedOn: /<w:basedOn w:val="([^"]+)"/.exec(body!)?.[1] ?? null,
    });
  }
  const out: StyleNumbering = new Map();
  for (const id of styles.keys()) {
    let style = styles.get(id);
    for (let depth = 0; style && style.numId === null && style.basedOn && depth < 10; depth++)
      style = styles.get(style.basedOn);
    if (!style?.numId || style.numId === "0") continue;
    const list = lists.get(style.numId);
    const tied = list ? [...list.levels].find(([, level]) => level.style === id)?.[0] : undefined;
    out.set(id, { numId: style.numId, ilvl: style.ilvl ?? tied ?? 0 });
  }
  return out;
}

/**
 * document.xml with every directly numbered paragraph's label written in as its first run and its
 * numbering removed. Counters follow Word: lists that use the same definition share its counters
 * (a list pasted from elsewhere continues it) unless the list restarts a level (startOverride), and
 * a level restarts when a higher one advances. Bullets become "-", as Vietnamese documents type them.
 * Tracked changes to the paragraph's properties (w:pPrChange, which holds the old properties,
 * numbering included) are left as they are.
 */
export function writeNumberingAsText(
  documentXml: string,
  lists: Map<string, List>,
  styleNumbering: StyleNumbering = new Map(),
): string {
  const counters = new Map<string, number[]>();
  const started = new Set<string>();
  return documentXml.replace(/<w:p\b(?:[^>]*[^/>])?>[\s\S]*?<\/w:p>/g, (original) => {
    // Set the tracked change aside, so that its old <w:pPr> is neither read nor mistaken for the end of the current one.
    const aside: string[] = [];
    const paragraph = original.replace(
      /<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g,
      (change) => `\u0000${aside.push(change) - 1}\u0000`,
    );
    const restore = (xml: string) => xml.replace(/\u0000(\d+)\u0000/g, (_, i: string) => aside[Number(i)]!);
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(paragraph);
    // Numbered directly, or by its paragraph style (a direct numId 0 switches the style's off).
    const byStyle = numPr ? undefined : styleNumbering.get(/<w:pStyle w:val="([^"]+)"/.exec(paragraph)?.[1] ?? "");
    if (!numPr && !byStyle) return original;
    const numId = numPr ? /<w:numId w:val="(\d+)"/.exec(numPr[1]!)?.[1] : byStyle!.numId;
    const ilvl = numPr ? Number(/<w:ilvl w:val="(\d+)"/.exec(numPr[1]!)?.[1] ?? 0) : byStyle!.ilvl;
    const list = numId ? lists.get(numId) : undefined;
    const level = list?.levels.get(ilvl);
    if (!numId || numId === "0" || !list || !level || ilvl > MAX_LIST_LEVEL) return original;
    const count = counters.get(list.abstractId) ?? [];
    if (!started.has(numId)) {
      started.add(numId);
      if (list.restarts.length) count.length = Math.min(count.length, ...list.restarts);
    }
    for (let l = 0; l < ilvl; l++) count[l] ??= list.levels.get(l)?.start ?? 1;
    count[ilvl] = count[ilvl] === undefined ? level.start : boundedCounter(count[ilvl]! + 1);
    count.length = ilvl + 1;
    counters.set(list.abstractId, count);
    const label =
      level.format === "bullet"
        ? "-"
        : level.text.replace(/%(\d)/g, (_, n: string) => {
            const l = Number(n) - 1;
            return formatCounter(count[l] ?? list.levels.get(l)?.start ?? 1, list.levels.get(l)?.format ?? "decimal");
          });
    const run = `<w:r><w:t xml:space="preserve">${encodeXml(label.trim())} </w:t></w:r>`;
    // The numbering is removed (a style's is switched off on the paragraph, numId 0), so that mammoth
    // does not number the paragraph a second time.
    const withoutNumbering = numPr
      ? paragraph.replace(numPr[0], "")
      : paragraph.replace(
          /<w:pStyle w:val="[^"]+"\/>/,
          (style) => `${style}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>`,
        );
    const properties = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(withoutNumbering);
    const labelled = properties
      ? withoutNumbering.replace(properties[0], () => properties[0] + run)
      : withoutNumbering.replace(/^<w:p\b[^>]*>/, (open) => open + run);
    return restore(labelled);
  });
}

/** The package with its automatic numbering written in as text (unchanged when it has none). */
export function numberingAsText(parts: DocxPackage): DocxPackage {
  const numberingXml = parts.get("word/numbering.xml")?.toString("utf8");
  const documentXml = parts.get("word/document.xml")?.toString("utf8");
  if (!numberingXml || !documentXml) return parts;
  const lists = readNumbering(numberingXml);
  const styles = readStyleNumbering(parts.get("word/styles.xml")?.toString("utf8") ?? "", lists);
  if (!documentXml.includes("<w:numPr>") && styles.size === 0) return parts;
  const out = new Map(parts);
  out.set("word/document.xml", Buffer.from(writeNumberingAsText(documentXml, lists, styles), "utf8"));
  return out;
}
