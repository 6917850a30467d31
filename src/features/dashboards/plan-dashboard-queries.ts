import "server-only";
import { type RollupOptions, currentYearOf } from "./rollup-queries";
import { type PlanStatus, rows, visible, type NumberParts, numberOf } from "./query-common";
import { type DocumentKind } from "@/domain/document-number";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { withScope } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { NotFoundError } from "@/server/errors";
import { attribution, chooseYear, todayInVietnam, type Track } from "./rollup";
import {
  chartModel,
  groupIndicators,
  shownGroups,
  taskSummary,
  type ChartModel,
  type DashboardActual,
  type DashboardIndicator,
  type DashboardTarget,
  type IndicatorGroup,
  type LeadRow,
  type ProgressRow,
  type TaskRow,
  type TaskSummary,
} from "./plan-dashboard";
import { prepared, sql, type Sql } from "./sql";
import { countStatuses, type StatusCounts } from "./status";

// ---------------------------------------------------------------------------------------------
// One plan's dashboard

type PlanDashboardRow = {
  plan: NumberParts & {
    id: string;
    kind: DocumentKind;
    title: string;
    status: PlanStatus;
    track: Track | "OTHER";
    issuedOn: string | null;
    isIllustrative: boolean;
    parentId: string | null;
    issuerName: string;
    issuerValidTo: string | null;
    successors: { name: string }[];
    children: number;
    parent: (NumberParts & { id: string; kind: DocumentKind; issuerName: string }) | null;
  };
  indicators: Omit<DashboardIndicator, "targets" | "actuals">[];
  /** Every actual up to the current year, by its status only: what the counts and the year choice need. */
  statuses: { indicatorId: string; year: number; status: IndicatorStatus }[];
  illustrative: boolean;
  tasks: TaskRow[];
  leads: LeadRow[];
  progress: ProgressRow[];
};

/** The figures of the indicators whose cards are shown. */
type PlanDetailsRow = {
  targets: (DashboardTarget & { indicatorId: string })[];
  actuals: (DashboardActual & { indicatorId: string })[];
};

// The rows travel from PostgreSQL as positional arrays (json_build_array), in the order these keys
// give: an object with its keys for each of ~600 actuals cost PostgreSQL twice the time to build and
// made the document twice the size. Decoded once, here.
type Tuple<T> = T[keyof T][];
type Tuples<R> = { [K in keyof R]: R[K] extends readonly (infer T)[] ? Tuple<T>[] : R[K] };

function decodeRows<T>(rows: Tuple<T>[], keys: readonly (keyof T)[]): T[] {
  return rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i]])) as T);
}

const INDICATOR_KEYS = [
  "id",
  "parentIndicatorId",
  "isGroup",
  "position",
  "code",
  "name",
  "unit",
  "direction",
  "baselineValue",
  "baselineYear",
  "baselineText",
] as const satisfies readonly (keyof PlanDashboardRow["indicators"][number])[];
const STATUS_KEYS = [
  "indicatorId",
  "year",
  "status",
] as const satisfies readonly (keyof PlanDashboardRow["statuses"][number])[];
const TASK_KEYS = [
  "id",
  "parentTaskId",
  "position",
  "numbering",
  "title",
  "body",
] as const satisfies readonly (keyof TaskRow)[];
const LEAD_KEYS = ["taskId", "organizationId", "name"] as const satisfies readonly (keyof LeadRow)[];
const PROGRESS_KEYS = ["taskId", "year", "status"] as const satisfies readonly (keyof ProgressRow)[];
const TARGET_KEYS = [
  "indicatorId",
  "year",
  "kind",
  "lower",
  "upper",
  "isPercent",
  "qualitative",
  "text",
] as const satisfies readonly (keyof PlanDetailsRow["targets"][number])[];
const ACTUAL_KEYS = [
  "indicatorId",
  "year",
  "value",
  "text",
  "status",
  "isIllustrative",
] as const satisfies readonly (keyof PlanDetailsRow["actuals"][number])[];

/** An indicator of a plan's dashboard, with its status in the dashboard's year. */
export type PlanDashboardIndicator = Omit<DashboardIndicator, "targets" | "actuals"> & {
  depth: number;
  status: IndicatorStatus;
};

/** An indicator whose card is shown: with its targets, its actuals by year and its chart. */
export type PlanDashboardCard = PlanDashboardIndicator &
  Pick<DashboardIndicator, "targets" | "actuals"> & { chart: ChartModel | null };

export type PlanDashboard = {
  today: string;
  currentYear: number;
  plan: PlanDashboardRow["plan"] & {
    number: string;
    parent: (PlanDashboardRow["plan"]["parent"] & { number: string }) | null;
    dissolved: boolean;
    successorNames: string | null;
  };
  /** Every group with its indicators counted by status; `cards` only for the groups shown (shownGroups). */
  groups: {
    name: string;
    indicators: PlanDashboardIndicator[];
    counts: StatusCounts;
    cards: PlanDashboardCard[] | null;
  }[];
  /** Whether every group is shown, and whether the group asked for was found. */
  shown: { all: boolean; found: boolean };
  counts: StatusCounts;
  /** Years up to the current one that have figures, and the one whose statuses are shown. */
  years: number[];
  year: number | null;
  hasIllustrative: boolean;
  tasks: TaskSummary;
};

