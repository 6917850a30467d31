import pg from "pg";
import { hashPassword } from "../../src/server/auth/password";
import { statusInputFromRows, statusIsChosen, type IndicatorRows } from "../../src/features/results/status";

// The load's virtual users, created by the load script in the database it measures (a copy of the
// bench's, never the demo data): each official is the approver ("lãnh đạo") of one commune body
// whose plan has no report for the year yet, or a draft one, so that they enter results, write
// the report and send it; each provincial viewer ("xem") belongs to a province's Party committee
// and reads its rollup and its communes' dashboards. Officials fill the largest provinces first.

export const LOAD_PASSWORD = "Load@2026";
export const OFFICIAL_PREFIX = "load.official.";
export const VIEWER_PREFIX = "load.viewer.";

export type Official = {
  username: string;
  userId: string;
  planId: string;
  provinceCode: string;
  /** Indicators whose status is computed from the number typed (not chosen by the user), with the year's actual's version. */
  indicators: { id: string; version: number | null }[];
  /** Tasks without sub-tasks, with the version of the year's overall progress. */
  tasks: { id: string; version: number | null }[];
};

export type Viewer = { username: string; userId: string; provinceCode: string; communePlanIds: string[] };

export type LoadAccounts = { officials: Official[]; viewers: Viewer[] };

