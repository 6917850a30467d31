/**
 * The status of an indicator in a given year, as shown in the annual report's appendix
 * ("đánh giá") and on dashboards.
 *
 * Rules, in order:
 * 1. Milestones are the targets that say something (NONE "-" cells are skipped). With none, there
 *    is nothing to assess against: the user's qualitative status if any, else NO_DATA.
 * 2. The milestone that counts is the first one in or after `year`; past the last milestone it is
 *    the last one.
 * 3. QUALITATIVE direction or a qualitative milestone ("Giải quyết cơ bản"): the latest
 *    qualitativeStatus the user gave at or before `year`, else NO_DATA.
 * 4. Otherwise the latest numeric actual at or before `year`; none → NO_DATA.
 * 5. Past the last milestone: MET if the actual satisfies it, else OFF_TRACK.
 * 6. If the actual already satisfies the milestone → MET. Doing better than asked counts
 *    (targetMatches with the direction): 50% against "45" on a higher-is-better indicator, 1,8%
 *    unemployment against "2-2,5"; APPROXIMATELY is met within ±5% of its value.
 * 7. Otherwise compare with a straight trajectory from the start (the baseline, or the first actual
 *    when there is no baseline) to the milestone's bound, evaluated in the actual's year:
 *      expected = start + (bound − start) × (actualYear − startYear) / (milestoneYear − startYear)
 *    (the fraction is clamped to 0…1, and is 1 when the milestone is not after the start).
 *    Higher is better: actual ≥ expected → ON_TRACK; a shortfall up to 10% of |bound − start| →
 *    AT_RISK; more → OFF_TRACK. Lower is better: the mirror image.
 *    The bound is the one to reach: the floor for higher-is-better, the ceiling for
 *    lower-is-better. A one-sided target sets the way to go even if the direction disagrees
 *    (a "dưới 4%" target is approached from above).
 *    Within a range: a start below the band is approached as higher-is-better towards its lower
 *    edge, a start above it as lower-is-better towards its upper edge; an indicator that started
 *    inside the band and has left it, or that passed through the band to its far side, is OFF_TRACK.
 *    With a single actual and no baseline the trajectory starts at that actual, so it is
 *    ON_TRACK until the milestone's year, when rule 6 or the full shortfall decides.
 */

import { targetMatches } from "./target-meaning";
import type { Direction, Target } from "./target-notation";

export type IndicatorStatus = "MET" | "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "NO_DATA";

export interface YearValue {
  year: number;
  value: number;
}

export interface IndicatorActual {
  year: number;
  value: number | null;
  qualitativeStatus?: IndicatorStatus | null;
}

export interface IndicatorStatusInput {
  direction: Direction;
  baseline: YearValue | null;
  targets: { year: number; target: Target }[];
  actuals: IndicatorActual[];
  year: number;
}

/** Share of the start-to-target distance an actual may lag the trajectory and still be AT_RISK. */
export const AT_RISK_SHARE = 0.1;

const EPSILON = 1e-9;

export function indicatorStatus(input: IndicatorStatusInput): IndicatorStatus {
  const { direction, year } = input;
  const actuals = input.actuals.filter((a) => a.year <= year).sort((a, b) => a.year - b.year);
  const milestones = input.targets.filter((t) => t.target.kind !== "NONE").sort((a, b) => a.year - b.year);

  const latestQualitative = (): IndicatorStatus =>
    [...actuals].reverse().find((a) => a.qualitativeStatus != null)?.qualitativeStatus ?? "NO_DATA";

  const last = milestones[milestones.length - 1];
  if (!last) return latestQualitative();
  const next = milestones.find((m) => m.year >= year);
  const milestone = next ?? last;

  if (direction === "QUALITATIVE" || milestone.target.kind === "QUALITATIVE") return latestQualitative();

  const numeric = actuals.filter(
    (a): a is IndicatorActual & { value: number } => a.value !== null && Number.isFinite(a.value),
  );
  const latest = numeric[numeric.length - 1];
  if (!latest) return "NO_DATA";

  if (!next) return targetMatches(last.target, latest.value, direction) ? "MET" : "OFF_TRACK";
  if (targetMatches(milestone.target, latest.value, direction)) return "MET";

  const first = numeric[0]!;
  const start: YearValue = input.baseline ?? { year: first.year, value: first.value };
  const way = wayToGo(milestone.target, direction, start.value);
  if (!way) return "OFF_TRACK";
  if (direction === "WITHIN_RANGE" && overshot(milestone.target, way.higher, latest.value)) return "OFF_TRACK";

  const expected = expectedOn(start, milestone.year, way.bound, latest.year);
  const tolerance = AT_RISK_SHARE * Math.abs(way.bound - start.value);
  const lag = way.higher ? expected - latest.value : latest.value - expected;

  if (lag <= EPSILON) return "ON_TRACK";
  if (lag <= tolerance + EPSILON) return "AT_RISK";
  return "OFF_TRACK";
}

