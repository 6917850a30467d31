import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planId } from "../../prisma/seed/plans";
import { createTestDatabase } from "./database";

// The public scope (ADR 0034): what the /public pages read. Row-level security shows it only what
// everyone may read (central and published plans, and of those only their indicators, targets and
// actuals); its transaction writes nothing; the public queries keep to published plans.

describe("the public scope", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let scoped: typeof import("../../src/server/db/scoped");
  let PUBLIC_SCOPE: typeof import("../../src/server/db/scope").PUBLIC_SCOPE;
  let queries: typeof import("../../src/features/public/queries");
  const published = planId("kh-tu-son-la-2024");
  const publishedChild = planId("kh-phuong-moc-chau-2025");
  const unpublished = planId("kh-son-la-district-123");
  let central: string;

  /** Rows of a table for one plan, through the public scope, with no filter of its own: row-level security alone. */
  const publicCount = (table: string, plan: string) =>
    scoped.withScope(PUBLIC_SCOPE, async (tx) => {
      const column = table === "plans" ? "id" : `"planId"`;
      const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`,
        plan,
      );
      return Number(row!.n);
    });
  const adminCount = async (table: string, plan: string) => {
    const column = table === "plans" ? "id" : `"planId"`;
    const [row] = await db.adminDb.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`,
      plan,
    );
    return Number(row!.n);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    scoped = await import("../../src/server/db/scoped");
    PUBLIC_SCOPE = (await import("../../src/server/db/scope")).PUBLIC_SCOPE;
    queries = await import("../../src/features/public/queries");
    // Published as the publish action does (the triggers restamp the plan's rows, ADR 0010).
    await db.adminDb.plan.updateMany({
      where: { id: { in: [published, publishedChild] } },
      data: { publishedAt: new Date("2026-03-01T00:00:00Z") },
    });
    central = (await db.adminDb.plan.findFirstOrThrow({ where: { provinceCode: null, publishedAt: null } })).id;
  });
  afterAll(async () => db.drop());

  it("sees a published plan, its indicators, targets and actuals, as the database holds them", async () => {
    for (const table of ["plans", "indicators", "indicator_targets", "indicator_actuals"]) {
      const all = await adminCount(table, published);
      expect(all, table).toBeGreaterThan(0);
      expect(await publicCount(table, published), table).toBe(all);
    }
  });

  it("sees nothing of an unpublished plan of a province: not the plan, its indicators, targets or actuals", async () => {
    for (const table of ["plans", "indicators", "indicator_targets", "indicator_actuals"]) {
      expect(await adminCount(table, unpublished), table).toBeGreaterThan(0);
      expect(await publicCount(table, unpublished), table).toBe(0);
    }
  });

  it("sees nothing else of a published plan, and nothing of accounts' data", async () => {
    for (const table of [
      "tasks",
      "task_assignments",
      "task_progress",
      "plan_versions",
      "reports",
      "rollup_figures",
      "rollup_cells",
    ])
      expect(await publicCount(table, published), table).toBe(0);
    const [audit] = await scoped.withScope(
      PUBLIC_SCOPE,
      (tx) => tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_logs`,
    );
    expect(Number(audit!.n)).toBe(0);
  });

  it("writes nothing, not even where row-level security does not reach", async () => {
    await expect(
      scoped.withScope(
        PUBLIC_SCOPE,
        (tx) =>
          tx.$executeRaw`UPDATE organizations SET "shortName" = 'x' WHERE id = (SELECT id FROM organizations LIMIT 1)`,
      ),
    ).rejects.toThrow(/read-only/);
    await expect(
      scoped.withScope(PUBLIC_SCOPE, (tx) => tx.$executeRaw`UPDATE plans SET title = 'x' WHERE id = ${published}`),
    ).rejects.toThrow(/read-only/);
  });

  it("leaves nothing behind on the pooled connection", async () => {
    await scoped.withScope(PUBLIC_SCOPE, (tx) => tx.$queryRaw`SELECT 1`);
    const { rawDatabase } = await import("../../src/server/db/client");
    const [row] = await rawDatabase().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM plans`;
    expect(Number(row!.n)).toBe(0);
  });

  it("lists the published plans by province, and shows a published plan's page, never an unpublished one", async () => {
    const places = await scoped.withScope(PUBLIC_SCOPE, queries.publishedPlaces);
    expect(places.map((p) => p.name)).toEqual(["Tỉnh Sơn La"]);
    expect(places[0]!.plans.map((p) => p.id).sort()).toEqual([published, publishedChild].sort());

    const page = await scoped.withScope(PUBLIC_SCOPE, (tx) => queries.publicPlan(tx, published));
    expect(page).not.toBeNull();
    expect(page!.indicators.length).toBeGreaterThan(10);
    // Targets as the officials wrote them, and the latest actuals with their status.
    expect(page!.indicators.some((i) => i.targets[2025] !== "" || i.targets[2030] !== "")).toBe(true);
    expect(page!.indicators.some((i) => i.latest !== null)).toBe(true);
    expect(page!.counts.reduce((n, c) => n + c.count, 0)).toBe(page!.indicators.filter((i) => !i.isGroup).length);
    expect(page!.children.map((c) => c.id)).toEqual([publishedChild]);
    // The seed's illustrative actuals carry their label.
    expect(page!.hasIllustrative).toBe(true);

    expect(await scoped.withScope(PUBLIC_SCOPE, (tx) => queries.publicPlan(tx, unpublished))).toBeNull();
    // A central document is readable by everyone, but not published: not on the public pages either.
    expect(await publicCount("plans", central)).toBe(1);
    expect(await scoped.withScope(PUBLIC_SCOPE, (tx) => queries.publicPlan(tx, central))).toBeNull();
  });

  it("withdrawn, a plan and its figures are out of sight again", async () => {
    await db.adminDb.plan.update({ where: { id: publishedChild }, data: { publishedAt: null } });
    for (const table of ["plans", "indicators", "indicator_actuals"])
      expect(await publicCount(table, publishedChild), table).toBe(0);
    const page = await scoped.withScope(PUBLIC_SCOPE, (tx) => queries.publicPlan(tx, published));
    expect(page!.children).toEqual([]);
  });
});
