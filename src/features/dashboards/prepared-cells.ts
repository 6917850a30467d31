import type { IndicatorStatus } from "@/domain/indicator-status";
import { emptyCounts, type StatusCounts } from "./status";
import { NO_CELL, STATUS_LETTERS, statusOfLetter } from "./status-letters";

// A locality's prepared cells (rollup_cells, ADR 0040) placed in the rollup's columns. The row lists
// the plan's indicators derived from a parent indicator, in plan order: their parent indicators
// (`keys`), their statuses as letters and their figures. The rollup's columns are some of those
// parent indicators (all of them, or one group's).

export type PreparedCells = {
  /** One status letter per entry (STATUS_LETTERS). */
  statuses: string;
  /** One figure as written per entry, null without one. */
  texts: readonly (string | null)[];
};

export type PlacedCells = {
  counts: StatusCounts;
  /** One letter per column, NO_CELL where the plan has no indicator for it. */
  cells: string;
  /** The figures as written, by column index (0-based). */
  values: Record<number, string>;
};

/** For each entry, the column (0-based) its parent indicator is shown in (`columnOf`: key → column), or -1. */
export function entryColumns(keys: readonly string[], columnOf: ReadonlyMap<string, number>): Int32Array {
  return Int32Array.from(keys, (key) => columnOf.get(key) ?? -1);
}

/** The column of each key, for entryColumns. */
export function columnIndex(columnKeys: readonly string[]): Map<string, number> {
  return new Map(columnKeys.map((key, index) => [key, index]));
}

/**
 * The counts, matrix row and figures of a plan from its prepared cells. Every entry in a shown
 * column counts (two indicators derived from one parent indicator both count); the cell and the
 * figure are the first of them in plan order. A letter the application does not know counts as no
 * data, as an actual without a status.
 */
export function placeCells(prepared: PreparedCells, columns: Int32Array, columnCount: number): PlacedCells {
  const counts = emptyCounts();
  const cells = new Array<string>(columnCount).fill(NO_CELL);
  const values: Record<number, string> = {};
  const entries = Math.min(columns.length, prepared.statuses.length);
  for (let i = 0; i < entries; i++) {
    const column = columns[i]!;
    if (column < 0 || column >= columnCount) continue;
    const status: IndicatorStatus = statusOfLetter(prepared.statuses[i]) ?? "NO_DATA";
    counts[status]++;
    if (cells[column] !== NO_CELL) continue;
    cells[column] = STATUS_LETTERS[status];
    const text = prepared.texts[i];
    if (text !== null && text !== undefined) values[column] = text;
  }
  return { counts, cells: cells.join(""), values };
}
