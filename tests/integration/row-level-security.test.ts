import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./database";

// The second wall: connected as the application role, a query that forgot its scope sees no tenant
// rows, and a scoped one sees nothing of another province.

const PLAN_OWNED_TABLES = [
  "plan_citations",
  "inheritance_decisions",
  "plan_versions",
  "tasks",
  "task_assignments",
  "indicators",
  "indicator_targets",
  "indicator_actuals",
  "task_progress",
  "reports",
  "report_submissions",
  "report_extensions",
  "rollup_figures",
  "rollup_cells",
];
/** Tables the demo data fills, so that "the privileged role sees rows" means something. */
const SEEDED = [
  "plans",
  "tasks",
  "task_assignments",
  "indicators",
  "indicator_targets",
  "indicator_actuals",
  "task_progress",
  "plan_citations",
  "rollup_figures",
  "rollup_cells",
];
const TENANT_TABLES = ["plans", ...PLAN_OWNED_TABLES, "audit_logs"];

describe("row-level security", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it("the application role is neither a superuser nor able to bypass row-level security", async () => {
    const [role] = await db.appDb.$queryRaw<
      { rolsuper: boolean; rolbypassrls: boolean }[]
    >`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it.each(TENANT_TABLES)(
    "%s: the privileged role sees rows, the application role without a scope sees none",
    async (table) => {
      const [all] = await db.adminDb.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table}`);
      if (SEEDED.includes(table)) expect(Number(all!.n)).toBeGreaterThan(0);
      const [unscoped] = await db.appDb.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table}`);
      expect(Number(unscoped!.n)).toBe(0);
    },
  );

  it("a scope for Sơn La sees its plans and the central ones, never Lâm Đồng's", async () => {
    const rows = await db.appDb.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.user_id', 'test', true), set_config('app.province_code', '14', true), set_config('app.all_provinces', 'off', true)`;
      return tx.$queryRaw<
        { provinceCode: string | null; n: bigint }[]
      >`SELECT "provinceCode", count(*) AS n FROM plans GROUP BY 1 ORDER BY 1`;
    });
    const provinces = rows.map((r) => r.provinceCode);
    expect(provinces).toContain("14");
    expect(provinces).toContain(null);
    expect(provinces).not.toContain("68");
    expect(provinces).not.toContain("66");
    // Lâm Đồng's plans, named by the privileged role: their indicators stay out of Sơn La's sight.
    const lamDong = (
      await db.adminDb.plan.findMany({ where: { provinceCode: "68", publishedAt: null }, select: { id: true } })
    ).map((p) => p.id);
    const [inLamDong] = await db.adminDb.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM indicators WHERE "planId" = ANY(${lamDong}::text[])`;
    expect(Number(inLamDong!.n)).toBeGreaterThan(0);
    const indicators = await db.appDb.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.user_id', 'test', true), set_config('app.province_code', '14', true), set_config('app.all_provinces', 'off', true)`;
      return tx.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM indicators WHERE "planId" = ANY(${lamDong}::text[])`;
    });
    expect(Number(indicators[0]!.n)).toBe(0);
  });

  it("a published plan of another province becomes readable, with its indicators", async () => {
    const daLat = await db.adminDb.plan.findFirstOrThrow({ where: { provinceCode: "68", hasContent: true } });
    const count = () =>
      db.appDb.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('app.user_id', 'test', true), set_config('app.province_code', '14', true), set_config('app.all_provinces', 'off', true)`;
        return tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM indicators WHERE "planId" = ${daLat.id}`;
      });
    expect(Number((await count())[0]!.n)).toBe(0);
    await db.adminDb.plan.update({ where: { id: daLat.id }, data: { publishedAt: new Date() } });
    expect(Number((await count())[0]!.n)).toBeGreaterThan(30);
    // Withdrawn, it is Lâm Đồng's alone again.
    await db.adminDb.plan.update({ where: { id: daLat.id }, data: { publishedAt: null } });
    expect(Number((await count())[0]!.n)).toBe(0);
  });

  it("every plan-owned row carries who may read it, as its plan says", async () => {
    for (const table of PLAN_OWNED_TABLES) {
      const [stale] = await db.adminDb.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM ${table} t JOIN plans p ON p.id = t."planId" WHERE t."visibleTo" IS DISTINCT FROM plan_visible_to(p."provinceCode", p."publishedAt")`,
      );
      expect(Number(stale!.n), table).toBe(0);
    }
    const [stamped] = await db.adminDb.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM indicators WHERE "visibleTo" = '14'`;
    expect(Number(stamped!.n)).toBeGreaterThan(100);
  });

  it("a statement cannot choose who may read a row: the database stamps it from the plan", async () => {
    const plan = await db.adminDb.plan.findFirstOrThrow({
      where: { provinceCode: "14", hasContent: true, publishedAt: null },
    });
    const visibleTo = await db.appDb.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.user_id', 'test', true), set_config('app.province_code', '14', true), set_config('app.all_provinces', 'off', true)`;
      const [inserted] = await tx.$queryRaw<{ id: string; visibleTo: string | null }[]>`
        INSERT INTO tasks (id, "planId", position, numbering, body, inheritance, "timeframeKind", version, "visibleTo")
        VALUES (gen_random_uuid(), ${plan.id}, 99, 'x', 'x', 'LOCAL', 'UNSPECIFIED', 1, NULL) RETURNING id, "visibleTo"`;
      const [updated] = await tx.$queryRaw<
        { visibleTo: string | null }[]
      >`UPDATE tasks SET "visibleTo" = NULL WHERE id = ${inserted!.id} RETURNING "visibleTo"`;
      await tx.$executeRaw`DELETE FROM tasks WHERE id = ${inserted!.id}`;
      return [inserted!.visibleTo, updated!.visibleTo];
    });
    expect(visibleTo).toEqual(["14", "14"]);
  });

  it("a plan published by its own province (as the application role) becomes readable elsewhere, rows and all", async () => {
    const plan = await db.adminDb.plan.findFirstOrThrow({
      where: { provinceCode: "14", publishedAt: null, indicators: { some: {} } },
    });
    const inProvince = (
      code: string,
      work: (tx: Parameters<Parameters<typeof db.appDb.$transaction>[0]>[0]) => Promise<number>,
    ) =>
      db.appDb.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('app.user_id', 'test', true), set_config('app.province_code', ${code}, true), set_config('app.all_provinces', 'off', true)`;
        return work(tx);
      });
    const indicatorsSeenFromLamDong = () =>
      inProvince("68", async (tx) =>
        Number(
          (await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM indicators WHERE "planId" = ${plan.id}`)[0]!.n,
        ),
      );
    expect(await indicatorsSeenFromLamDong()).toBe(0);
    await inProvince("14", (tx) => tx.$executeRaw`UPDATE plans SET "publishedAt" = now() WHERE id = ${plan.id}`);
    expect(await indicatorsSeenFromLamDong()).toBeGreaterThan(0);
    await inProvince("14", (tx) => tx.$executeRaw`UPDATE plans SET "publishedAt" = NULL WHERE id = ${plan.id}`);
    expect(await indicatorsSeenFromLamDong()).toBe(0);
  });

  it("another province cannot delete a plan it may read (published or central), nor its rows", async () => {
    const plan = await db.adminDb.plan.findFirstOrThrow({
      where: { provinceCode: "14", publishedAt: null, indicators: { some: {} } },
    });
    const central = await db.adminDb.plan.findFirstOrThrow({ where: { provinceCode: null } });
    await db.adminDb.plan.update({ where: { id: plan.id }, data: { publishedAt: new Date() } });
    try {
      const deleted = await db.appDb.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('app.user_id', 'test', true), set_config('app.province_code', '68', true), set_config('app.all_provinces', 'off', true)`;
        const [readable] = await tx.$queryRaw<
          { n: bigint }[]
        >`SELECT count(*) AS n FROM indicators WHERE "planId" = ${plan.id}`;
        expect(Number(readable!.n)).toBeGreaterThan(0);
        return [
          await tx.$executeRaw`DELETE FROM indicators WHERE "planId" = ${plan.id}`,
          await tx.$executeRaw`DELETE FROM tasks WHERE "planId" = ${plan.id}`,
          await tx.$executeRaw`DELETE FROM plans WHERE id = ${plan.id} OR id = ${central.id}`,
          await tx.$executeRaw`UPDATE indicators SET name = 'x' WHERE "planId" = ${plan.id}`,
        ];
      });
      expect(deleted).toEqual([0, 0, 0, 0]);
      expect(await db.adminDb.plan.count({ where: { id: { in: [plan.id, central.id] } } })).toBe(2);
    } finally {
      await db.adminDb.plan.update({ where: { id: plan.id }, data: { publishedAt: null } });
    }
  });

  it("every table with a planId is under the plan's rules: stamped, and a policy for each command", async () => {
    const withPlanId = await db.adminDb.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'planId' ORDER BY table_name`;
    expect(withPlanId.map((t) => t.table_name)).toEqual([...PLAN_OWNED_TABLES].sort());
    for (const table of PLAN_OWNED_TABLES) {
      const [trigger] = await db.adminDb.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM pg_trigger WHERE tgrelid = ${table}::regclass AND tgname = 'stamp_plan_visibility'`;
      expect(Number(trigger!.n), table).toBe(1);
      const policies = await db.adminDb.$queryRaw<
        { cmd: string }[]
      >`SELECT cmd FROM pg_policies WHERE tablename = ${table} AND policyname <> 'public_read' ORDER BY cmd`;
      expect(
        policies.map((p) => p.cmd),
        table,
      ).toEqual(["DELETE", "INSERT", "SELECT", "UPDATE"]);
    }
    // Besides, the public pages' read-only policy (ADR 0034), on what they show and nothing else.
    const publicRead = await db.adminDb.$queryRaw<{ tablename: string; cmd: string }[]>`
      SELECT tablename, cmd FROM pg_policies WHERE policyname = 'public_read' ORDER BY tablename`;
    expect(publicRead).toEqual([
      { tablename: "indicator_actuals", cmd: "SELECT" },
      { tablename: "indicator_targets", cmd: "SELECT" },
      { tablename: "indicators", cmd: "SELECT" },
      { tablename: "plans", cmd: "SELECT" },
    ]);
  });

  it("a plan never changes province (its rows' stamps would go stale)", async () => {
    const plan = await db.adminDb.plan.findFirstOrThrow({ where: { provinceCode: "14" } });
    await expect(db.adminDb.plan.update({ where: { id: plan.id }, data: { provinceCode: "68" } })).rejects.toThrow(
      /Không đổi được tỉnh/,
    );
  });

  it("a scope cannot write into another province", async () => {
    const daLat = await db.adminDb.plan.findFirstOrThrow({ where: { provinceCode: "68", hasContent: true } });
    const attempt = db.appDb.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.user_id', 'test', true), set_config('app.province_code', '14', true), set_config('app.all_provinces', 'off', true)`;
      return tx.$executeRaw`INSERT INTO tasks (id, "planId", position, numbering, body, inheritance, "timeframeKind", version) VALUES (gen_random_uuid(), ${daLat.id}, 99, 'x', 'x', 'LOCAL', 'UNSPECIFIED', 1)`;
    });
    await expect(attempt).rejects.toThrow(/row-level security/);
  });
});
