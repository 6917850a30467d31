import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// The yearly report cycle of the demo commune (Đảng ủy phường Mộc Châu), reviewed by the province
// (Tỉnh ủy Sơn La): draft → submitted (an immutable snapshot) → returned with a comment → corrected
// and submitted again as submission 2 → accepted; only the body above reviews.

const YEAR = 2026;

describe("the yearly report cycle", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let planId: string;
  let provincePlanId: string;
  const scopes = {} as Record<"editor" | "approver" | "reviewer" | "provinceEditor" | "districtApprover", Scope>;
  let reporting: typeof import("../../src/features/reporting/report-actions");
  let results: typeof import("../../src/features/results/result-actions");
  let withScope: typeof import("../../src/server/db/scoped").withScope;

  const report = () =>
    db.adminDb.report.findUniqueOrThrow({
      where: { planId_year: { planId, year: YEAR } },
      include: { submissions: { orderBy: { number: "asc" } } },
    });

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
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = async (username: string, organizationId: string, role: Role) => {
      const created = await db.adminDb.user.create({
        data: { username, displayName: username, passwordHash: "x", memberships: { create: { organizationId, role } } },
      });
      return (await scopeForUser(created.id))!;
    };
    scopes.editor = await user("ward.editor", ward.id, "EDITOR");
    scopes.approver = await user("ward.approver", ward.id, "APPROVER");
    scopes.reviewer = await user("province.approver", province.id, "APPROVER");
    scopes.provinceEditor = await user("province.editor", province.id, "EDITOR");
    scopes.districtApprover = await user("district.approver", district.id, "APPROVER");
    reporting = await import("../../src/features/reporting/report-actions");
    results = await import("../../src/features/results/result-actions");
    withScope = (await import("../../src/server/db/scoped")).withScope;
  });
  afterAll(async () => db.drop());

  it("goes from draft to accepted through a return, keeping every submission as it was sent", async () => {
    // The owner's first visit opens the draft, with the period and the 15/12 due day.
    const created = await reporting.createReport.execute(scopes.editor, { planId, year: YEAR });
    expect(created, JSON.stringify(created)).toMatchObject({ status: "ok", data: { created: true } });
    expect(await reporting.createReport.execute(scopes.editor, { planId, year: YEAR })).toMatchObject({
      status: "ok",
      data: { created: false },
    });
    const draft = await report();
    expect(draft).toMatchObject({ status: "DRAFT", version: 1 });
    expect([draft.periodStart, draft.periodEnd, draft.dueOn].map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2025-12-15",
      "2026-12-14",
      "2026-12-15",
    ]);

    // Results and narrative entered by the editor.
    const indicator = await db.adminDb.indicator.findFirstOrThrow({ where: { planId, code: "3.1", isGroup: false } });
    expect(
      (
        await results.saveActuals.execute(scopes.editor, {
          planId,
          year: YEAR,
          rows: [{ indicatorId: indicator.id, text: "21,5", version: null }],
        })
      ).status,
    ).toBe("ok");
    const narrative = await reporting.saveNarrative.execute(scopes.editor, {
      reportId: draft.id,
      version: "1",
      leadership: "Đã quán triệt Nghị quyết đến 100% chi bộ.",
      results: "Cơ bản đạt các chỉ tiêu.",
    });
    expect(narrative, JSON.stringify(narrative)).toMatchObject({ status: "ok", data: { version: 2 } });
    expect(
      await reporting.saveNarrative.execute(scopes.editor, { reportId: draft.id, version: "1", leadership: "Bản cũ" }),
    ).toMatchObject({
      status: "error",
      message: expect.stringMatching(/vừa được người khác cập nhật/),
      values: { leadership: "Bản cũ" },
    });

    // Only the body's approvers submit.
    expect(await reporting.submitReport.execute(scopes.editor, { reportId: draft.id, version: "2" })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/Vai trò/),
    });
    const submitted = await reporting.submitReport.execute(scopes.approver, { reportId: draft.id, version: "2" });
    expect(submitted, JSON.stringify(submitted)).toMatchObject({ status: "ok", data: { number: 1 } });
    let current = await report();
    expect(current.status).toBe("SUBMITTED");
    const first = current.submissions[0]!;
    const frozen = structuredClone(
      first.snapshot,
    ) as unknown as import("../../src/features/reporting/snapshot").ReportSnapshot;
    expect(frozen).toMatchObject({
      year: YEAR,
      period: { start: "2025-12-15", end: "2026-12-14", due: "2026-12-15" },
      sections: { leadership: "Đã quán triệt Nghị quyết đến 100% chi bộ." },
      recipientBody: "Tỉnh ủy Sơn La",
    });
    expect(frozen.issuer.headerLines).toEqual(["ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY PHƯỜNG MỘC CHÂU"]);
    expect(frozen.indicators.find((i) => i.code === "3.1")).toMatchObject({ actual: "21,5", actualValue: 21.5 });

    // A submitted report no longer changes: neither its narrative nor, through later edits of the plan's data, its snapshot.
    expect(
      await reporting.saveNarrative.execute(scopes.editor, {
        reportId: draft.id,
        version: "3",
        leadership: "Sửa sau khi gửi",
      }),
    ).toMatchObject({ status: "error", message: expect.stringMatching(/đã gửi/) });
    const actual = await db.adminDb.indicatorActual.findFirstOrThrow({
      where: { indicatorId: indicator.id, year: YEAR },
    });
    expect(
      (
        await results.saveActuals.execute(scopes.editor, {
          planId,
          year: YEAR,
          rows: [{ indicatorId: indicator.id, text: "23", version: actual.version }],
        })
      ).status,
    ).toBe("ok");
    expect((await report()).submissions[0]!.snapshot).toEqual(frozen);
    const { reportSnapshotFor } = await import("../../src/features/reporting/queries");
    const shown = await withScope(scopes.reviewer, (tx) => reportSnapshotFor(tx, scopes.reviewer, planId, YEAR));
    expect(shown.submission?.number).toBe(1);
    expect(shown.snapshot.indicators.find((i) => i.code === "3.1")?.actual).toBe("21,5");

    // Reviewing is for the approvers of the body above, not the commune itself, not an editor, not the old district.
    const review = {
      reportId: draft.id,
      version: "3",
      decision: "RETURNED",
      comment: "Đề nghị bổ sung số liệu chỉ tiêu 3.1 và làm rõ nguyên nhân.",
    };
    expect(await reporting.reviewReport.execute(scopes.approver, review)).toMatchObject({
      status: "error",
      message: expect.stringMatching(/không tự xem xét/),
    });
    expect(await reporting.reviewReport.execute(scopes.provinceEditor, review)).toMatchObject({
      status: "error",
      message: expect.stringMatching(/Vai trò/),
    });
    expect((await reporting.reviewReport.execute(scopes.districtApprover, review)).status).toBe("error");
    expect(await reporting.reviewReport.execute(scopes.reviewer, { ...review, comment: "  " })).toMatchObject({
      status: "error",
      fieldErrors: { comment: expect.stringMatching(/ý kiến/) },
    });
    const returned = await reporting.reviewReport.execute(scopes.reviewer, review);
    expect(returned, JSON.stringify(returned)).toMatchObject({ status: "ok" });
    current = await report();
    expect(current.status).toBe("RETURNED");
    expect(current.submissions[0]).toMatchObject({
      outcome: "RETURNED",
      reviewComment: review.comment,
      reviewedById: scopes.reviewer.userId,
    });

    // Corrected and sent again: a new submission; the first stays readable as it was.
    expect(
      (
        await reporting.saveNarrative.execute(scopes.editor, {
          reportId: draft.id,
          version: "4",
          leadership: "Đã quán triệt Nghị quyết đến 100% chi bộ.",
          results: "Chỉ tiêu 3.1 đạt 23% (đã bổ sung).",
        })
      ).status,
    ).toBe("ok");
    const again = await reporting.submitReport.execute(scopes.approver, { reportId: draft.id, version: "5" });
    expect(again, JSON.stringify(again)).toMatchObject({ status: "ok", data: { number: 2 } });
    current = await report();
    expect(current.submissions.map((s) => [s.number, s.outcome])).toEqual([
      [1, "RETURNED"],
      [2, "SUBMITTED"],
    ]);
    expect(current.submissions[0]!.snapshot).toEqual(frozen);
    expect(current.submissions[1]!.snapshot).toMatchObject({
      sections: { results: "Chỉ tiêu 3.1 đạt 23% (đã bổ sung)." },
    });
    const older = await withScope(scopes.reviewer, (tx) => reportSnapshotFor(tx, scopes.reviewer, planId, YEAR, 1));
    expect(older.snapshot.sections.results).toBe("Cơ bản đạt các chỉ tiêu.");

    const accepted = await reporting.reviewReport.execute(scopes.reviewer, {
      reportId: draft.id,
      version: String(current.version),
      decision: "ACCEPTED",
      comment: "",
    });
    expect(accepted, JSON.stringify(accepted)).toMatchObject({ status: "ok" });
    current = await report();
    expect(current.status).toBe("ACCEPTED");
    expect(current.submissions[1]).toMatchObject({ outcome: "ACCEPTED", reviewComment: null });
    expect(
      await reporting.submitReport.execute(scopes.approver, { reportId: draft.id, version: String(current.version) }),
    ).toMatchObject({ status: "error", message: expect.stringMatching(/chấp nhận/) });

    const audits = await db.adminDb.auditLog.findMany({
      where: { entityType: "Report", entityId: draft.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual([
      "report.create",
      "report.saveNarrative",
      "report.submit",
      "report.return",
      "report.saveNarrative",
      "report.submit",
      "report.accept",
    ]);
  });

  it("is reviewed by the body the report is addressed to (its plan's parent's issuer), not by any body above", async () => {
    // A commune of the old Mộc Châu district whose plan implements the district's: its report goes to
    // the district, so the province, above both, does not review it.
    const districtPlan = await db.adminDb.plan.findFirstOrThrow({ where: { issuer: { name: "Thị ủy Mộc Châu" } } });
    const commune = await db.adminDb.adminUnit.findFirstOrThrow({
      where: {
        era: "PRE_2025",
        level: "COMMUNE",
        parentId: (await db.adminDb.organization.findFirstOrThrow({ where: { name: "Thị ủy Mộc Châu" } })).adminUnitId,
      },
    });
    const issuer = await db.adminDb.organization.create({
      data: {
        name: `Đảng ủy ${commune.fullName}`,
        normalizedName: `dang uy review ${commune.code}`,
        kind: "PARTY_COMMITTEE",
        track: "PARTY",
        adminUnitId: commune.id,
        provinceCode: "14",
      },
    });
    const plan = await db.adminDb.plan.create({
      data: {
        kind: "PLAN",
        track: "PARTY",
        notation: "PARTY",
        typeCode: "KH",
        issuerCode: "ĐU",
        issuerId: issuer.id,
        provinceCode: "14",
        title: "Kế hoạch của xã (kiểm thử xem xét)",
        parentId: districtPlan.id,
      },
    });
    const submitted = await db.adminDb.report.create({
      data: {
        planId: plan.id,
        year: 2024,
        status: "SUBMITTED",
        periodStart: new Date("2023-12-15"),
        periodEnd: new Date("2024-12-14"),
        dueOn: new Date("2024-12-15"),
      },
    });
    await db.adminDb.reportSubmission.create({
      data: { planId: plan.id, reportId: submitted.id, number: 1, snapshot: {} },
    });
    const review = { reportId: submitted.id, version: String(submitted.version), decision: "ACCEPTED", comment: "" };
    expect(await reporting.reviewReport.execute(scopes.reviewer, review)).toMatchObject({
      status: "error",
      message: expect.stringMatching(/không có quyền/),
    });
    // The district ended on 30/6/2025: its own approver reviews nothing any more, its successor does.
    expect(await reporting.reviewReport.execute(scopes.districtApprover, review)).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^Thị ủy Mộc Châu đã kết thúc hoạt động/),
    });
    // The report pages say the same.
    const { getReportPage } = await import("../../src/features/reporting/queries");
    expect(
      (await withScope(scopes.reviewer, (tx) => getReportPage(tx, scopes.reviewer, plan.id, 2024))).canReview,
    ).toBe(false);
    expect(
      (await withScope(scopes.districtApprover, (tx) => getReportPage(tx, scopes.districtApprover, plan.id, 2024)))
        .canReview,
    ).toBe(false);
    expect(
      (await withScope(scopes.approver, (tx) => getReportPage(tx, scopes.approver, plan.id, 2024))).canReview,
    ).toBe(true);
    expect(await reporting.reviewReport.execute(scopes.approver, review)).toMatchObject({ status: "ok" });
    await db.adminDb.plan.delete({ where: { id: plan.id } });
  });

  it("is never reviewed by the body that wrote it, even when its plan implements one of that body's own", async () => {
    const ward = await db.adminDb.plan.findUniqueOrThrow({ where: { id: planId } });
    const own = await db.adminDb.plan.create({
      data: {
        kind: "PLAN",
        track: "PARTY",
        notation: "PARTY",
        typeCode: "KH",
        issuerCode: "ĐU",
        issuerId: ward.issuerId,
        provinceCode: "14",
        title: "Kế hoạch triển khai kế hoạch của chính phường (kiểm thử)",
        parentId: ward.id,
      },
    });
    const submitted = await db.adminDb.report.create({
      data: {
        planId: own.id,
        year: 2024,
        status: "SUBMITTED",
        periodStart: new Date("2023-12-15"),
        periodEnd: new Date("2024-12-14"),
        dueOn: new Date("2024-12-15"),
      },
    });
    await db.adminDb.reportSubmission.create({
      data: { planId: own.id, reportId: submitted.id, number: 1, snapshot: {} },
    });
    const result = await reporting.reviewReport.execute(scopes.approver, {
      reportId: submitted.id,
      version: String(submitted.version),
      decision: "ACCEPTED",
      comment: "",
    });
    expect(result).toMatchObject({ status: "error", message: expect.stringMatching(/không tự xem xét/) });
    const { getReportPage } = await import("../../src/features/reporting/queries");
    expect((await withScope(scopes.approver, (tx) => getReportPage(tx, scopes.approver, own.id, 2024))).canReview).toBe(
      false,
    );
    expect((await db.adminDb.report.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("SUBMITTED");
    await db.adminDb.plan.delete({ where: { id: own.id } });
  });

  it("shows the body above which children have reported, which are late, and the days left", async () => {
    const { getReportsOverview } = await import("../../src/features/reporting/queries");
    const overview = await withScope(scopes.reviewer, (tx) => getReportsOverview(tx, scopes.reviewer, YEAR));
    const ward = overview.children.find((c) => c.planId === planId);
    expect(ward).toMatchObject({
      status: "ACCEPTED",
      deadline: "SUBMITTED",
      due: "2026-12-15",
      canReview: true,
      late: false,
    });
    // The twelve district committees ended on 30/6/2025: they owe no 2026 report.
    expect(overview.summary.total).toBe(overview.children.length);
    expect(overview.childrenNotOwed.length).toBeGreaterThanOrEqual(12);
    // In 2024 they did, and have not sent it.
    const earlier = await withScope(scopes.reviewer, (tx) => getReportsOverview(tx, scopes.reviewer, 2024));
    expect(earlier.summary.total).toBeGreaterThanOrEqual(12);
    const notSent = earlier.children.find((c) => c.status === null)!;
    expect(notSent).toMatchObject({ deadline: "OVERDUE", canReview: expect.any(Boolean), late: true });
    expect(notSent.daysLeft).toBe(
      Math.round((Date.UTC(2024, 11, 15) - Date.parse(`${overview.today}T00:00:00Z`)) / 86_400_000),
    );
    const own = await withScope(scopes.approver, (tx) => getReportsOverview(tx, scopes.approver, YEAR));
    expect(own.own.map((o) => o.planId)).toContain(planId);
    expect(own.own.find((o) => o.planId === planId)).toMatchObject({ status: "ACCEPTED", childCount: 0 });
  });

  it("takes the due day from the parent plan, for reports not yet sent", async () => {
    const plan = await db.adminDb.plan.findUniqueOrThrow({ where: { id: provincePlanId } });
    expect(
      await reporting.setChildReportDeadline.execute(scopes.provinceEditor, {
        planId: provincePlanId,
        version: String(plan.version),
        day: "31",
        month: "2",
      }),
    ).toMatchObject({ status: "error", fieldErrors: { day: expect.any(String) } });
    expect(
      await reporting.setChildReportDeadline.execute(scopes.provinceEditor, {
        planId: provincePlanId,
        version: String(plan.version),
        day: "10",
        month: "",
      }),
    ).toMatchObject({ status: "error", fieldErrors: { month: expect.any(String) } });
    const district = await db.adminDb.plan.findFirstOrThrow({
      where: { parentId: provincePlanId, issuer: { name: "Thị ủy Mộc Châu" } },
    });
    // The district owed its 2024 report (it ended on 30/6/2025); its successor, the ward, opens it.
    expect(await reporting.createReport.execute(scopes.approver, { planId: district.id, year: 2025 })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/cơ quan kế thừa báo cáo theo kế hoạch/),
    });
    expect((await reporting.createReport.execute(scopes.approver, { planId: district.id, year: 2024 })).status).toBe(
      "ok",
    );

    const set = await reporting.setChildReportDeadline.execute(scopes.provinceEditor, {
      planId: provincePlanId,
      version: String(plan.version),
      day: "10",
      month: "12",
    });
    expect(set, JSON.stringify(set)).toMatchObject({ status: "ok" });
    const open = await db.adminDb.report.findUniqueOrThrow({
      where: { planId_year: { planId: district.id, year: 2024 } },
    });
    expect(open.dueOn.toISOString().slice(0, 10)).toBe("2024-12-10");
    // The accepted report keeps the day it was sent against.
    expect((await report()).dueOn.toISOString().slice(0, 10)).toBe("2026-12-15");
    expect(
      await reporting.setChildReportDeadline.execute(scopes.provinceEditor, {
        planId: provincePlanId,
        version: String(plan.version),
        day: "1",
        month: "12",
      }),
    ).toMatchObject({ status: "error", message: expect.stringMatching(/vừa được người khác cập nhật/) });
  });

  it("exports the report and the appendix from the snapshot, and compares the province's localities", async () => {
    const { reportSnapshotFor } = await import("../../src/features/reporting/queries");
    const { renderReportDocx } = await import("../../src/features/export/report-docx");
    const { renderIndicatorWorkbook } = await import("../../src/features/export/indicators-xlsx");
    const { renderLocalityComparisonWorkbook } = await import("../../src/features/export/comparison-xlsx");
    const { buildLocalityComparison } = await import("../../src/features/reporting/locality-comparison");
    const { snapshot } = await withScope(scopes.reviewer, (tx) => reportSnapshotFor(tx, scopes.reviewer, planId, YEAR));
    const docx = await renderReportDocx(snapshot);
    const xlsx = await renderIndicatorWorkbook(snapshot);
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");

    const comparison = await withScope(scopes.reviewer, (tx) =>
      buildLocalityComparison(tx, scopes.reviewer, "14", 2025),
    );
    expect(comparison).not.toBeNull();
    expect(comparison!.provinceName).toBe("Tỉnh Sơn La");
    expect(comparison!.localities.length).toBeGreaterThanOrEqual(13);
    expect(comparison!.localities.find((l) => l.name === "Thị ủy Mộc Châu")?.note).toMatch(/kết thúc hoạt động/);
    const key = comparison!.indicators[0]!.key;
    expect(comparison!.localities.some((l) => l.values[key]?.actual)).toBe(true);
    // Which plan, which group each indicator sits in, and which milestone each target belongs to.
    expect(comparison!.plan?.issuerName).toBe("Tỉnh ủy Sơn La");
    expect(comparison!.indicators[0]).toMatchObject({ code: "1.1", group: "1. Người có công" });
    expect(comparison!.indicators.every((i) => i.group !== null)).toBe(true);
    const values = comparison!.localities.flatMap((l) => Object.values(l.values));
    expect(values.every((v) => v.target === null || (v.targetYear !== null && v.targetYear >= 2025))).toBe(true);
    expect((await renderLocalityComparisonWorkbook(comparison!)).subarray(0, 2).toString()).toBe("PK");
    // A district sees only the localities it may read.
    const asDistrict = await withScope(scopes.districtApprover, (tx) =>
      buildLocalityComparison(tx, scopes.districtApprover, "14", 2025),
    );
    expect(asDistrict?.localities.length ?? 0).toBeLessThan(comparison!.localities.length);
  });
});
