import { BOLD_WIDTHS, REGULAR_WIDTHS } from "./font-metrics";

// How wide a text is in Times New Roman (Liberation Serif, its metric twin, where Word's font is
// missing), so the exports can size table columns and header lines before a word processor lays them
// out: a column narrower than its longest word makes Word and LibreOffice break inside the word
// ("5.1/0", "m² sàn/ng/ười"), and a header line wider than its column breaks a body's name in two.

type Widths = Map<number, number>;

function parse(packed: string): Widths {
  const widths: Widths = new Map();
  for (const pair of packed.split(",")) {
    const [code, width] = pair.split(":");
    widths.set(parseInt(code!, 36), Number(width));
  }
  return widths;
}

const REGULAR = parse(REGULAR_WIDTHS);
const BOLD = parse(BOLD_WIDTHS);
/** A character outside the table (rare symbols) counts as wide, so a column errs on the roomy side. */
const UNKNOWN_WIDTH = 1000;

export type FontStyle = { sizePt: number; bold?: boolean };

/** Width in points of `text` on one line. */
export function textWidthPt(text: string, style: FontStyle): number {
  const widths = style.bold ? BOLD : REGULAR;
  let thousandths = 0;
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    thousandths += widths.get(code) ?? widths.get(baseLetter(char)) ?? UNKNOWN_WIDTH;
  }
  return (thousandths * style.sizePt) / 1000;
}

/** The letter under its marks ("ệ" → "e"), for a precomposed letter the table lacks. */
function baseLetter(char: string): number {
  return char.normalize("NFD").codePointAt(0)!;
}

/**
 * The pieces a line may not be broken inside: words between spaces, and, within a word, nothing
 * (a slash or a dot inside "m²/người" or "5.10" is not a place to break a number or a unit).
 */
export function unbreakablePieces(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Width of the widest piece that cannot be broken: the least a column can be. */
export function longestPieceWidthPt(text: string, style: FontStyle): number {
  return unbreakablePieces(text).reduce((widest, piece) => Math.max(widest, textWidthPt(piece, style)), 0);
}

export const PT_PER_MM = 72 / 25.4;
