import { readMarker } from "./parse-blocks";
import { fold, isAllCaps } from "./text";

// From positioned pieces of text on pages (a PDF's text layer, or the words Tesseract read on a
// scan) to the plain lines the parser reads. The geometry decides what plain text cannot:
//   - lines are rebuilt from what sits at one height, in reading order (left to right);
//   - running headers and footers (a line repeated at the top or bottom of the pages) and page
//     numbers are dropped;
//   - footnotes (smaller text at the foot of a page, starting with its number) are set aside and
//     listed at the end as "Chú thích n: …", and their marks in the text dropped, so that they
//     neither become tasks nor cut a paragraph that runs on to the next page;
//   - tables (three columns or more, from the gaps between pieces) become one line per row with
//     the cells separated by tabs, a cell wrapped over several lines kept whole; a row whose first
//     cell is empty (an OCR that missed the row's number) is told by its other cells;
//   - on a scan: a page number misread as letters is dropped where the other pages have theirs, and
//     a "word" far taller than the text (a column of marks read as one) stretches no line;
//   - paragraphs are put back together: lines joined, "81-" + "CTr/TU" joined without a space, a
//     new paragraph at a numbering, a label, a short last line, a wider gap or an indent;
//     centred lines (headers, titles) joined among themselves.
// Pure and linear in the number of pieces (sorting aside); coordinates are top-down, in any unit.

export type Piece = {
  text: string;
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
  /** Tesseract's confidence, 0–100; absent for a text layer. */
  confidence?: number;
  /** Whether the OCR doubted it, where the reader decides (else: a confidence below UNCERTAIN_BELOW). */
  uncertain?: boolean;
};

export type LaidPage = { width: number; height: number; pieces: Piece[] };

/** A word the OCR was unsure of, where it ended up in the text (line is 0-based). */
export type UncertainWord = { line: number; text: string; confidence: number };

export type LaidText = { lines: string[]; uncertain: UncertainWord[]; footnotes: number; dropped: number };

type Line = {
  pieces: Piece[];
  top: number;
  bottom: number;
  left: number;
  right: number;
  height: number;
  /** One half of a line of two columns (the header, the signature): a paragraph of its own. */
  alone?: boolean;
};
type Segment = { pieces: Piece[]; left: number; right: number };
type Row = { line: Line; segments: Segment[] };

/** Below this confidence a word is reported as uncertain. */
export const UNCERTAIN_BELOW = 80;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function groupLines(pieces: Piece[]): Line[] {
  const kept = pieces.filter((p) => p.text.trim());
  // A piece far taller than the text (marks in a column that the OCR read as one "word") would
  // stretch a line over the next ones: it is placed by its top, after the others, and stretches
  // nothing.
  const tallAbove = median(kept.map((p) => p.height)) * 2.5;
  const sorted = kept.filter((p) => p.height <= tallAbove).sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const piece of sorted) {
    const centre = piece.y + piece.height / 2;
    // Only the last few lines can hold a piece that comes later in top-down order.
    let home: Line | undefined;
    for (let i = lines.length - 1; i >= Math.max(0, lines.length - 3); i--) {
      const line = lines[i]!;
      if (centre >= line.top && centre <= line.bottom) {
        home = line;
        break;
      }
    }
    if (home) {
      home.pieces.push(piece);
      home.left = Math.min(home.left, piece.x);
      home.right = Math.max(home.right, piece.x + piece.width);
      // A raised footnote mark does not stretch the line's band.
      if (piece.height >= home.height * 0.8) {
        home.top = Math.min(home.top, piece.y);
        home.bottom = Math.max(home.bottom, piece.y + piece.height);
      }
    } else
      lines.push({
        pieces: [piece],
        top: piece.y,
        bottom: piece.y + piece.height,
        left: piece.x,
        right: piece.x + piece.width,
        height: piece.height,
      });
  }
  for (const piece of kept.filter((p) => p.height > tallAbove)) {
    // Its line is the one whose top is nearest its top, if one is within a line's height.
    const height = tallAbove / 2.5;
    let home: Line | undefined;
    for (const line of lines)
      if (
        Math.abs(line.top - piece.y) < height &&
        (!home || Math.abs(line.top - piece.y) < Math.abs(home.top - piece.y))
      )
        home = line;
    if (home) home.pieces.push(piece);
    else {
      const at = lines.findIndex((line) => line.top > piece.y);
      const line = {
        pieces: [piece],
        top: piece.y,
        bottom: piece.y + height,
        left: piece.x,
        right: piece.x + piece.width,
        height,
      };
      lines.splice(at < 0 ? lines.length : at, 0, line);
    }
  }
  for (const line of lines) {
    line.pieces.sort((a, b) => a.x - b.x);
    line.height = median(line.pieces.filter((p) => p.height <= tallAbove).map((p) => p.height)) || tallAbove / 2.5;
  }
  return lines;
}

