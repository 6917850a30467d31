import { formatVietnameseNumber } from "@/domain/decimal";
import { assessment, contradictions } from "@/domain/indicator-assessment";
import { trajectory, type IndicatorStatus } from "@/domain/indicator-status";
import { APPROXIMATE_TOLERANCE } from "@/domain/target-meaning";
import { UNGROUPED, type TargetRow } from "./rollup";
import { STATUS_LETTERS } from "./status-letters";

// Pure shaping of one plan's data for its dashboard: indicators grouped by their top-level group
// (the themes "Y tế", "Giáo dục" …), what a chart of one indicator draws, and the tasks by status
// and by lead agency. One plan is a bounded set (about a hundred indicators, a few hundred tasks),
// so this runs in TypeScript; the rollups over many plans are aggregated in PostgreSQL instead.

export type DashboardTarget = TargetRow & { year: number };
export type DashboardActual = {
  year: number;
  value: number | null;
  text: string;
  status: IndicatorStatus;
  isIllustrative: boolean;
};
export type DashboardIndicator = {
  id: string;
  parentIndicatorId: string | null;
  isGroup: boolean;
  position: number;
  code: string;
  name: string;
  unit: string | null;
  direction: "HIGHER_BETTER" | "LOWER_BETTER" | "WITHIN_RANGE" | "QUALITATIVE";
  baselineValue: number | null;
  baselineYear: number | null;
  baselineText: string | null;
  targets: DashboardTarget[];
  actuals: DashboardActual[];
};

export type IndicatorGroup<T> = { name: string; indicators: T[] };

/**
 * Indicators under their top-level group row, in document order. Nested group rows are headings
 * without figures and are left out; indicators outside any group go last, under "Chỉ tiêu khác".
 * Every group's name is distinct.
 */
export function groupIndicators<
  T extends Pick<DashboardIndicator, "id" | "parentIndicatorId" | "isGroup" | "position" | "name">,
