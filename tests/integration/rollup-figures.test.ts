import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "../../prisma/seed/ids";
import { planId } from "../../prisma/seed/plans";
import type { Scope } from "../../src/server/db/scope";
import { NO_CELL, STATUS_LETTERS } from "../../src/features/dashboards/status-letters";
import { createTestDatabase } from "./database";

// The rollups' prepared figures (rollup_figures, ADR 0031) and matrix cells (rollup_cells, ADR 0039)
// against the bare aggregate of the actuals and indicators they come from, after every one of a long run of random writes: actuals inserted, updated and
// deleted one by one and in bulk, statuses and figures changed, indicators added, moved between groups,
// reordered, dropped, linked to another parent indicator or deleted, plans added, moved under another
// parent, ended, published, withdrawn and deleted. The national rollup, which reads the figures, and
// the province rollup, which reads the cells, are compared with the same counts taken from the actuals.

const SON_LA = planId("kh-tu-son-la-2024");
const STATUSES = ["MET", "ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA"] as const;
const YEARS = [2024, 2025, 2026, 2027];
const STEPS = 220;
const TODAY = "2026-11-23";

/**
 * The figures as they must be, computed here from scratch and independently of the migration's SQL:
 * an indicator's group is the top of its chain of parent rows when that row is a group (else none).
 */
