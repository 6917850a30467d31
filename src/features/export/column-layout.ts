import { longestPieceWidthPt, textWidthPt, type FontStyle } from "./measure-text";

// Column widths sized from what the columns hold, the way a typist would set them: every column
// at least as wide as its longest unbreakable piece (a number, a unit, a word of its header), then
// the preferred least widths (a share for the names, room for a header on two or three lines), then
// the short columns as wide as their longest value where room allows, and the rest to the column of
// long text (an indicator's name).

export type ColumnContent = {
  header: string;
  headerStyle: FontStyle;
  cells: { text: string; style: FontStyle; indentPt?: number }[];
  /** The column of long text that takes what the others leave. */
  fills?: boolean;
  /** Preferred least width in points, given up before any column gets narrower than its longest piece. */
  minPt?: number;
};

/** Widths in points that add up to `totalPt`; `paddingPt` is a cell's left plus right padding. */
export function sizeColumns(columns: ColumnContent[], totalPt: number, paddingPt: number): number[] {
  // A little slack: word processors round and kern, and a column exactly as wide as "10.10" breaks it.
  const room = (width: number) => Math.ceil(width * 1.06 + paddingPt + 3);
  const hard = columns.map((column) =>
    room(
      Math.max(
        longestPieceWidthPt(column.header, column.headerStyle),
        ...column.cells.map((cell) => longestPieceWidthPt(cell.text, cell.style) + (cell.indentPt ?? 0)),
      ),
    ),
  );
  const soft = columns.map((column, i) => Math.max(hard[i]!, column.minPt ?? 0));
  const wanted = columns.map((column, i) =>
    column.fills
      ? soft[i]!
      : Math.max(
          soft[i]!,
          ...column.cells.map((cell) => room(textWidthPt(cell.text, cell.style) + (cell.indentPt ?? 0))),
        ),
  );
  const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0);

  if (sum(hard) >= totalPt) return scaleTo(hard, totalPt);
  if (sum(soft) > totalPt) return scaleTo(waterFill(hard, soft, totalPt - sum(hard)).widths, totalPt);

  // The short columns grow towards their longest value; what is left goes to the long-text column.
  const grown = waterFill(
    soft,
    columns.map((column, i) => (column.fills ? soft[i]! : wanted[i]!)),
    totalPt - sum(soft),
  );
  const fillers = columns.map((column, i) => (column.fills ? i : -1)).filter((i) => i >= 0);
  const takers = fillers.length ? fillers : columns.map((_, i) => i);
  for (const i of takers) grown.widths[i]! += grown.left / takers.length;
  return scaleTo(grown.widths, totalPt);
}

/**
 * Gives `room` to the columns below their goal in equal shares: one that needs little gets all it
 * needs, the ones that need more share what is left.
 */
function waterFill(start: number[], goal: number[], room: number): { widths: number[]; left: number } {
  const widths = [...start];
  let left = room;
  let open = widths.map((_, i) => i).filter((i) => goal[i]! > widths[i]!);
  while (open.length && left > 0.5) {
    const share = left / open.length;
    for (const i of open) {
      const given = Math.min(share, goal[i]! - widths[i]!);
      widths[i]! += given;
      left -= given;
    }
    open = open.filter((i) => goal[i]! - widths[i]! > 0.5);
  }
  return { widths, left };
}

/** Rounds to whole points that add up to `totalPt` exactly. */
function scaleTo(widths: number[], totalPt: number): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const scaled = widths.map((w) => Math.floor((w * totalPt) / total));
  scaled[scaled.length - 1]! += totalPt - scaled.reduce((a, b) => a + b, 0);
  return scaled;
}
