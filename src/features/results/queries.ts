import type { IndicatorStatus } from "@/domain/indicator-status";
import { asTree, planNumber } from "@/features/plans/queries";
import { visiblePlans, type ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { NotFoundError } from "@/server/errors";
import { may, organizationRef, organizationRefSelect } from "./plan-access";
import { statusInputFromRows, statusIsChosen, type StatusInput, type TargetRow } from "./status";
import { prepared, sql } from "@/features/dashboards/sql";
import type { TaskStatus } from "./labels";

// What the results page shows for one plan and year: every indicator with its targets beside this
// year's actual, and every task without sub-tasks with its progress (per lead agency where there are several).

export type GridIndicator = {
  kind: "indicator";
  id: string;
  code: string;
  name: string;
  unit: string | null;
  depth: number;
  direction: StatusInput["direction"];
  target2025: string;
  target2030: string;
  /** The user chooses the status (qualitative indicators and those without a target). */
  chosen: boolean;
  /** Everything the status depends on except this year's actual, for the preview while typing. */
  statusInput: StatusInput;
  actual: {
    text: string;
    qualitativeStatus: IndicatorStatus | null;
    status: IndicatorStatus;
    note: string;
    source: string;
    version: number;
    isIllustrative: boolean;
  } | null;
};
export type GridGroup = { kind: "group"; id: string; code: string; name: string; depth: number };
export type GridRow = GridIndicator | GridGroup;

export type ProgressRow = {
  taskId: string;
  /** null: the task's overall progress; set: one lead agency's own update. */
  organizationId: string | null;
  organizationName: string | null;
  status: TaskStatus | null;
  summary: string;
  version: number | null;
  isIllustrative: boolean;
};

export type ProgressTask = {
  id: string;
  numbering: string;
  title: string | null;
  body: string;
  depth: number;
  isLeaf: boolean;
  leads: string[];
  rows: ProgressRow[];
};

type IndicatorCells = [
  id: string,
  parentIndicatorId: string | null,
  position: number,
  isGroup: boolean,
  code: string,
  name: string,
  unit: string | null,
  direction: StatusInput["direction"],
  baselineValue: number | null,
  baselineYear: number | null,
  targets: [number, TargetRow["kind"], number | null, number | null, boolean, string | null, string][],
  actuals: [
    number,
    number | null,
    string,
    IndicatorStatus | null,
    IndicatorStatus,
    string | null,
    string | null,
    number,
    boolean,
  ][],
];
type TaskCells = [
  id: string,
  parentTaskId: string | null,
  position: number,
  numbering: string,
  title: string | null,
  body: string,
  assignments: [string, string, string][],
  progress: [string | null, TaskStatus, string | null, number, boolean, string | null][],
];

/**
 * A plan's indicators (with every target and actual) and tasks (with their answerable agencies and
 * the year's progress) in one statement, as JSON of positional arrays. Read through Prisma's nested
 * selects this took seven statements and about 20 ms of CPU per opening of the grid, the page the
 * load of 15/12 opens most (docs/performance.md); here about a quarter of that.
 */
const CONTENT = (planId: string, year: number) =>
  prepared(sql`
  WITH t AS (
    SELECT "indicatorId", json_agg(json_build_array(year, kind::text, lower::float8, upper::float8, "isPercent", qualitative, text)) AS list
    FROM indicator_targets WHERE "planId" = ${planId}::text GROUP BY "indicatorId"
  ), a AS (
    SELECT "indicatorId", json_agg(json_build_array(year, value::float8, text, "qualitativeStatus"::text, status::text, note, source, version, "isIllustrative")) AS list
    FROM indicator_actuals WHERE "planId" = ${planId}::text GROUP BY "indicatorId"
  ), leads AS (
    SELECT ta."taskId", json_agg(json_build_array(ta.role::text, o.id, o.name) ORDER BY ta.position) AS list
    FROM task_assignments ta JOIN organizations o ON o.id = ta."organizationId"
    WHERE ta."planId" = ${planId}::text AND ta.role IN ('LEAD', 'ADVISING', 'DIRECTING') GROUP BY ta."taskId"
  ), progress AS (
    SELECT p."taskId", json_agg(json_build_array(p."organizationId", p.status::text, p.summary, p.version, p."isIllustrative", o.name)) AS list
    FROM task_progress p LEFT JOIN organizations o ON o.id = p."organizationId"
    WHERE p."planId" = ${planId}::text AND p.year = ${year}::int GROUP BY p."taskId"
  )
  SELECT
    (SELECT coalesce(json_agg(json_build_array(i.id, i."parentIndicatorId", i.position, i."isGroup", i.code, i.name, i.unit,
        i.direction::text, i."baselineValue"::float8, i."baselineYear", coalesce(t.list, '[]'), coalesce(a.list, '[]'))), '[]')
     FROM indicators i LEFT JOIN t ON t."indicatorId" = i.id LEFT JOIN a ON a."indicatorId" = i.id
     WHERE i."planId" = ${planId}::text AND i.inheritance <> 'DROPPED')::text AS indicators,
    (SELECT coalesce(json_agg(json_build_array(k.id, k."parentTaskId", k.position, k.numbering, k.title, k.body,
        coalesce(leads.list, '[]'), coalesce(progress.list, '[]'))), '[]')
     FROM tasks k LEFT JOIN leads ON leads."taskId" = k.id LEFT JOIN progress ON progress."taskId" = k.id
     WHERE k."planId" = ${planId}::text AND k.inheritance <> 'DROPPED')::text AS tasks`);

/**
 * The content of a plan already known to be visible to the scope: its indicators (not dropped) with
 * every target and actual, its tasks (not dropped) with their answerable agencies and the year's
 * progress. Shared by the results grid and the report built from the plan's live data.
 */
export async function planContent(db: ScopedDb, planId: string, year: number) {
  const { text, values } = CONTENT(planId, year).toQuery();
  const [row] = await db.$queryRawUnsafe<{ indicators: string; tasks: string }[]>(text, ...values);
  const indicators = (JSON.parse(row!.indicators) as IndicatorCells[]).map(
    ([
      id,
      parentIndicatorId,
      position,
      isGroup,
      code,
      name,
      unit,
      direction,
      baselineValue,
      baselineYear,
      targets,
      actuals,
    ]) => ({
      id,
      parentIndicatorId,
      position,
      isGroup,
      code,
      name,
      unit,
      direction,
      baselineValue,
      baselineYear,
      targets: targets.map(([year, kind, lower, upper, isPercent, qualitative, text]) => ({
        year,
        kind,
        lower,
        upper,
        isPercent,
        qualitative,
        text,
      })),
      actuals: actuals.map(([year, value, text, qualitativeStatus, status, note, source, version, isIllustrative]) => ({
        year,
        value,
        text,
        qualitativeStatus,
        status,
        note,
        source,
        version,
        isIllustrative,
      })),
    }),
  );
  const tasks = (JSON.parse(row!.tasks) as TaskCells[]).map(
    ([id, parentTaskId, position, numbering, title, body, assignments, progress]) => ({
      id,
      parentTaskId,
      position,
      numbering,
      title,
      body,
      assignments: assignments.map(([role, organizationId, organizationName]) => ({
        role,
        organization: { id: organizationId, name: organizationName },
      })),
      progress: progress.map(([organizationId, status, summary, version, isIllustrative, organizationName]) => ({
        organizationId,
        status,
        summary,
        version,
        isIllustrative,
        organization: organizationName === null ? null : { name: organizationName },
      })),
    }),
  );
  return { indicators, tasks };
}

export async function getResultsPage(db: ScopedDb, scope: Scope, planId: string, year: number) {
  const found = await db.plan.findFirst({
    where: { AND: [{ id: planId }, visiblePlans(scope)] },
    select: {
      id: true,
      notation: true,
      numberSerial: true,
      typeCode: true,
      issuerCode: true,
      title: true,
      kind: true,
      isIllustrative: true,
      issuedOn: true,
      issuer: { select: { ...organizationRefSelect, name: true } },
    },
  });
  // The plan's content is read only once the plan is known to be visible to this scope.
  const plan = found ? { ...found, ...(await planContent(db, planId, year)) } : null;
  if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch");
  const owner = organizationRef(plan.issuer);

  const rows: GridRow[] = asTree(plan.indicators, (i) => i.parentIndicatorId).map(({ item, depth }) => {
    if (item.isGroup) return { kind: "group", id: item.id, code: item.code, name: item.name, depth };
    const full = statusInputFromRows({ ...item, direction: item.direction, actuals: item.actuals });
    const current = item.actuals.find((a) => a.year === year) ?? null;
    return {
      kind: "indicator",
      id: item.id,
      code: item.code,
      name: item.name,
      unit: item.unit,
      depth,
      direction: item.direction,
      target2025: item.targets.find((t) => t.year === 2025)?.text ?? "",
      target2030: item.targets.find((t) => t.year === 2030)?.text ?? "",
      chosen: statusIsChosen(full, year),
      statusInput: { ...full, actuals: full.actuals.filter((a) => a.year !== year) },
      actual: current
        ? {
            text: current.text,
            qualitativeStatus: current.qualitativeStatus,
            status: current.status,
            note: current.note ?? "",
            source: current.source ?? "",
            version: current.version,
            isIllustrative: current.isIllustrative,
          }
        : null,
    };
  });

  const parents = new Set(plan.tasks.map((t) => t.parentTaskId).filter(Boolean));
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  // A sub-task without agencies of its own is led by those of the task it belongs to.
  const leadsOf = (task: (typeof plan.tasks)[number], hops = 0): { id: string; name: string }[] => {
    const own = leadAgencies(task.assignments);
    const parent = task.parentTaskId ? byId.get(task.parentTaskId) : undefined;
    return own.length || !parent || hops > 10 ? own : leadsOf(parent, hops + 1);
  };
  const tasks: ProgressTask[] = asTree(plan.tasks, (t) => t.parentTaskId).map(({ item, depth }) => {
    const leads = leadsOf(item);
    const isLeaf = !parents.has(item.id);
    const row = (organizationId: string | null, organizationName: string | null): ProgressRow => {
      const found = item.progress.find((p) => p.organizationId === organizationId);
      return {
        taskId: item.id,
        organizationId,
        organizationName,
        status: found?.status ?? null,
        summary: found?.summary ?? "",
        version: found?.version ?? null,
        isIllustrative: found?.isIllustrative ?? false,
      };
    };
    const rows = !isLeaf ? [] : [row(null, null), ...(leads.length > 1 ? leads.map((l) => row(l.id, l.name)) : [])];
    return {
      id: item.id,
      numbering: item.numbering,
      title: item.title,
      body: item.body,
      depth,
      isLeaf,
      leads: leads.map((l) => l.name),
      rows,
    };
  });

  return {
    plan: {
      id: plan.id,
      number: planNumber(plan),
      title: plan.title,
      kind: plan.kind,
      isIllustrative: plan.isIllustrative,
      issuerName: plan.issuer.name,
      issuedOn: plan.issuedOn,
    },
    canEdit: may(scope, "results.edit", owner),
    rows,
    tasks,
  };
}

export type ResultsPage = Awaited<ReturnType<typeof getResultsPage>>;

/** The agencies answerable for a task: its lead agencies ("chủ trì"), else those advising or directing (Party style). */
export function leadAgencies(
  assignments: { role: string; organization: { id: string; name: string } }[],
): { id: string; name: string }[] {
  for (const role of ["LEAD", "ADVISING", "DIRECTING"]) {
    const list = assignments.filter((a) => a.role === role).map((a) => a.organization);
    if (list.length) return list;
  }
  return [];
}
