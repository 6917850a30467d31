import { z } from "zod";
import type { OcrPage } from "./tsv";

// What an OCR job keeps of each page it read (import_jobs.pages), and how the pages become the one
// text the importer parses. Pure: the job's worker (scan-worker.ts), the server actions and the
// tests share it.

/** Pages are rendered at 300 dpi: Tesseract reads the digits of a 200 dpi scan better scaled up. */
export const SCAN_DPI = 300;

/** One page read: its text (lines, a blank line between paragraphs) and the words Tesseract doubted. */
export type ScanPage = { text: string; uncertain: string[] };

/** Words kept per page: a page has a few hundred; a garbage page is not allowed to carry more. */
const MAX_UNCERTAIN_PER_PAGE = 2_000;

export const scanPagesSchema = z.array(
  z.object({ text: z.string(), uncertain: z.array(z.string()).max(MAX_UNCERTAIN_PER_PAGE) }),
);

export function scanPageOf(page: OcrPage): ScanPage {
  return { text: page.text, uncertain: page.doubtful.slice(0, MAX_UNCERTAIN_PER_PAGE) };
}

/** The pages kept in the database, or none when the column holds something else. */
export function readScanPages(value: unknown): ScanPage[] {
  const parsed = scanPagesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/**
 * The document's text as the text-layer reader gives it: pages one after the other, a blank line
 * between them (a paragraph that runs over a page break is joined by the parser as across a wrap),
 * three or more line breaks made two; and every uncertain word once.
 */
export function scanText(pages: readonly ScanPage[]): { text: string; uncertainWords: string[] } {
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