>(indicators: readonly T[]): IndicatorGroup<T>[] {
  const children = new Map<string | null, T[]>();
  for (const indicator of indicators) {
    const list = children.get(indicator.parentIndicatorId) ?? [];
    list.push(indicator);
    children.set(indicator.parentIndicatorId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  const known = new Set(indicators.map((i) => i.id));
  const roots = indicators
    .filter((i) => i.parentIndicatorId === null || !known.has(i.parentIndicatorId))
    .sort((a, b) => a.position - b.position);

  const collect = (node: T, out: T[]) => {
    if (!node.isGroup) out.push(node);
    for (const child of children.get(node.id) ?? []) collect(child, out);
  };
  const groups: IndicatorGroup<T>[] = [];
  const ungrouped: T[] = [];
  for (const root of roots) {
    if (root.isGroup) {
      const members: T[] = [];
      collect(root, members);
      if (members.length) groups.push({ name: root.name, indicators: members });
    } else collect(root, ungrouped);
  }
  if (ungrouped.length) groups.push({ name: UNGROUPED, indicators: ungrouped });
  // Names tell the groups apart on the page and in its links: a name that repeats (two groups
  // written alike, or a group of its own called "Chỉ tiêu khác") is numbered from its second use.
  const seen = new Map<string, number>();
  return groups.map((group) => {
    const uses = (seen.get(group.name) ?? 0) + 1;
    seen.set(group.name, uses);
    return uses === 1 ? group : { ...group, name: `${group.name} (${uses})` };
  });
}

/** `?group=*` on a plan's dashboard: the cards of every group at once (for a meeting, or to print). */
export const ALL_GROUPS = "*";

/**
 * Which groups' cards a plan's dashboard shows: the group asked for by name (the name the rollup's
 * group filter uses, so a drill-down from a filtered matrix opens the same group), every group for
 * ALL_GROUPS, otherwise the first. One group at a time keeps the page light: a plan has about a
 * hundred indicators, and the overview above the cards already counts every group by status.
 * `found` is false when a name was asked for that the plan has no group of.
 */
export function shownGroups(
  names: readonly string[],
  requested: string | null,
): { indexes: number[]; all: boolean; found: boolean } {
  if (names.length === 0) return { indexes: [], all: false, found: requested === null };
  if (requested === ALL_GROUPS) return { indexes: names.map((_, i) => i), all: true, found: true };
  const index = requested === null ? -1 : names.indexOf(requested);
  return { indexes: [Math.max(index, 0)], all: names.length === 1, found: requested === null || index >= 0 };
}

// ---------------------------------------------------------------------------------------------
// Charts

export type TargetMark = { year: number; from: number; to: number; band: boolean; text: string; label: string };

const SIGN: Partial<Record<DashboardTarget["kind"], string>> = {
  AT_LEAST: "≥",
  ABOVE: ">",
  AT_MOST: "≤",
  BELOW: "<",
  APPROXIMATELY: "≈",
};

/**
 * What a target looks like on a chart: a band for ranges (and ±5% around "khoảng"), a mark otherwise,
 * with a short label ("≥95%", "2–2,5%", "≈75") beside it; the words as written go in the tooltip.
 */
export function targetMark(target: DashboardTarget): TargetMark | null {
  const { lower, upper } = target;
  const pct = target.isPercent ? "%" : "";
  const n = (v: number) => formatVietnameseNumber(v, 2);
  const mark = (from: number, to: number, band: boolean, label: string): TargetMark => ({
    year: target.year,
    from,
    to,
    band,
    text: target.text,
    label,
  });
  switch (target.kind) {
    case "RANGE":
      return lower !== null && upper !== null ? mark(lower, upper, true, `${n(lower)}–${n(upper)}${pct}`) : null;
    case "APPROXIMATELY": {
      if (lower === null) return null;
      const d = Math.abs(lower) * APPROXIMATE_TOLERANCE;
      return mark(lower - d, lower + d, true, `≈${n(lower)}${pct}`);
    }
    case "EXACT":
    case "AT_LEAST":
    case "ABOVE":
      return lower !== null ? mark(lower, lower, false, `${SIGN[target.kind] ?? ""}${n(lower)}${pct}`) : null;
    case "BELOW":
    case "AT_MOST":
      return upper !== null ? mark(upper, upper, false, `${SIGN[target.kind]}${n(upper)}${pct}`) : null;
    case "QUALITATIVE":
    case "NONE":
      return null;
  }
}

/** One year on a chart's time axis: what is drawn there (Recharts reads the rows by key). */
export type ChartRow = {
  year: number;
  /** The actual of the year and its stored status. */
  actual?: number;
  status?: IndicatorStatus;
  /** The trajectory the status is computed from (trajectory() in src/domain/indicator-status.ts). */
  expected?: number;
  /** A milestone: its mark's value (the middle of a band), short label and words as written. */
  target?: number;
  targetLabel?: string;
  targetText?: string;
  baseline?: number;
};

export type ChartModel = {
  rows: ChartRow[];
  /** Ranges and "khoảng" targets, drawn as bands around their mark. */
  bands: { year: number; from: number; to: number }[];
  x: [number, number];
  y: [number, number];
  yTicks: number[];
  /** Decimals of the value axis: enough for its ticks to differ. */
  decimals: number;
  percent: boolean;
};

export const CHART_FIRST_YEAR = 2024;
export const CHART_LAST_YEAR = 2030;

/**
 * The data one indicator's chart draws; null when there is nothing numeric to draw. The time axis
 * runs from the baseline's year (else 2024, or an earlier actual) to 2030, every year present, so the
 * milestones are marked even before the first figure is entered.
 */
export function chartModel(
  indicator: Pick<DashboardIndicator, "direction" | "unit" | "baselineValue" | "baselineYear" | "targets" | "actuals">,
): ChartModel | null {
  if (indicator.direction === "QUALITATIVE") return null;
  const points = indicator.actuals
    .filter((a): a is DashboardActual & { value: number } => a.value !== null && Number.isFinite(a.value))
    .map((a) => ({ year: a.year, value: a.value, status: a.status }))
    .sort((a, b) => a.year - b.year);
  const marks = indicator.targets
    .map(targetMark)
    .filter((m): m is TargetMark => m !== null)
    .sort((a, b) => a.year - b.year);
  const baseline =
    indicator.baselineValue !== null && indicator.baselineYear !== null
      ? { year: indicator.baselineYear, value: indicator.baselineValue }
      : null;
  if (points.length === 0 && marks.length === 0) return null;

  const path = trajectory({
    direction: indicator.direction,
    baseline,
    targets: indicator.targets.map((t) => ({ year: t.year, target: { ...t, unit: null } })),
    actuals: points,
  });
  const years = [...points.map((p) => p.year), ...marks.map((t) => t.year), ...path.map((p) => p.year)];
  const from = baseline ? Math.min(baseline.year, ...years) : Math.min(CHART_FIRST_YEAR, ...years);
  const to = Math.max(CHART_LAST_YEAR, ...years);
  const rows: ChartRow[] = [];
  for (let year = from; year <= to; year++) {
    const row: ChartRow = { year };
    const point = points.find((p) => p.year === year);
    if (point) Object.assign(row, { actual: point.value, status: point.status });
    const expected = path.find((p) => p.year === year);
    if (expected) row.expected = expected.value;
    const mark = marks.find((m) => m.year === year);
    if (mark) Object.assign(row, { target: (mark.from + mark.to) / 2, targetLabel: mark.label, targetText: mark.text });
    if (baseline?.year === year) row.baseline = baseline.value;
    rows.push(row);
  }
  const values = [
    ...points.map((p) => p.value),
    ...marks.flatMap((t) => [t.from, t.to]),
    ...path.map((p) => p.value),
    ...(baseline ? [baseline.value] : []),
  ];
  const percent = indicator.unit?.trim() === "%" || indicator.targets.some((t) => t.isPercent);
  const scale = valueScale(values, percent);
  return {
    rows,
    bands: marks.filter((m) => m.band).map(({ year, from: low, to: high }) => ({ year, from: low, to: high })),
    x: [from, to],
    y: scale.domain,
    yTicks: scale.ticks,
    decimals: scale.decimals,
    percent,
  };
}

/** Digits after the comma that `step` needs (0,25 → 2; 5 → 0). */
function decimalsOf(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 6;
}

/**
 * The value axis: a domain with a little room around the figures, on round ticks (steps of 1, 2, 2,5
 * or 5 times a power of ten, about five of them), each tick written with the decimals its step needs,
 * so no two read alike ("0,6 0,7 0,7 0,8" cannot happen). Never below 0 for figures that are not, never
 * above 100 for percentages that stay within it.
 */
export function valueScale(
  values: readonly number[],
  percent: boolean,
): { domain: [number, number]; ticks: number[]; decimals: number } {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max === min) {
    const pad = Math.max(Math.abs(max) * 0.1, 1);
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= raw - 1e-12)!;
  const decimals = decimalsOf(step);
  const round = (v: number) => Number(v.toFixed(decimals));
  let low = Math.floor(min / step + 1e-9) * step;
  let high = Math.ceil(max / step - 1e-9) * step;
  // A figure on the edge of the plot is hard to see: one step of room where it would touch.
  if (low >= min - 1e-9) low -= step;
  if (high <= max + 1e-9) high += step;
  if (Math.min(...values) >= 0 && low < 0) low = 0;
  if (percent && Math.max(...values) <= 100 && high > 100) high = 100;
  const ticks: number[] = [];
  for (let v = low; v <= high + step / 1000; v += step) ticks.push(round(v));
  if (ticks[ticks.length - 1]! < round(high)) ticks.push(round(high));
  return { domain: [round(low), round(high)], ticks, decimals };
}

// ---------------------------------------------------------------------------------------------
// Tasks

export type TaskStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "BEHIND";
export type TaskState = TaskStatus | "NO_UPDATE";

export const TASK_STATES: readonly TaskState[] = ["BEHIND", "NOT_STARTED", "IN_PROGRESS", "COMPLETED", "NO_UPDATE"];

export const TASK_STATE_LABELS: Record<TaskState, string> = {
  BEHIND: "Chậm tiến độ",
  NOT_STARTED: "Chưa triển khai",
  IN_PROGRESS: "Đang thực hiện",
  COMPLETED: "Hoàn thành",
  NO_UPDATE: "Chưa cập nhật",
};

export type TaskRow = {
  id: string;
  parentTaskId: string | null;
  position: number;
  numbering: string;
  title: string | null;
  body: string;
};
export type LeadRow = { taskId: string; organizationId: string; name: string };
export type ProgressRow = { taskId: string; year: number; status: TaskStatus };

export type TaskCounts = Record<TaskState, number>;

function emptyTaskCounts(): TaskCounts {
  return { BEHIND: 0, NOT_STARTED: 0, IN_PROGRESS: 0, COMPLETED: 0, NO_UPDATE: 0 };
}

export const NO_LEAD = "Chưa giao cơ quan chủ trì";

/** The year whose progress is shown: the current one if anything was reported for it, else the latest before it. */
export function progressYear(progress: readonly Pick<ProgressRow, "year">[], currentYear: number): number | null {
  const years = progress.map((p) => p.year).filter((y) => y <= currentYear);
  return years.length ? Math.max(...years) : null;
}

export type TaskSummary = {
  year: number | null;
  total: number;
  counts: TaskCounts;
  byAgency: { agency: string; counts: TaskCounts; behind: { numbering: string; title: string }[] }[];
  behind: { numbering: string; title: string; agencies: string[] }[];
};

function shortTitle(task: TaskRow): string {
  const text = (task.title ?? task.body).trim().replace(/\s+/g, " ");
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/**
 * The tasks that carry work (those without sub-tasks), each with its status in the year and its lead
 * agencies; a task without its own lead ("Cơ quan chủ trì") takes its parent's, as documents write the
 * lead once on the group. Agencies most behind first.
 */
export function taskSummary(
  tasks: readonly TaskRow[],
  leads: readonly LeadRow[],
  progress: readonly ProgressRow[],
  currentYear: number,
): TaskSummary {
  const year = progressYear(progress, currentYear);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const hasChildren = new Set(tasks.map((t) => t.parentTaskId).filter((id): id is string => id !== null));
  const ownLeads = new Map<string, string[]>();
  for (const lead of leads) ownLeads.set(lead.taskId, [...(ownLeads.get(lead.taskId) ?? []), lead.name]);
  const statusOf = new Map<string, TaskStatus>();
  for (const p of progress) if (p.year === year) statusOf.set(p.taskId, p.status);

  const leadsOf = (task: TaskRow): string[] => {
    for (
      let t: TaskRow | undefined = task, guard = 0;
      t && guard < 50;
      t = t.parentTaskId ? byId.get(t.parentTaskId) : undefined, guard++
    ) {
      const own = ownLeads.get(t.id);
      if (own?.length) return [...new Set(own)];
    }
    return [NO_LEAD];
  };
  const order = documentOrder(tasks);
  const leaves = order.filter((t) => !hasChildren.has(t.id));

  const counts = emptyTaskCounts();
  const agencies = new Map<string, { counts: TaskCounts; behind: { numbering: string; title: string }[] }>();
  const behind: TaskSummary["behind"] = [];
  for (const task of leaves) {
    const state: TaskState = statusOf.get(task.id) ?? "NO_UPDATE";
    counts[state] += 1;
    const names = leadsOf(task);
    const numbering = fullNumbering(task, byId);
    if (state === "BEHIND") behind.push({ numbering, title: shortTitle(task), agencies: names });
    for (const name of names) {
      const entry = agencies.get(name) ?? { counts: emptyTaskCounts(), behind: [] };
      entry.counts[state] += 1;
      if (state === "BEHIND") entry.behind.push({ numbering, title: shortTitle(task) });
      agencies.set(name, entry);
    }
  }
  const byAgency = [...agencies.entries()]
    .map(([agency, entry]) => ({ agency, ...entry }))
    .sort(
      (a, b) =>
        b.counts.BEHIND - a.counts.BEHIND ||
        b.counts.NOT_STARTED - a.counts.NOT_STARTED ||
        a.agency.localeCompare(b.agency, "vi"),
    );
  return { year, total: leaves.length, counts, byAgency, behind };
}

/** "6. › -": the numbering of a task with its ancestors', so a "-" bullet still says where it is. */
function fullNumbering(task: TaskRow, byId: Map<string, TaskRow>): string {
  const parts: string[] = [];
  for (
    let t: TaskRow | undefined = task, guard = 0;
    t && guard < 50;
    t = t.parentTaskId ? byId.get(t.parentTaskId) : undefined, guard++
  )
    parts.unshift(t.numbering.trim());
  return parts.filter(Boolean).join(" › ");
}

function documentOrder(tasks: readonly TaskRow[]): TaskRow[] {
  const known = new Set(tasks.map((t) => t.id));
  const children = new Map<string | null, TaskRow[]>();
  for (const t of tasks) {
    const key = t.parentTaskId !== null && known.has(t.parentTaskId) ? t.parentTaskId : null;
    children.set(key, [...(children.get(key) ?? []), t]);
  }
  const out: TaskRow[] = [];
  const walk = (parent: string | null) => {
    for (const t of [...(children.get(parent) ?? [])].sort((a, b) => a.position - b.position)) {
      out.push(t);
      walk(t.id);
    }
  };
  walk(null);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cards (compact data for indicator-cards.tsx)

export type CardInput = Pick<
  DashboardIndicator,
  "code" | "name" | "unit" | "direction" | "baselineValue" | "baselineYear" | "baselineText" | "targets" | "actuals"
> & {
  depth: number;
  status: IndicatorStatus;
  chart: ChartModel | null;
};

/**
 * Which way the card's status is computed, when that is not simply "higher is better": the label and
 * the reason (src/domain/indicator-assessment.ts), with any contradiction in the indicator's definition.
 */
function assessedAs(indicator: Pick<DashboardIndicator, "direction" | "targets">): string | null {
  const milestones = indicator.targets.map((t) => ({ year: t.year, target: { ...t, unit: null } }));
  const rule = assessment(indicator.direction, milestones);
  const problems = contradictions(indicator.direction, milestones);
  if (rule.way === "UP" && !rule.overridden && problems.length === 0) return null;
  return [
    `Đánh giá: ${rule.label}.`,
    rule.overridden || problems.length ? rule.reason : "",
    ...problems.map((p) => `⚠ ${p}`),
  ]
    .filter(Boolean)
    .join(" ");
}

/** An indicator as its card shows it: figures as written (decimal comma), statuses as letters. */
export function cardData(indicator: CardInput, year: number | null, format: (value: number) => string) {
  const figure = (text: string | null, value: number | null) =>
    text && text.trim() ? text : value === null ? "—" : format(value);
  const rows: [string, string, string, boolean][] = [];
  if (indicator.baselineText !== null || indicator.baselineValue !== null) {
    rows.push([
      `Cơ sở${indicator.baselineYear ? ` (${indicator.baselineYear})` : ""}`,
      figure(indicator.baselineText, indicator.baselineValue),
      "",
      false,
    ]);
  }
  for (const a of indicator.actuals)
    rows.push([String(a.year), figure(a.text, a.value), STATUS_LETTERS[a.status], a.year === year]);
  return {
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    assessed: assessedAs(indicator),
    indent: Math.max(indicator.depth - 1, 0),
    status: STATUS_LETTERS[indicator.status],
    rows,
    targets: indicator.targets
      .filter((t) => t.kind !== "NONE")
      .map((t): [string, string] => [`Mục tiêu ${t.year}`, t.text]),
    chart: indicator.chart,
  };
}

/** A group's cards as IndicatorCards takes them: one JSON string (see indicator-cards.tsx). */
export function cardsJson(
  indicators: readonly CardInput[],
  year: number | null,
  format: (value: number) => string,
): string {
  return JSON.stringify(indicators.map((indicator) => cardData(indicator, year, format)));
}
