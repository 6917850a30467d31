import "server-only";
import { parseJson, rows, visible, nameKey, COUNTS } from "./query-common";
import type { Scope } from "@/server/db/scope";
import type { ScopedDb } from "@/server/db/scoped";
import { raw, sql, type Sql } from "@/server/db/sql";
import { belowOfColumns, belowPrepared } from "./rollup-below";
import { columnIndex, entryColumns, placeCells, type PlacedCells } from "./prepared-cells";
import { cellString } from "./rollup";
import { STATUSES, type StatusCounts } from "./status";
import { STATUS_LETTERS } from "./status-letters";

// The rollup's aggregate: for each locality's plan its counts by status, its matrix cells and
// figures, and the results of the plans below it. In the usual case (the localities' indicators
// derived from the rolled-up plan's) the cells are read from rows prepared on write (rollup_cells,
// ADR 0039/0040), one per locality, and placed in the columns here; matched by name (a parent
// without indicators), they are computed from the indicators and actuals.

export type AggregateInput = {
  kidIds: string[];
  colKeys: string[];
  byName: boolean;
  year: number;
  groupFiltered: boolean;
  withBelow: boolean;
};

export type PlanAggregate = PlacedCells & {
  /** Results of the plans below this one, with how many there are; null when it has none. */
  below: { plans: number; counts: StatusCounts } | null;
};

type BelowColumns = {
  belowPlans: number | null;
  belowMet: number | null;
  belowOnTrack: number | null;
  belowAtRisk: number | null;
  belowOffTrack: number | null;
  belowNoData: number | null;
};

/** The aggregate of each child plan that has cells or plans below it. */
export async function aggregate(
  db: ScopedDb,
  scope: Scope,
  input: AggregateInput,
): Promise<Map<string, PlanAggregate>> {
  return input.byName ? byNameAggregate(db, scope, input) : preparedAggregate(db, scope, input);
}

// ---------------------------------------------------------------------------------------------
// Derived: the prepared cells

type PreparedRow = BelowColumns & {
  plan: string;
  /** The parent indicator of each entry (json: parsed on the way). */
  keys: string[] | null;
  statuses: string | null;
  texts: (string | null)[] | null;
};

/**
 * One row per child: its prepared cells of the year, else its year-0 row (the same indicators
 * without figures), as stored; with the "below" counts when there are plans below.
 */
function preparedQuery(scope: Scope, input: AggregateInput): Sql {
  const cells = sql`
    SELECT k.plan, r.keys, r.statuses, r.texts
    FROM unnest(${input.kidIds}::text[]) AS k(plan)
    CROSS JOIN LATERAL (
      SELECT r.keys, r.statuses, r.texts FROM rollup_cells r
      WHERE r."planId" = k.plan AND r.year IN (${input.year}::int, 0) ORDER BY r.year DESC LIMIT 1
    ) r`;
  if (!input.withBelow) return cells;
  // A filtered group's "below" counts only the indicators derived from the child's in the shown columns.
  const shown = sql`
      SELECT i.id FROM indicators i
      WHERE i."planId" = ANY(${input.kidIds}::text[]) AND i."derivedFromId" = ANY(${input.colKeys}::text[])
        AND NOT i."isGroup" AND i.inheritance <> 'DROPPED'`;
  return sql`
    WITH cells AS (${cells}
    ), ${belowCtes(scope, input, shown)}
    SELECT k.plan, c.keys, c.statuses, c.texts, ${BELOW_COLUMNS}
    FROM unnest(${input.kidIds}::text[]) AS k(plan)
    LEFT JOIN cells c ON c.plan = k.plan
    LEFT JOIN below b ON b.plan = k.plan
    LEFT JOIN below_plans bp ON bp.plan = k.plan`;
}

