import "server-only";
import { COUNTS, visible } from "./query-common";
import type { Scope } from "@/server/db/scope";
import { sql, type Sql } from "@/server/db/sql";

// The "below" part of the national rollup: for each child plan (a province's programme), the results
// of the plans below it (its communes' plans) for the year, counted by status.

type BelowInput = { kidIds: string[]; year: number };

/**
 * The results of the plans below each child, from the prepared figures (rollup_figures, ADR 0031):
 * a few rows per plan below (one per indicator group) instead of every one of their actuals. The
 * triggers that keep the figures write them in the transaction of the actuals, so they are as current
 * as the actuals themselves.
 */
export function belowPrepared(scope: Scope, input: BelowInput): Sql {
  return sql`
      SELECT c."parentId" AS plan, sum(f.met)::int AS "MET", sum(f."onTrack")::int AS "ON_TRACK", sum(f."atRisk")::int AS "AT_RISK",
             sum(f."offTrack")::int AS "OFF_TRACK", sum(f."noData")::int AS "NO_DATA"
      FROM plans c
      JOIN rollup_figures f ON f."planId" = c.id AND f.year = ${input.year}::int
      WHERE c."parentId" = ANY(${input.kidIds}::text[]) AND ${visible(scope, "c")}
      GROUP BY c."parentId"`;
}

/**
 * With one indicator group selected, only the results of indicators derived from the child's
 * indicators in the shown columns count: a relation between indicators of two plans, which the
 * figures (grouped by each plan's own groups) do not hold, so these are counted from the actuals.
 * `shownIndicators` selects the ids of the children's indicators in the shown columns.
 */
export function belowOfColumns(scope: Scope, input: BelowInput, shownIndicators: Sql): Sql {
  return sql`
      SELECT c."parentId" AS plan, ${COUNTS("a.status")}
      FROM plans c
      JOIN indicator_actuals a ON a."planId" = c.id AND a.year = ${input.year}::int
      WHERE c."parentId" = ANY(${input.kidIds}::text[]) AND ${visible(scope, "c")}
        AND a."indicatorId" IN (SELECT d.id FROM indicators d WHERE d."derivedFromId" IN (${shownIndicators}))
      GROUP BY c."parentId"`;
}
