"use client";

import { useMemo } from "react";
import { ChartSlot } from "./chart-slot";
import styles from "./cards.module.css";
import type { ChartModel } from "./plan-dashboard";

// The indicators of one group on a plan's dashboard: for each, its chart (drawn on demand) and,
// beside it, a table with every number (baseline, actuals by year with their status, the milestone
// targets). The server sends compact data and the cards are rendered from it (on the server for the
// HTML, then hydrated), so a plan of a hundred indicators does not send its markup twice. The data
// travels as one JSON string: React's payload encoder walks every nested array and object one by
// one, which for ~90 cards took longer than rendering them; JSON.stringify and JSON.parse do not.

export type CardData = {
  code: string;
  name: string;
  unit: string | null;
  /** How the status is computed, when not simply "higher is better" (and any contradiction). */
  assessed: string | null;
  indent: number;
  /** Status letter in the dashboard's year: M, O, R, X or N. */
  status: string;
  /** Year (or "Cơ sở (2023)"), the figure as written, its status letter ("" for the baseline), whether it is the dashboard's year. */
  rows: [string, string, string, boolean][];
  /** "Mục tiêu 2030", the target as written. */
  targets: [string, string][];
  chart: ChartModel | null;
};

/** `cards`: the group's cards as JSON (cardsJson() in plan-dashboard.ts). */
export function IndicatorCards({
  cards: json,
  group,
  year,
  labels,
}: {
  cards: string;
  group: number;
  year: number | null;
  labels: Record<string, string>;
}) {
  const cards = useMemo(() => JSON.parse(json) as CardData[], [json]);
  return (
    <div className={`${styles.cards} grid gap-3 xl:grid-cols-2`}>
      {cards.map((card, i) => {
        const id = `ct-${group}-${i}`;
        const empty = card.rows.length === 0 && card.targets.length === 0;
        return (
          <article key={i} aria-labelledby={id}>
            <header>
              <h3 id={id} style={card.indent ? { paddingLeft: `${card.indent * 0.75}rem` } : undefined}>
                {card.code} {card.name}
                {card.unit ? <small> ({card.unit})</small> : null}
              </h3>
              <span>
                {year ? `Năm ${year}: ` : ""}
                <b data-s={card.status}>{labels[card.status]}</b>
              </span>
            </header>
            {card.assessed ? <p data-assessed="">{card.assessed}</p> : null}
            {empty ? (
              <p>Chưa có mục tiêu và số liệu cho chỉ tiêu này.</p>
            ) : (
              <div className="mt-2 flex flex-wrap items-start gap-4">
                {card.chart ? <ChartSlot model={card.chart} label={card.name} /> : null}
                <table>
                  <caption className="sr-only">Số liệu của chỉ tiêu {card.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Năm</th>
                      <th scope="col">Số liệu</th>
                      <th scope="col">Đánh giá</th>
                    </tr>
                  </thead>
                  <tbody>
                    {card.rows.map(([label, value, status, current]) => (
                      <tr key={label} data-current={current ? "" : undefined}>
                        <th scope="row">{label}</th>
                        <td>{value}</td>
                        <td>{status ? <b data-s={status}>{labels[status]}</b> : null}</td>
                      </tr>
                    ))}
                    {card.targets.map(([label, text]) => (
                      <tr key={label} data-target="">
                        <th scope="row">{label}</th>
                        <td colSpan={2}>{text}</td>
                      </tr>
                    ))}
                    {card.rows.every(([, , status]) => !status) ? (
                      <tr>
                        <td colSpan={3}>
                          <small>Chưa có số liệu thực hiện.</small>
                        </td>
                      </tr>
                    ) : null}
                  </tbody>
                </table>
              </div>
            )}
          </article>
        );
      })}
    </div>
  );
}
