// The floors of the rollup measurements: the aggregate each rollup computes, written as plain SQL and
// run as the privileged user on the same database: no Prisma, no transaction, no row-level security,
// no visibility filters, no context query (the child plans are given), no assembly in TypeScript.
// Same result and the same efficient shape as the application's aggregate: per child plan, its counts
// by status, its cells (column → status, and the year's figures as written) and, for the national rollup, the counts of the results of
// the plans below it.

const COUNTS = (
  status: string,
) => `count(*) FILTER (WHERE ${status} = 'MET')::int AS "MET", count(*) FILTER (WHERE ${status} = 'ON_TRACK')::int AS "ON_TRACK",
  count(*) FILTER (WHERE ${status} = 'AT_RISK')::int AS "AT_RISK", count(*) FILTER (WHERE ${status} = 'OFF_TRACK')::int AS "OFF_TRACK",
  count(*) FILTER (WHERE ${status} = 'NO_DATA')::int AS "NO_DATA"`;

export type BareQuery = { text: string; values: unknown[] };

/** A province's localities: cells keyed by the province's indicator each one inherits. */
export function provinceRollupSql(kidIds: string[], year: number): BareQuery {
  return {
    text: `
      WITH actuals AS MATERIALIZED (
        SELECT "indicatorId", status::text AS status, text FROM indicator_actuals WHERE "planId" = ANY($1::text[]) AND year = $2
      ), cells AS (
        SELECT i."planId" AS plan, i."derivedFromId" AS col, coalesce(a.status, 'NO_DATA') AS status, a.text
        FROM indicators i LEFT JOIN actuals a ON a."indicatorId" = i.id
        WHERE i."planId" = ANY($1::text[]) AND NOT i."isGroup" AND i."derivedFromId" IS NOT NULL
      )
      SELECT plan, ${COUNTS("status")}, json_object_agg(col, status) AS cells,
             json_object_agg(col, text) FILTER (WHERE text IS NOT NULL) AS vals, NULL::json AS below
      FROM cells GROUP BY plan`,
    values: [kidIds, year],
  };
}

/** The provinces: cells keyed by indicator name, and the results of each province's communes. */
export function nationalRollupSql(kidIds: string[], year: number): BareQuery {
  return {
    text: `
      WITH actuals AS MATERIALIZED (
        SELECT "indicatorId", status::text AS status, text FROM indicator_actuals WHERE "planId" = ANY($1::text[]) AND year = $2
      ), cells AS (
        SELECT DISTINCT ON (i."planId", lower(i.name)) i."planId" AS plan, lower(i.name) AS col, coalesce(a.status, 'NO_DATA') AS status, a.text
        FROM indicators i LEFT JOIN actuals a ON a."indicatorId" = i.id
        WHERE i."planId" = ANY($1::text[]) AND NOT i."isGroup"
        ORDER BY i."planId", lower(i.name), i.position
      ), per_plan AS (
        SELECT plan, ${COUNTS("status")}, json_object_agg(col, status) AS cells,
               json_object_agg(col, text) FILTER (WHERE text IS NOT NULL) AS vals FROM cells GROUP BY plan
      ), below AS (
        SELECT c."parentId" AS plan, count(DISTINCT c.id)::int AS plans, json_build_object(
                 'MET', count(*) FILTER (WHERE a.status = 'MET'), 'ON_TRACK', count(*) FILTER (WHERE a.status = 'ON_TRACK'), 'AT_RISK', count(*) FILTER (WHERE a.status = 'AT_RISK'),
                 'OFF_TRACK', count(*) FILTER (WHERE a.status = 'OFF_TRACK'), 'NO_DATA', count(*) FILTER (WHERE a.status = 'NO_DATA')) AS counts
        FROM plans c JOIN indicator_actuals a ON a."planId" = c.id AND a.year = $2
        WHERE c."parentId" = ANY($1::text[])
        GROUP BY c."parentId"
      )
      SELECT k.plan, p."MET", p."ON_TRACK", p."AT_RISK", p."OFF_TRACK", p."NO_DATA", p.cells, p.vals, b.counts AS below
      FROM unnest($1::text[]) AS k(plan) LEFT JOIN per_plan p ON p.plan = k.plan LEFT JOIN below b ON b.plan = k.plan`,
    values: [kidIds, year],
  };
}

/**
 * What the rollup has to look up before it can aggregate, as plain SQL: the child plans with their
 * issuers, the columns (the parent's indicators with their group and targets; for the national rollup the
 * children's indicator names) and the latest year with figures. Measured with the aggregate as a
 * second floor: bare SQL for the whole result, not only its aggregate.
 */
export function lookupSql(anchorId: string, currentYear: number, byName: boolean): BareQuery {
  const columns = byName
    ? `SELECT json_agg(DISTINCT lower(i.name)) FROM indicators i JOIN kids k ON k.id = i."planId" WHERE NOT i."isGroup"`
    : `SELECT json_agg(json_build_object('id', i.id, 'code', i.code, 'name', i.name, 'group', g.name,
         'targets', (SELECT string_agg(t.year || ': ' || t.text, '; ' ORDER BY t.year) FROM indicator_targets t WHERE t."indicatorId" = i.id AND t.kind <> 'NONE')) ORDER BY g.position, i.position)
       FROM indicators i LEFT JOIN indicators g ON g.id = i."parentIndicatorId" WHERE i."planId" = $1 AND NOT i."isGroup"`;
  return {
    text: `
      WITH kids AS (
        SELECT c.id, c.status, c."issuedOn", o.name, o."validTo", u.name AS unit FROM plans c
        JOIN organizations o ON o.id = c."issuerId" JOIN admin_units u ON u.id = o."adminUnitId"
        WHERE c."parentId" = $1 AND u.level <> 'CENTRAL'
      )
      SELECT (SELECT json_agg(k) FROM kids k) AS kids, (${columns}) AS columns,
             (SELECT max(m.year) FROM kids k, LATERAL (SELECT max(a.year) AS year FROM indicator_actuals a WHERE a."planId" = k.id AND a.year <= $2) m) AS latest`,
    values: [anchorId, currentYear],
  };
}