/** Rule 7's straight line from the start to a milestone's bound, read in `year` (clamped to the two ends). */
function expectedOn(start: YearValue, milestoneYear: number, bound: number, year: number): number {
  const span = milestoneYear - start.year;
  const fraction = span <= 0 ? 1 : Math.min(Math.max((year - start.year) / span, 0), 1);
  return start.value + (bound - start.value) * fraction;
}

/**
 * The trajectory the status is computed from (rule 7), year by year from the start (the baseline,
 * else the first numeric actual) to the last milestone: for each year, the value an actual of that
 * year is compared with, on the way to the milestone that year counts towards. Years whose milestone
 * cannot be approached by moving (qualitative, or a range the start is already in) have no point; a
 * qualitative indicator, or one without a start, has none at all. Charts draw it beside the actuals,
 * so what is shown is exactly what the status says.
 */
export function trajectory(input: Omit<IndicatorStatusInput, "year">): YearValue[] {
  if (input.direction === "QUALITATIVE") return [];
  const milestones = input.targets.filter((t) => t.target.kind !== "NONE").sort((a, b) => a.year - b.year);
  const last = milestones[milestones.length - 1];
  const first = input.actuals
    .filter((a): a is IndicatorActual & { value: number } => a.value !== null && Number.isFinite(a.value))
    .sort((a, b) => a.year - b.year)[0];
  const start: YearValue | null = input.baseline ?? (first ? { year: first.year, value: first.value } : null);
  if (!last || !start) return [];
  const points: YearValue[] = [];
  for (let year = start.year; year <= last.year; year++) {
    const milestone = milestones.find((m) => m.year >= year)!;
    if (milestone.target.kind === "QUALITATIVE") continue;
    const way = wayToGo(milestone.target, input.direction, start.value);
    if (way) points.push({ year, value: expectedOn(start, milestone.year, way.bound, year) });
  }
  return points;
}

/** The bound to reach and whether reaching it means going up; null when it cannot be reached by moving. */
function wayToGo(target: Target, direction: Direction, start: number): { bound: number; higher: boolean } | null {
  const { lower, upper } = target;
  switch (target.kind) {
    case "ABOVE":
    case "AT_LEAST":
      return lower === null ? null : { bound: lower, higher: true };
    case "BELOW":
    case "AT_MOST":
      return upper === null ? null : { bound: upper, higher: false };
    case "EXACT":
    case "APPROXIMATELY":
    case "RANGE": {
      if (lower === null || upper === null) return null;
      if (direction === "HIGHER_BETTER") return { bound: lower, higher: true };
      if (direction === "LOWER_BETTER") return { bound: upper, higher: false };
      if (start < lower - EPSILON) return { bound: lower, higher: true };
      if (start > upper + EPSILON) return { bound: upper, higher: false };
      return null;
    }
    case "NONE":
    case "QUALITATIVE":
      return null;
  }
}

/** Within a range, passing through the band to its far side is no progress. */
function overshot(target: Target, higher: boolean, value: number): boolean {
  if (higher) return target.upper !== null && value > target.upper + EPSILON;
  return target.lower !== null && value < target.lower - EPSILON;
}

const STATUS_LABELS: Record<IndicatorStatus, string> = {
  MET: "Đạt/vượt",
  ON_TRACK: "Đúng tiến độ",
  AT_RISK: "Có nguy cơ",
  OFF_TRACK: "Chậm tiến độ",
  NO_DATA: "Chưa có số liệu",
};

export function statusLabel(status: IndicatorStatus): string {
  return STATUS_LABELS[status];
}
