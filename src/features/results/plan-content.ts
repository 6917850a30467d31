import "server-only";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { prepared, sql } from "@/server/db/sql";
import type { ScopedDb } from "@/server/db/scoped";
import type { TaskStatus } from "@/ui/statuses";
import type { StatusInput, TargetRow } from "./status";

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
  baselineText: string | null,
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
        i.direction::text, i."baselineValue"::float8, i."baselineYear", i."baselineText", coalesce(t.list, '[]'), coalesce(a.list, '[]'))), '[]')
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
      baselineText,
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
      baselineText,
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
