import { statusLabel, type IndicatorStatus } from "@/domain/indicator-status";
import { INDICATOR_STATUSES } from "@/ui/statuses";

// Counting statuses for the dashboards (how they look is src/ui/statuses.ts).

/** The order statuses are listed in (legends, counts, stacked bars); their looks are in src/ui/statuses.ts. */
export const STATUSES = INDICATOR_STATUSES;

export { statusLabel };

export type StatusCounts = Record<IndicatorStatus, number>;

export function emptyCounts(): StatusCounts {
  return { MET: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, NO_DATA: 0 };
}

export function isIndicatorStatus(value: unknown): value is IndicatorStatus {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

export function addCounts(a: StatusCounts, b: StatusCounts): StatusCounts {
  const out = emptyCounts();
  for (const s of STATUSES) out[s] = a[s] + b[s];
  return out;
}

export function totalOf(counts: StatusCounts): number {
  return STATUSES.reduce((sum, s) => sum + counts[s], 0);
}

/** Counts from a list of statuses (for one plan's indicators, a bounded set). */
export function countStatuses(statuses: Iterable<IndicatorStatus>): StatusCounts {
  const out = emptyCounts();
  for (const s of statuses) out[s] += 1;
  return out;
}

/** Whole-number percentages for a stacked bar that add up to 100 (largest remainder), or all 0. */
export function percentages(counts: StatusCounts): StatusCounts {
  const total = totalOf(counts);
  const out = emptyCounts();
  if (total === 0) return out;
  const exact = STATUSES.map((s) => ({ s, value: (counts[s] * 100) / total }));
  let used = 0;
  for (const { s, value } of exact) {
    out[s] = Math.floor(value);
    used += out[s];
  }
  const byRemainder = [...exact].sort(
    (a, b) =>
      b.value - Math.floor(b.value) - (a.value - Math.floor(a.value)) || STATUSES.indexOf(a.s) - STATUSES.indexOf(b.s),
  );
  for (let i = 0; i < 100 - used; i++) out[byRemainder[i % byRemainder.length]!.s] += 1;
  return out;
}