const BARE_FIGURES = `
  WITH RECURSIVE up AS (
    SELECT i.id AS leaf, i.id AS node, i."parentIndicatorId" AS parent, 0 AS depth FROM indicators i
    UNION ALL
    SELECT up.leaf, p.id, p."parentIndicatorId", up.depth + 1 FROM up JOIN indicators p ON p.id = up.parent
  ), top AS (
    SELECT DISTINCT ON (up.leaf) up.leaf, up.node, up.depth FROM up ORDER BY up.leaf, up.depth DESC
  )
  SELECT a."planId", CASE WHEN t.depth > 0 AND g."isGroup" THEN g.id ELSE '' END AS "groupId", a.year,
         count(*) FILTER (WHERE a.status = 'MET')::int AS met, count(*) FILTER (WHERE a.status = 'ON_TRACK')::int AS "onTrack",
         count(*) FILTER (WHERE a.status = 'AT_RISK')::int AS "atRisk", count(*) FILTER (WHERE a.status = 'OFF_TRACK')::int AS "offTrack",
         count(*) FILTER (WHERE a.status = 'NO_DATA')::int AS "noData"
  FROM indicator_actuals a JOIN top t ON t.leaf = a."indicatorId" JOIN indicators g ON g.id = t.node
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const PREPARED_FIGURES = `
  SELECT "planId", "groupId", year, met, "onTrack", "atRisk", "offTrack", "noData" FROM rollup_figures ORDER BY 1, 2, 3`;

/**
 * The cells as they must be: per plan, its indicators that are matrix cells (derived from a parent
 * indicator, not a group row, not dropped) in plan order, with each year's actual; year 0 without
 * figures, and a row for each year in which one of them has an actual. The letters are the
 * application's (STATUS_LETTERS), so that the database's rollup_status_letter() is checked against them.
 */
const LETTER = `CASE coalesce(a.status::text, 'NO_DATA') ${STATUSES.map((s) => `WHEN '${s}' THEN '${STATUS_LETTERS[s]}'`).join(" ")} END`;
const BARE_CELLS = `
  WITH q AS (SELECT * FROM indicators WHERE NOT "isGroup" AND inheritance <> 'DROPPED' AND "derivedFromId" IS NOT NULL),
  slices AS (
    SELECT DISTINCT q."planId", a.year FROM q JOIN indicator_actuals a ON a."indicatorId" = q.id
    UNION SELECT DISTINCT q."planId", 0 FROM q
  )
  SELECT s."planId", s.year, json_agg(q."derivedFromId" ORDER BY q.position, q.id)::text AS keys,
         string_agg(${LETTER}, '' ORDER BY q.position, q.id) AS statuses, json_agg(a.text ORDER BY q.position, q.id)::text AS texts
  FROM slices s JOIN q ON q."planId" = s."planId" LEFT JOIN indicator_actuals a ON a."indicatorId" = q.id AND a.year = s.year AND s.year <> 0
  GROUP BY 1, 2 ORDER BY 1, 2`;
const PREPARED_CELLS = `SELECT "planId", year, keys::text AS keys, statuses, texts::text AS texts FROM rollup_cells ORDER BY 1, 2`;

/** A small deterministic generator (mulberry32), so that a failing run can be repeated exactly. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join("");
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    /** An id shaped as a UUID, from the generator: a repeated run creates the same rows in the same order. */
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("nothing to pick from");
      return items[Math.floor(next() * items.length)]!;
    },
  };
}

describe("rollup figures maintained on write", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let admin: pg.Client;
  let q: typeof import("../../src/features/dashboards/queries");
  let withScope: typeof import("../../src/server/db/scoped").withScope;
  let parseRollupFilters: typeof import("../../src/features/dashboards/rollup").parseRollupFilters;
  const scopes = {} as Record<"admin" | "sonla", Scope>;

  const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await admin.query<T>(text, values)).rows;
  const expectFiguresCurrent = async (step: string) => {
    const [bare, prepared] = [await one(BARE_FIGURES), await one(PREPARED_FIGURES)];
    expect(prepared, step).toEqual(bare);
    const [stale] = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM rollup_figures f JOIN plans p ON p.id = f."planId"
       WHERE f."visibleTo" IS DISTINCT FROM plan_visible_to(p."provinceCode", p."publishedAt")`,
    );
    expect(stale!.n, `${step}: stamps`).toBe(0);
    const [bareCells, preparedCells] = [await one(BARE_CELLS), await one(PREPARED_CELLS)];
    expect(preparedCells.map(normalCells), `${step}: cells`).toEqual(bareCells.map(normalCells));
    const [staleCells] = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM rollup_cells c JOIN plans p ON p.id = c."planId"
       WHERE c."visibleTo" IS DISTINCT FROM plan_visible_to(p."provinceCode", p."publishedAt")`,
    );
    expect(staleCells!.n, `${step}: stamps of the cells`).toBe(0);
  };
  /** The lists as values, whatever their spacing. */
  const normalCells = (row: Record<string, unknown>) => ({
    ...row,
    keys: JSON.parse(String(row.keys)),
    texts: JSON.parse(String(row.texts)),
  });
  const provinceRollup = (year?: number) =>
    withScope(scopes.admin, (tx) =>
      q.getRollup(tx, scopes.admin, parseRollupFilters({ plan: SON_LA, ...(year ? { year: String(year) } : {}) }), {
        today: TODAY,
      }),
    );
  /** The province rollup's counts and figures per locality equal those taken from the indicators and actuals. */
  const expectProvinceCurrent = async (step: string) => {
    for (const year of [undefined, rnd0.pick(YEARS)]) {
      const r = await provinceRollup(year);
      expect(r.mode, step).toBe("derived");
      const columns = r.columns.map((c) => c.key);
      for (const row of r.rows) {
        const found = await one<{ col: string; status: string; text: string | null }>(
          `SELECT i."derivedFromId" AS col, coalesce(a.status::text, 'NO_DATA') AS status, a.text
           FROM indicators i LEFT JOIN indicator_actuals a ON a."indicatorId" = i.id AND a.year = $3
           WHERE i."planId" = $1 AND NOT i."isGroup" AND i.inheritance <> 'DROPPED' AND i."derivedFromId" = ANY($2::text[])`,
          [row.plan.id, columns, r.year],
        );
        const counts = Object.fromEntries(STATUSES.map((s) => [s, found.filter((f) => f.status === s).length]));
        expect(row.counts, `${step}: ${row.label} ${r.year}`).toEqual(counts);
        const texts = new Set(found.filter((f) => f.text !== null).map((f) => `${columns.indexOf(f.col)}=${f.text}`));
        for (const [index, text] of Object.entries(row.values))
          expect(texts.has(`${index}=${text}`), `${step}: ${row.label} column ${index}`).toBe(true);
        // Each cell: the letter of one of the plan's indicators in that column, NO_CELL where it has none.
        columns.forEach((col, index) => {
          const letters = found
            .filter((f) => f.col === col)
            .map((f) => STATUS_LETTERS[f.status as (typeof STATUSES)[number]]);
          const cell = row.cells[index]!;
          expect(
            letters.length ? letters.includes(cell) : cell === NO_CELL,
            `${step}: ${row.label} cell ${index} ${cell}`,
          ).toBe(true);
        });
      }
    }
  };
  const rnd0 = random(37);
  const nationalRollup = () =>
    withScope(scopes.admin, (tx) => q.getRollup(tx, scopes.admin, parseRollupFilters({}), { today: TODAY }));
  /** The national rollup's "below" counts equal the same counts taken from the actuals. */
  const expectNationalCurrent = async (step: string) => {
    const r = await nationalRollup();
    expect(r.rows.length, step).toBeGreaterThan(1);
    for (const row of r.rows) {
      const [bare] = await one<Record<(typeof STATUSES)[number], number>>(
        `SELECT ${STATUSES.map((s) => `count(*) FILTER (WHERE a.status = '${s}')::int AS "${s}"`).join(", ")}
         FROM plans c JOIN indicator_actuals a ON a."planId" = c.id AND a.year = $2 WHERE c."parentId" = $1`,
        [row.plan.id, r.year],
      );
      const [kids] = await one<{ n: number }>(`SELECT count(*)::int AS n FROM plans WHERE "parentId" = $1`, [
        row.plan.id,
      ]);
      const expected = kids!.n ? { plans: kids!.n, counts: bare } : null;
      expect(row.below, `${step}: ${row.label}`).toEqual(expected);
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    q = await import("../../src/features/dashboards/queries");
    ({ withScope } = await import("../../src/server/db/scoped"));
    ({ parseRollupFilters } = await import("../../src/features/dashboards/rollup"));
    const { scopeForUser } = await import("../../src/server/auth/session");
    scopes.admin = (await scopeForUser(seedId("user", "admin")))!;
    scopes.sonla = (await scopeForUser(seedId("user", "sonla.approver")))!;
  });
  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });

  it("the migration and the seed left figures equal to the bare aggregate", async () => {
    const [n] = await one<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_figures`);
    expect(n!.n).toBeGreaterThan(0);
    const [cells] = await one<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_cells`);
    expect(cells!.n).toBeGreaterThan(0);
    await expectFiguresCurrent("after the seed");
    await expectNationalCurrent("after the seed");
    await expectProvinceCurrent("after the seed");
  });

  it("stay equal to the bare aggregate after every one of many random writes", async () => {
    const seed = 18_031;
    const rnd = random(seed);
    const national = await nationalRollup();
    const provincePlans = national.rows.map((r) => r.plan.id);
    const otherProvincePlan = provincePlans.find((id) => id !== SON_LA)!;
    expect(otherProvincePlan).toBeDefined();
    const created: string[] = [];

    const plansBelow = async () =>
      (
        await one<{ id: string }>(`SELECT id FROM plans WHERE "parentId" = ANY($1::text[]) ORDER BY id`, [
          provincePlans,
        ])
      )
        .map((r) => r.id)
        .concat(SON_LA);
    const leavesOf = async (plan: string) =>
      (
        await one<{ id: string }>(`SELECT id FROM indicators WHERE "planId" = $1 AND NOT "isGroup" ORDER BY id`, [plan])
      ).map((r) => r.id);
    const actualsOf = async (plans: string[]) =>
      one<{ id: string; indicatorId: string; planId: string; year: number }>(
        `SELECT id, "indicatorId", "planId", year FROM indicator_actuals WHERE "planId" = ANY($1::text[]) ORDER BY id`,
        [plans],
      );

    const operations: Record<string, () => Promise<string | null>> = {
      async insertActual() {
        const plan = rnd.pick(await plansBelow());
        const leaves = await leavesOf(plan);
        if (!leaves.length) return null;
        const indicator = rnd.pick(leaves);
        const year = rnd.pick(YEARS);
        await one(
          `INSERT INTO indicator_actuals (id, "planId", "indicatorId", year, text, status) VALUES (gen_random_uuid(), $1, $2, $3, '1', $4)
           ON CONFLICT ("indicatorId", year) DO NOTHING`,
          [plan, indicator, year, rnd.pick(STATUSES)],
        );
        return `insert ${indicator} ${year}`;
      },
      async insertManyActuals() {
        const plan = rnd.pick(await plansBelow());
        const year = rnd.pick(YEARS);
        await one(
          `INSERT INTO indicator_actuals (id, "planId", "indicatorId", year, text, status)
           SELECT gen_random_uuid(), i."planId", i.id, $2, '2', (ARRAY['MET','ON_TRACK','AT_RISK','OFF_TRACK','NO_DATA'])[1 + abs(hashtext(i.id)) % 5]::"IndicatorStatus"
           FROM indicators i WHERE i."planId" = $1 AND NOT i."isGroup" ON CONFLICT ("indicatorId", year) DO NOTHING`,
          [plan, year],
        );
        return `insert all of ${plan} ${year}`;
      },
      async changeStatus() {
        const actual = rnd.pick(await actualsOf(await plansBelow()));
        await one(`UPDATE indicator_actuals SET status = $2 WHERE id = $1`, [actual.id, rnd.pick(STATUSES)]);
        return `status of ${actual.id}`;
      },
      async changeManyStatuses() {
        const plan = rnd.pick(await plansBelow());
        await one(
          `UPDATE indicator_actuals SET status = (ARRAY['MET','ON_TRACK','AT_RISK','OFF_TRACK','NO_DATA'])[1 + (abs(hashtext(id)) + $2::int) % 5]::"IndicatorStatus"
           WHERE "planId" = $1`,
          [plan, rnd.int(5)],
        );
        return `statuses of ${plan}`;
      },
      async changeTextOnly() {
        const actual = rnd.pick(await actualsOf(await plansBelow()));
        await one(`UPDATE indicator_actuals SET text = text || '0', version = version + 1 WHERE id = $1`, [actual.id]);
        return `text of ${actual.id}`;
      },
      async moveActualToAnotherYear() {
        const actual = rnd.pick(await actualsOf(await plansBelow()));
        const year = rnd.pick(YEARS);
        const [taken] = await one(`SELECT 1 FROM indicator_actuals WHERE "indicatorId" = $1 AND year = $2`, [
          actual.indicatorId,
          year,
        ]);
        if (taken) return null;
        await one(`UPDATE indicator_actuals SET year = $2 WHERE id = $1`, [actual.id, year]);
        return `year of ${actual.id} → ${year}`;
      },
      async deleteActual() {
        const actual = rnd.pick(await actualsOf(await plansBelow()));
        await one(`DELETE FROM indicator_actuals WHERE id = $1`, [actual.id]);
        return `delete ${actual.id}`;
      },
      async deleteYear() {
        const plan = rnd.pick(await plansBelow());
        const year = rnd.pick(YEARS);
        await one(`DELETE FROM indicator_actuals WHERE "planId" = $1 AND year = $2`, [plan, year]);
        return `delete ${plan} ${year}`;
      },
      async moveIndicatorToAnotherGroup() {
        const plan = rnd.pick(await plansBelow());
        const groups = await one<{ id: string }>(
          `SELECT id FROM indicators WHERE "planId" = $1 AND "isGroup" AND "parentIndicatorId" IS NULL ORDER BY id`,
          [plan],
        );
        const leaves = await one<{ id: string }>(
          `SELECT i.id FROM indicators i WHERE i."planId" = $1 AND NOT i."isGroup"
             AND NOT EXISTS (SELECT 1 FROM indicators c WHERE c."parentIndicatorId" = i.id) ORDER BY i.id`,
          [plan],
        );
        if (!leaves.length) return null;
        const leaf = rnd.pick(leaves).id;
        // Now and then out of every group (top level), else into one.
        const target = groups.length && rnd.next() < 0.8 ? rnd.pick(groups).id : null;
        await one(`UPDATE indicators SET "parentIndicatorId" = $2 WHERE id = $1`, [leaf, target]);
        return `move ${leaf} into ${target ?? "no group"}`;
      },
      async changeFigureOnly() {
        const actual = rnd.pick(await actualsOf(await plansBelow()));
        await one(`UPDATE indicator_actuals SET text = $2 WHERE id = $1`, [actual.id, String(rnd.int(1000))]);
        return `figure of ${actual.id}`;
      },
      async addIndicator() {
        const plan = rnd.pick(await plansBelow());
        const [parent] = await one<{ id: string }>(
          `SELECT pi.id FROM plans p JOIN indicators pi ON pi."planId" = p."parentId" AND NOT pi."isGroup"
           WHERE p.id = $1 ORDER BY md5(pi.id || $2) LIMIT 1`,
          [plan, String(rnd.int(1000))],
        );
        if (!parent) return null;
        const id = rnd.uuid();
        await one(
          `INSERT INTO indicators (id, "planId", position, code, name, "derivedFromId", inheritance) VALUES ($1, $2, $3, 'x', 'Chỉ tiêu thêm', $4, 'INHERITED')`,
          [id, plan, rnd.int(20), parent.id],
        );
        return `add indicator ${id} to ${plan}`;
      },
      async dropOrRestoreIndicator() {
        const plan = rnd.pick(await plansBelow());
        const leaves = await leavesOf(plan);
        if (!leaves.length) return null;
        const leaf = rnd.pick(leaves);
        await one(
          `UPDATE indicators SET inheritance = (CASE WHEN inheritance = 'DROPPED' THEN 'INHERITED' ELSE 'DROPPED' END)::"InheritanceState" WHERE id = $1`,
          [leaf],
        );
        return `drop or restore ${leaf}`;
      },
      async relinkIndicator() {
        const plan = rnd.pick(await plansBelow());
        const leaves = await leavesOf(plan);
        if (!leaves.length) return null;
        const leaf = rnd.pick(leaves);
        // Another indicator of the parent plan, now and then none (a local indicator).
        const [parent] = await one<{ id: string }>(
          `SELECT pi.id FROM plans p JOIN indicators pi ON pi."planId" = p."parentId" AND NOT pi."isGroup"
           WHERE p.id = $1 ORDER BY md5(pi.id || $2) LIMIT 1`,
          [plan, String(rnd.int(1000))],
        );
        const target = parent && rnd.next() < 0.85 ? parent.id : null;
        await one(`UPDATE indicators SET "derivedFromId" = $2 WHERE id = $1`, [leaf, target]);
        return `link ${leaf} to ${target ?? "nothing"}`;
      },
      async reorderIndicators() {
        const plan = rnd.pick(await plansBelow());
        await one(`UPDATE indicators SET position = abs(hashtext(id || $2)) % 50 WHERE "planId" = $1`, [
          plan,
          String(rnd.int(1000)),
        ]);
        return `reorder ${plan}`;
      },
      async deleteIndicator() {
        const plan = rnd.pick(created.length && rnd.next() < 0.7 ? created : await plansBelow());
        const leaves = await leavesOf(plan);
        if (!leaves.length) return null;
        const leaf = rnd.pick(leaves);
        await one(`DELETE FROM indicators WHERE id = $1`, [leaf]);
        return `delete indicator ${leaf}`;
      },
      async addPlan() {
        // A copy of one of the plans below, with its indicator tree and its actuals (statuses scrambled).
        const source = rnd.pick(await plansBelow());
        if (source === SON_LA) return null;
        const id = rnd.uuid();
        const key = `copy-${id}`;
        await one(
          `INSERT INTO plans (id, kind, track, status, notation, "typeCode", "issuerCode", "issuerId", "provinceCode", title, "parentId", "updatedAt")
           SELECT $1, kind, track, status, notation, "typeCode", "issuerCode", "issuerId", "provinceCode", title || ' (bản sao)', "parentId", now()
           FROM plans WHERE id = $2`,
          [id, source],
        );
        const newId = (old: string) => `md5(${old} || '${key}')::uuid::text`;
        await one(
          `INSERT INTO indicators (id, "planId", "parentIndicatorId", "isGroup", position, code, name, "derivedFromId", inheritance)
           SELECT ${newId("i.id")}, $1, CASE WHEN i."parentIndicatorId" IS NULL THEN NULL ELSE ${newId('i."parentIndicatorId"')} END,
                  i."isGroup", i.position, i.code, i.name, i."derivedFromId", i.inheritance
           FROM indicators i WHERE i."planId" = $2`,
          [id, source],
        );
        await one(
          `INSERT INTO indicator_actuals (id, "planId", "indicatorId", year, text, status)
           SELECT gen_random_uuid(), $1, ${newId('a."indicatorId"')}, a.year, a.text,
                  (ARRAY['MET','ON_TRACK','AT_RISK','OFF_TRACK','NO_DATA'])[1 + abs(hashtext(a.id)) % 5]::"IndicatorStatus"
           FROM indicator_actuals a WHERE a."planId" = $2`,
          [id, source],
        );
        created.push(id);
        return `add plan ${id} from ${source}`;
      },
      async movePlan() {
        const plan = rnd.pick((await plansBelow()).filter((p) => p !== SON_LA));
        await one(`UPDATE plans SET "parentId" = $2 WHERE id = $1`, [plan, rnd.pick(provincePlans)]);
        return `move plan ${plan}`;
      },
      async endIssuer() {
        const plan = rnd.pick((await plansBelow()).filter((p) => p !== SON_LA));
        await one(
          `UPDATE organizations SET "validTo" = CASE WHEN "validTo" IS NULL THEN DATE '2025-06-30' END
           WHERE id = (SELECT "issuerId" FROM plans WHERE id = $1)`,
          [plan],
        );
        return `end or revive the issuer of ${plan}`;
      },
      async publishOrWithdraw() {
        const plan = rnd.pick(await plansBelow());
        await one(`UPDATE plans SET "publishedAt" = CASE WHEN "publishedAt" IS NULL THEN now() END WHERE id = $1`, [
          plan,
        ]);
        return `publish or withdraw ${plan}`;
      },
      async deletePlan() {
        if (!created.length) return null;
        const plan = created.splice(rnd.int(created.length), 1)[0]!;
        await one(`DELETE FROM plans WHERE id = $1`, [plan]);
        return `delete plan ${plan}`;
      },
    };
    const names = Object.keys(operations);
    const done = new Set<string>();
    for (let step = 0; step < STEPS; step++) {
      const name = rnd.pick(names);
      const what = await operations[name]!();
      if (what === null) continue;
      done.add(name);
      await expectFiguresCurrent(`seed ${seed}, step ${step}: ${what}`);
      if (step % 20 === 0) await expectNationalCurrent(`seed ${seed}, step ${step}: ${what}`);
      if (step % 20 === 10) await expectProvinceCurrent(`seed ${seed}, step ${step}: ${what}`);
    }
    await expectNationalCurrent(`seed ${seed}, after ${STEPS} steps`);
    await expectProvinceCurrent(`seed ${seed}, after ${STEPS} steps`);
    // The run exercised every kind of write (else the seed or STEPS is too small to mean anything).
    expect([...done].sort()).toEqual([...names].sort());
  });

  it("a result written now counts in the national rollup on the next load", async () => {
    const before = await nationalRollup();
    const sonLa = before.rows.find((r) => r.plan.id === SON_LA)!;
    const year = before.year!;
    const [free] = await one<{ id: string; planId: string }>(
      `SELECT i.id, i."planId" FROM indicators i JOIN plans c ON c.id = i."planId"
       WHERE c."parentId" = $1 AND NOT i."isGroup"
         AND NOT EXISTS (SELECT 1 FROM indicator_actuals a WHERE a."indicatorId" = i.id AND a.year = $2) LIMIT 1`,
      [SON_LA, year],
    );
    await one(
      `INSERT INTO indicator_actuals (id, "planId", "indicatorId", year, text, status) VALUES (gen_random_uuid(), $1, $2, $3, '7', 'OFF_TRACK')`,
      [free!.planId, free!.id, year],
    );
    const after = (await nationalRollup()).rows.find((r) => r.plan.id === SON_LA)!;
    expect(after.below!.counts.OFF_TRACK).toBe(sonLa.below!.counts.OFF_TRACK + 1);
  });

  it("two transactions writing the same plan and year at once both count", async () => {
    const [plan] = await one<{ id: string }>(
      `SELECT p.id FROM plans p WHERE p."parentId" = $1 AND (SELECT count(*) FROM indicators i WHERE i."planId" = p.id AND NOT i."isGroup") >= 2 ORDER BY p.id LIMIT 1`,
      [SON_LA],
    );
    const leaves = await one<{ id: string }>(
      `SELECT id FROM indicators WHERE "planId" = $1 AND NOT "isGroup" ORDER BY id LIMIT 2`,
      [plan!.id],
    );
    await one(`DELETE FROM indicator_actuals WHERE "planId" = $1 AND year = 2030`, [plan!.id]);
    const first = new pg.Client({ connectionString: db.adminUrl });
    const second = new pg.Client({ connectionString: db.adminUrl });
    await Promise.all([first.connect(), second.connect()]);
    try {
      const insert = `INSERT INTO indicator_actuals (id, "planId", "indicatorId", year, text, status) VALUES (gen_random_uuid(), $1, $2, 2030, '1', 'MET')`;
      await first.query("BEGIN");
      await second.query("BEGIN");
      await first.query(insert, [plan!.id, leaves[0]!.id]);
      // The second waits for the first's pending refresh of that plan and year (its row in
      // rollup_pending) until the first commits, then counts what it committed.
      const waiting = second.query(insert, [plan!.id, leaves[1]!.id]).then(
        () => null,
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [blocked] = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      expect(blocked!.n).toBe(1);
      await first.query("COMMIT");
      expect(await waiting).toBeNull();
      await second.query("COMMIT");
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    const [row] = await one<{ met: number }>(
      `SELECT sum(met)::int AS met FROM rollup_figures WHERE "planId" = $1 AND year = 2030`,
      [plan!.id],
    );
    expect(row!.met).toBe(2);
    await expectFiguresCurrent("after two concurrent writers");
  });

  it("a transaction of several writes refreshes the prepared rows once, as it commits", async () => {
    const [plan] = await one<{ id: string }>(
      `SELECT p.id FROM plans p WHERE p."parentId" = $1
         AND (SELECT count(*) FROM indicator_actuals a WHERE a."planId" = p.id AND a.year = 2026) >= 3 ORDER BY p.id LIMIT 1`,
      [SON_LA],
    );
    const actuals = await one<{ id: string }>(
      `SELECT id FROM indicator_actuals WHERE "planId" = $1 AND year = 2026 ORDER BY id LIMIT 3`,
      [plan!.id],
    );
    const before = await one(PREPARED_CELLS);
    const client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    try {
      await client.query("BEGIN");
      // As the results grid saves: one UPDATE per cell, then the statuses in one statement.
      for (const [i, a] of actuals.entries())
        await client.query(`UPDATE indicator_actuals SET text = $2 WHERE id = $1`, [a.id, `${900 + i}`]);
      await client.query(`UPDATE indicator_actuals SET status = 'OFF_TRACK' WHERE id = ANY($1::text[])`, [
        actuals.map((a) => a.id),
      ]);
      const pending = await client.query(`SELECT plan, year FROM rollup_pending`);
      expect(pending.rows).toEqual([{ plan: plan!.id, year: 2026 }]);
      // Not refreshed yet, inside the transaction, nor seen by anyone else.
      const inside = await client.query(
        `SELECT texts::text AS texts FROM rollup_cells WHERE "planId" = $1 AND year = 2026`,
        [plan!.id],
      );
      expect(inside.rows[0].texts).not.toContain('"900"');
      expect(await one(PREPARED_CELLS)).toEqual(before);
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    const [after] = await one<{ texts: string; statuses: string }>(
      `SELECT texts::text AS texts, statuses FROM rollup_cells WHERE "planId" = $1 AND year = 2026`,
      [plan!.id],
    );
    expect(after!.texts).toContain('"900"');
    expect(after!.statuses).toContain(STATUS_LETTERS.OFF_TRACK);
    const [left] = await one<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_pending`);
    expect(left!.n).toBe(0);
    await expectFiguresCurrent("after a transaction of several writes");
  });

  it("a province reads only its own figures and those of central or published plans; nobody writes them", async () => {
    // A figure of an unpublished Lâm Đồng plan, so that there is something Sơn La must not see.
    const [lamDong] = await one<{ planId: string; id: string }>(
      `SELECT i."planId", i.id FROM indicators i JOIN plans p ON p.id = i."planId"
       WHERE p."provinceCode" = '68' AND NOT i."isGroup" ORDER BY i.id LIMIT 1`,
    );
    await one(`UPDATE plans SET "publishedAt" = NULL WHERE id = $1`, [lamDong!.planId]);
    await one(
      `INSERT INTO indicator_actuals (id, "planId", "indicatorId", year, text, status) VALUES (gen_random_uuid(), $1, $2, 2029, '1', 'MET')
       ON CONFLICT ("indicatorId", year) DO NOTHING`,
      [lamDong!.planId, lamDong!.id],
    );
    // The Lâm Đồng indicator made a matrix cell too (derived from another indicator).
    await one(
      `UPDATE indicators SET "derivedFromId" = (SELECT id FROM indicators WHERE "planId" <> $2 AND NOT "isGroup" ORDER BY id LIMIT 1) WHERE id = $1`,
      [lamDong!.id, lamDong!.planId],
    );
    for (const table of ["rollup_figures", "rollup_cells"]) {
      const [all] = await one<{ theirs: number; ours: number }>(
        `SELECT count(*) FILTER (WHERE "visibleTo" = '68')::int AS theirs,
                count(*) FILTER (WHERE "visibleTo" = '14' OR "visibleTo" IS NULL)::int AS ours FROM ${table}`,
      );
      expect(all!.theirs, table).toBeGreaterThan(0);
      const seen = await withScope(scopes.sonla, (tx) =>
        tx.$queryRawUnsafe<{ visibleTo: string | null; n: number }[]>(
          `SELECT "visibleTo", count(*)::int AS n FROM ${table} GROUP BY 1 ORDER BY 1`,
        ),
      );
      expect(
        seen.every((r) => r.visibleTo === "14" || r.visibleTo === null),
        table,
      ).toBe(true);
      expect(
        seen.reduce((sum, r) => sum + r.n, 0),
        table,
      ).toBe(all!.ours);
    }
    // Not even for the province's own plan: only the triggers write them.
    for (const write of [
      `INSERT INTO rollup_figures ("planId", "groupId", year, met) VALUES ($1, '', 2031, 5)`,
      `UPDATE rollup_figures SET met = met + 1 WHERE "planId" = $1`,
      `INSERT INTO rollup_cells ("planId", year, keys, statuses, texts) VALUES ($1, 2031, '[]', '', '[]')`,
      `UPDATE rollup_cells SET statuses = '' WHERE "planId" = $1`,
      // The triggers' bookkeeping is not even readable.
      `INSERT INTO rollup_pending (plan, year) VALUES ($1, 2031)`,
      `DELETE FROM rollup_pending WHERE plan = $1`,
    ])
      await expect(
        withScope(scopes.sonla, (tx) => tx.$executeRawUnsafe(write, SON_LA)),
        write,
      ).rejects.toThrow(/permission denied/);
  });
});
