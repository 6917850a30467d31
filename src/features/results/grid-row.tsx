"use client";

import { memo } from "react";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { describeTarget, parseTarget } from "@/domain/target-notation";
import { Badge } from "@/ui/badge";
import { indicatorStatusLook } from "@/ui/statuses";
import type { CellReading } from "./cell";
import { CHOOSABLE, COLUMNS, type Draft, type Saved, type TextColumn } from "./grid-model";
import type { GridIndicator } from "./queries";
import { previewStatus } from "./status";

// One indicator row of the results grid: its targets, the year's actual read as it is typed (with the
// reason beside a cell it cannot read), the status (previewed, or chosen), note and source.

function targetTitle(text: string): string | undefined {
  if (!text) return undefined;
  const parsed = parseTarget(text);
  return parsed.ok ? describeTarget(parsed.target) : undefined;
}

/**
 * The grid's handlers, the same functions for every row and every render (they say which row), so
 * that a memoised row re-renders only when its own data changes: typing in one row of a plan with
 * 200 indicators renders that row, not 200 (issue 18 part 4).
 */
export type CellEvents = {
  onUpdate: (id: string, patch: Partial<Draft>) => void;
  onKeyDown: (event: React.KeyboardEvent<HTMLInputElement | HTMLSelectElement>, row: number, column: number) => void;
  onPaste: (event: React.ClipboardEvent<HTMLInputElement>, row: number, column: TextColumn) => void;
};

/** One row; memoised: its props are the row's own data and the grid's stable handlers. */
export const GridRow = memo(GridRowView);

function GridRowView({
  row,
  index,
  year,
  draft,
  reading,
  saved,
  serverError,
  dirty,
  canEdit,
  ...events
}: {
  row: GridIndicator;
  /** The row's place among the indicator rows (data-row, for keyboard moves). */
  index: number;
  year: number;
  draft: Draft;
  reading: CellReading;
  saved: Saved;
  serverError: string | undefined;
  dirty: boolean;
  canEdit: boolean;
} & CellEvents) {
  const error = serverError ?? (reading.ok ? undefined : reading.error);
  const status: IndicatorStatus | null = row.chosen
    ? null
    : reading.ok
      ? previewStatus(
          row.statusInput,
          year,
          reading.text === "" ? null : { value: reading.value, qualitativeStatus: null },
        )
      : (saved?.status ?? null);
  // Ids by the row's place, not its 36-character id: they are written several times a row.
  const errorId = `loi-${index}`;
  const compareId = `so-sanh-${index}`;
  const compare = compareLine(row);
  const describedBy = [compare ? compareId : null, error ? errorId : null].filter(Boolean).join(" ");
  // "Ghi chú — 1.1 Tỷ lệ hộ nghèo": the column's header, a dash and the row's code and name, named
  // by reference rather than written out in each of the row's three inputs.
  const labelledBy = (column: number) =>
    `${GRID_IDS.header(column)} ${GRID_IDS.dash} ${GRID_IDS.code(index)} ${GRID_IDS.name(index)}`;
  const input = (column: TextColumn) => (
    <input
      {...(column === "text" && error ? { "aria-invalid": true } : {})}
      {...(column === "text" && describedBy ? { "aria-describedby": describedBy } : {})}
      aria-labelledby={labelledBy(COLUMNS.indexOf(column))}
      data-row={index}
      data-col={COLUMNS.indexOf(column)}
      value={draft[column]}
      onChange={(e) => events.onUpdate(row.id, { [column]: e.target.value })}
      onKeyDown={(e) => events.onKeyDown(e, index, COLUMNS.indexOf(column))}
      onPaste={(e) => events.onPaste(e, index, column)}
      autoComplete="off"
    />
  );
  const chosen = indicatorStatusLook[saved?.qualitativeStatus ?? "NO_DATA"];
  // The look of every cell, and the column names shown above each value below 768 px where the row is
  // a card, are in results-grid.css.
  return (
    <tr className={dirty ? "row dirty" : "row"} data-testid={`result-${row.code}`}>
      <td id={GRID_IDS.code(index)}>{row.code}</td>
      <td style={{ paddingLeft: `${0.5 + row.depth}rem` }}>
        <span className="narrow code">{`${row.code} `}</span>
        <span id={GRID_IDS.name(index)}>{row.name}</span>
        {row.unit ? <span className="narrow unit">{` (${row.unit})`}</span> : null}
        {row.direction === "LOWER_BETTER" ? <span className="aside">↓ càng thấp càng tốt</span> : null}
        {saved?.isIllustrative ? (
          <span className="ml-1">
            <Badge tone="amber">minh họa</Badge>
          </span>
        ) : null}
      </td>
      <td>{row.unit ?? ""}</td>
      <td title={targetTitle(row.target2025)}>{row.target2025 || "—"}</td>
      <td title={targetTitle(row.target2030)}>{row.target2030 || "—"}</td>
      <td>
        {canEdit ? input("text") : <span className="tabular-nums">{saved?.text || "—"}</span>}
        {compare ? (
          <span {...(canEdit ? { id: compareId } : {})} className="hint" data-testid="compare">
            {compare}
          </span>
        ) : null}
        {canEdit && error ? (
          <span id={errorId} className="hint error" data-testid="cell-error">
            {error}
          </span>
        ) : null}
      </td>
      <td>
        {row.chosen && canEdit ? (
          <select
            data-row={index}
            data-col={1}
            value={draft.qualitativeStatus}
            onChange={(e) => events.onUpdate(row.id, { qualitativeStatus: e.target.value as IndicatorStatus | "" })}
            onKeyDown={(e) => events.onKeyDown(e, index, 1)}
            aria-labelledby={labelledBy(1)}
          >
            <option value="">— Chọn đánh giá —</option>
            {CHOOSABLE.map((s) => (
              <option key={s} value={s}>
                {indicatorStatusLook[s].label}
              </option>
            ))}
          </select>
        ) : row.chosen ? (
          <Badge tone={chosen.tone}>{chosen.label}</Badge>
        ) : status ? (
          <Badge tone={indicatorStatusLook[status].tone}>{indicatorStatusLook[status].label}</Badge>
        ) : (
          <span className="text-stone-500">—</span>
        )}
        {row.chosen && canEdit ? <span className="hint chosen">Chỉ tiêu định tính: người nhập đánh giá</span> : null}
      </td>
      <td>{canEdit ? input("note") : <span>{saved?.note}</span>}</td>
      <td>{canEdit ? input("source") : <span>{saved?.source}</span>}</td>
    </tr>
  );
}

/**
 * The ids the inputs are named by (aria-labelledby): the column headers (results-grid.tsx), a hidden
 * dash, and each row's code and name cells by the row's place among the indicators. Short, as each
 * row writes them eight times ("kq": kết quả; h header, d dash, c code, n name).
 */
export const GRID_IDS = {
  header: (column: number) => `kqh${column}`,
  dash: "kqd",
  code: (index: number) => `kqc${index}`,
  name: (index: number) => `kqn${index}`,
};

/** Last year's actual and the baseline, to compare the year's figure with as it is typed. */
export function compareLine(row: Pick<GridIndicator, "previous" | "baseline">): string | null {
  const parts = [
    row.previous ? `Năm ${row.previous.year}: ${row.previous.text}` : null,
    row.baseline ? `Cơ sở${row.baseline.year ? ` (${row.baseline.year})` : ""}: ${row.baseline.text}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}
