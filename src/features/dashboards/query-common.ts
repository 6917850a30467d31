import "server-only";
import { planNumber } from "@/domain/document-number";
import type { ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { empty, raw, sql, type Sql } from "@/server/db/sql";

// What the dashboards' statements share: running them, the visibility filter (the SQL twin of
// visiblePlans()), indicator groups and document numbers.

export type Level = "CENTRAL" | "PROVINCE" | "DISTRICT" | "COMMUNE";
export type PlanStatus = "DRAFT" | "ISSUED" | "SUPERSEDED";

/**
 * JSON built by PostgreSQL travels as text and is parsed here: V8's JSON.parse is much faster than
 * letting the driver layer convert a large json value field by field.
 */
export function parseJson<T>(value: string | null): T | null {
  return value === null ? null : (JSON.parse(value) as T);
}

export async function rows<T>(db: ScopedDb, query: Sql): Promise<T[]> {
  const { text, values } = query.toQuery();
  return db.$queryRawUnsafe<T[]>(text, ...values);
}

/** The plans a scope may read (the SQL twin of visiblePlans()); `plan` is the alias of a plans row. */
export function visible(scope: Scope, plan: string): Sql {
  if (scope.allProvinces) return raw("TRUE");
  const p = raw(plan);
  const units = scope.visibleUnitIds;
  return sql`(${p}."provinceCode" IS NULL OR ${p}."publishedAt" IS NOT NULL OR (${p}."provinceCode" = ${scope.provinceCode}::text${
    units === null
      ? empty
      : sql` AND EXISTS (SELECT 1 FROM organizations vo WHERE vo.id = ${p}."issuerId" AND vo."adminUnitId" = ANY(${units}::text[]))`
  }))`;
}

/** The key that matches indicators across plans that do not inherit from a common one: the name, lower case, single spaces. */
export function nameKey(alias: string): Sql {
  return raw(`lower(regexp_replace(btrim(${alias}.name), '\\s+', ' ', 'g'))`);
}

/**
 * Top-level group of an indicator (through up to three parent rows) and its document-order path. The
 * parent rows are looked up in `source`, a CTE holding every row of the plans concerned (group rows
 * included): joining the indicators table itself three more times would make the planner scan it.
 */
export function groupJoins(source: string): Sql {
  return raw(`LEFT JOIN ${source} g1 ON g1.id = i."parentIndicatorId"
  LEFT JOIN ${source} g2 ON g2.id = g1."parentIndicatorId"
  LEFT JOIN ${source} g3 ON g3.id = g2."parentIndicatorId"`);
}
export const INDICATOR_ROWS = raw(
  `i.id, i."planId", i."parentIndicatorId", i."isGroup", i.position, i.code, i.name, i.unit, i.direction, i.inheritance, i."derivedFromId"`,
);
export const GROUP_NAME = raw(`CASE WHEN g1.id IS NULL THEN NULL
    WHEN g1."parentIndicatorId" IS NULL THEN CASE WHEN g1."isGroup" THEN g1.name END
    WHEN g2."parentIndicatorId" IS NULL THEN CASE WHEN g2."isGroup" THEN g2.name END
    ELSE CASE WHEN g3."isGroup" THEN g3.name END END`);
export const PATH = raw(`array_remove(ARRAY[g3.position, g2.position, g1.position, i.position], NULL)`);
export const LEVEL_RANK = (expression: string) =>
  raw(`array_position(ARRAY['CENTRAL','PROVINCE','DISTRICT','COMMUNE'], ${expression})`);

export type NumberParts = {
  notation: "PARTY" | "STATE";
  numberSerial: string | null;
  typeCode: string;
  issuerCode: string;
};

/** As the other screens write it: "chưa có số" for an unnumbered draft. */
export function numberOf(p: NumberParts): string {
  return planNumber(p);
}

/** Counts by status of the rows of `status` (an expression), as the columns MET … NO_DATA. */
export const COUNTS = (status: string) =>
  raw(`count(*) FILTER (WHERE ${status} = 'MET')::int AS "MET", count(*) FILTER (WHERE ${status} = 'ON_TRACK')::int AS "ON_TRACK",
       count(*) FILTER (WHERE ${status} = 'AT_RISK')::int AS "AT_RISK", count(*) FILTER (WHERE ${status} = 'OFF_TRACK')::int AS "OFF_TRACK",
       count(*) FILTER (WHERE ${status} = 'NO_DATA')::int AS "NO_DATA"`);
