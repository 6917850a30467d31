"use client";

import Link from "next/link";
import { useState } from "react";
import { createPortal } from "react-dom";
import { NO_CELL } from "./status-letters";

// The body of the localities × indicators matrix. A province can have ~170 localities × ~90
// indicators: rendered by a server component, every cell would travel twice (in the HTML and again
// in the page's RSC payload). Here the server sends one short string of status letters per row and
// the cells are rendered from it (on the server for the HTML, then hydrated), so the payload stays
// small. Every cell carries its text label as well as its colour (matrix.module.css). A cell's figure
// against its target shows on hover, from data sent once per row (no markup per cell for it).

export type MatrixRow = {
  id: string;
  href: string;
  label: string;
  detail: string;
  /** For a plan of a body that no longer exists: who continues its work. */
  note: string | null;
  below: { href: string; text: string; summary: string } | null;
  /** Off track, at risk, on track, met, no data. */
  counts: [number, number, number, number, number];
  /** One letter per column (STATUS_LETTERS), NO_CELL where the plan has no such indicator. */
  cells: string;
  /** The year's figure as written, by column index. */
  values: Record<number, string>;
  /** The locality's own targets where they differ from the rolled-up plan's, by column index. */
  targets: Record<number, string>;
};

export type MatrixColumn = { code: string; name: string; unit: string | null; targets: string | null };

type Tip = { text: string; x: number; y: number };

/** What a cell says on hover: the figure of the year against the target, and the status. */
export function cellTip(
  row: Pick<MatrixRow, "label" | "cells" | "values" | "targets">,
  column: MatrixColumn,
  index: number,
  year: number | null,
  statusLabels: Record<string, string>,
): string {
  const code = row.cells[index] ?? NO_CELL;
  const head = `${row.label} — ${column.code} ${column.name}${column.unit ? ` (${column.unit})` : ""}`;
  if (code === NO_CELL) return `${head}: kế hoạch không có chỉ tiêu này.`;
  const value = row.values[index];
  const own = row.targets[index];
  const target = own
    ? `mục tiêu của địa phương ${own}${column.targets ? ` (cấp trên: ${column.targets})` : ""}`
    : column.targets
      ? `mục tiêu ${column.targets}`
      : "chưa có mục tiêu";
  return `${head}\nNăm ${year ?? "—"}: ${value ?? "chưa có số liệu"} · ${target}\nĐánh giá: ${statusLabels[code] ?? ""}`;
}

export function MatrixBody({
  rows,
  columns,
  year,
  labels,
  statusLabels,
  showBelow,
}: {
  rows: MatrixRow[];
  columns: MatrixColumn[];
  year: number | null;
  labels: Record<string, string>;
  statusLabels: Record<string, string>;
  showBelow: boolean;
}) {
  const [tip, setTip] = useState<Tip | null>(null);
  // Cells before the indicator columns: the row header, the five counts, the plans below.
  const firstCell = 1 + 5 + (showBelow ? 1 : 0);
  const onOver = (event: React.MouseEvent<HTMLTableSectionElement>) => {
    const cell = (event.target as HTMLElement).closest("td");
    const tr = cell?.parentElement as HTMLTableRowElement | null | undefined;
    const index = cell ? cell.cellIndex - firstCell : -1;
    const row = tr ? rows[tr.sectionRowIndex] : undefined;
    const column = columns[index];
    if (!cell || !row || !column) return setTip(null);
    const box = cell.getBoundingClientRect();
    setTip({ text: cellTip(row, column, index, year, statusLabels), x: box.left, y: box.bottom + 4 });
  };
  return (
    <tbody onMouseOver={onOver} onMouseLeave={() => setTip(null)}>
      {rows.map((row) => (
        <tr key={row.id}>
          <th scope="row">
            <Link href={row.href} prefetch={false}>
              {row.label}
            </Link>
            <span>{row.detail}</span>
            {row.note ? <span data-note="">* {row.note}</span> : null}
            {row.below ? (
              <Link href={row.below.href} prefetch={false} data-below="">
                {row.below.text}
              </Link>
            ) : null}
          </th>
          {row.counts.map((n, i) => (
            <td key={i} data-n={n && i < 4 ? "" : undefined}>
              {n}
            </td>
          ))}
          {showBelow ? <td data-sum="">{row.below?.summary ?? "—"}</td> : null}
          {Array.from(row.cells, (code, i) => (
            <td key={i} data-s={code === NO_CELL ? "" : code}>
              {labels[code]}
            </td>
          ))}
        </tr>
      ))}
      {tip
        ? createPortal(
            <div
              role="tooltip"
              data-testid="matrix-tip"
              className="pointer-events-none fixed z-50 max-w-sm whitespace-pre-line rounded border border-stone-300 bg-white px-2 py-1 text-xs text-stone-900 shadow-lg"
              style={{ left: Math.min(tip.x, window.innerWidth - 390), top: tip.y }}
            >
              {tip.text}
            </div>,
            document.body,
          )
        : null}
    </tbody>
  );
}
