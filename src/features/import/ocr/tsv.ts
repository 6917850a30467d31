// Tesseract's TSV output read into the words of each page, with their boxes and confidence (issue
// 17, part 2). Tesseract's own reading order is not kept: its automatic layout reads a table column
// by column, so a row "name | unit | 2025 | 2030" would come apart. The words' boxes go to the same
// geometric layout as a PDF's text layer (page-layout.ts, through scan-text.ts), which rebuilds the
// lines from what sits at one height. Tesseract misreads digits above all (a year "2030" read
// "20630", a leading digit added to thousands), and a wrong digit in a target must never look
// valid, so a word with a digit needs more confidence than one of letters only to be trusted.

/** One word Tesseract read: its box in pixels of the image (top-down) and its confidence (0–100). */
export type OcrWord = { text: string; x: number; y: number; width: number; height: number; confidence: number };
/** One page of the image (a multi-page TIFF has several), its size in pixels. */
export type OcrPage = { width: number; height: number; words: OcrWord[] };

/** Below this confidence (0–100) a word of letters is doubtful. */
export const DOUBTFUL_WORD = 60;
/** A word with a digit in it is doubtful below this. */
export const DOUBTFUL_NUMBER = 85;

export function isDoubtful(word: { text: string; confidence: number }): boolean {
  return word.confidence < (/\d/.test(word.text) ? DOUBTFUL_NUMBER : DOUBTFUL_WORD);
}

const number = (cell: string | undefined) => {
  const value = Number(cell);
  return Number.isFinite(value) ? value : 0;
};

/**
 * Reads `tesseract … tsv`: one row per page, block, paragraph, line and word (level 1–5). The page
 * rows (level 1) give each page's size, the word rows (level 5) the words with their boxes; blank
 * words (Tesseract reports a table's rule as a word of spaces) are left out. Pages come in the order
 * of their number.
 */
export function readTsv(tsv: string): OcrPage[] {
  const pages = new Map<number, OcrPage>();
  const pageOf = (n: number) => {
    let page = pages.get(n);
    if (!page) pages.set(n, (page = { width: 0, height: 0, words: [] }));
    return page;
  };
  for (const row of tsv.split(/\r?\n/).slice(1)) {
    const cells = row.split("\t");
    if (cells.length < 12) continue;
    const [level, pageNumber, , , , , left, top, width, height, confidence] = cells;
    if (level === "1") {
      const page = pageOf(number(pageNumber));
      page.width = number(width);
      page.height = number(height);
      continue;
    }
    if (level !== "5") continue;
    const text = cells.slice(11).join("\t").trim();
    if (text === "") continue;
    pageOf(number(pageNumber)).words.push({
      text,
      x: number(left),
      y: number(top),
      width: number(width),
      height: number(height),
      confidence: number(confidence),
    });
  }
  return [...pages.entries()].sort(([a], [b]) => a - b).map(([, page]) => page);
}