/**
 * One plan: its indicators grouped by theme and counted by status, the cards of the group asked for
 * (`group`, a group's name or ALL_GROUPS; the first group otherwise), and its tasks by status and lead
 * agency. Two statements in one scoped transaction (nothing for a plan the scope may not read): the
 * plan with every indicator's statuses, then the figures of the indicators shown, which are all that
 * the page draws. A plan has about a hundred indicators; reading the figures of every one of them for
 * a page that shows ten doubled the time the page took to answer (docs/performance.md).
 */
export async function getPlanDashboard(
  scope: Scope,
  id: string,
  options: RollupOptions & { year?: number | null; group?: string | null } = {},
): Promise<PlanDashboard> {
  const today = options.today ?? todayInVietnam();
  const currentYear = currentYearOf(today);
  return withScope(scope, async (db) => {
    const [found] = await rows<{ data: string }>(db, planDashboardQuery(scope, id, currentYear));
    if (!found) throw new NotFoundError("Không tìm thấy kế hoạch");
    const t = JSON.parse(found.data) as Tuples<PlanDashboardRow>;
    const data: PlanDashboardRow = {
      ...t,
      indicators: decodeRows(t.indicators, INDICATOR_KEYS),
      statuses: decodeRows(t.statuses, STATUS_KEYS),
      tasks: decodeRows(t.tasks, TASK_KEYS),
      leads: decodeRows(t.leads, LEAD_KEYS),
      progress: decodeRows(t.progress, PROGRESS_KEYS),
    };
    const grouped = groupIndicators(data.indicators);
    const shown = shownGroups(
      grouped.map((g) => g.name),
      options.group ?? null,
    );
    const shownIds = shown.indexes.flatMap((i) => grouped[i]!.indicators.map((indicator) => indicator.id));
    const [details] = shownIds.length ? await rows<{ data: string }>(db, planDetailsQuery(scope, id, shownIds)) : [];
    const d: Tuples<PlanDetailsRow> = details ? JSON.parse(details.data) : { targets: [], actuals: [] };
    const figures = { targets: decodeRows(d.targets, TARGET_KEYS), actuals: decodeRows(d.actuals, ACTUAL_KEYS) };
    return assemblePlanDashboard(data, grouped, shown, figures, { today, currentYear, year: options.year ?? null });
  });
}

/** Everything one plan's dashboard shows but the figures of its cards, as one JSON document (no row for a plan the scope may not read). */
export function planDashboardQuery(scope: Scope, id: string, currentYear: number): Sql {
  return prepared(sql`
    SELECT json_build_object(
      'plan', json_build_object(
        'id', p.id, 'notation', p.notation, 'numberSerial', p."numberSerial", 'typeCode', p."typeCode", 'issuerCode', p."issuerCode", 'kind', p.kind, 'title', p.title,
        'status', p.status, 'track', p.track, 'issuedOn', p."issuedOn", 'isIllustrative', p."isIllustrative", 'parentId', p."parentId",
        'issuerName', o.name, 'issuerValidTo', o."validTo",
        'successors', (SELECT coalesce(json_agg(json_build_object('name', so.name) ORDER BY so.name), '[]'::json) FROM organization_successions s JOIN organizations so ON so.id = s."successorId" WHERE s."predecessorId" = o.id),
        'children', (SELECT count(*) FROM plans c WHERE c."parentId" = p.id AND ${visible(scope, "c")}),
        'parent', (SELECT json_build_object('id', pp.id, 'notation', pp.notation, 'numberSerial', pp."numberSerial", 'typeCode', pp."typeCode", 'issuerCode', pp."issuerCode", 'kind', pp.kind, 'issuerName', po.name)
                   FROM plans pp JOIN organizations po ON po.id = pp."issuerId" WHERE pp.id = p."parentId" AND ${visible(scope, "pp")})),
      'indicators', (SELECT coalesce(json_agg(json_build_array(i.id, i."parentIndicatorId", i."isGroup", i.position, i.code, i.name,
                       i.unit, i.direction, i."baselineValue"::float8, i."baselineYear", i."baselineText")), '[]'::json)
                     FROM indicators i WHERE i."planId" = p.id AND i.inheritance <> 'DROPPED'),
      'statuses', (SELECT coalesce(json_agg(json_build_array(a."indicatorId", a.year, a.status)), '[]'::json)
                   FROM indicator_actuals a WHERE a."planId" = p.id AND a.year <= ${currentYear}::int),
      'illustrative', p."isIllustrative" OR EXISTS (SELECT 1 FROM indicator_actuals a WHERE a."planId" = p.id AND a."isIllustrative"),
      'tasks', (SELECT coalesce(json_agg(json_build_array(t.id, t."parentTaskId", t.position, t.numbering, t.title, left(t.body, 200))), '[]'::json)
                FROM tasks t WHERE t."planId" = p.id AND t.inheritance <> 'DROPPED'),
      'leads', (SELECT coalesce(json_agg(json_build_array(ta."taskId", lo.id, lo.name) ORDER BY ta.position), '[]'::json)
                FROM task_assignments ta JOIN organizations lo ON lo.id = ta."organizationId" WHERE ta."planId" = p.id AND ta.role = 'LEAD'),
      'progress', (SELECT coalesce(json_agg(json_build_array(tp."taskId", tp.year, tp.status)), '[]'::json)
                   FROM task_progress tp WHERE tp."planId" = p.id AND tp."organizationId" IS NULL AND tp.year <= ${currentYear}::int)
    )::text AS data
    FROM plans p JOIN organizations o ON o.id = p."issuerId"
    WHERE p.id = ${id}::text AND ${visible(scope, "p")}`);
}