/** Footnote marks: small digits raised above the line, glued to the word before them. */
function isFootnoteMark(piece: Piece, line: Line): boolean {
  return /^\d{1,2}$/.test(piece.text.trim()) && piece.height < line.height * 0.8 && piece.y < line.top + 1;
}

function segmentsOf(line: Line, gap: number): Segment[] {
  const segments: Segment[] = [];
  for (const piece of line.pieces) {
    const last = segments[segments.length - 1];
    if (last && piece.x - last.right < gap) {
      last.pieces.push(piece);
      last.right = Math.max(last.right, piece.x + piece.width);
    } else segments.push({ pieces: [piece], left: piece.x, right: piece.x + piece.width });
  }
  return segments;
}

/** The text of pieces on one line: a space where there is a gap, none inside a word split in two. */
function joinPieces(pieces: Piece[], height: number, line: Line | null): string {
  let out = "";
  let right = -Infinity;
  for (const piece of pieces) {
    if (line && isFootnoteMark(piece, line)) continue;
    const text = piece.text.replace(/\s+/g, " ");
    if (out && piece.x - right > height * 0.12 && !out.endsWith(" ") && !text.startsWith(" ")) out += " ";
    out += text;
    right = piece.x + piece.width;
  }
  return out.trim();
}

const PAGE_NUMBER = /^(?:-\s*)?(?:trang\s*)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*-)?$/;

/** A key under which a running header or footer repeats from page to page (its numbers aside). */
const repeatKey = (text: string) => fold(text).replace(/\d+/g, "#");

/**
 * Lines at the very top or bottom of pages that come back on other pages (a running header or
 * footer) or are page numbers.
 */
