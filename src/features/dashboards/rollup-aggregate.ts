import "server-only";
import { parseJson, visible, nameKey, COUNTS } from "./query-common";
import type { Scope } from "@/server/db/scope";
import { raw, sql, type Sql } from "@/server/db/sql";
import { belowOfColumns, belowPrepared } from "./rollup-below";
import { STATUSES, type StatusCounts } from "./status";
import { STATUS_LETTERS } from "./status-letters";

// The rollup's aggregate: one row per locality's plan with its counts by status, its matrix cells
// and figures, and the results of the plans below it. In the usual case (the localities' indicators
// derived from the rolled-up plan's) the cells are read from rows prepared on write (rollup_cells,
// ADR 0039): one row per locality instead of its indicators and actuals.

type CountColumns = { MET: number; ON_TRACK: number; AT_RISK: number; OFF_TRACK: number; NO_DATA: number };
export type AggregateRow = CountColumns & {
  plan: string;
  /** "3X,7M,12N": the 1-based column numbers this plan has an indicator in, each with its status letter. */
  cells: string | null;
  /** JSON: 1-based column number → the year's figure as written, where there is one. */
  vals: string | null;
  belowPlans: number | null;
  belowMet: number | null;
  belowOnTrack: number | null;
  belowAtRisk: number | null;
  belowOffTrack: number | null;
  belowNoData: number | null;
};

/** The status letter (STATUS_LETTERS) of the aggregate's `status` column. */
const STATUS_LETTER = raw(
  `CASE status ${STATUSES.map((s) => `WHEN '${s}' THEN '${STATUS_LETTERS[s]}'`).join(" ")} END`,
);

export type AggregateInput = {
  kidIds: string[];
  colKeys: string[];
  byName: boolean;
  year: number;
  groupFiltered: boolean;
  withBelow: boolean;
};

/**
 * Each child's indicators in the shown columns: (plan, column number, indicator, status, text).
 * Derived: from the prepared cells of the year, or the year-0 row (the same indicators without
 * figures) when the plan has no actual that year. By name: from the indicators and actuals, since a
 * match by name is a relation the prepared rows do not hold (a plan may hold two indicators of the
 * same name: the first one counts).
 */
function cellsQuery(input: AggregateInput): Sql {
  if (!input.byName)
    return sql`
      SELECT k.plan, c.n, e->>1 AS ind, e->>2 AS status, e->>3 AS text
      FROM unnest(${input.kidIds}::text[]) AS k(plan)
      CROSS JOIN LATERAL (
        SELECT r.entries FROM rollup_cells r WHERE r."planId" = k.plan AND r.year IN (${input.year}::int, 0) ORDER BY r.year DESC LIMIT 1
      ) r
      CROSS JOIN LATERAL jsonb_array_elements(r.entries) AS e
      JOIN columns c ON c.col = e->>0`;
  const col = nameKey("i");
  return sql`
      SELECT DISTINCT ON (i."planId", ${col}) i."planId" AS plan, c.n, i.id AS ind, coalesce(a.status::text, 'NO_DATA') AS status, a.text
      FROM indicators i JOIN columns c ON c.col = ${col}
      LEFT JOIN indicator_actuals a ON a."indicatorId" = i.id AND a.year = ${input.year}::int
      WHERE i."planId" = ANY(${input.kidIds}::text[]) AND NOT i."isGroup" AND i.inheritance <> 'DROPPED'
      ORDER BY i."planId", ${col}, i.position`;
}

/**
 * The aggregate, one row per child plan: its counts by status (the status stored with the actual of
 * that year, "no data" without one), its matrix cells as a column → status object, and the counts of
 * the results of the plans below it with how many there are (`withBelow`: only when there are some;
 * read from the prepared figures, rollup-below.ts).
 * `groupFiltered` narrows the plans below to indicators of the selected columns. Each of a child's
 * indicators in the columns counts once (two derived from the same parent indicator both count; the
 * cell shows one of them). Children without indicators in the columns have no row.
 */
export function aggregateQuery(scope: Scope, input: AggregateInput): Sql {
  // `cells` is not MATERIALIZED: read once (no group filter), PostgreSQL inlines it into the grouping,
  // which the bench measured about 15 % faster for the largest province; read twice (belowOfColumns),
  // it is materialised anyway.
  return sql`
    WITH columns AS (
      SELECT col, n FROM unnest(${input.colKeys}::text[]) WITH ORDINALITY AS c(col, n)
    ), cells AS (${cellsQuery(input)}
    ), per_plan AS (
      SELECT plan, ${COUNTS("status")}, string_agg(n::text || ${STATUS_LETTER}, ',') AS cells,
             json_object_agg(n, text) FILTER (WHERE text IS NOT NULL)::text AS vals
      FROM cells GROUP BY plan
    )${
      input.withBelow
        ? sql`, below AS (${input.groupFiltered ? belowOfColumns(scope, input) : belowPrepared(scope, input)}), below_plans AS (
      SELECT c."parentId" AS plan, count(*)::int AS n FROM plans c
      WHERE c."parentId" = ANY(${input.kidIds}::text[]) AND ${visible(scope, "c")}
      GROUP BY c."parentId"
    )
    SELECT k.plan, coalesce(p."MET", 0) AS "MET", coalesce(p."ON_TRACK", 0) AS "ON_TRACK", coalesce(p."AT_RISK", 0) AS "AT_RISK",
           coalesce(p."OFF_TRACK", 0) AS "OFF_TRACK", coalesce(p."NO_DATA", 0) AS "NO_DATA", p.cells, p.vals, bp.n AS "belowPlans",
           b."MET" AS "belowMet", b."ON_TRACK" AS "belowOnTrack", b."AT_RISK" AS "belowAtRisk", b."OFF_TRACK" AS "belowOffTrack", b."NO_DATA" AS "belowNoData"
    FROM unnest(${input.kidIds}::text[]) AS k(plan)
    LEFT JOIN per_plan p ON p.plan = k.plan
    LEFT JOIN below b ON b.plan = k.plan
    LEFT JOIN below_plans bp ON bp.plan = k.plan`
        : sql`
    SELECT p.*, NULL::int AS "belowPlans" FROM per_plan p`
    }`;
}

/** The aggregate's figures (1-based column → text) by 0-based column index. */
export function cellValues(json: string | null): Record<number, string> {
  const out: Record<number, string> = {};
  for (const [n, text] of Object.entries(parseJson<Record<string, string>>(json) ?? {})) out[Number(n) - 1] = text;
  return out;
}

export function countsOf(row: CountColumns): StatusCounts {
  return { MET: row.MET, ON_TRACK: row.ON_TRACK, AT_RISK: row.AT_RISK, OFF_TRACK: row.OFF_TRACK, NO_DATA: row.NO_DATA };
}
