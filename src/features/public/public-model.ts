import { asTree } from "@/domain/tree";
import type { IndicatorStatus } from "@/domain/indicator-status";

// Pure shaping of a published plan for its public page: the indicators in document order with their
// 2025 and 2030 targets as written and their latest actual, and the statuses counted for the chart.
// Everything here is plain JSON (strings, numbers): it is what the cache keeps (ADR 0034).

export const MILESTONES = [2025, 2030] as const;
export const STATUS_ORDER: readonly IndicatorStatus[] = ["MET", "ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA"];

export type PublicIndicatorInput = {
  id: string;
  parentIndicatorId: string | null;
  isGroup: boolean;
  position: number;
  code: string;
  name: string;
  unit: string | null;
  targets: { year: number; text: string }[];
  actuals: { year: number; text: string; value: number | null; status: IndicatorStatus; isIllustrative: boolean }[];
};

export type PublicIndicatorRow = {
  id: string;
  depth: number;
  isGroup: boolean;
  code: string;
  name: string;
  unit: string | null;
  /** The targets of 2025 and 2030 as the officials wrote them ("" when the plan sets none). */
  targets: Record<(typeof MILESTONES)[number], string>;
  /** The latest year with a figure, as typed, and its status; null without any figure. */
  latest: { year: number; text: string; status: IndicatorStatus; isIllustrative: boolean } | null;
};

export type StatusCount = { status: IndicatorStatus; count: number };

/** The indicators in document order (groups as headings) with what the public page shows of each. */
export function publicIndicatorRows(
  indicators: readonly PublicIndicatorInput[],
  format: (value: number) => string,
): PublicIndicatorRow[] {
  return asTree([...indicators], (i) => i.parentIndicatorId).map(({ item, depth }) => {
    const target = (year: number) => item.targets.find((t) => t.year === year)?.text.trim() ?? "";
    const last = [...item.actuals].sort((a, b) => b.year - a.year)[0];
    return {
      id: item.id,
      depth,
      isGroup: item.isGroup,
      code: item.code,
      name: item.name,
      unit: item.unit,
      targets: { 2025: target(2025), 2030: target(2030) },
      latest:
        item.isGroup || !last
          ? null
          : {
              year: last.year,
              text: last.text.trim() || (last.value === null ? "—" : format(last.value)),
              status: last.status,
              isIllustrative: last.isIllustrative,
            },
    };
  });
}

/**
 * The year the chart counts: the latest one with a figure, not after `currentYear` (a figure typed
 * for a later year is a plan, not a result); null when the plan has none.
 */
export function chartYear(indicators: readonly PublicIndicatorInput[], currentYear: number): number | null {
  const years = indicators.flatMap((i) => i.actuals.map((a) => a.year)).filter((y) => y <= currentYear);
  return years.length ? Math.max(...years) : null;
}

/** Indicators (not groups) by their status in `year`: "no data" without a figure that year. Every status listed, in order. */
export function statusCounts(indicators: readonly PublicIndicatorInput[], year: number | null): StatusCount[] {
  const counts = new Map<IndicatorStatus, number>(STATUS_ORDER.map((s) => [s, 0]));
  for (const indicator of indicators) {
    if (indicator.isGroup) continue;
    const status = (year !== null && indicator.actuals.find((a) => a.year === year)?.status) || "NO_DATA";
    counts.set(status, counts.get(status)! + 1);
  }
  return STATUS_ORDER.map((status) => ({ status, count: counts.get(status)! }));
}
