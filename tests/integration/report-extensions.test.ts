import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// Cascading deadlines and extensions (issue 16, ADR 0029), on the demo ward (Đảng ủy phường Mộc Châu)
// whose report the province (Tỉnh ủy Sơn La) reviews. The year is 2025 and the ward's deadline is set
// to 1/12/2025, so the original deadline has passed whatever day the test runs; the extension goes to
// 31/12/2099, so it has not.

const YEAR = 2025;

describe("cascading deadlines and extensions", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let planId: string;
  let provincePlanId: string;
  const scopes = {} as Record<
    "wardEditor" | "wardApprover" | "reviewer" | "provinceEditor" | "districtApprover" | "otherProvince",
    Scope
  >;
  let reporting: typeof import("../../src/features/reporting/report-actions");
  let extensions: typeof import("../../src/features/reporting/extension-actions");
  let queries: typeof import("../../src/features/reporting/queries");
  let withScope: typeof import("../../src/server/db/scoped").withScope;

  const report = () =>
    db.adminDb.report.findUniqueOrThrow({
      where: { planId_year: { planId, year: YEAR } },
      include: { extensions: { orderBy: { grantedAt: "asc" } } },
    });
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    const plan = await db.adminDb.plan.findFirstOrThrow({ where: { issuerId: ward.id } });
    planId = plan.id;
    provincePlanId = plan.parentId!;
    const province = await db.adminDb.organization.findFirstOrThrow({
      where: { name: "Tỉnh ủy Sơn La", adminUnit: { level: "PROVINCE" } },
    });
    const district = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Thị ủy Mộc Châu" } });
    const elsewhere = await db.adminDb.organization.findFirstOrThrow({
      where: { adminUnit: { level: "PROVINCE" }, provinceCode: { not: province.provinceCode } },
    });
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = async (username: string, organizationId: string, role: Role) => {
      const created = await db.adminDb.user.create({
        data: { username, displayName: username, passwordHash: "x", memberships: { create: { organizationId, role } } },
      });
      return (await scopeForUser(created.id))!;
    };
    scopes.wardEditor = await user("ward.editor", ward.id, "EDITOR");
    scopes.wardApprover = await user("ward.approver", ward.id, "APPROVER");
    scopes.reviewer = await user("province.approver", province.id, "APPROVER");
    scopes.provinceEditor = await user("province.editor", province.id, "EDITOR");
    scopes.districtApprover = await user("district.approver", district.id, "APPROVER");
    scopes.otherProvince = await user("other.approver", elsewhere.id, "APPROVER");
    reporting = await import("../../src/features/reporting/report-actions");
    extensions = await import("../../src/features/reporting/extension-actions");
    queries = await import("../../src/features/reporting/queries");
    withScope = (await import("../../src/server/db/scoped")).withScope;
  });
  afterAll(async () => db.drop());

  it("keeps a body's localities due no later than the body itself", async () => {
    const province = await db.adminDb.plan.findUniqueOrThrow({ where: { id: provincePlanId } });
    const late = await reporting.setChildReportDeadline.execute(scopes.provinceEditor, {
      planId: provincePlanId,
      version: String(province.version),
      day: "20",
      month: "12",
    });
    expect(late).toMatchObject({
      status: "error",
      fieldErrors: { day: expect.stringMatching(/không được sau hạn nộp báo cáo của chính cơ quan mình \(15\/12\)/) },
      values: { day: "20", month: "12" },
    });
    const set = await reporting.setChildReportDeadline.execute(scopes.provinceEditor, {
      planId: provincePlanId,
      version: String(province.version),
      day: "1",
      month: "12",
    });
    expect(set, JSON.stringify(set)).toMatchObject({ status: "ok" });

    // The ward's page says who set it.
    const page = await withScope(scopes.wardEditor, (tx) => queries.getReportPage(tx, scopes.wardEditor, planId, YEAR));
    expect(page.dueText).toBe("Hạn nộp: 01/12/2025");
    expect(page.dueSetBy).toBe("Tỉnh ủy Sơn La");
    // Past the deadline, editing is not blocked: the page says the report is overdue.
    expect(page.lock).toMatchObject({
      editable: true,
      notice: expect.stringMatching(/^Đã quá hạn nộp \(01\/12\/2025\)/),
    });
    // And the province's list shows both days.
    const overview = await withScope(scopes.reviewer, (tx) => queries.getReportsOverview(tx, scopes.reviewer, YEAR));
    const own = overview.own.find((r) => r.planId === provincePlanId)!;
    expect(own.childDueOn).toBe("2025-12-01");
    expect(own.due).toBe("2025-12-15");
  });

  it("lets only the approvers of the body above grant an extension, with a reason", async () => {
    const input = {
      planId,
      year: String(YEAR),
      version: "0",
      extendedTo: "10/12/2025",
      reason: "Lũ quét chia cắt địa bàn",
    };
    for (const scope of [scopes.wardEditor, scopes.provinceEditor])
      expect(await extensions.grantExtension.execute(scope, input)).toMatchObject({
        status: "error",
        message: expect.stringMatching(/Vai trò/),
      });
    // The locality itself is not its own reviewer; a district (one that ended in 2025) grants nothing.
    expect(await extensions.grantExtension.execute(scopes.wardApprover, input)).toMatchObject({
      status: "error",
      message: expect.stringMatching(/không tự xem xét báo cáo của chính mình/),
    });
    expect(await extensions.grantExtension.execute(scopes.districtApprover, input)).toMatchObject({
      status: "error",
    });
    expect(await extensions.grantExtension.execute(scopes.otherProvince, input)).toMatchObject({
      status: "error",
      message: expect.stringMatching(/Không tìm thấy/),
    });
    expect(await db.adminDb.report.count({ where: { planId, year: YEAR } })).toBe(0);

    // Bad input is refused beside its field, with what was typed kept.
    expect(
      await extensions.grantExtension.execute(scopes.reviewer, { ...input, extendedTo: "31/02/2025", reason: "lũ" }),
    ).toMatchObject({
      status: "error",
      fieldErrors: {
        extendedTo: "Ngày gia hạn không hợp lệ; hãy nhập theo dạng dd/mm/yyyy",
        reason: "Hãy ghi lý do gia hạn (ít nhất 5 ký tự)",
      },
      values: { extendedTo: "31/02/2025", reason: "lũ" },
    });
    expect(
      await extensions.grantExtension.execute(scopes.reviewer, { ...input, extendedTo: "01/12/2025" }),
    ).toMatchObject({
      status: "error",
      fieldErrors: { extendedTo: "Ngày gia hạn phải sau hạn hiện tại (01/12/2025)" },
    });

    // The reviewer grants it before the ward has opened its report: the draft is opened with it.
    const granted = await extensions.grantExtension.execute(scopes.reviewer, input);
    expect(granted, JSON.stringify(granted)).toMatchObject({ status: "ok", data: { extendedTo: "2025-12-10" } });
    let current = await report();
    expect(day(current.dueOn)).toBe("2025-12-01");
    expect(day(current.extendedDueOn)).toBe("2025-12-10");
    expect(current.extensions).toHaveLength(1);
    expect(current.extensions[0]).toMatchObject({
      reason: "Lũ quét chia cắt địa bàn",
      grantedById: scopes.reviewer.userId,
    });
    expect(day(current.extensions[0]!.previousDueOn)).toBe("2025-12-01");

    // A stale version is refused; a second grant goes further and keeps the history.
    expect(
      await extensions.grantExtension.execute(scopes.reviewer, { ...input, version: "0", extendedTo: "20/12/2025" }),
    ).toMatchObject({ status: "error", message: expect.stringMatching(/vừa được cập nhật/) });
    expect(
      await extensions.grantExtension.execute(scopes.reviewer, {
        ...input,
        version: String(current.version),
        extendedTo: "05/12/2025",
      }),
    ).toMatchObject({
      status: "error",
      fieldErrors: { extendedTo: "Ngày gia hạn phải sau hạn hiện tại (10/12/2025)" },
    });
    const again = await extensions.grantExtension.execute(scopes.reviewer, {
      ...input,
      version: String(current.version),
      extendedTo: "31/12/2099",
      reason: "Chờ số liệu thống kê chính thức",
    });
    expect(again, JSON.stringify(again)).toMatchObject({ status: "ok" });
    current = await report();
    expect(day(current.dueOn)).toBe("2025-12-01");
    expect(day(current.extendedDueOn)).toBe("2099-12-31");
    expect(current.extensions.map((e) => [day(e.previousDueOn), day(e.extendedTo)])).toEqual([
      ["2025-12-01", "2025-12-10"],
      ["2025-12-10", "2099-12-31"],
    ]);

    // Audited in the same transaction as the grant.
    const audits = await db.adminDb.auditLog.findMany({
      where: { entityType: "Report", entityId: current.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["report.create", "report.extend", "report.extend"]);
    expect(audits[1]).toMatchObject({
      userId: scopes.reviewer.userId,
      before: { dueOn: "2025-12-01", extendedDueOn: null },
      after: { dueOn: "2025-12-01", extendedDueOn: "2025-12-10", reason: "Lũ quét chia cắt địa bàn" },
    });

    // The grants are a history: the application's role cannot change or remove one.
    await expect(
      withScope(scopes.reviewer, (tx) => tx.reportExtension.deleteMany({ where: { reportId: current.id } })),
    ).rejects.toThrow();
    await expect(
      withScope(scopes.reviewer, (tx) =>
        tx.reportExtension.updateMany({ where: { reportId: current.id }, data: { reason: "sửa lại" } }),
      ),
    ).rejects.toThrow();
    expect(await db.adminDb.reportExtension.count({ where: { reportId: current.id } })).toBe(2);
  });

  it("shows both dates to the locality, and counts on-time against the original deadline", async () => {
    const page = await withScope(scopes.wardEditor, (tx) => queries.getReportPage(tx, scopes.wardEditor, planId, YEAR));
    expect(page.dueText).toBe("Hạn gốc 01/12/2025, gia hạn đến 31/12/2099: Chờ số liệu thống kê chính thức");
    expect(page.deadline).not.toBe("OVERDUE");
    expect(page.lock).toEqual({ editable: true, notice: null });
    expect(page.extensions.map((e) => e.grantedBy)).toEqual(["province.approver", "province.approver"]);

    // The ward sends it within the extension: it may, and it counts as late against 1/12/2025.
    const current = await report();
    const sent = await reporting.submitReport.execute(scopes.wardApprover, {
      reportId: current.id,
      version: String(current.version),
    });
    expect(sent, JSON.stringify(sent)).toMatchObject({ status: "ok" });
    const after = await report();
    expect(day(after.dueOn)).toBe("2025-12-01");
    expect(day(after.extendedDueOn)).toBe("2099-12-31");

    const overview = await withScope(scopes.reviewer, (tx) => queries.getReportsOverview(tx, scopes.reviewer, YEAR));
    const row = overview.children.find((r) => r.planId === planId)!;
    expect(row).toMatchObject({ due: "2025-12-01", extendedTo: "2099-12-31", deadline: "SUBMITTED", late: true });
    expect(overview.summary.late).toBeGreaterThanOrEqual(1);

    // Once sent, the report is locked and says why; no further extension is needed.
    const locked = await withScope(scopes.wardEditor, (tx) =>
      queries.getReportPage(tx, scopes.wardEditor, planId, YEAR),
    );
    expect(locked.lock).toMatchObject({ editable: false, notice: expect.stringMatching(/chờ cấp trên xem xét/) });
    expect(
      await extensions.grantExtension.execute(scopes.reviewer, {
        planId,
        year: String(YEAR),
        version: String(after.version),
        extendedTo: "01/01/2100",
        reason: "Thêm thời gian",
      }),
    ).toMatchObject({ status: "error", message: "Báo cáo đã được gửi nên không cần gia hạn." });
  });
});
