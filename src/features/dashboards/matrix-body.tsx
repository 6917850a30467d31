"use client";

import Link from "next/link";
import { NO_CELL } from "./status-letters";

// The body of the localities × indicators matrix. A province can have ~170 localities × ~90
// indicators: rendered by a server component, every cell would travel twice (in the HTML and again
// in the page's RSC payload). Here the server sends one short string of status letters per row and
// the cells are rendered from it (on the server for the HTML, then hydrated), so the payload stays
// small. Every cell carries its text label as well as its colour (matrix.module.css).

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
};

export function MatrixBody({
  rows,
  labels,
  showBelow,
}: {
  rows: MatrixRow[];
  labels: Record<string, string>;
  showBelow: boolean;
}) {
  return (
    <tbody>
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
    </tbody>
  );
}
