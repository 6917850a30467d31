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

/** A target as stored (indicator_targets), back as the domain core's Target. */
export type TargetRow = {
  year: number;
  kind: Target["kind"];
  lower: { toString(): string } | number | null;
  upper: { toString(): string } | number | null;
  isPercent: boolean;
  qualitative: string | null;
  text: string;
};

function toNumber(value: { toString(): string } | number | null): number | null {
  if (value === null) return null;
  const n = typeof value === "number" ? value : Number(value.toString());
  return Number.isFinite(n) ? n : null;
}

export function targetFromRow(row: TargetRow): Target {
  return {
    kind: row.kind,
    lower: toNumber(row.lower),
    upper: toNumber(row.upper),
    isPercent: row.isPercent,
    unit: null,
    qualitative: row.qualitative,
    text: row.text,
  };
}

export type IndicatorRows = {
  direction: Direction;
  baselineValue: { toString(): string } | number | null;
  baselineYear: number | null;
  targets: TargetRow[];
  actuals: { year: number; value: { toString(): string } | number | null; qualitativeStatus: IndicatorStatus | null }[];
};

/** The status input of an indicator from its stored rows. */
export function statusInputFromRows(indicator: IndicatorRows): StatusInput {
  const baselineValue = toNumber(indicator.baselineValue);
  return {
    direction: indicator.direction,
    baseline:
      baselineValue !== null && indicator.baselineYear !== null
        ? { year: indicator.baselineYear, value: baselineValue }
        : null,
    targets: indicator.targets.map((t) => ({ year: t.year, target: targetFromRow(t) })),
    actuals: indicator.actuals.map((a) => ({
      year: a.year,
      value: toNumber(a.value),
      qualitativeStatus: a.qualitativeStatus,
    })),
  };
}

/**
 * Whether the user, not the domain core, gives the status in `year`: qualitative indicators, years
 * whose milestone is qualitative ("Giải quyết cơ bản"), and indicators with no target at all
 * (indicatorStatus then takes the user's assessment, rules 1 and 3).
 */
export function statusIsChosen(input: Pick<StatusInput, "direction" | "targets">, year: number): boolean {
  if (input.direction === "QUALITATIVE") return true;
  const milestones = input.targets.filter((t) => t.target.kind !== "NONE").sort((a, b) => a.year - b.year);
  const milestone = milestones.find((m) => m.year >= year) ?? milestones[milestones.length - 1];
  return !milestone || milestone.target.kind === "QUALITATIVE";
}

/**
 * What the grid needs to preview `year`'s status as a figure is typed, and no more (it travels to the
 * browser with every row: issue 18 part 4). The status of a year reads no later actual; of the earlier
 * ones only the first numeric one (the start, without a baseline) and the latest numeric one (the last
 * figure, while the year's own has no value); their qualitative statuses count only for indicators
 * whose status the user chooses, which are not previewed. `previewStatus` gives the same status from
 * this as from the whole input (status.test.ts).
 */
export function previewInput(input: StatusInput, year: number): StatusInput {
  const earlier = input.actuals
    .filter((a) => a.year < year && a.value !== null && Number.isFinite(a.value))
    .sort((a, b) => a.year - b.year);
  const kept = [...new Set([earlier[0], earlier[earlier.length - 1]])].filter((a) => a !== undefined);
  return {
    direction: input.direction,
    baseline: input.baseline,
    targets: input.targets.filter((t) => t.target.kind !== "NONE"),
    actuals: kept.map((a) => ({ year: a.year, value: a.value })),
  };
}

/** The status of one year, with this year's actual replaced by `actual` (what the user is typing). */
export function previewStatus(
  input: StatusInput,
  year: number,
  actual: { value: number | null; qualitativeStatus: IndicatorStatus | null } | null,
): IndicatorStatus {
  const actuals = input.actuals.filter((a) => a.year !== year);
  if (actual) actuals.push({ year, ...actual });
  if (!actuals.some((a) => a.year === year)) return "NO_DATA";
  return statusesByYear({ ...input, actuals }).get(year) ?? "NO_DATA";
}
