import type { IndicatorStatus } from "@/domain/indicator-status";
import { APPROXIMATE_TOLERANCE } from "@/domain/target-notation";
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

export type TargetMark = { year: number; from: number; to: number; band: boolean; text: string };

/** What a target looks like on a chart: a band for ranges (and ±5% around "khoảng"), a line otherwise. */
export function targetMark(target: DashboardTarget): TargetMark | null {
  const { lower, upper } = target;
  switch (target.kind) {
    case "RANGE":
      return lower !== null && upper !== null
        ? { year: target.year, from: lower, to: upper, band: true, text: target.text }
        : null;
    case "APPROXIMATELY": {
      if (lower === null) return null;
      const d = Math.abs(lower) * APPROXIMATE_TOLERANCE;
      return { year: target.year, from: lower - d, to: lower + d, band: true, text: target.text };
    }
    case "EXACT":
    case "AT_LEAST":
    case "ABOVE":
      return lower !== null ? { year: target.year, from: lower, to: lower, band: false, text: target.text } : null;
    case "BELOW":
    case "AT_MOST":
      return upper !== null ? { year: target.year, from: upper, to: upper, band: false, text: target.text } : null;
    case "QUALITATIVE":
    case "NONE":
      return null;
  }
}

export type ChartModel = {
  points: { year: number; value: number; status: IndicatorStatus }[];
  baseline: { year: number; value: number } | null;
  targets: TargetMark[];
  x: [number, number];
  y: [number, number];
  percent: boolean;
};

export const CHART_FIRST_YEAR = 2024;
export const CHART_LAST_YEAR = 2030;

/** The data one indicator's chart draws; null when there is nothing numeric to draw. */
export function chartModel(
  indicator: Pick<DashboardIndicator, "direction" | "unit" | "baselineValue" | "baselineYear" | "targets" | "actuals">,
): ChartModel | null {
  if (indicator.direction === "QUALITATIVE") return null;
  const points = indicator.actuals
    .filter((a): a is DashboardActual & { value: number } => a.value !== null && Number.isFinite(a.value))
    .map((a) => ({ year: a.year, value: a.value, status: a.status }))
    .sort((a, b) => a.year - b.year);
  const targets = indicator.targets
    .map(targetMark)
    .filter((m): m is TargetMark => m !== null)
    .sort((a, b) => a.year - b.year);
  const baseline =
    indicator.baselineValue !== null && indicator.baselineYear !== null
      ? { year: indicator.baselineYear, value: indicator.baselineValue }
      : null;
  if (points.length === 0 && targets.length === 0) return null;

  const years = [
    CHART_FIRST_YEAR,
    CHART_LAST_YEAR,
    ...points.map((p) => p.year),
    ...targets.map((t) => t.year),
    ...(baseline ? [baseline.year] : []),
  ];
  const values = [
    ...points.map((p) => p.value),
    ...targets.flatMap((t) => [t.from, t.to]),
    ...(baseline ? [baseline.value] : []),
  ];
  const percent = indicator.unit?.trim() === "%" || indicator.targets.some((t) => t.isPercent);
  return {
    points,
    baseline,
    targets,
    x: [Math.min(...years), Math.max(...years)],
    y: valueDomain(values, percent),
    percent,
  };
}

/** A little room above and below; never below 0 for non-negative data, never above 100 for percentages that stay within it. */
export function valueDomain(values: readonly number[], percent: boolean): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = max === min ? Math.max(Math.abs(max) * 0.1, 1) : (max - min) * 0.1;
  let low = min - pad;
  let high = max + pad;
  if (min >= 0 && low < 0) low = 0;
  if (percent && max <= 100 && high > 100) high = 100;
  // Round outwards to a tenth for narrow ranges, to a whole number otherwise.
  const unit = high - low < 5 ? 0.1 : 1;
  const round = (v: number) => Number(v.toFixed(1));
  return [round(Math.floor(low / unit + 1e-9) * unit), round(Math.ceil(high / unit - 1e-9) * unit)];
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
    lowerBetter: indicator.direction === "LOWER_BETTER",
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
