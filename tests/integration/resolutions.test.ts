import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "../../prisma/seed/ids";
import { planId } from "../../prisma/seed/plans";
import type { Scope } from "../../src/server/db/scope";
import { createSecondCascade, SECOND_CASCADE } from "../fixtures/second-cascade";
import { createTestDatabase } from "./database";

// Several resolutions at once (issue 18 part 3, ADR 0033): with a second cascade (57-NQ/TW, Sơn La's
// plan, the Mộc Châu ward's) beside the demo's 42-NQ/TW, each resolution's rollup counts its own
// cascade's plans and figures only, the default is the resolution with most plans, the choice is kept
// in the filters, and row-level security still decides what a province sees.

const TODAY = "2026-11-23";
const R42 = planId("nq-42-tw");
const SON_LA_42 = planId("kh-tu-son-la-2024");
const C = SECOND_CASCADE;
const YEAR = String(C.year);

describe("resolutions", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let q: typeof import("../../src/features/dashboards/queries");
  let withScope: typeof import("../../src/server/db/scoped").withScope;
  let parseRollupFilters: typeof import("../../src/features/dashboards/rollup").parseRollupFilters;
  let reporting: typeof import("../../src/features/reporting/queries");
  let plans: typeof import("../../src/features/plans/queries");
  const scopes = {} as Record<"sonla" | "admin" | "lamdong" | "phuong", Scope>;
  const rollup = (scope: Scope, params: Record<string, string> = {}) =>
    withScope(scope, (tx) => q.getRollup(tx, scope, parseRollupFilters({ year: YEAR, ...params }), { today: TODAY }));
  /** What a rollup shows, for comparing one before and after the second cascade exists. */
  const shown = (r: Awaited<ReturnType<typeof rollup>>) => ({
    anchor: r.anchor?.id,
    columns: r.columns.map((c) => c.key),
    totals: r.totals,
    rows: r.rows.map((row) => ({ plan: row.plan.id, counts: row.counts, cells: row.cells, below: row.below })),
  });
  let before: Record<"sonla" | "admin", ReturnType<typeof shown>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    q = await import("../../src/features/dashboards/queries");
    reporting = await import("../../src/features/reporting/queries");
    plans = await import("../../src/features/plans/queries");
    ({ withScope } = await import("../../src/server/db/scoped"));
    ({ parseRollupFilters } = await import("../../src/features/dashboards/rollup"));
    const { scopeForUser } = await import("../../src/server/auth/session");
    const scope = async (username: string) => (await scopeForUser(seedId("user", username)))!;
    scopes.sonla = await scope("sonla.approver");
    scopes.admin = await scope("admin");
    scopes.lamdong = await scope("lamdong.approver");
    scopes.phuong = await scope("phuongmocchau.viewer");
    // Only one resolution before: no choice to make.
    const sonla = await rollup(scopes.sonla);
    expect(sonla.resolutions.map((r) => r.id)).toEqual([R42]);
    expect(sonla.resolution).toBe(R42);
    before = { sonla: shown(sonla), admin: shown(await rollup(scopes.admin)) };
    await createSecondCascade((text, values) => db.adminDb.$executeRawUnsafe(text, ...(values ?? [])));
  });
  afterAll(async () => db?.drop());

  it("offers both resolutions where the body has plans in both, the one with most plans first and by default", async () => {
    for (const scope of [scopes.sonla, scopes.admin]) {
      const r = await rollup(scope);
      expect(r.resolutions.map((c) => c.id)).toEqual([R42, C.resolution]);
      expect(r.resolutions[1]).toMatchObject({
        number: C.number,
        title: expect.stringContaining("khoa học, công nghệ"),
      });
      expect(r.resolutions[0]!.plans).toBeGreaterThan(r.resolutions[1]!.plans);
      expect(r.resolution).toBe(R42);
      expect(r.filters.resolution).toBe(R42);
    }
    // Sơn La has its plan of 57-NQ/TW and the ward's below it: two plans.
    expect((await rollup(scopes.sonla)).resolutions[1]!.plans).toBe(2);
  });

  it("the default resolution's rollup is exactly what it was before the other cascade existed", async () => {
    expect(shown(await rollup(scopes.sonla))).toEqual(before.sonla);
    expect(shown(await rollup(scopes.admin))).toEqual(before.admin);
    expect(shown(await rollup(scopes.sonla, { resolution: R42 }))).toEqual(before.sonla);
  });

  it("the province's rollup of the other resolution counts only that cascade's plan and figures", async () => {
    const r = await rollup(scopes.sonla, { resolution: C.resolution });
    expect(r.resolution).toBe(C.resolution);
    expect(r.anchor?.id).toBe(C.province);
    expect(r.options.map((o) => o.id)).toEqual([C.province]);
    expect(r.rows.map((row) => row.plan.id)).toEqual([C.ward]);
    expect(r.totals).toEqual(C.wardCounts);
    expect(r.columns).toHaveLength(3);
    expect(r.groups).toEqual(["Khoa học, công nghệ và chuyển đổi số"]);
    // A link to one plan decides the resolution, whatever the URL says besides.
    const byPlan = await rollup(scopes.sonla, { resolution: C.resolution, plan: SON_LA_42 });
    expect(byPlan.resolution).toBe(R42);
    expect(shown(byPlan)).toEqual(before.sonla);
  });

  it("the national rollup of the other resolution: the province's plan, with the ward's figures below it", async () => {
    const r = await rollup(scopes.admin, { resolution: C.resolution });
    expect(r.anchor?.id).toBe(C.resolution);
    expect(r.mode).toBe("by-name");
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.plan.id).toBe(C.province);
    expect(r.rows[0]!.counts).toEqual(C.provinceCounts);
    expect(r.rows[0]!.below).toEqual({ plans: 1, counts: C.wardCounts });
    // And the 42-NQ/TW rollup's figures below the provinces hold none of the ward's 57-NQ/TW figures.
    const national42 = await rollup(scopes.admin, { resolution: R42 });
    const sonLaRow = national42.rows.find((row) => row.plan.id === SON_LA_42)!;
    expect(sonLaRow.below).toEqual(before.admin.rows.find((row) => row.plan === SON_LA_42)!.below);
  });

  it("row-level security still holds: another province neither sees nor can open the other cascade", async () => {
    const r = await rollup(scopes.lamdong, { resolution: C.resolution });
    // Lâm Đồng has no plan of 57-NQ/TW: its only choice is 42-NQ/TW, and the id asked for is ignored.
    expect(r.resolutions.map((c) => c.id)).toEqual([R42]);
    expect(r.resolution).toBe(R42);
    await expect(rollup(scopes.lamdong, { plan: C.province })).rejects.toThrow(/Không tìm thấy/);
    const figures = await withScope(
      scopes.lamdong,
      (tx) =>
        tx.$queryRaw<
          { n: number }[]
        >`SELECT count(*)::int AS n FROM rollup_figures WHERE "planId" IN (${C.province}, ${C.ward})`,
    );
    expect(figures[0]!.n).toBe(0);
    // The admin (every province) sees the figures the triggers prepared for both plans of Sơn La.
    const all = await withScope(
      scopes.admin,
      (tx) =>
        tx.$queryRaw<
          { n: number }[]
        >`SELECT count(*)::int AS n FROM rollup_figures WHERE "planId" IN (${C.province}, ${C.ward})`,
    );
    expect(all[0]!.n).toBe(2);
  });

  it("the reports page lists the chosen resolution's plans of the body and of those below it", async () => {
    const defaults = await withScope(scopes.sonla, (tx) => reporting.getReportsOverview(tx, scopes.sonla, C.year));
    expect(defaults.resolutions.map((c) => c.id)).toEqual([R42, C.resolution]);
    expect(defaults.resolution).toBe(R42);
    const ids = (rows: { planId: string }[][]) => rows.flat().map((row) => row.planId);
    expect(ids([defaults.own, defaults.ownNotOwed])).toContain(SON_LA_42);
    expect(ids([defaults.own, defaults.ownNotOwed])).not.toContain(C.province);
    expect(ids([defaults.children, defaults.childrenNotOwed])).not.toContain(C.ward);
    const other = await withScope(scopes.sonla, (tx) =>
      reporting.getReportsOverview(tx, scopes.sonla, C.year, C.resolution),
    );
    expect(other.resolution).toBe(C.resolution);
    expect(ids([other.own, other.ownNotOwed])).toEqual([C.province]);
    expect(ids([other.children, other.childrenNotOwed])).toEqual([C.ward]);
    // An id that is not among the body's resolutions is ignored.
    const unknown = await withScope(scopes.sonla, (tx) =>
      reporting.getReportsOverview(tx, scopes.sonla, C.year, seedId("nothing")),
    );
    expect(unknown.resolution).toBe(R42);
    // The ward has plans of both: each of its own reports under its resolution.
    const ward = await withScope(scopes.phuong, (tx) =>
      reporting.getReportsOverview(tx, scopes.phuong, C.year, C.resolution),
    );
    expect(ward.resolutions.map((c) => c.id).sort()).toEqual([R42, C.resolution].sort());
    expect(ids([ward.own, ward.ownNotOwed])).toEqual([C.ward]);
  });

  it("a plan knows the resolution at the top of its cascade, as its page shows it", async () => {
    const detail = await withScope(scopes.phuong, (tx) => plans.getPlanDetail(tx, scopes.phuong, C.ward));
    expect(detail.resolutionId).toBe(C.resolution);
    const top = detail.ancestors.find((a) => a.id === detail.resolutionId);
    expect(top).toMatchObject({ number: C.number, kind: "RESOLUTION" });
  });
});
