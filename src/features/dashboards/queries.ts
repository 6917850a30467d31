import "server-only";
import { getRollup, type Rollup, type RollupOptions } from "./rollup-queries";
import { alignmentOf, getIssuance, getReports, ownTargets, targetPairs } from "./section-queries";
import type { ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import type { RollupFilters } from "./rollup";

// The dashboards' reads. Every rollup is computed by PostgreSQL: one statement gathers the context
// (the plans it can be about, the plan rolled up, its children, the indicator columns, the latest year
// with figures), one aggregates the statuses stored with the actuals (indicator_actuals.status) into
// the matrix cells and the counts per locality; the results of the plans below the localities (the
// communes under each province, in the national rollup) are summed from prepared figures that triggers
// keep in the same transaction as the actuals (rollup_figures, ADR 0031). Nothing is cached outside
// the database: a result entered now shows on the next load. All of it runs inside
// withScope (row-level security as app_user), and every statement also filters explicitly to the plans
// the scope may read, as visiblePlans() does for Prisma queries.
//
// The statements are grouped by family: rollup-queries.ts (the province or national rollup),
// section-queries.ts (target alignment, plan issuance, this year's reports), plan-dashboard-queries.ts
// (one plan's dashboard); query-common.ts holds what they share. This module is their one entry.

export * from "./rollup-queries";
export * from "./section-queries";
export * from "./plan-dashboard-queries";

/**
 * Everything the /dashboard page shows, in one scoped transaction. The children's targets weaker than
 * the parent's (`alignment`) cost as much as the rest together for a large province (every child's
 * targets are compared): the page leaves them to /dashboard/targets (`alignment: false`). The pairs of
 * differing targets are still read: the matrix's cells show a locality's own target.
 */
export async function getDashboard(
  db: ScopedDb,
  scope: Scope,
  filters: RollupFilters,
  options: RollupOptions & {
    alignment?: boolean;
    /**
     * The children whose rows the page shows: the localities' own targets are read for them only
     * (the whole province's cost 200 ms a view for the largest one, docs/performance.md). Ignored
     * when the alignment, which compares every child, is asked for.
     */
    shownPlans?: (rollup: Rollup) => readonly string[];
  } = {},
) {
  const rollup = await getRollup(db, scope, filters, options);
  const issuance = await getIssuance(db, rollup);
  const shown = options.alignment === false && options.shownPlans ? options.shownPlans(rollup) : undefined;
  const pairs = await targetPairs(db, rollup, shown);
  const reports = await getReports(db, rollup);
  const alignment = options.alignment === false ? undefined : alignmentOf(rollup, pairs);
  return { rollup, issuance, alignment, ownTargets: ownTargets(pairs), reports };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
