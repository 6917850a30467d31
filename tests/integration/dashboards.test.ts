import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "../../prisma/seed/ids";
import { planId } from "../../prisma/seed/plans";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// The dashboards on the seeded demo data (Sơn La's plan and its twelve district plans), with statuses,
// targets and dates set here by hand so that every expected number below can be counted on paper.

const TODAY = "2026-11-23";
const SON_LA = planId("kh-tu-son-la-2024");
const MOC_CHAU = planId("kh-son-la-district-123");
const MAI_SON = planId("kh-son-la-district-125");
// A ward of today implementing the provincial plan directly, with the first four groups' 9 indicators.
const WARD = planId("kh-phuong-moc-chau-2025");
const WARD_INDICATORS = 9;
const DISTRICT_PLANS_SQL = `SELECT id FROM plans WHERE "parentId" = '${SON_LA}'`;

// The Sơn La plan has 39 indicators in 9 groups (1+2+3+3+6+15+2+5+2); "Dân số, y tế" holds 15 of them.
const INDICATORS = 39;
const HEALTH = "Dân số, y tế";
const HEALTH_INDICATORS = 15;

describe("dashboards", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let q: typeof import("../../src/features/dashboards/queries");
  let withScope: typeof import("../../src/server/db/scoped").withScope;
  let parseRollupFilters: typeof import("../../src/features/dashboards/rollup").parseRollupFilters;
  const scopes = {} as Record<"sonla" | "admin" | "mocchau" | "phuong", Scope>;

  /** The indicator of a plan with this code (e.g. "6.2"). */
  const indicator = async (plan: string, code: string) =>
    (await db.adminDb.indicator.findFirstOrThrow({ where: { planId: plan, code, isGroup: false } })).id;
  const setActual = async (
    plan: string,
    code: string,
    year: number,
    status: "MET" | "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "NO_DATA",
  ) => {
    const indicatorId = await indicator(plan, code);
    await db.adminDb.indicatorActual.upsert({
      where: { indicatorId_year: { indicatorId, year } },
      create: { planId: plan, indicatorId, year, value: 1, text: "1", status },
      update: { status },
    });
  };
  const rollup = (scope: Scope, params: Record<string, string> = {}) =>
    withScope(scope, (tx) => q.getRollup(tx, scope, parseRollupFilters(params), { today: TODAY }));
  const rowOf = (r: Awaited<ReturnType<typeof rollup>>, plan: string) => r.rows.find((row) => row.plan.id === plan)!;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    q = await import("../../src/features/dashboards/queries");
    ({ withScope } = await import("../../src/server/db/scoped"));
    ({ parseRollupFilters } = await import("../../src/features/dashboards/rollup"));
    const { scopeForUser } = await import("../../src/server/auth/session");
    const scope = async (username: string) => (await scopeForUser(seedId("user", username)))!;
    scopes.sonla = await scope("sonla.approver");
    scopes.admin = await scope("admin");
    scopes.mocchau = await scope("mocchau.editor");
    scopes.phuong = await scope("phuongmocchau.viewer");

    // Known results for 2025: every district's (and the ward's) figures are removed, then Mộc Châu gets two indicators
    // off track, one at risk and one met; Mai Sơn three off track. Sơn La's own 2025 figures likewise.
    await db.adminDb.$executeRawUnsafe(
      `DELETE FROM indicator_actuals WHERE year >= 2025 AND ("planId" IN (${DISTRICT_PLANS_SQL}) OR "planId" = '${SON_LA}')`,
    );
    await setActual(MOC_CHAU, "6.2", 2025, "OFF_TRACK");
    await setActual(MOC_CHAU, "6.3", 2025, "OFF_TRACK");
    await setActual(MOC_CHAU, "6.9", 2025, "AT_RISK");
    await setActual(MOC_CHAU, "5.3", 2025, "MET");
    await setActual(MAI_SON, "2.2", 2025, "OFF_TRACK");
    await setActual(MAI_SON, "3.1", 2025, "OFF_TRACK");
    await setActual(MAI_SON, "3.2", 2025, "OFF_TRACK");
    await setActual(SON_LA, "6.9", 2025, "ON_TRACK");
    await setActual(SON_LA, "6.10", 2025, "AT_RISK");
  });
  afterAll(async () => db?.drop());

  it("the province sees its districts' plans as localities, attributed to today's communes", async () => {
    const r = await rollup(scopes.sonla);
    expect(r.anchor?.id).toBe(SON_LA);
    expect(r.mode).toBe("derived");
    // Twelve district plans of 2024 and the ward's plan of 2025.
    expect(r.rows).toHaveLength(13);
    expect(r.columns).toHaveLength(INDICATORS);
    expect(r.groups).toEqual([
      "Người có công",
      "Lao động, việc làm",
      "Bảo hiểm xã hội",
      "Trợ giúp xã hội",
      "Giáo dục",
      HEALTH,
      "Nhà ở",
      "Nước sạch và vệ sinh môi trường",
      "Văn hoá",
    ]);
    // The districts were dissolved on 30/06/2025: every row says so and names its successors.
    expect(r.attributedRows).toBe(12);
    const mocChau = rowOf(r, MOC_CHAU);
    expect(mocChau.label).toBe("Thị ủy Mộc Châu");
    expect(mocChau.plan.dissolved).toBe(true);
    expect(mocChau.plan.successorNames).toContain("Đảng ủy phường Mộc Châu");
    const ward = rowOf(r, WARD);
    expect(ward.label).toBe("Đảng ủy phường Mộc Châu");
    expect(ward.plan.dissolved).toBe(false);
    expect(r.hasIllustrative).toBe(true);
  });

  it("counts each locality's indicators by the status stored with its actuals, and sorts by the number off track", async () => {
    const r = await rollup(scopes.sonla);
    // 2024 and 2025 have figures, 2026 none yet: the latest year is shown; the last six can be chosen.
    expect(r.years).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(r.year).toBe(2025);
    const mocChau = rowOf(r, MOC_CHAU);
    expect(mocChau.counts).toEqual({ MET: 1, ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 2, NO_DATA: INDICATORS - 4 });
    expect(rowOf(r, MAI_SON).counts).toEqual({
      MET: 0,
      ON_TRACK: 0,
      AT_RISK: 0,
      OFF_TRACK: 3,
      NO_DATA: INDICATORS - 3,
    });
    // The cells of the matrix: the column is the province's indicator the district's one derives from.
    const cell = (row: string, code: string) =>
      q.cellStatus(r, rowOf(r, row), r.columns.find((c) => c.code === code)!.key);
    expect(mocChau.cells).toHaveLength(r.columns.length);
    expect(cell(MOC_CHAU, "6.2")).toBe("OFF_TRACK");
    expect(cell(MOC_CHAU, "6.9")).toBe("AT_RISK");
    expect(cell(MOC_CHAU, "5.3")).toBe("MET");
    expect(cell(MOC_CHAU, "1.1")).toBe("NO_DATA");
    // Each cell's figure and the province's target, for the matrix to show a value against its target.
    const index = (code: string) => r.columns.findIndex((c) => c.code === code);
    expect(r.columns[index("6.9")]!.targets).toBe("2030: 97%");
    expect(r.columns[index("3.1")]!.targets).toBe("2030: 25%");
    expect(mocChau.values[index("6.9")]).toEqual(expect.any(String));
    expect(mocChau.values[index("1.1")]).toBeUndefined();
    // The ward did not take up the health indicators: no cell, not "no data"; its nine count.
    expect(cell(WARD, "6.2")).toBeNull();
    expect(rowOf(r, WARD).counts).toEqual({ MET: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, NO_DATA: WARD_INDICATORS });
    // Most off track first: Mai Sơn (3), Mộc Châu (2), then the eleven others by name.
    expect(r.rows.slice(0, 2).map((row) => row.plan.id)).toEqual([MAI_SON, MOC_CHAU]);
    expect(r.totals).toEqual({
      MET: 1,
      ON_TRACK: 0,
      AT_RISK: 1,
      OFF_TRACK: 5,
      NO_DATA: 12 * INDICATORS + WARD_INDICATORS - 7,
    });
    // 2024 is still there to look at.
    const earlier = await rollup(scopes.sonla, { year: "2024" });
    expect(earlier.year).toBe(2024);
    expect(rowOf(earlier, MOC_CHAU).counts.NO_DATA).toBeLessThan(INDICATORS);
  });

  it("filters by indicator group and by track", async () => {
    const r = await rollup(scopes.sonla, { group: HEALTH });
    expect(r.filters.group).toBe(HEALTH);
    expect(r.columns).toHaveLength(HEALTH_INDICATORS);
    expect(r.columns.every((c) => c.group === HEALTH)).toBe(true);
    expect(rowOf(r, MOC_CHAU).counts).toEqual({
      MET: 0,
      ON_TRACK: 0,
      AT_RISK: 1,
      OFF_TRACK: 2,
      NO_DATA: HEALTH_INDICATORS - 3,
    });
    expect(rowOf(r, MAI_SON).counts).toEqual({
      MET: 0,
      ON_TRACK: 0,
      AT_RISK: 0,
      OFF_TRACK: 0,
      NO_DATA: HEALTH_INDICATORS,
    });
    expect(rowOf(r, WARD).counts).toEqual({ MET: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, NO_DATA: 0 });
    expect(r.rows[0]!.plan.id).toBe(MOC_CHAU);
    // The children are Party plans: none on the State track.
    expect((await rollup(scopes.sonla, { track: "STATE" })).rows).toHaveLength(0);
    expect((await rollup(scopes.sonla, { track: "PARTY" })).rows).toHaveLength(13);
    // An unknown group is ignored rather than showing an empty matrix.
    expect((await rollup(scopes.sonla, { group: "Không có nhóm này" })).columns).toHaveLength(INDICATORS);
    // By name instead of by the number off track.
    const byName = await rollup(scopes.sonla, { sort: "name" });
    const labels = byName.rows.map((row) => row.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "vi", { sensitivity: "base" })));
  });

  it("a result entered now shows on the next load", async () => {
    const before = rowOf(await rollup(scopes.sonla), MOC_CHAU);
    expect(before.counts.OFF_TRACK).toBe(2);
    // As the results page would: through the scoped layer, as the district's editor.
    const indicatorId = await indicator(MOC_CHAU, "6.2");
    await withScope(scopes.mocchau, (tx) =>
      tx.indicatorActual.update({
        where: { indicatorId_year: { indicatorId, year: 2025 } },
        data: { status: "MET", value: 80, text: "80" },
      }),
    );
    const after = await rollup(scopes.sonla);
    const row = rowOf(after, MOC_CHAU);
    expect(row.counts).toEqual({ MET: 2, ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 1, NO_DATA: INDICATORS - 4 });
    expect(q.cellStatus(after, row, after.columns.find((c) => c.code === "6.2")!.key)).toBe("MET");
    // A first figure for 2026 makes 2026 the year shown.
    await setActual(MOC_CHAU, "6.3", 2026, "ON_TRACK");
    const now = await rollup(scopes.sonla);
    expect(now.year).toBe(2026);
    expect(rowOf(now, MOC_CHAU).counts).toEqual({
      MET: 0,
      ON_TRACK: 1,
      AT_RISK: 0,
      OFF_TRACK: 0,
      NO_DATA: INDICATORS - 1,
    });
    await db.adminDb.indicatorActual.deleteMany({ where: { planId: MOC_CHAU, year: 2026 } });
    await withScope(scopes.mocchau, (tx) =>
      tx.indicatorActual.update({
        where: { indicatorId_year: { indicatorId, year: 2025 } },
        data: { status: "OFF_TRACK" },
      }),
    );
  });

  it("the national rollup: provinces' plans by indicator name, with their localities' results below them", async () => {
    const r = await rollup(scopes.admin);
    expect(r.anchor?.number).toBe("42-NQ/TW");
    expect(r.mode).toBe("by-name");
    // Central documents implementing 42-NQ/TW (19-KH/TW, 68/NQ-CP) are not localities.
    expect(r.rows.map((row) => row.plan.issuerName).sort()).toEqual(
      ["Tỉnh ủy Lâm Đồng", "Tỉnh ủy Sơn La", "Tỉnh ủy Đắk Lắk"].sort(),
    );
    expect(r.columns).toHaveLength(INDICATORS);
    expect(r.year).toBe(2025);
    const sonLa = rowOf(r, SON_LA);
    expect(sonLa.counts).toEqual({ MET: 0, ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 0, NO_DATA: INDICATORS - 2 });
    // Below Sơn La: its thirteen children's 2025 figures (7 entered above).
    expect(sonLa.below).toEqual({ plans: 13, counts: { MET: 1, ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 5, NO_DATA: 0 } });
    // With a group: only the figures of that group below.
    const health = await rollup(scopes.admin, { group: HEALTH });
    expect(rowOf(health, SON_LA).below).toEqual({
      plans: 13,
      counts: { MET: 0, ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 2, NO_DATA: 0 },
    });
    // Lâm Đồng's programme is recorded by number only: no indicators, nothing counted.
    const lamDong = r.rows.find((row) => row.plan.issuerName === "Tỉnh ủy Lâm Đồng")!;
    expect(lamDong.counts).toEqual({ MET: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, NO_DATA: 0 });
  });

  it("lists the children whose targets are less ambitious than the parent's", async () => {
    const setTarget = async (plan: string, code: string, value: number) => {
      const indicatorId = await indicator(plan, code);
      await db.adminDb.indicatorTarget.update({
        where: { indicatorId_year: { indicatorId, year: 2030 } },
        data: { kind: "EXACT", lower: value, upper: value, isPercent: true, text: `${value}%` },
      });
    };
    // "Tỷ lệ bao phủ bảo hiểm y tế": the province asks 97%. Mộc Châu 90% is weaker; Mai Sơn 98% is not.
    await setTarget(MOC_CHAU, "6.9", 90);
    await setTarget(MAI_SON, "6.9", 98);
    // "Tỉ lệ tiêm chủng mở rộng" (95%): every district copies the province exactly.
    await db.adminDb
      .$executeRawUnsafe(`UPDATE indicator_targets t SET kind = p.kind, lower = p.lower, upper = p.upper, text = p.text
      FROM indicators i, indicator_targets p WHERE t."indicatorId" = i.id AND p."indicatorId" = i."derivedFromId" AND p.year = t.year AND i.code = '6.12' AND i."planId" IN (${DISTRICT_PLANS_SQL})`);
    const dashboard = await withScope(scopes.sonla, (tx) =>
      q.getDashboard(tx, scopes.sonla, parseRollupFilters({}), { today: TODAY }),
    );
    const item = dashboard.alignment!.find((a) => a.column.code === "6.9")!;
    const mocChau = item.weaker.find((w) => w.plan.id === MOC_CHAU);
    expect(mocChau).toMatchObject({ year: 2030, childText: "90%", parentText: "97%" });
    // The matrix shows a locality's own target where it differs from the province's.
    expect(dashboard.ownTargets[MOC_CHAU]![item.column.key]).toBe("2030: 90%");
    expect(dashboard.ownTargets[MAI_SON]![item.column.key]).toBe("2030: 98%");
    expect(item.weaker.some((w) => w.plan.id === MAI_SON)).toBe(false);
    expect(dashboard.alignment!.some((a) => a.column.code === "6.12")).toBe(false);
    // The page reads the own targets of the localities it shows only, and reads the same for them.
    const shownOnly = await withScope(scopes.sonla, (tx) =>
      q.getDashboard(tx, scopes.sonla, parseRollupFilters({}), {
        today: TODAY,
        alignment: false,
        shownPlans: () => [MOC_CHAU],
      }),
    );
    expect(shownOnly.alignment).toBeUndefined();
    expect(Object.keys(shownOnly.ownTargets)).toEqual([MOC_CHAU]);
    expect(shownOnly.ownTargets[MOC_CHAU]).toEqual(dashboard.ownTargets[MOC_CHAU]);
    // The national rollup has no inherited indicators to compare.
    const national = await withScope(scopes.admin, (tx) =>
      q.getDashboard(tx, scopes.admin, parseRollupFilters({}), { today: TODAY }),
    );
    expect(national.alignment).toBeNull();
  });

  it("plan issuance: today's communes, the district plan they inherited, and who missed the province's deadline", async () => {
    // The province asked for plans "hoàn thành trong quý I/2024": by 31/03/2024.
    await db.adminDb.plan.update({ where: { id: MOC_CHAU }, data: { issuedOn: new Date("2024-03-15") } });
    await db.adminDb.plan.update({ where: { id: MAI_SON }, data: { issuedOn: new Date("2024-04-20") } });
    const { issuance } = await withScope(scopes.sonla, (tx) =>
      q.getDashboard(tx, scopes.sonla, parseRollupFilters({}), { today: TODAY }),
    );
    expect(issuance!.dueOn).toBe("2024-03-31");
    // One row per commune of Sơn La today (75), each covered by the plan of the district it came from.
    expect(issuance!.rows).toHaveLength(75);
    // The ward: the district plan it inherited (on time, 16 days early) and its own of 15/09/2025
    // (533 days after the province's deadline, which predates the ward itself).
    const ward = issuance!.rows.find((r) => r.locality?.name === "Phường Mộc Châu")!;
    expect(ward.plans.map((p) => [p.plan.id, p.inherited, p.issuance])).toEqual([
      [MOC_CHAU, true, { state: "ON_TIME", days: 16 }],
      [WARD, false, { state: "LATE", days: 533 }],
    ]);
    expect(ward.issuance).toEqual({ state: "ON_TIME", days: 16 });
    const maiSonCommunes = issuance!.rows.filter((r) => r.plans.some((p) => p.plan.id === MAI_SON));
    expect(maiSonCommunes.length).toBeGreaterThan(0);
    for (const row of maiSonCommunes.filter((r) => r.plans.length === 1))
      expect(row.issuance).toEqual({ state: "LATE", days: 20 });

    // Two late plans for one locality: the smaller lateness, whatever order they come in.
    await db.adminDb.plan.update({ where: { id: MOC_CHAU }, data: { issuedOn: new Date("2024-05-01") } });
    for (let run = 0; run < 3; run++) {
      const again = (
        await withScope(scopes.sonla, (tx) =>
          q.getDashboard(tx, scopes.sonla, parseRollupFilters({}), { today: TODAY }),
        )
      ).issuance!;
      const row = again.rows.find((r) => r.locality?.name === "Phường Mộc Châu")!;
      expect(row.issuance).toEqual({ state: "LATE", days: 31 });
      expect(row.plans.map((p) => p.plan.id)).toEqual([MOC_CHAU, WARD]);
    }
    await db.adminDb.plan.update({ where: { id: MOC_CHAU }, data: { issuedOn: new Date("2024-03-15") } });

    // Mai Sơn's plan back to a draft: its communes have still not issued one, 967 days after the deadline.
    await db.adminDb.plan.update({ where: { id: MAI_SON }, data: { status: "DRAFT" } });
    const later = (
      await withScope(scopes.sonla, (tx) => q.getDashboard(tx, scopes.sonla, parseRollupFilters({}), { today: TODAY }))
    ).issuance!;
    const overdue = later.rows.filter((r) => r.plans.length === 1 && r.plans[0]!.plan.id === MAI_SON);
    expect(overdue.length).toBeGreaterThan(0);
    for (const row of overdue) expect(row.issuance).toEqual({ state: "DRAFT_OVERDUE", days: 967 });
    // Missed first.
    expect(later.rows[0]!.issuance.state).toBe("DRAFT_OVERDUE");
    await db.adminDb.plan.update({ where: { id: MAI_SON }, data: { status: "ISSUED" } });
  });

  it("report submission for the current year, with days left until 15/12", async () => {
    await db.adminDb.report.create({
      data: {
        planId: MOC_CHAU,
        year: 2026,
        periodStart: new Date("2025-12-15"),
        periodEnd: new Date("2026-12-14"),
        dueOn: new Date("2026-12-15"),
        status: "SUBMITTED",
      },
    });
    await db.adminDb.report.create({
      data: {
        planId: MAI_SON,
        year: 2026,
        periodStart: new Date("2025-12-15"),
        periodEnd: new Date("2026-12-14"),
        dueOn: new Date("2026-12-15"),
        status: "RETURNED",
      },
    });
    const { reports } = await withScope(scopes.sonla, (tx) =>
      q.getDashboard(tx, scopes.sonla, parseRollupFilters({}), { today: TODAY }),
    );
    expect(reports).toMatchObject({ year: 2026, due: "2026-12-15", daysLeft: 22, submitted: 1 });
    // The twelve district committees ended on 30/6/2025 and owe no 2026 report: the ward does, and
    // the two districts' reports that exist anyway are shown.
    expect(reports!.rows.map((r) => r.plan.id).sort()).toEqual([MAI_SON, MOC_CHAU, WARD].sort());
    expect(reports!.notOwed).toBe(10);
    const of = (plan: string) => reports!.rows.find((r) => r.plan.id === plan)!.standing;
    expect(of(MOC_CHAU)).toMatchObject({ submitted: true, label: "Đã nộp", deadline: "SUBMITTED" });
    expect(of(MAI_SON)).toMatchObject({
      submitted: false,
      label: "Bị trả lại, chưa nộp lại",
      daysLeft: 22,
      deadline: "OPEN",
    });
    const other = of(WARD);
    expect(other).toMatchObject({ submitted: false, label: "Chưa nộp", daysLeft: 22 });
    // Submitted last.
    expect(reports!.rows.at(-1)!.plan.id).toBe(MOC_CHAU);
  });

  it("one plan's dashboard: indicators grouped by theme with their status, tasks by status and lead agency", async () => {
    // All of Mộc Châu's 2025 task progress "in progress", but one task behind.
    await db.adminDb.taskProgress.updateMany({
      where: { planId: MOC_CHAU, year: 2025 },
      data: { status: "IN_PROGRESS" },
    });
    const firstGroup = await db.adminDb.task.findFirstOrThrow({
      where: { planId: MOC_CHAU, parentTaskId: null, position: 0 },
    });
    const leaf = await db.adminDb.task.findFirstOrThrow({
      where: { planId: MOC_CHAU, parentTaskId: firstGroup.id, position: 0 },
    });
    await db.adminDb.taskProgress.updateMany({ where: { taskId: leaf.id, year: 2025 }, data: { status: "BEHIND" } });

    const d = await q.getPlanDashboard(scopes.sonla, MOC_CHAU, { today: TODAY });
    expect(d.plan.issuerName).toBe("Thị ủy Mộc Châu");
    expect(d.plan.dissolved).toBe(true);
    expect(d.groups.map((g) => g.name)[5]).toBe(HEALTH);
    expect(d.groups.reduce((n, g) => n + g.indicators.length, 0)).toBe(INDICATORS);
    const health = d.groups[5]!;
    expect(health.indicators).toHaveLength(HEALTH_INDICATORS);
    expect(health.counts).toEqual({ MET: 0, ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 2, NO_DATA: HEALTH_INDICATORS - 3 });
    expect(d.year).toBe(2025);
    expect(health.indicators.find((i) => i.code === "6.9")!.status).toBe("AT_RISK");
    // The first group's cards, with their figures, and only those.
    expect(d.shown).toEqual({ all: false, found: true });
    expect(d.groups.map((g) => g.cards !== null)).toEqual(d.groups.map((_, i) => i === 0));
    expect(d.groups[0]!.cards!.map((c) => c.code)).toEqual(d.groups[0]!.indicators.map((i) => i.code));
    expect(d.groups[0]!.cards!.some((c) => c.actuals.length > 0)).toBe(true);
    expect(d.tasks.year).toBe(2025);
    expect(d.tasks.counts.BEHIND).toBe(1);
    expect(d.tasks.behind).toHaveLength(1);
    expect(d.tasks.behind[0]!.agencies).toEqual(["Ban Tuyên giáo Thị ủy Mộc Châu"]);
    expect(d.tasks.byAgency[0]).toMatchObject({ agency: "Ban Tuyên giáo Thị ủy Mộc Châu" });
    expect(d.tasks.byAgency[0]!.counts.BEHIND).toBe(1);

    // A group asked for by name: its cards, with targets, actuals by year and the chart's marks.
    const asked = await q.getPlanDashboard(scopes.sonla, MOC_CHAU, { today: TODAY, group: HEALTH });
    expect(asked.groups.map((g) => g.cards !== null)).toEqual(asked.groups.map((_, i) => i === 5));
    const coverage = asked.groups[5]!.cards!.find((i) => i.code === "6.9")!;
    expect(coverage.status).toBe("AT_RISK");
    expect(coverage.actuals.find((a) => a.year === 2025)?.status).toBe("AT_RISK");
    // The time axis runs to 2030 with every year; the 2030 target (Mộc Châu set its own, 90%) is a labelled mark.
    const chart = coverage.chart!;
    expect(chart.x[1]).toBe(2030);
    expect(chart.rows.map((r) => r.year)).toEqual(
      Array.from({ length: chart.x[1] - chart.x[0] + 1 }, (_, i) => chart.x[0] + i),
    );
    expect(chart.rows.filter((r) => r.target !== undefined).map((r) => [r.year, r.targetLabel, r.targetText])).toEqual([
      [2030, "90%", "90%"],
    ]);
    expect(chart.rows.find((r) => r.year === 2025)?.status).toBe("AT_RISK");
    // The same counts whichever group is shown; every group's cards for ALL_GROUPS; the first group, and a note, for a name the plan has no group of.
    expect(asked.counts).toEqual(d.counts);
    const all = await q.getPlanDashboard(scopes.sonla, MOC_CHAU, { today: TODAY, group: "*" });
    expect(all.shown.all).toBe(true);
    expect(all.groups.every((g) => g.cards?.length === g.indicators.length)).toBe(true);
    const unknown = await q.getPlanDashboard(scopes.sonla, MOC_CHAU, { today: TODAY, group: "Không có nhóm này" });
    expect(unknown.shown.found).toBe(false);
    expect(unknown.groups[0]!.cards).not.toBeNull();
  });

  it("keeps its frequent statements prepared on the connection, with the same results", async () => {
    const before = await q.getPlanDashboard(scopes.sonla, MOC_CHAU, { today: TODAY });
    // Sequential work takes the connection just released: the one the statements were prepared on.
    const prepared = await withScope(scopes.sonla, (tx) =>
      tx.$queryRawUnsafe<{ statement: string }[]>(
        `SELECT statement FROM pg_prepared_statements WHERE name LIKE 'p\\_%'`,
      ),
    );
    expect(prepared.some((p) => p.statement.includes("'statuses'"))).toBe(true);
    expect(prepared.every((p) => p.statement.startsWith("/* prepared */"))).toBe(true);
    for (let i = 0; i < 6; i++)
      expect(await q.getPlanDashboard(scopes.sonla, MOC_CHAU, { today: TODAY })).toEqual(before);
  });

  it("sees only what the scope may read", async () => {
    const { NotFoundError } = await import("../../src/server/errors");
    // A district cannot open a sibling district's dashboard, nor roll up another province's plan.
    await expect(q.getPlanDashboard(scopes.mocchau, MAI_SON, { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
    // Nor read its cards' figures, even with the ids of its indicators in hand.
    const maiSonIndicators = (
      await db.adminDb.indicator.findMany({ where: { planId: MAI_SON }, select: { id: true } })
    ).map((i) => i.id);
    const details = (scope: Scope) =>
      withScope(scope, (tx) => {
        const { text, values } = q.planDetailsQuery(scope, MAI_SON, maiSonIndicators).toQuery();
        return tx.$queryRawUnsafe<{ data: string }[]>(text, ...values);
      });
    expect(await details(scopes.mocchau)).toEqual([]);
    expect(JSON.parse((await details(scopes.sonla))[0]!.data).targets.length).toBeGreaterThan(0);
    const daLat = planId("kh-222-thu-da-lat");
    await expect(rollup(scopes.sonla, { plan: daLat })).rejects.toBeInstanceOf(NotFoundError);
    // A body whose plans have no children gets no rollup (the page then says what to do).
    const commune = await rollup(scopes.phuong);
    expect(commune.anchor).toBeNull();
    expect(commune.options.map((o) => o.id)).toContain(MOC_CHAU);
    // The district may roll up the province's plan it can read, and sees only itself among the children.
    const fromDistrict = await rollup(scopes.mocchau, { plan: SON_LA });
    expect(fromDistrict.rows.map((r) => r.plan.id)).toEqual([MOC_CHAU]);
    // Nor count the plans below it that it may not read.
    expect((await q.getPlanDashboard(scopes.mocchau, SON_LA, { today: TODAY })).plan.children).toBe(1);
    expect((await q.getPlanDashboard(scopes.sonla, SON_LA, { today: TODAY })).plan.children).toBe(13);
  });
  it("a province's rollup counts the results of the plans below each locality, only the selected group's with a group", async () => {
    const all = await rollup(scopes.sonla);
    const year = all.year!;
    const healthKey = all.columns.find((c) => c.group === HEALTH)!.key;
    const otherKey = all.columns.find((c) => c.group !== HEALTH)!.key;
    const mocChau = async (key: string) =>
      (await db.adminDb.indicator.findFirstOrThrow({ where: { planId: MOC_CHAU, derivedFromId: key, isGroup: false } }))
        .id;
    // A commune's plan below Mộc Châu's, implementing one of its health indicators and one of another group.
    const issuer = (await db.adminDb.plan.findUniqueOrThrow({ where: { id: WARD } })).issuerId;
    const commune = "cccccccc-0000-4000-8000-000000000001";
    await db.adminDb.$executeRawUnsafe(
      `INSERT INTO plans (id, kind, track, status, notation, "typeCode", "issuerCode", "issuerId", "provinceCode", title, "parentId", "updatedAt")
       SELECT $1, kind, track, status, notation, "typeCode", "issuerCode", $2, "provinceCode", 'Kế hoạch của xã', $3, now() FROM plans WHERE id = $3`,
      commune,
      issuer,
      MOC_CHAU,
    );
    for (const [n, key, status] of [
      [1, healthKey, "OFF_TRACK"],
      [2, otherKey, "MET"],
    ] as const) {
      const id = `cccccccc-0000-4000-8000-00000000010${n}`;
      await db.adminDb.$executeRawUnsafe(
        `INSERT INTO indicators (id, "planId", "isGroup", position, code, name, "derivedFromId", inheritance)
         VALUES ($1, $2, false, $3, $4, 'Chỉ tiêu của xã ' || $4, $5, 'INHERITED')`,
        id,
        commune,
        n,
        String(n),
        await mocChau(key),
      );
      await db.adminDb.$executeRawUnsafe(
        `INSERT INTO indicator_actuals (id, "planId", "indicatorId", year, text, status) VALUES (gen_random_uuid(), $1, $2, $3, '1', $4::"IndicatorStatus")`,
        commune,
        id,
        year,
        status,
      );
    }
    const whole = await rollup(scopes.sonla, { year: String(year) });
    expect(rowOf(whole, MOC_CHAU).below).toEqual({
      plans: 1,
      counts: { MET: 1, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 1, NO_DATA: 0 },
    });
    expect(rowOf(whole, MAI_SON).below).toBeNull();
    // With the health group only the commune's health indicator counts; the matrix itself is unchanged.
    const health = await rollup(scopes.sonla, { year: String(year), group: HEALTH });
    expect(rowOf(health, MOC_CHAU).below).toEqual({
      plans: 1,
      counts: { MET: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 1, NO_DATA: 0 },
    });
    expect(rowOf(health, MAI_SON).below).toBeNull();
  });
});