async function preparedAggregate(
  db: ScopedDb,
  scope: Scope,
  input: AggregateInput,
): Promise<Map<string, PlanAggregate>> {
  const found = await rows<PreparedRow>(db, preparedQuery(scope, input));
  const columnOf = columnIndex(input.colKeys);
  const out = new Map<string, PlanAggregate>();
  for (const row of found) {
    const placed = placeCells(
      { statuses: row.statuses ?? "", texts: row.texts ?? [] },
      entryColumns(row.keys ?? [], columnOf),
      input.colKeys.length,
    );
    out.set(row.plan, { ...placed, below: belowOf(row) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// By name: from the indicators and actuals

type ByNameRow = BelowColumns &
  Record<(typeof STATUSES)[number], number> & {
    plan: string;
    /** "3X,7M,12N": the 1-based column numbers this plan has an indicator in, each with its status letter. */
    cells: string | null;
    /** JSON: 1-based column number → the year's figure as written, where there is one. */
    vals: string | null;
  };

/** The status letter (STATUS_LETTERS) of the cells' `status` column. */
const STATUS_LETTER = raw(
  `CASE status ${STATUSES.map((s) => `WHEN '${s}' THEN '${STATUS_LETTERS[s]}'`).join(" ")} END`,
);

/**
 * One row per child: its counts by status (the status stored with the actual of that year, "no
 * data" without one), its cells as "column number + letter" and its figures, from each of its
 * indicators whose name is a shown column (a plan may hold two indicators of the same name: the
 * first one counts), and the "below" counts. Children without indicators in the columns have no
 * cells; without plans below either, no row. `cells` is not MATERIALIZED: read once (no group
 * filter), PostgreSQL inlines it into the grouping; read twice (belowOfColumns), it is materialised.
 */
function byNameQuery(scope: Scope, input: AggregateInput): Sql {
  const col = nameKey("i");
  const perPlan = sql`
    WITH columns AS (
      SELECT col, n FROM unnest(${input.colKeys}::text[]) WITH ORDINALITY AS c(col, n)
    ), cells AS (
      SELECT DISTINCT ON (i."planId", ${col}) i."planId" AS plan, c.n, i.id AS ind, coalesce(a.status::text, 'NO_DATA') AS status, a.text
      FROM indicators i JOIN columns c ON c.col = ${col}
      LEFT JOIN indicator_actuals a ON a."indicatorId" = i.id AND a.year = ${input.year}::int
      WHERE i."planId" = ANY(${input.kidIds}::text[]) AND NOT i."isGroup" AND i.inheritance <> 'DROPPED'
      ORDER BY i."planId", ${col}, i.position
    ), per_plan AS (
      SELECT plan, ${COUNTS("status")}, string_agg(n::text || ${STATUS_LETTER}, ',') AS cells,
             json_object_agg(n, text) FILTER (WHERE text IS NOT NULL)::text AS vals
      FROM cells GROUP BY plan
    )`;
  if (!input.withBelow) return sql`${perPlan} SELECT p.*, NULL::int AS "belowPlans" FROM per_plan p`;
  return sql`${perPlan}, ${belowCtes(scope, input, sql`SELECT ind FROM cells`)}
    SELECT k.plan, ${raw(STATUSES.map((s) => `coalesce(p."${s}", 0) AS "${s}"`).join(", "))}, p.cells, p.vals, ${BELOW_COLUMNS}
    FROM unnest(${input.kidIds}::text[]) AS k(plan)
    LEFT JOIN per_plan p ON p.plan = k.plan
    LEFT JOIN below b ON b.plan = k.plan
    LEFT JOIN below_plans bp ON bp.plan = k.plan`;
}

async function byNameAggregate(db: ScopedDb, scope: Scope, input: AggregateInput): Promise<Map<string, PlanAggregate>> {
  const found = await rows<ByNameRow>(db, byNameQuery(scope, input));
  const out = new Map<string, PlanAggregate>();
  for (const row of found) {
    const values: Record<number, string> = {};
    for (const [n, text] of Object.entries(parseJson<Record<string, string>>(row.vals) ?? {}))
      values[Number(n) - 1] = text;
    out.set(row.plan, {
      counts: {
        MET: row.MET,
        ON_TRACK: row.ON_TRACK,
        AT_RISK: row.AT_RISK,
        OFF_TRACK: row.OFF_TRACK,
        NO_DATA: row.NO_DATA,
      },
      cells: cellString(row.cells, input.colKeys.length),
      values,
      below: belowOf(row),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Below: the results of the plans below each child

/**
 * `below` (counts of the year's results of each child's plans below it: from the prepared figures,
 * or, with one group selected, of the indicators derived from `shownIndicators`) and `below_plans`
 * (how many plans are below each child).
 */
function belowCtes(scope: Scope, input: AggregateInput, shownIndicators: Sql): Sql {
  return sql`below AS (${input.groupFiltered ? belowOfColumns(scope, input, shownIndicators) : belowPrepared(scope, input)}
    ), below_plans AS (
      SELECT c."parentId" AS plan, count(*)::int AS n FROM plans c
      WHERE c."parentId" = ANY(${input.kidIds}::text[]) AND ${visible(scope, "c")}
      GROUP BY c."parentId"
    )`;
}

const BELOW_COLUMNS =
  raw(`bp.n AS "belowPlans", b."MET" AS "belowMet", b."ON_TRACK" AS "belowOnTrack", b."AT_RISK" AS "belowAtRisk",
           b."OFF_TRACK" AS "belowOffTrack", b."NO_DATA" AS "belowNoData"`);

function belowOf(row: BelowColumns): PlanAggregate["below"] {
  if (!row.belowPlans) return null;
  return {
    plans: row.belowPlans,
    counts: {
      MET: row.belowMet ?? 0,
      ON_TRACK: row.belowOnTrack ?? 0,
      AT_RISK: row.belowAtRisk ?? 0,
      OFF_TRACK: row.belowOffTrack ?? 0,
      NO_DATA: row.belowNoData ?? 0,
    },
  };
}
