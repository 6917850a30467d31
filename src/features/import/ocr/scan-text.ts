import { z } from "zod";
import { layOutPages, type LaidPage } from "../page-layout";
import { isDoubtful, readTsv } from "./tsv";

// What an OCR job keeps of each page it read (import_jobs.pages), and how the pages become the one
// text the importer parses. Pure: the job's worker (scan-worker.ts), the server actions, the
// accuracy bench (scripts/bench/scan.ts) and the tests share it, so the bench measures what users get.
//
// A page is kept as the words Tesseract read with their boxes, not as text: the pages are laid out
// together at the end by the PDF reader's geometric layout (page-layout.ts), which rebuilds lines
// across table columns (Tesseract's own order reads a table column by column), drops running
// headers and page numbers, and carries a table or a paragraph over a page break.

/** Pages are rendered at 300 dpi: Tesseract reads the digits of a 200 dpi scan better scaled up. */
export const SCAN_DPI = 300;

/** A word as kept: text, left, top, width, height (pixels of the page image), confidence (0–100). */
export type ScanWord = [text: string, x: number, y: number, width: number, height: number, confidence: number];
/** One page read: its size in pixels and its words. */
export type ScanPage = { width: number; height: number; words: ScanWord[] };
/** A page as jobs stored it before the words' boxes were kept: its text and its doubtful words. */
type TextPage = { text: string; uncertain: string[] };

/** Words kept per page: a dense page has about a thousand; a garbage page is not allowed to carry more. */
const MAX_WORDS_PER_PAGE = 5_000;
/** Longer "words" are cut: Tesseract reading noise as one word does not fill the row. */
const MAX_WORD_LENGTH = 200;

const wordSchema = z.tuple([
  z.string().max(MAX_WORD_LENGTH),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
]);
const pageSchema = z.object({
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
  words: z.array(wordSchema).max(MAX_WORDS_PER_PAGE),
});
const textPageSchema = z.object({ text: z.string(), uncertain: z.array(z.string()).max(MAX_WORDS_PER_PAGE) });

export const scanPagesSchema = z.union([z.array(pageSchema), z.array(textPageSchema)]);

/** The pages of one image (a PDF page rendered, or an image file; a TIFF may hold several) as kept. */
export function scanPagesOf(tsv: string): ScanPage[] {
  return readTsv(tsv).map((page) => ({
    width: page.width,
    height: page.height,
    words: page.words
      .slice(0, MAX_WORDS_PER_PAGE)
      .map((w): ScanWord => [w.text.slice(0, MAX_WORD_LENGTH), w.x, w.y, w.width, w.height, w.confidence]),
  }));
}

/** The pages kept in the database, or none when the column holds something else. */
export function readScanPages(value: unknown): ScanPage[] | TextPage[] {
  const parsed = scanPagesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** Pages as jobs store them now (a job started before keeps its text pages; its worker reads them again). */
export const hasWordBoxes = (pages: ScanPage[] | TextPage[]): pages is ScanPage[] => pages.every((p) => "words" in p);

/**
 * The width a page is scaled to (an A4 page in PDF points): the layout's few absolute measures are
 * in the units of a PDF page, and a scan may come at any resolution.
 */
const LAYOUT_WIDTH = 595;

/**
 * A table's vertical rules, which Tesseract reads as bars: alone they are no word (and, taller than
 * the line, they would join it to the next), at a word's edge they are not part of it.
 */
const RULE = /^[|¦│]+$/;
const RULE_EDGES = /^[|¦│]+|[|¦│]+$/g;

function laidPage(page: ScanPage): LaidPage {
  const width = page.width || Math.max(1, ...page.words.map(([, x, , w]) => x + w));
  const height = page.height || Math.max(1, ...page.words.map(([, , y, , h]) => y + h));
  const scale = LAYOUT_WIDTH / width;
  return {
    width: width * scale,
    height: height * scale,
    pieces: page.words
      .filter(([text]) => !RULE.test(text))
      .map(([text, x, y, w, h, confidence]) => ({
        text: text.replace(RULE_EDGES, "").normalize("NFC"),
        x: x * scale,
        y: y * scale,
        width: w * scale,
        height: h * scale,
        confidence,
        uncertain: isDoubtful({ text, confidence }),
      })),
  };
}

/**
 * The document's text as the text-layer reader gives it (paragraphs, table rows with their cells
 * separated by tabs, a blank line between blocks), and every word of it Tesseract doubted, once
 * (digits held to the higher bar), for the review screen's marks.
 */
export function scanText(pages: ScanPage[] | TextPage[]): { text: string; uncertainWords: string[] } {
  if (!hasWordBoxes(pages)) return legacyText(pages);
  const laid = layOutPages(pages.map(laidPage));
  const text = laid.lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .normalize("NFC");
  // The words doubted among those that made it into the text (a misread page number or running
  // header, dropped, would otherwise mark every item holding the same word).
  const doubtful = laid.uncertain.map((u) => u.text).filter(Boolean);
  return { text, uncertainWords: [...new Set(doubtful)] };
}

/** A job's pages stored as text (before the words' boxes were kept): joined one after the other. */
function legacyText(pages: TextPage[]): { text: string; uncertainWords: string[] } {
  const text = pages
    .map((p) => p.text.trim())
    .filter(Boolean)
    .join("\n\n")
    .replace(/\n{3,}/g, "\n\n")
    .normalize("NFC");
  const uncertainWords = [...new Set(pages.flatMap((p) => p.uncertain.map((w) => w.normalize("NFC"))))];
  return { text, uncertainWords };
}

export type { ScanStatus } from "./scan-progress-label";
