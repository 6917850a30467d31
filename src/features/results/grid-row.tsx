"use client";

import { memo } from "react";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { describeTarget, parseTarget } from "@/domain/target-notation";
import { Badge } from "@/ui/badge";
import { inputStyle } from "@/ui/input-style";
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
  const errorId = `loi-${row.id}`;
  const compareId = `so-sanh-${row.id}`;
  const compare = compareLine(row);
  const describedBy = [compare ? compareId : null, error ? errorId : null].filter(Boolean).join(" ");
  const input = (column: TextColumn, label: string, extra = "") => (
    <input
      {...(column === "text" && error ? { "aria-invalid": true } : {})}
      {...(column === "text" && describedBy ? { "aria-describedby": describedBy } : {})}
      data-row={index}
      data-col={COLUMNS.indexOf(column)}
      value={draft[column]}
      onChange={(e) => events.onUpdate(row.id, { [column]: e.target.value })}
      onKeyDown={(e) => events.onKeyDown(e, index, COLUMNS.indexOf(column))}
      onPaste={(e) => events.onPaste(e, index, column)}
      aria-label={`${label} — ${row.code} ${row.name}`}
      className={`${inputStyle.cell} ${extra}`}
      autoComplete="off"
    />
  );
  const chosen = indicatorStatusLook[saved?.qualitativeStatus ?? "NO_DATA"];
  // Below 768 px the row is a card: name across, the targets side by side, the input full width,
  // each value with its own small label (the header row is hidden), so entry works at 390 px.
  return (
    <tr
      className={`border-t border-stone-100 align-top max-md:grid max-md:grid-cols-2 max-md:gap-x-2 max-md:py-2 ${dirty ? "bg-amber-50/60" : ""}`}
      data-testid={`result-${row.code}`}
    >
      <td className="px-2 py-2 tabular-nums max-md:hidden">{row.code}</td>
      <td className="px-2 py-2 max-md:col-span-2 max-md:!pl-2" style={{ paddingLeft: `${0.5 + row.depth}rem` }}>
        <span className="font-semibold tabular-nums md:hidden">{row.code} </span>
        {row.name}
        {row.unit ? <span className="text-stone-500 md:hidden"> ({row.unit})</span> : null}
        {row.direction === "LOWER_BETTER" ? (
          <span className="ml-1 text-xs text-stone-500">↓ càng thấp càng tốt</span>
        ) : null}
        {saved?.isIllustrative ? (
          <span className="ml-1">
            <Badge tone="amber">minh họa</Badge>
          </span>
        ) : null}
      </td>
      <td className="px-2 py-2 text-stone-600 max-md:hidden">{row.unit ?? ""}</td>
      <td className="px-2 py-2 text-center max-md:py-1 max-md:text-left" title={targetTitle(row.target2025)}>
        <MobileLabel>Mục tiêu 2025: </MobileLabel>
        {row.target2025 || "—"}
      </td>
      <td className="px-2 py-2 text-center max-md:py-1 max-md:text-left" title={targetTitle(row.target2030)}>
        <MobileLabel>Mục tiêu 2030: </MobileLabel>
        {row.target2030 || "—"}
      </td>
      <td className="px-2 py-1 max-md:col-span-2">
        <MobileLabel>Thực hiện {year}</MobileLabel>
        {canEdit ? (
          <>
            {input("text", `Thực hiện ${year}`, "tabular-nums max-md:text-base")}
            {compare ? (
              <span id={compareId} className="mt-0.5 block text-xs text-stone-600" data-testid="compare">
                {compare}
              </span>
            ) : null}
            {error ? (
              <span id={errorId} className="mt-0.5 block text-xs text-red-700" data-testid="cell-error">
                {error}
              </span>
            ) : null}
          </>
        ) : (
          <>
            <span className="tabular-nums">{saved?.text || "—"}</span>
            {compare ? (
              <span className="mt-0.5 block text-xs text-stone-600" data-testid="compare">
                {compare}
              </span>
            ) : null}
          </>
        )}
      </td>
      <td className="px-2 py-1 max-md:col-span-2">
        <MobileLabel>Đánh giá</MobileLabel>
        {row.chosen && canEdit ? (
          <select
            data-row={index}
            data-col={1}
            value={draft.qualitativeStatus}
            onChange={(e) => events.onUpdate(row.id, { qualitativeStatus: e.target.value as IndicatorStatus | "" })}
            onKeyDown={(e) => events.onKeyDown(e, index, 1)}
            aria-label={`Đánh giá — ${row.code} ${row.name}`}
            className={inputStyle.cell}
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
          <span title="Tính tự động theo lộ trình từ mức cơ sở đến mục tiêu 2025 và 2030">
            <Badge tone={indicatorStatusLook[status].tone}>{indicatorStatusLook[status].label}</Badge>
          </span>
        ) : (
          <span className="text-stone-500">—</span>
        )}
        {row.chosen && canEdit ? (
          <span className="mt-0.5 block text-xs text-stone-500">Chỉ tiêu định tính: người nhập đánh giá</span>
        ) : null}
      </td>
      <td className="px-2 py-1">
        <MobileLabel>Ghi chú</MobileLabel>
        {canEdit ? input("note", "Ghi chú") : <span>{saved?.note}</span>}
      </td>
      <td className="px-2 py-1">
        <MobileLabel>Nguồn số liệu</MobileLabel>
        {canEdit ? input("source", "Nguồn số liệu") : <span>{saved?.source}</span>}
      </td>
    </tr>
  );
}

/** A column's name inside the cell, on narrow screens where the header row is hidden (aria-hidden:
 * the inputs carry the column in their own names). */
function MobileLabel({ children }: { children: React.ReactNode }) {
  return (
    <span aria-hidden className="block text-xs font-semibold text-stone-500 md:hidden">
      {children}
    </span>
  );
}

/** Last year's actual and the baseline, to compare the year's figure with as it is typed. */
export function compareLine(row: Pick<GridIndicator, "previous" | "baseline">): string | null {
  const parts = [
    row.previous ? `Năm ${row.previous.year}: ${row.previous.text}` : null,
    row.baseline ? `Cơ sở${row.baseline.year ? ` (${row.baseline.year})` : ""}: ${row.baseline.text}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}
