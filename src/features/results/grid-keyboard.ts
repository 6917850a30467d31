// The results grid used like a spreadsheet: what a key does in a cell. Pure, so every key is tested
// without a browser (grid-keyboard.test.ts); the grid applies the answer.

export type KeyPress = { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean };

/** Where the caret is in a text cell (a select has none: it is at both ends). */
export type Caret = { atStart: boolean; atEnd: boolean; selectedAll: boolean };

export type GridKeyAction =
  { kind: "save" } | { kind: "move"; axis: "row" | "column"; step: 1 | -1 } | { kind: "restore" } | null;

/**
 * Ctrl+S saves; arrows, Enter (down) and Shift+Enter (up) move; left and right leave a text cell only
 * from its edge (or when all of it is selected), so they still move the caret inside the text; Esc
 * restores the saved value. Anything else is the cell's own (null).
 */
export function gridKeyAction(press: KeyPress, caret: Caret): GridKeyAction {
  const { key } = press;
  if ((key === "s" || key === "S") && (press.ctrlKey || press.metaKey)) return { kind: "save" };
  if (key === "ArrowDown" || (key === "Enter" && !press.shiftKey)) return { kind: "move", axis: "row", step: 1 };
  if (key === "ArrowUp" || (key === "Enter" && press.shiftKey)) return { kind: "move", axis: "row", step: -1 };
  if (key === "ArrowLeft" && (caret.atStart || caret.selectedAll)) return { kind: "move", axis: "column", step: -1 };
  if (key === "ArrowRight" && (caret.atEnd || caret.selectedAll)) return { kind: "move", axis: "column", step: 1 };
  if (key === "Escape") return { kind: "restore" };
  return null;
}

/** The caret of a cell: a text input's selection, or a select's (always at both ends). */
export function caretOf(target: EventTarget): Caret {
  if (typeof HTMLInputElement === "undefined" || !(target instanceof HTMLInputElement))
    return { atStart: true, atEnd: true, selectedAll: false };
  const { selectionStart: start, selectionEnd: end, value } = target;
  return {
    atStart: start === null || (start === 0 && end === 0),
    atEnd: start === null || end === value.length,
    selectedAll: start === 0 && end === value.length,
  };
}

/**
 * The next cell from (row, column) along an axis that exists (rows whose status is computed have no
 * status cell, so moving down that column skips them); null at the edge of the grid.
 */
export function nextCell(
  from: { row: number; column: number },
  move: { axis: "row" | "column"; step: 1 | -1 },
  size: { rows: number; columns: number },
  exists: (row: number, column: number) => boolean,
): { row: number; column: number } | null {
  let { row, column } = from;
  for (;;) {
    if (move.axis === "row") row += move.step;
    else column += move.step;
    if (row < 0 || row >= size.rows || column < 0 || column >= size.columns) return null;
    if (exists(row, column)) return { row, column };
  }
}
