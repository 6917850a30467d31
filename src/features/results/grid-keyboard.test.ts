import { describe, expect, it } from "vitest";
import { caretOf, gridKeyAction, nextCell, type Caret } from "./grid-keyboard";

const press = (key: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});
const middle: Caret = { atStart: false, atEnd: false, selectedAll: false };
const edges: Caret = { atStart: true, atEnd: true, selectedAll: false };

describe("keys in the results grid", () => {
  it("saves on Ctrl+S and Cmd+S", () => {
    expect(gridKeyAction(press("s", { ctrlKey: true }), middle)).toEqual({ kind: "save" });
    expect(gridKeyAction(press("S", { metaKey: true }), middle)).toEqual({ kind: "save" });
    expect(gridKeyAction(press("s"), middle)).toBeNull();
  });

  it("moves down on ArrowDown and Enter, up on ArrowUp and Shift+Enter, wherever the caret is", () => {
    expect(gridKeyAction(press("ArrowDown"), middle)).toEqual({ kind: "move", axis: "row", step: 1 });
    expect(gridKeyAction(press("Enter"), middle)).toEqual({ kind: "move", axis: "row", step: 1 });
    expect(gridKeyAction(press("ArrowUp"), middle)).toEqual({ kind: "move", axis: "row", step: -1 });
    expect(gridKeyAction(press("Enter", { shiftKey: true }), middle)).toEqual({ kind: "move", axis: "row", step: -1 });
  });

  it("leaves a text cell sideways only from its edge or when all of it is selected", () => {
    expect(gridKeyAction(press("ArrowLeft"), middle)).toBeNull();
    expect(gridKeyAction(press("ArrowRight"), middle)).toBeNull();
    expect(gridKeyAction(press("ArrowLeft"), { ...middle, atStart: true })).toEqual({
      kind: "move",
      axis: "column",
      step: -1,
    });
    expect(gridKeyAction(press("ArrowRight"), { ...middle, atEnd: true })).toEqual({
      kind: "move",
      axis: "column",
      step: 1,
    });
    expect(gridKeyAction(press("ArrowRight"), { ...middle, selectedAll: true })).toMatchObject({ step: 1 });
    expect(gridKeyAction(press("ArrowLeft"), edges)).toMatchObject({ axis: "column", step: -1 });
  });

  it("restores the saved value on Escape and leaves other keys to the cell", () => {
    expect(gridKeyAction(press("Escape"), middle)).toEqual({ kind: "restore" });
    expect(gridKeyAction(press("Tab"), middle)).toBeNull();
    expect(gridKeyAction(press("a"), middle)).toBeNull();
  });

  it("a cell that is not a text box has its caret at both ends", () => {
    expect(caretOf({} as EventTarget)).toEqual(edges);
  });
});

describe("the next cell", () => {
  // Three rows, four columns; row 1 has no status cell (column 1), its status is computed.
  const exists = (row: number, column: number) => !(row === 1 && column === 1);
  const size = { rows: 3, columns: 4 };

  it("moves along a column, skipping rows without that cell", () => {
    expect(nextCell({ row: 0, column: 1 }, { axis: "row", step: 1 }, size, exists)).toEqual({ row: 2, column: 1 });
    expect(nextCell({ row: 0, column: 0 }, { axis: "row", step: 1 }, size, exists)).toEqual({ row: 1, column: 0 });
    expect(nextCell({ row: 2, column: 1 }, { axis: "row", step: -1 }, size, exists)).toEqual({ row: 0, column: 1 });
  });

  it("moves along a row, skipping the missing cell", () => {
    expect(nextCell({ row: 1, column: 0 }, { axis: "column", step: 1 }, size, exists)).toEqual({ row: 1, column: 2 });
    expect(nextCell({ row: 1, column: 2 }, { axis: "column", step: -1 }, size, exists)).toEqual({ row: 1, column: 0 });
  });

  it("stays put at the edges", () => {
    expect(nextCell({ row: 2, column: 0 }, { axis: "row", step: 1 }, size, exists)).toBeNull();
    expect(nextCell({ row: 0, column: 0 }, { axis: "column", step: -1 }, size, exists)).toBeNull();
    expect(nextCell({ row: 0, column: 3 }, { axis: "column", step: 1 }, size, exists)).toBeNull();
  });
});
