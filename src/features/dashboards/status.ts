import { statusLabel, type IndicatorStatus } from "@/domain/indicator-status";

// How statuses look on the dashboards: always a text label with the colour, never colour alone.

/** The order the issue names them in, used for legends, counts and stacked bars. */
export const STATUSES: readonly IndicatorStatus[] = ["MET", "ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA"];

/** Short labels for matrix cells (the legend gives the full label from the domain). */
export const SHORT_LABELS: Record<IndicatorStatus, string> = {
  MET: "Đạt",
  ON_TRACK: "Đúng",
  AT_RISK: "Nguy cơ",
  OFF_TRACK: "Chậm",
  NO_DATA: "Chưa có",
};

/** Background and text colours (contrast ≥ 4.5:1 on each). */
export const STATUS_CLASSES: Record<IndicatorStatus, string> = {
  MET: "bg-emerald-100 text-emerald-900",
  ON_TRACK: "bg-sky-100 text-sky-900",
  AT_RISK: "bg-amber-100 text-amber-950",
  OFF_TRACK: "bg-red-100 text-red-900",
  NO_DATA: "bg-stone-100 text-stone-700",
};

/** Solid colours for bars and chart dots. */
export const STATUS_COLOURS: Record<IndicatorStatus, string> = {
  MET: "#047857",
  ON_TRACK: "#0369a1",
  AT_RISK: "#b45309",
  OFF_TRACK: "#b91c1c",
  NO_DATA: "#a8a29e",
};

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