function marginLines(pages: { lines: Line[]; height: number }[]): Set<Line> {
  const drop = new Set<Line>();
  const counts = new Map<string, number>();
  const edges: { line: Line; key: string }[] = [];
  for (const page of pages) {
    const candidates = [...page.lines.slice(0, 2), ...page.lines.slice(-2)].filter(
      (line, i, all) => all.indexOf(line) === i && (line.top < page.height * 0.12 || line.bottom > page.height * 0.88),
    );
    for (const line of candidates) {
      const text = joinPieces(line.pieces, line.height, null);
      if (PAGE_NUMBER.test(fold(text))) {
        drop.add(line);
        continue;
      }
      const key = repeatKey(text);
      edges.push({ line, key });
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const { line, key } of edges) if (key.length > 3 && (counts.get(key) ?? 0) >= needed) drop.add(line);
  // A page number the OCR misread ("11" read "dại"): a short word alone where the other pages have
  // their numbers.
  const numbers = [...drop].filter((line) => PAGE_NUMBER.test(fold(joinPieces(line.pieces, line.height, null))));
  for (const { line } of edges) {
    if (drop.has(line) || line.pieces.length > 1 || line.pieces[0]!.text.trim().length > 4) continue;
    const near = numbers.filter(
      (n) =>
        Math.abs(n.top - line.top) < n.height &&
        Math.abs((n.left + n.right) / 2 - (line.left + line.right) / 2) < n.height * 2,
    ).length;
    if (near >= Math.max(2, needed - 1)) drop.add(line);
  }
  return drop;
}

/** Footnotes: the smaller lines at the foot of a page, from the first that starts with a number. */
function footnoteStart(lines: Line[], bodyHeight: number, pageHeight: number): number {
  let start = lines.length;
  for (let i = lines.length - 1; i > 0; i--) {
    const line = lines[i]!;
    if (line.height > bodyHeight * 0.88 || line.top < pageHeight * 0.55) break;
    // One block of text (a row of a table in a smaller font is not a footnote) …
    if (segmentsOf(line, line.height * 1.1).length > 1) break;
    // … that starts with the note's number, raised or followed by its text.
    const first = line.pieces[0]!;
    const raised = /^\d{1,2}$/.test(first.text.trim()) && first.height < line.height * 0.8 && line.pieces.length > 1;
    if (raised || /^(?:\d{1,2}|\(\d{1,2}\)|\*)\s?\p{L}/u.test(joinPieces(line.pieces, line.height, null))) start = i;
  }
  return start;
}

const endsSentence = (text: string) => /[.:;!?”")]$|\.\/\.$/.test(text);

function startsParagraph(text: string): boolean {
  if (readMarker(text).type !== "none") return true;
  return /^(?:noi nhan|phu luc|kt\.|tm\.|t\/m|co quan|thoi gian|don vi)\b/.test(fold(text));
}

type Emitted = { text: string; uncertain: Piece[] };

/** Rows of a table region: a new row where the first column has text, cells wrapped inside kept whole. */
function tableRows(rows: Row[], height: number): Emitted[] {
  const full = rows.filter((r) => r.segments.length >= 3);
  const width = Math.max(...full.map((r) => r.segments.length));
  const widest = full.filter((r) => r.segments.length === width);
  const columns = Array.from({ length: width }, (_, i) => ({
    left: Math.min(...widest.map((r) => r.segments[i]!.left)),
    right: Math.max(...widest.map((r) => r.segments[i]!.right)),
  }));
  const columnOf = (s: Segment) => {
    let best = 0;
    let bestOverlap = -Infinity;
    columns.forEach((c, i) => {
      const overlap = Math.min(c.right, s.right) - Math.max(c.left, s.left);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = i;
      }
    });
    return best;
  };
  const out: Emitted[] = [];
  let cells: Piece[][][] | null = null;
  const flush = () => {
    if (!cells) return;
    const texts = cells.map((parts) => parts.map((p) => joinPieces(p, height, null)).join(" "));
    out.push({ text: texts.join("\t"), uncertain: cells.flat(2).filter(uncertainPiece) });
    cells = null;
  };
  let above = new Map<number, Segment>();
  for (const row of rows) {
    const placed = row.segments.map((s) => ({ column: columnOf(s), segment: s }));
    const here = new Map(placed.map((p) => [p.column, p.segment]));
    const filled = (column: number) => cells !== null && cells[column]!.length > 0;
    // A row whose first cell is empty (or whose number the OCR missed) still starts a new row where
    // the line has text in the second column and a later column, already filled for this row,
    // takes up again after lines without it: a cell wrapped over lines runs on, it does not resume.
    const resumes = here.has(1) && placed.some(({ column }) => column >= 2 && filled(column) && !above.has(column));
    // Or where the second column's text above ended short of its cell's edge (the first word of
    // this line would have fitted there) and this line starts with a capital: a new item, not the
    // rest of a wrapped name.
    const name = here.get(1);
    const before = above.get(1);
    const ended =
      filled(1) &&
      name !== undefined &&
      before !== undefined &&
      /^\p{Lu}/u.test(name.pieces[0]!.text.trim()) &&
      columns[1]!.right - before.right > firstWordWidth(name) + height * 0.5;
    if (!cells || here.has(0) || resumes || ended) {
      flush();
      cells = columns.map(() => []);
    }
    for (const { column, segment } of placed) cells![column]!.push(segment.pieces);
    above = here;
  }
  flush();
  return out;
}

const atColumn = (columns: number[], x: number, height: number) => columns.some((c) => Math.abs(c - x) < height * 0.35);

const uncertainPiece = (p: Piece) => p.uncertain ?? (p.confidence !== undefined && p.confidence < UNCERTAIN_BELOW);

/** The width of the first word of a line (or a cell), from its first piece's width shared out among its letters. */
function firstWordWidth(line: { pieces: Piece[] }): number {
  const piece = line.pieces[0]!;
  const text = piece.text.trimStart();
  const word = /^\S+/.exec(text)?.[0] ?? text;
  return text.length ? (piece.width * word.length) / text.length : piece.width;
}

/** Lines outside tables as paragraphs. */
function paragraphs(lines: Line[], height: number, left: number, right: number): Emitted[] {
  const out: Emitted[] = [];
  let current: { text: string; uncertain: Piece[]; centred: boolean; caps: boolean; last: Line } | null = null;
  const pitch =
    median(
      lines
        .slice(1)
        .map((l, i) => l.top - lines[i]!.top)
        .filter((d) => d > 0),
    ) || height * 1.4;
  const flush = () => {
    if (current) out.push({ text: current.text, uncertain: current.uncertain });
    current = null;
  };
  for (const line of lines) {
    const text = joinPieces(line.pieces, line.height, line);
    if (!text) continue;
    const uncertain = line.pieces.filter(uncertainPiece);
    const marginLeft = line.left - left;
    const marginRight = right - line.right;
    const centred =
      marginLeft > height * 2 && marginRight > height * 2 && Math.abs(marginLeft - marginRight) < height * 2.5;
    const caps = isAllCaps(text);
    let joins = false;
    if (current) {
      const prev: { text: string; centred: boolean; caps: boolean; last: Line } = current;
      const gap = line.top - prev.last.top;
      // The previous line ended early: short by more than this line's first word, which would
      // have fitted there had the line only been wrapped.
      const prevShort = right - prev.last.right > Math.min(height * 3, firstWordWidth(line) + height * 0.4);
      const indented = marginLeft > height * 1.2 && !centred;
      joins =
        !line.alone &&
        !prev.last.alone &&
        gap < pitch * 1.45 &&
        !startsParagraph(text) &&
        prev.caps === caps &&
        (prev.centred
          ? centred
          : !centred && !prevShort && !(indented && endsSentence(prev.text)) && !/\.\/\.$/.test(prev.text));
    }
    if (joins && current) {
      const c: { text: string; uncertain: Piece[]; last: Line } = current;
      c.text = /\S-$/.test(c.text) && !/^\s/.test(text) ? c.text + text : `${c.text} ${text}`;
      c.uncertain.push(...uncertain);
      c.last = line;
    } else {
      flush();
      current = { text, uncertain, centred, caps, last: line };
    }
  }
  flush();
  return out;
}

/** Pages of positioned text → the lines the parser reads (paragraphs and table rows, blank lines between). */
export function layOutPages(pages: LaidPage[]): LaidText {
  const laid = pages.map((page) => ({ ...page, lines: groupLines(page.pieces) }));
  const margins = marginLines(laid);
  const items: (Emitted & { table: boolean })[] = [];
  // The table being read: emitted when something else comes, so that it may run over pages.
  let table: { rows: Row[]; columns: number[]; height: number } | null = null;
  const flushTable = () => {
    if (table) for (const row of tableRows(table.rows, table.height)) items.push({ ...row, table: true });
    table = null;
  };
  const notes: string[] = [];
  for (const page of laid) {
    const body = page.lines.filter((l) => !margins.has(l));
    if (body.length === 0) continue;
    const height = median(body.map((l) => l.height)) || 10;
    const notesFrom = footnoteStart(body, height, page.height);
    for (const line of body.slice(notesFrom)) {
      const text = joinPieces(line.pieces, line.height, null);
      if (/^\d{1,2}\b|^\(\d{1,2}\)|^\*/.test(line.pieces[0]!.text.trim()) || notes.length === 0) notes.push(text);
      else notes[notes.length - 1] += ` ${text}`;
    }
    const main = body.slice(0, notesFrom);
    if (main.length === 0) continue;
    const left = Math.min(...main.map((l) => l.left));
    const right = Math.max(...main.map((l) => l.right));
    // Rows with three or more separated segments, and the lines wrapped between them, are a table.
    // (A table in a smaller font than the text has its cells closer together.)
    const rows: Row[] = main.map((line) => ({ line, segments: segmentsOf(line, Math.min(height, line.height) * 1.1) }));
    let first = true;
    let i = 0;
    while (i < rows.length) {
      // A table cut by the page break (a row's wrapped cell included) goes on at its columns.
      const continues: boolean = first && table !== null && atColumn(table.columns, rows[0]!.segments[0]!.left, height);
      if (rows[i]!.segments.length >= 3 || continues) {
        // The table goes on while a line starts at one of its columns (a cell wrapped over several
        // lines, a row with empty cells) and no wider gap than a few lines comes between.
        const columns: number[] = continues ? table!.columns : rows[i]!.segments.map((s) => s.left);
        let j = i + 1;
        while (
          j < rows.length &&
          rows[j]!.line.top - rows[j - 1]!.line.top < height * 4 &&
          atColumn(columns, rows[j]!.segments[0]!.left, height)
        ) {
          columns.push(...rows[j]!.segments.map((s) => s.left));
          j++;
        }
        const region = rows.slice(i, j);
        const full = region.filter((r) => r.segments.length >= 3).length;
        // One full row is enough where the table runs on to the next page.
        if (continues || full >= 2 || (full === 1 && j === rows.length && region.length >= 3)) {
          if (continues) table!.rows.push(...region);
          else {
            flushTable();
            table = { rows: region, columns, height };
          }
          i = j;
          first = false;
          continue;
        }
      }
      flushTable();
      let k = i + 1;
      while (k < rows.length && rows[k]!.segments.length < 3) k++;
      // Two blocks far apart on one line (issuer | motto, Nơi nhận | signature): each its own line.
      const lines = rows
        .slice(i, k)
        .flatMap(({ line, segments }) =>
          segments.length === 2 && segments[1]!.left - segments[0]!.right > height * 3
            ? segments.map((s): Line => ({ ...line, pieces: s.pieces, left: s.left, right: s.right, alone: true }))
            : [line],
        );
      const paras = paragraphs(lines, height, left, right);
      // A paragraph cut by the page break goes on where the last page left it.
      const previous = items[items.length - 1];
      if (
        first &&
        previous &&
        !previous.table &&
        paras.length &&
        /^\p{Ll}/u.test(paras[0]!.text) &&
        !/[.:;]$/.test(previous.text)
      ) {
        previous.text += ` ${paras[0]!.text}`;
        previous.uncertain.push(...paras[0]!.uncertain);
        paras.shift();
      }
      for (const para of paras) items.push({ ...para, table: false });
      first = false;
      i = k;
    }
  }
  flushTable();
  const lines: string[] = [];
  const uncertain: UncertainWord[] = [];
  items.forEach((item, n) => {
    for (const piece of item.uncertain)
      uncertain.push({ line: lines.length, text: piece.text.trim(), confidence: Math.round(piece.confidence!) });
    // The rows of one table stay together, also across a page break.
    if (item.table && items[n + 1]?.table) lines.push(item.text);
    else lines.push(item.text, "");
  });
  if (notes.length)
    notes.forEach((text, i) => lines.push(`Chú thích ${i + 1}: ${text.replace(/^\(?\d{1,2}\)?\s*/, "")}`, ""));
  return { lines, uncertain, footnotes: notes.length, dropped: margins.size };
}
