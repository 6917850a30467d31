import { isMultiCellPaste, splitPastedBlock } from "./cell";
import { TEXT_COLUMNS, type Draft, type TextColumn } from "./grid-model";

// A block pasted from Excel into the results grid: each line fills one indicator row from the cell
// pasted into, each tab-separated cell the next text column to its right. Pure (grid-paste.test.ts).

export type PasteResult = {
  /** The changes per indicator id. */
  patches: Record<string, Partial<Draft>>;
  /** Lines that went into rows. */
  used: number;
  /** Lines past the last row, left out. */
  skipped: number;
};

/** The patches a paste makes, or null when the text belongs in the one cell that has focus. */
export function pasteBlock(
  text: string,
  at: { rowIds: readonly string[]; row: number; column: TextColumn },
): PasteResult | null {
  if (!isMultiCellPaste(text)) return null;
  const block = splitPastedBlock(text);
  const firstColumn = TEXT_COLUMNS.indexOf(at.column);
  const patches: Record<string, Partial<Draft>> = {};
  let used = 0;
  block.forEach((line, i) => {
    const id = at.rowIds[at.row + i];
    if (!id) return;
    used++;
    line.forEach((cell, j) => {
      const key = TEXT_COLUMNS[firstColumn + j];
      if (key) patches[id] = { ...patches[id], [key]: cell.trim() };
    });
  });
  return { patches, used, skipped: block.length - used };
}

/** What the grid says after a paste. */
export function pasteNotice({ used, skipped }: PasteResult): string {
  return `Đã dán ${used} dòng${skipped ? `; bỏ qua ${skipped} dòng vượt quá cuối bảng` : ""}. Nhấn “Lưu kết quả” để lưu.`;
}
