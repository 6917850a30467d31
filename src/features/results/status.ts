import { indicatorStatus, type IndicatorStatus, type YearValue } from "@/domain/indicator-status";
import type { Direction, Target } from "@/domain/target-notation";

export type StatusInput = {
  direction: Direction;
  baseline: YearValue | null;
  targets: { year: number; target: Target }[];
  actuals: { year: number; value: number | null; qualitativeStatus?: IndicatorStatus | null }[];
};

/**
 * The status stored with each actual (indicator_actuals.status), computed by the domain core for
 * that actual's year. Recomputed for all years whenever an actual, a target or the baseline changes.
 */
export function statusesByYear(input: StatusInput): Map<number, IndicatorStatus> {
  return new Map(input.actuals.map((actual) => [actual.year, indicatorStatus({ ...input, year: actual.year })]));
}
