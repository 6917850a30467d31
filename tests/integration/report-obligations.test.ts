import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "../../prisma/seed/ids";
import { planId } from "../../prisma/seed/plans";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// Which reports are owed (issue 13, point 2): only for years a body existed on the due day and the
// plan had been issued by then. The twelve Sơn La district committees ended on 30/6/2025: they owe
// nothing for 2026, and their successors do not owe reports on their plans either.

const YEAR = 2026;
const MOC_CHAU = planId("kh-son-la-district-123");
const WARD = planId("kh-phuong-moc-chau-2025");

describe("report obligations", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const scopes = {} as Record<"province" | "ward" | "wardApprover", Scope>;
  let overview: typeof import("../../src/features/reporting/queries").getReportsOverview;
  let withScope: typeof import("../../src/server/db/scoped").withScope;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    scopes.province = (await scopeForUser(seedId("user", "sonla.approver")))!;
    scopes.ward = (await scopeForUser(seedId("user", "phuongmocchau.editor")))!;
    scopes.wardApprover = (await scopeForUser(seedId("user", "phuongmocchau.approver")))!;
    overview = (await import("../../src/features/reporting/queries")).getReportsOverview;
    withScope = (await import("../../src/server/db/scoped")).withScope;
  });
  afterAll(async () => db.drop());

  const of = (scope: Scope, year: number) => withScope(scope, (tx) => overview(tx, scope, year));

  it("the province counts only the children that owe this year's report, and lists the others with the reason", async () => {
    const now = await of(scopes.province, YEAR);
    expect(now.children.map((r) => r.planId)).toEqual([WARD]);
    expect(now.summary.total).toBe(1);
    expect(now.childrenNotOwed).toHaveLength(12);
    expect(now.childrenNotOwed.find((r) => r.planId === MOC_CHAU)?.notOwed).toMatch(
      /^Thị ủy Mộc Châu đã kết thúc hoạt động ngày 30\/06\/2025, trước hạn báo cáo năm 2026/,
    );
    // In 2024 the districts existed and owed their reports; the ward did not exist yet.
    const then = await of(scopes.province, 2024);
    expect(then.children).toHaveLength(12);
    expect(then.childrenNotOwed.map((r) => r.planId)).toEqual([WARD]);
  });

  it("the ward does not owe its predecessor's reports after the predecessor ended", async () => {
    const now = await of(scopes.ward, YEAR);
    expect(now.own.map((r) => r.planId)).toEqual([WARD]);
    expect(now.ownNotOwed.map((r) => r.planId)).toEqual([MOC_CHAU]);
    // For 2024 the district's report was owed, and the ward, holding its record, may still send it.
    const then = await of(scopes.ward, 2024);
    expect(then.own.map((r) => r.planId)).toEqual([MOC_CHAU]);
    expect(then.own[0]!.deadline).toBe("OVERDUE");
  });

  it("no report is owed for a year before the plan was issued", async () => {
    const { issuePlan } = await import("../../src/features/plans/plan-actions");
    const { getReportPage } = await import("../../src/features/reporting/queries");
    const { createReport } = await import("../../src/features/reporting/report-actions");
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    const draft = await db.adminDb.plan.create({
      data: {
        kind: "PLAN",
        track: "PARTY",
        notation: "PARTY",
        typeCode: "KH",
        issuerCode: "ĐU",
        issuerId: ward.id,
        provinceCode: "14",
        title: "Kế hoạch ban hành trong năm (kiểm thử)",
        parentId: planId("kh-tu-son-la-2024"),
      },
    });
    const issued = await issuePlan.execute(scopes.wardApprover, {
      planId: draft.id,
      version: String(draft.version),
      numberSerial: "31",
      issuedOn: "05/12/2026",
      signerName: "Nguyễn Văn Minh",
      signerTitle: "BÍ THƯ",
      signingForm: "",
    });
    expect(issued.status).toBe("ok");
    const page = (year: number) => withScope(scopes.ward, (tx) => getReportPage(tx, scopes.ward, draft.id, year));
    expect((await page(2025)).notOwed).toBe(
      "Kế hoạch ban hành ngày 05/12/2026, sau hạn báo cáo năm 2025: không phải báo cáo năm này.",
    );
    expect((await page(2026)).notOwed).toBeNull();
    expect(await createReport.execute(scopes.ward, { planId: draft.id, year: 2025 })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/sau hạn báo cáo năm 2025/),
    });
    expect(await db.adminDb.report.count({ where: { planId: draft.id } })).toBe(0);
    const year2025 = await of(scopes.ward, 2025);
    expect(year2025.own.map((r) => r.planId)).not.toContain(draft.id);
    expect(year2025.ownNotOwed.map((r) => r.planId)).toContain(draft.id);
    expect((await of(scopes.ward, 2026)).own.map((r) => r.planId)).toContain(draft.id);
  });
});
