// Tesseract's TSV output read into lines of words with their confidence (issue 17, part 2): the text
// the importer parses, and the words it should not trust. Tesseract misreads digits above all (a
// year "2030" read "20630", a leading digit added to thousands), and a wrong digit in a target must
// never look valid, so a word with a digit needs more confidence than one of letters only.

export type OcrWord = { text: string; confidence: number };
export type OcrLine = { words: OcrWord[]; text: string };
export type OcrPage = { lines: OcrLine[]; text: string; doubtful: string[] };

/** Below this confidence (0–100) a word of letters is doubtful. */
export const DOUBTFUL_WORD = 60;
/** A word with a digit in it is doubtful below this. */
export const DOUBTFUL_NUMBER = 85;

export function isDoubtful(word: OcrWord): boolean {
  return word.confidence < (/\d/.test(word.text) ? DOUBTFUL_NUMBER : DOUBTFUL_WORD);
}

/**
 * Reads `tesseract … tsv`: one row per page, block, paragraph, line and word (level 1–5); words
 * (level 5) carry their confidence. Lines keep Tesseract's reading order; a paragraph ends with an
 * empty line, as the importer expects between paragraphs.
 */
export function readTsv(tsv: string): OcrPage {
  const lines: OcrLine[] = [];
  let current: OcrWord[] = [];
  let lineKey = "";
  let paragraphKey = "";
  const texts: string[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const text = current.map((w) => w.text).join(" ");
    lines.push({ words: current, text });
    texts.push(text);
    current = [];
  };
  for (const row of tsv.split(/\r?\n/).slice(1)) {
    const cells = row.split("\t");
    if (cells.length < 12 || cells[0] !== "5") continue;
    const [, page, block, paragraph, line] = cells;
    const text = cells.slice(11).join("\t").trim();
    if (text === "") continue;
    const key = `${page}:${block}:${paragraph}:${line}`;
    const paragraphOf = `${page}:${block}:${paragraph}`;
    if (key !== lineKey) {
      flush();
      if (paragraphKey && paragraphOf !== paragraphKey) texts.push("");
      lineKey = key;
      paragraphKey = paragraphOf;
    }
    const confidence = Number(cells[10]);
    current.push({ text, confidence: Number.isFinite(confidence) ? confidence : 0 });
  }
  flush();
  const doubtful = lines.flatMap((l) => l.words.filter(isDoubtful).map((w) => w.text));
  return { lines, text: texts.join("\n"), doubtful };
}
