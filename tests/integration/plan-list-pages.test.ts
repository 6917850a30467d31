import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "../../src/server/db/scope";
import type { PlanFilters } from "../../src/features/plans/queries";
import { createTestDatabase } from "./database";

// The plan list in pages, filtered in PostgreSQL (issue 18, ADR 0028): the pages of a filter put
// together are the whole filtered list, in the same order, no plan twice; each filter keeps only what
// it names; a user of one province still sees only what that province may; and every plan knows the
// resolution at the top of its cascade, kept by triggers when plans are added or moved.

describe("plan list in pages", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const scopes = {} as Record<"admin" | "sonla" | "lamdong" | "ward", Scope>;
  let resolution42: string;
  let queries: typeof import("../../src/features/plans/queries");
  let withScope: typeof import("../../src/server/db/scoped").withScope;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    const scopeOf = async (username: string) => {
      const user = await db.adminDb.user.findUniqueOrThrow({ where: { username } });
      return (await scopeForUser(user.id))!;
    };
    scopes.admin = await scopeOf("admin");
    scopes.sonla = await scopeOf("sonla.viewer");
    scopes.lamdong = await scopeOf("lamdong.approver");
    scopes.ward = await scopeOf("phuongmocchau.viewer");
    resolution42 = (await db.adminDb.plan.findFirstOrThrow({ where: { typeCode: "NQ", numberSerial: "42" } })).id;
    queries = await import("../../src/features/plans/queries");
    ({ withScope } = await import("../../src/server/db/scoped"));
  });
  afterAll(async () => db?.drop());

  const whole = (scope: Scope, filters: PlanFilters) =>
    withScope(scope, (tx) => queries.listPlans(tx, scope, filters)).then((plans) => plans.map((p) => p.id));
  const paged = async (scope: Scope, filters: PlanFilters, size: number) => {
    const ids: string[] = [];
    let total = -1;
    for (let page = 1; ; page++) {
      const result = await withScope(scope, (tx) => queries.listPlanPage(tx, scope, filters, page, size));
      total = result.total;
      expect(result.page).toBe(page);
      expect(result.plans.length).toBeLessThanOrEqual(size);
      ids.push(...result.plans.map((p) => p.id));
      if (page * size >= total) break;
    }
    return { ids, total };
  };

  it("the pages of every role's list are its whole list, in order, each plan once", async () => {
    for (const [name, scope] of Object.entries(scopes)) {
      const expected = await whole(scope, {});
      expect(expected.length, name).toBeGreaterThan(0);
      const { ids, total } = await paged(scope, {}, 7);
      expect(ids, name).toEqual(expected);
      expect(total, name).toBe(expected.length);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });

  it("every listed plan shows how many indicators it has, groups not counted, on every page", async () => {
    const { admin } = scopes;
    const counts = await db.adminDb.indicator.groupBy({ by: ["planId"], where: { isGroup: false }, _count: true });
    const expected = new Map(counts.map((c) => [c.planId, c._count]));
    const listed = [];
    for (let page = 1; page <= 3; page++)
      listed.push(...(await withScope(admin, (tx) => queries.listPlanPage(tx, admin, {}, page, 5))).plans);
    listed.push(...(await withScope(admin, (tx) => queries.listPlans(tx, admin, {}))));
    expect(listed.some((p) => p.indicatorCount > 0)).toBe(true);
    expect(listed.some((p) => p.indicatorCount === 0)).toBe(true);
    for (const plan of listed) expect(plan.indicatorCount, plan.number).toBe(expected.get(plan.id) ?? 0);
    // Groups are headings, not indicators: a plan with groups counts fewer than its rows.
    const grouped = await db.adminDb.indicator.findFirstOrThrow({ where: { isGroup: true }, select: { planId: true } });
    const rows = await db.adminDb.indicator.count({ where: { planId: grouped.planId } });
    const shown = listed.find((p) => p.id === grouped.planId);
    expect(shown?.indicatorCount).toBeLessThan(rows);
  });

  it("a page past the last shows the last, and a search with nothing searchable finds nothing", async () => {
    const { admin } = scopes;
    const all = await whole(admin, {});
    const last = await withScope(admin, (tx) => queries.listPlanPage(tx, admin, {}, 10_000, 10));
    expect(last.page).toBe(Math.ceil(all.length / 10));
    expect(last.plans.map((p) => p.id)).toEqual(all.slice((last.page - 1) * 10));
    const none = await withScope(admin, (tx) => queries.listPlanPage(tx, admin, { q: "%%" }, 1));
    expect(none).toMatchObject({ plans: [], total: 0, page: 1 });
  });

  it("each filter keeps exactly the plans it names, among those the user may see", async () => {
    const plans = await db.adminDb.plan.findMany({
      select: {
        id: true,
        provinceCode: true,
        publishedAt: true,
        track: true,
        status: true,
        resolutionId: true,
        issuer: { select: { adminUnit: { select: { level: true } } } },
      },
    });
    const cases: [PlanFilters, (p: (typeof plans)[number]) => boolean][] = [
      [{ provinceCode: "14" }, (p) => p.provinceCode === "14"],
      [{ level: "COMMUNE" }, (p) => p.issuer.adminUnit?.level === "COMMUNE"],
      [{ track: "STATE" }, (p) => p.track === "STATE"],
      [{ status: "DRAFT" }, (p) => p.status === "DRAFT"],
      [
        { status: "ISSUED", level: "PROVINCE" },
        (p) => p.status === "ISSUED" && p.issuer.adminUnit?.level === "PROVINCE",
      ],
      [{ resolutionId: resolution42 }, (p) => p.resolutionId === resolution42],
      [
        { resolutionId: resolution42, provinceCode: "14", track: "PARTY" },
        (p) => p.resolutionId === resolution42 && p.provinceCode === "14" && p.track === "PARTY",
      ],
    ];
    for (const [filters, keeps] of cases) {
      const expected = plans.filter(keeps).map((p) => p.id);
      expect(expected.length, JSON.stringify(filters)).toBeGreaterThan(0);
      // The national administrator sees all of them.
      const national = await paged(scopes.admin, filters, 5);
      expect(new Set(national.ids), JSON.stringify(filters)).toEqual(new Set(expected));
      // Lâm Đồng's approver sees those of them that are central, published or of Lâm Đồng.
      const lamdong = await paged(scopes.lamdong, filters, 5);
      const visible = plans.filter(
        (p) =>
          keeps(p) &&
          (p.provinceCode === null || p.publishedAt !== null || p.provinceCode === scopes.lamdong.provinceCode),
      );
      expect(new Set(lamdong.ids), JSON.stringify(filters)).toEqual(new Set(visible.map((p) => p.id)));
    }
    // Sơn La's unpublished plans stay out of another province's list, filter or not.
    const sonLaOwn = plans.filter((p) => p.provinceCode === "14" && p.publishedAt === null).map((p) => p.id);
    expect(sonLaOwn.length).toBeGreaterThan(0);
    const seenByLamDong = await paged(scopes.lamdong, { provinceCode: "14" }, 50);
    expect(seenByLamDong.ids.filter((id) => sonLaOwn.includes(id))).toEqual([]);
  });

  it("every plan knows its resolution: the seed's, a new plan's, and after a change of parent", async () => {
    const withParent = await db.adminDb.plan.findMany({ select: { id: true, parentId: true, resolutionId: true } });
    const byId = new Map(withParent.map((p) => [p.id, p]));
    const top = (id: string): string => {
      const parent = byId.get(id)!.parentId;
      return parent ? top(parent) : id;
    };
    for (const plan of withParent) expect(plan.resolutionId, plan.id).toBe(top(plan.id));

    // A plan below a commune plan below 42-NQ/TW, then that commune plan moved under a new root.
    const commune = await db.adminDb.plan.findFirstOrThrow({
      where: { resolutionId: resolution42, parent: { parentId: { not: null } } },
    });
    const fields = {
      kind: commune.kind,
      track: commune.track,
      notation: commune.notation,
      typeCode: commune.typeCode,
      issuerCode: commune.issuerCode,
      issuerId: commune.issuerId,
      provinceCode: commune.provinceCode,
    };
    const below = await db.adminDb.plan.create({
      data: {
        ...fields,
        parentId: commune.id,
        numberSerial: null,
        status: "DRAFT",
        title: "Kế hoạch con",
      },
    });
    expect(below.resolutionId).toBe(resolution42);
    const root = await db.adminDb.plan.create({
      data: {
        ...fields,
        parentId: null,
        numberSerial: null,
        status: "DRAFT",
        title: "Văn bản gốc khác",
      },
    });
    expect(root.resolutionId).toBe(root.id);
    await db.adminDb.plan.update({ where: { id: commune.id }, data: { parentId: root.id } });
    const after = await db.adminDb.plan.findMany({
      where: { id: { in: [commune.id, below.id] } },
      select: { resolutionId: true },
    });
    expect(after.map((p) => p.resolutionId)).toEqual([root.id, root.id]);
    // The list's filter follows: the moved plans are under the new root, no longer under 42-NQ/TW.
    const { admin } = scopes;
    const underRoot = await paged(admin, { resolutionId: root.id }, 50);
    expect(new Set(underRoot.ids)).toEqual(new Set([root.id, commune.id, below.id]));
    const under42 = await paged(admin, { resolutionId: resolution42 }, 50);
    expect(under42.ids).not.toContain(commune.id);
    // And a resolution with plans below it is offered in the list's choices.
    const choices = await withScope(admin, (tx) => queries.listResolutions(tx, admin));
    expect(choices.map((c) => c.id)).toEqual(expect.arrayContaining([resolution42, root.id]));
  });
});