/** The targets and the actuals (every year) of some indicators of a plan, for their cards (no row for a plan the scope may not read). */
export function planDetailsQuery(scope: Scope, planId: string, indicatorIds: readonly string[]): Sql {
  return prepared(sql`
    SELECT json_build_object(
      'targets', (SELECT coalesce(json_agg(json_build_array(t."indicatorId", t.year, t.kind, t.lower::float8, t.upper::float8, t."isPercent", t.qualitative, t.text)), '[]'::json)
                  FROM indicator_targets t WHERE t."planId" = p.id AND t."indicatorId" = ANY(${indicatorIds}::text[])),
      'actuals', (SELECT coalesce(json_agg(json_build_array(a."indicatorId", a.year, a.value::float8, a.text, a.status, a."isIllustrative")), '[]'::json)
                  FROM indicator_actuals a WHERE a."planId" = p.id AND a."indicatorId" = ANY(${indicatorIds}::text[]))
    )::text AS data
    FROM plans p WHERE p.id = ${planId}::text AND ${visible(scope, "p")}`);
}

function assemblePlanDashboard(
  data: PlanDashboardRow,
  grouped: IndicatorGroup<PlanDashboardRow["indicators"][number]>[],
  shown: ReturnType<typeof shownGroups>,
  figures: PlanDetailsRow,
  options: { today: string; currentYear: number; year: number | null },
): PlanDashboard {
  const { today, currentYear } = options;
  const years = [...new Set(data.statuses.map((a) => a.year))].sort((a, b) => a - b);
  const year = chooseYear(years, currentYear, options.year);
  // An indicator's status is the one stored with its actual of that year, "no data" without one (as in the rollup matrix).
  const statusOf = new Map<string, IndicatorStatus>();
  for (const a of data.statuses) if (a.year === year) statusOf.set(a.indicatorId, a.status);

  const targetsOf = groupBy(figures.targets, (t) => t.indicatorId);
  const actualsOf = groupBy(figures.actuals, (a) => a.indicatorId);
  const depthOf = depths(data.indicators);
  const shownIndexes = new Set(shown.indexes);
  const groups = grouped.map((g, index) => {
    const indicators = g.indicators.map((i) => ({
      ...i,
      depth: depthOf.get(i.id) ?? 0,
      status: statusOf.get(i.id) ?? "NO_DATA",
    }));
    const cards = shownIndexes.has(index)
      ? indicators.map((i) => {
          const withFigures = {
            ...i,
            targets: (targetsOf.get(i.id) ?? []).sort((a, b) => a.year - b.year),
            actuals: (actualsOf.get(i.id) ?? []).sort((a, b) => a.year - b.year),
          };
          return { ...withFigures, chart: chartModel(withFigures) };
        })
      : null;
    return { name: g.name, indicators, counts: countStatuses(indicators.map((m) => m.status)), cards };
  });
  const counts = countStatuses(groups.flatMap((g) => g.indicators.map((m) => m.status)));
  const { dissolved, successors } = attribution(data.plan, today);
  return {
    today,
    currentYear,
    plan: {
      ...data.plan,
      number: numberOf(data.plan),
      parent: data.plan.parent ? { ...data.plan.parent, number: numberOf(data.plan.parent) } : null,
      dissolved,
      successorNames: successors,
    },
    groups,
    shown: { all: shown.all, found: shown.found },
    counts,
    years,
    year,
    hasIllustrative: data.illustrative,
    tasks: taskSummary(data.tasks, data.leads, data.progress, currentYear),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

function depths(indicators: readonly { id: string; parentIndicatorId: string | null }[]): Map<string, number> {
  const parent = new Map(indicators.map((i) => [i.id, i.parentIndicatorId]));
  const out = new Map<string, number>();
  for (const i of indicators) {
    let depth = 0;
    for (let p = i.parentIndicatorId; p && depth < 10; p = parent.get(p) ?? null) depth++;
    out.set(i.id, depth);
  }
  return out;
}