type PlanRow = { planId: string; organizationId: string; provinceOrganizationId: string; provinceCode: string };

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export async function createLoadAccounts(
  adminUrl: string,
  options: { officials: number; viewers: number; year: number },
): Promise<LoadAccounts> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows: plans } = await client.query<PlanRow>(
      `WITH province AS (
         SELECT p.id, p."issuerId", p."provinceCode", (SELECT count(*) FROM plans c WHERE c."parentId" = p.id) AS children
         FROM plans p JOIN organizations o ON o.id = p."issuerId" JOIN admin_units u ON u.id = o."adminUnitId"
         WHERE u.level = 'PROVINCE' AND u.era = 'FROM_2025' AND p.status = 'ISSUED' AND p.purpose LIKE '%npm run bench%'
       )
       SELECT c.id AS "planId", c."issuerId" AS "organizationId", province."issuerId" AS "provinceOrganizationId",
              province."provinceCode"
       FROM plans c JOIN province ON c."parentId" = province.id
       WHERE c.status = 'ISSUED'
         AND NOT EXISTS (SELECT 1 FROM reports r WHERE r."planId" = c.id AND r.year = $1 AND r.status <> 'DRAFT')
       ORDER BY province.children DESC, province."provinceCode", c.id
       LIMIT $2`,
      [options.year, options.officials],
    );
    if (plans.length < options.officials)
      throw new Error(
        `Chỉ còn ${plans.length} kế hoạch cấp xã chưa gửi báo cáo năm ${options.year} cho ${options.officials} cán bộ (chạy lại bộ dữ liệu đo với --fresh).`,
      );
    const provinces = [...new Map(plans.map((p) => [p.provinceCode, p.provinceOrganizationId])).entries()];

    // One hash for every load account: they share a password, and hashing hundreds of them would
    // only slow the set-up (scrypt, about 60 ms each).
    const passwordHash = await hashPassword(LOAD_PASSWORD);
    await client.query("BEGIN");
    const upsertUser = async (username: string, displayName: string) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO users (id, username, "displayName", "passwordHash", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, now())
         ON CONFLICT (username) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash", "isActive" = true, "updatedAt" = now()
         RETURNING id`,
        [username, displayName, passwordHash],
      );
      const id = rows[0]!.id;
      // An account left by an earlier run against the same database acts for this run's body only.
      await client.query(`DELETE FROM memberships WHERE "userId" = $1`, [id]);
      return id;
    };
    const member = (userId: string, organizationId: string, role: string) =>
      client.query(
        `INSERT INTO memberships (id, "userId", "organizationId", role) VALUES (gen_random_uuid(), $1, $2, $3::"Role")`,
        [userId, organizationId, role],
      );

    const officials: Omit<Official, "indicators" | "tasks">[] = [];
    for (const [index, plan] of plans.entries()) {
      const username = `${OFFICIAL_PREFIX}${pad(index + 1, 4)}`;
      const userId = await upsertUser(username, `Cán bộ thử tải ${pad(index + 1, 4)}`);
      await member(userId, plan.organizationId, "APPROVER");
      officials.push({ username, userId, planId: plan.planId, provinceCode: plan.provinceCode });
    }
    const viewers: Omit<Viewer, "communePlanIds">[] = [];
    for (let index = 0; index < options.viewers; index++) {
      const [provinceCode, organizationId] = provinces[index % provinces.length]!;
      const username = `${VIEWER_PREFIX}${pad(index + 1, 3)}`;
      const userId = await upsertUser(username, `Cán bộ tỉnh thử tải ${pad(index + 1, 3)}`);
      await member(userId, organizationId, "VIEWER");
      viewers.push({ username, userId, provinceCode });
    }
    await client.query("COMMIT");

    const planIds = plans.map((p) => p.planId);
    const indicators = await numericIndicators(client, planIds, options.year);
    const tasks = await leafTasks(client, planIds, options.year);
    const { rows: communePlans } = await client.query<{ provinceCode: string; ids: string[] }>(
      `SELECT p."provinceCode", array_agg(c.id ORDER BY c.id) AS ids
       FROM plans p JOIN plans c ON c."parentId" = p.id
       JOIN organizations o ON o.id = p."issuerId" JOIN admin_units u ON u.id = o."adminUnitId"
       WHERE u.level = 'PROVINCE' AND p."provinceCode" = ANY($1) AND p.purpose LIKE '%npm run bench%'
       GROUP BY p."provinceCode"`,
      [provinces.map(([code]) => code)],
    );
    const communesOf = new Map(communePlans.map((r) => [r.provinceCode, r.ids]));
    return {
      officials: officials.map((o) => ({
        ...o,
        indicators: indicators.get(o.planId) ?? [],
        tasks: tasks.get(o.planId) ?? [],
      })),
      viewers: viewers.map((v) => ({ ...v, communePlanIds: communesOf.get(v.provinceCode) ?? [] })),
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

type IndicatorRow = IndicatorRows & { id: string; planId: string; version: number | null };

async function numericIndicators(client: pg.Client, planIds: string[], year: number) {
  const { rows } = await client.query<IndicatorRow>(
    `SELECT i.id, i."planId", i.direction, i."baselineValue", i."baselineYear",
       coalesce((SELECT json_agg(json_build_object('year', t.year, 'kind', t.kind, 'lower', t.lower, 'upper', t.upper,
                  'isPercent', t."isPercent", 'qualitative', t.qualitative, 'text', t.text))
                 FROM indicator_targets t WHERE t."indicatorId" = i.id), '[]') AS targets,
       coalesce((SELECT json_agg(json_build_object('year', a.year, 'value', a.value, 'qualitativeStatus', a."qualitativeStatus"))
                 FROM indicator_actuals a WHERE a."indicatorId" = i.id), '[]') AS actuals,
       (SELECT a.version FROM indicator_actuals a WHERE a."indicatorId" = i.id AND a.year = $2) AS version
     FROM indicators i
     WHERE i."planId" = ANY($1) AND NOT i."isGroup" AND i.inheritance <> 'DROPPED'
     ORDER BY i."planId", i.position, i.id`,
    [planIds, year],
  );
  const byPlan = new Map<string, Official["indicators"]>();
  for (const row of rows) {
    // The grid asks for a chosen status where the domain cannot compute one; the load types numbers only.
    if (statusIsChosen(statusInputFromRows(row), year)) continue;
    if (!byPlan.has(row.planId)) byPlan.set(row.planId, []);
    byPlan.get(row.planId)!.push({ id: row.id, version: row.version });
  }
  return byPlan;
}

async function leafTasks(client: pg.Client, planIds: string[], year: number) {
  const { rows } = await client.query<{ id: string; planId: string; version: number | null }>(
    `SELECT t.id, t."planId",
       (SELECT p.version FROM task_progress p WHERE p."taskId" = t.id AND p.year = $2 AND p."organizationId" IS NULL) AS version
     FROM tasks t
     WHERE t."planId" = ANY($1) AND t.inheritance <> 'DROPPED'
       AND NOT EXISTS (SELECT 1 FROM tasks c WHERE c."parentTaskId" = t.id)
     ORDER BY t."planId", t.position, t.id`,
    [planIds, year],
  );
  const byPlan = new Map<string, Official["tasks"]>();
  for (const row of rows) {
    if (!byPlan.has(row.planId)) byPlan.set(row.planId, []);
    byPlan.get(row.planId)!.push({ id: row.id, version: row.version });
  }
  return byPlan;
}
