import pg from "pg";
import type { IndicatorStatus } from "../../src/domain/indicator-status";
import type { Direction, TargetKind } from "../../src/domain/target-notation";
import { statusesByYear } from "../../src/features/results/status";

// The synthetic actuals get their status from an SQL transcription of the domain rule. This checks a
// sample against the domain code itself (statusesByYear), so the counts the bench aggregates are
// the ones the application would have stored.

type Row = {
  id: string;
  direction: Direction;
  baselineValue: number | null;
  baselineYear: number | null;
  targets: {
    year: number;
    kind: TargetKind;
    lower: number | null;
    upper: number | null;
    isPercent: boolean;
    qualitative: string | null;
    text: string;
  }[];
  actuals: { year: number; value: number | null; qualitativeStatus: IndicatorStatus | null; status: IndicatorStatus }[];
};

export async function verifyStatuses(adminUrl: string, sample = 400): Promise<{ checked: number; agree: number }> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Row>(
      `SELECT i.id, i.direction::text AS direction, i."baselineValue"::float8 AS "baselineValue", i."baselineYear",
              (SELECT json_agg(json_build_object('year', t.year, 'kind', t.kind, 'lower', t.lower::float8, 'upper', t.upper::float8, 'isPercent', t."isPercent", 'qualitative', t.qualitative, 'text', t.text)) FROM indicator_targets t WHERE t."indicatorId" = i.id) AS targets,
              (SELECT json_agg(json_build_object('year', a.year, 'value', a.value::float8, 'qualitativeStatus', a."qualitativeStatus", 'status', a.status)) FROM indicator_actuals a WHERE a."indicatorId" = i.id) AS actuals
       FROM indicators i TABLESAMPLE SYSTEM (1)
       WHERE NOT i."isGroup" AND EXISTS (SELECT 1 FROM indicator_actuals a WHERE a."indicatorId" = i.id AND a.source LIKE '%npm run bench%')
       LIMIT $1`,
      [sample],
    );
    let checked = 0;
    let agree = 0;
    for (const row of rows) {
      const statuses = statusesByYear({
        direction: row.direction,
        baseline:
          row.baselineValue !== null && row.baselineYear !== null
            ? { year: row.baselineYear, value: row.baselineValue }
            : null,
        targets: (row.targets ?? []).map((t) => ({
          year: t.year,
          target: {
            kind: t.kind,
            lower: t.lower,
            upper: t.upper,
            isPercent: t.isPercent,
            unit: null,
            qualitative: t.qualitative,
            text: t.text,
          },
        })),
        actuals: (row.actuals ?? []).map((a) => ({
          year: a.year,
          value: a.value,
          qualitativeStatus: a.qualitativeStatus,
        })),
      });
      for (const actual of row.actuals ?? []) {
        checked += 1;
        if (statuses.get(actual.year) === actual.status) agree += 1;
      }
    }
    return { checked, agree };
  } finally {
    await client.end();
  }
}

/**
 * The generator writes the visibility stamp itself (triggers are off while it loads): every
 * plan-owned row must carry what stamp_plan_visibility() would have written, or the rollups would be
 * measured over rows the policies treat differently. Returns the tables with stale stamps.
 */
export async function verifyStamps(adminUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'visibleTo' ORDER BY table_name`,
    );
    const stale: string[] = [];
    for (const { table_name: table } of tables) {
      const { rows } = await client.query<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM "${table}" t JOIN plans p ON p.id = t."planId" WHERE t."visibleTo" IS DISTINCT FROM plan_visible_to(p."provinceCode", p."publishedAt")) AS found`,
      );
      if (rows[0]?.found) stale.push(table);
    }
    return stale;
  } finally {
    await client.end();
  }
}

/**
 * The rollups' prepared figures (rollup_figures, ADR 0031) against the aggregate of the actuals they
 * come from, over the whole data set: the generator loads with triggers off and then rebuilds them, and
 * a data set from an earlier run got them from the migration's backfill. Returns the rows that differ
 * (either way).
 */
export async function verifyRollupFigures(adminUrl: string): Promise<{ figures: number; differing: number }> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const bare = `
      SELECT a."planId", rollup_figures_group(g1.id, g1."parentIndicatorId", g1."isGroup", g2.id, g2."parentIndicatorId", g2."isGroup", g3.id, g3."isGroup") AS "groupId",
             a.year, count(*) FILTER (WHERE a.status = 'MET')::int AS met, count(*) FILTER (WHERE a.status = 'ON_TRACK')::int AS "onTrack",
             count(*) FILTER (WHERE a.status = 'AT_RISK')::int AS "atRisk", count(*) FILTER (WHERE a.status = 'OFF_TRACK')::int AS "offTrack",
             count(*) FILTER (WHERE a.status = 'NO_DATA')::int AS "noData"
      FROM indicator_actuals a JOIN indicators i ON i.id = a."indicatorId"
      LEFT JOIN indicators g1 ON g1.id = i."parentIndicatorId" LEFT JOIN indicators g2 ON g2.id = g1."parentIndicatorId"
      LEFT JOIN indicators g3 ON g3.id = g2."parentIndicatorId"
      GROUP BY 1, 2, 3`;
    const prepared = `SELECT "planId", "groupId", year, met, "onTrack", "atRisk", "offTrack", "noData" FROM rollup_figures`;
    const { rows } = await client.query<{ figures: number; differing: number }>(
      `SELECT (SELECT count(*)::int FROM rollup_figures) AS figures,
              (SELECT count(*)::int FROM ((${bare} EXCEPT ${prepared}) UNION ALL (${prepared} EXCEPT ${bare})) d) AS differing`,
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}
