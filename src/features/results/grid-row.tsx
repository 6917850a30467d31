"use client";

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

type CellEvents = {
  onUpdate: (patch: Partial<Draft>) => void;
  onKeyDown: (event: React.KeyboardEvent<HTMLInputElement | HTMLSelectElement>, column: number) => void;
  onPaste: (event: React.ClipboardEvent<HTMLInputElement>, column: TextColumn) => void;
};

export function GridRow({
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
  const input = (column: TextColumn, label: string, extra = "") => (
    <input
      {...(column === "text" && error ? { "aria-invalid": true, "aria-describedby": errorId } : {})}
      data-row={index}
      data-col={COLUMNS.indexOf(column)}
      value={draft[column]}
      onChange={(e) => events.onUpdate({ [column]: e.target.value })}
      onKeyDown={(e) => events.onKeyDown(e, COLUMNS.indexOf(column))}
      onPaste={(e) => events.onPaste(e, column)}
      aria-label={`${label} — ${row.code} ${row.name}`}
      className={`${inputStyle.cell} ${extra}`}
      autoComplete="off"
    />
  );
  const chosen = indicatorStatusLook[saved?.qualitativeStatus ?? "NO_DATA"];
  return (
    <tr
      className={`border-t border-stone-100 align-top ${dirty ? "bg-amber-50/60" : ""}`}
      data-testid={`result-${row.code}`}
    >
      <td className="px-2 py-2 tabular-nums">{row.code}</td>
      <td className="px-2 py-2" style={{ paddingLeft: `${0.5 + row.depth}rem` }}>
        {row.name}
        {row.direction === "LOWER_BETTER" ? (
          <span className="ml-1 text-xs text-stone-500">↓ càng thấp càng tốt</span>
        ) : null}
        {saved?.isIllustrative ? (
          <span className="ml-1">
            <Badge tone="amber">minh họa</Badge>
          </span>
        ) : null}
      </td>
      <td className="px-2 py-2 text-stone-600">{row.unit ?? ""}</td>
      <td className="px-2 py-2 text-center" title={targetTitle(row.target2025)}>
        {row.target2025 || "—"}
      </td>
      <td className="px-2 py-2 text-center" title={targetTitle(row.target2030)}>
        {row.target2030 || "—"}
      </td>
      <td className="px-2 py-1">
        {canEdit ? (
          <>
            {input("text", `Thực hiện ${year}`, "tabular-nums")}
            {error ? (
              <span id={errorId} className="mt-0.5 block text-xs text-red-700" data-testid="cell-error">
                {error}
              </span>
            ) : null}
          </>
        ) : (
          <span className="tabular-nums">{saved?.text || "—"}</span>
        )}
      </td>
      <td className="px-2 py-1">
        {row.chosen && canEdit ? (
          <select
            data-row={index}
            data-col={1}
            value={draft.qualitativeStatus}
            onChange={(e) => events.onUpdate({ qualitativeStatus: e.target.value as IndicatorStatus | "" })}
            onKeyDown={(e) => events.onKeyDown(e, 1)}
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
          <span className="text-stone-400">—</span>
        )}
        {row.chosen && canEdit ? (
          <span className="mt-0.5 block text-xs text-stone-500">Chỉ tiêu định tính: người nhập đánh giá</span>
        ) : null}
      </td>
      <td className="px-2 py-1">{canEdit ? input("note", "Ghi chú") : <span>{saved?.note}</span>}</td>
      <td className="px-2 py-1">{canEdit ? input("source", "Nguồn số liệu") : <span>{saved?.source}</span>}</td>
    </tr>
  );
}
