import "server-only";
import type { ScopedDb } from "@/server/db/scoped";
import { sql } from "@/server/db/sql";
import { statusesByYear, statusInputFromRows } from "./status";

/**
 * Recomputes the stored status of every year's actual of these indicators (the status of one year
 * depends on the other years' actuals, the targets and the baseline). Call it in the transaction
 * that changed any of them. The status is derived, so its update does not bump the row's version:
 * someone editing another year is not told that their row changed.
 */
export async function recomputeStatuses(
  db: ScopedDb,
  indicatorIds: string[],
): Promise<Map<string, Map<number, string>>> {
  const result = new Map<string, Map<number, string>>();
  if (indicatorIds.length === 0) return result;
  const indicators = await db.indicator.findMany({
    where: { id: { in: [...new Set(indicatorIds)] } },
    select: {
      id: true,
      direction: true,
      baselineValue: true,
      baselineYear: true,
      targets: {
        select: { year: true, kind: true, lower: true, upper: true, isPercent: true, qualitative: true, text: true },
      },
      actuals: { select: { id: true, year: true, value: true, qualitativeStatus: true, status: true } },
    },
  });
  const changedIds: string[] = [];
  const changedStatuses: string[] = [];
  for (const indicator of indicators) {
    const statuses = statusesByYear(statusInputFromRows(indicator));
    result.set(indicator.id, statuses);
    for (const actual of indicator.actuals) {
      const status = statuses.get(actual.year) ?? "NO_DATA";
      if (status === actual.status) continue;
      changedIds.push(actual.id);
      changedStatuses.push(status);
    }
  }
  // One statement for all of them: the rollup figures' triggers (ADR 0031) run once per statement,
  // and one update per actual made them recompute the plan's figures once per cell saved.
  if (changedIds.length) {
    const { text, values } = sql`UPDATE indicator_actuals a SET status = v.status::"IndicatorStatus"
      FROM unnest(${changedIds}::text[], ${changedStatuses}::text[]) AS v(id, status) WHERE a.id = v.id`.toQuery();
    await db.$executeRawUnsafe(text, ...values);
  }
  return result;
}
