import "server-only";
import { z } from "zod";
import { childDueProblem } from "@/domain/report-deadline";
import { DEFAULT_DUE, isIsoDate } from "@/domain/reporting-calendar";
import { planOwner, organizationRef, organizationRefSelect } from "@/server/plan-access";
import { defineAction, FieldError, type Revalidation } from "@/server/actions";
import { visiblePlans, type ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError } from "@/server/errors";
import type { OrganizationRef } from "@/server/relations";
import { reviewsItself } from "./review-rule";
import { buildReportSnapshot } from "./build-snapshot";
import { todayInVietnam } from "@/domain/vietnam-time";
import { childReportDue, dateColumn, reportCalendar, reportNotOwed } from "./calendar";
import { reportReviewed, reportSubmitted } from "@/features/notifications/events";

// The yearly report's cycle: a draft per plan and year (period and due day from the parent plan),
// its narrative, submission to the body above (an immutable snapshot, numbered), and that body's
// review: accepted, or returned with a comment, corrected and submitted again as a new submission.

const reportYear = z.coerce
  .number({ message: "Năm không hợp lệ" })
  .int("Năm không hợp lệ")
  .min(2020, "Năm không hợp lệ")
  .max(2100, "Năm không hợp lệ");
const version = z.coerce
  .number({ message: "Thiếu phiên bản dữ liệu; hãy tải lại trang" })
  .int()
  .positive("Thiếu phiên bản dữ liệu; hãy tải lại trang");
const section = (label: string) => z.string().trim().max(50_000, `Phần “${label}” quá dài`).optional().default("");

/** A report's page and the overview that lists it. */
const reportPages = (report: { planId: string; year: number }): Revalidation[] => [
  `/plans/${report.planId}/reports/${report.year}`,
  "/reports",
];

/** The owner of a report (its plan's issuer); a report of a plan the scope may not read is "not found". */
async function reportOwner(db: ScopedDb, scope: Scope, reportId: string): Promise<OrganizationRef> {
  const report = await db.report.findFirst({
    where: { id: reportId, plan: visiblePlans(scope) },
    select: { plan: { select: { issuer: { select: organizationRefSelect } } } },
  });
  if (!report) throw new NotFoundError("Không tìm thấy báo cáo");
  return organizationRef(report.plan.issuer);
}

/**
 * The body a report is addressed to: the issuer of its plan's parent (a body that has ended is
 * answered for by its successors, through the scope's predecessors). A report of a plan the scope may
 * not read is "not found"; one of a plan without a parent in the system has nobody to review it, and
 * no body reviews its own (a plan implementing one of its own, or its predecessor's).
 */
async function reportAddressee(db: ScopedDb, scope: Scope, reportId: string): Promise<OrganizationRef> {
  const report = await db.report.findFirst({
    where: { id: reportId, plan: visiblePlans(scope) },
    select: { plan: { select: addresseeSelect } },
  });
  if (!report) throw new NotFoundError("Không tìm thấy báo cáo");
  return addresseeOf(scope, report.plan);
}

/** The body a plan's reports are addressed to (as reportAddressee), from the plan. */
export async function planAddressee(db: ScopedDb, scope: Scope, planId: string): Promise<OrganizationRef> {
  const plan = await db.plan.findFirst({
    where: { AND: [{ id: planId }, visiblePlans(scope)] },
    select: addresseeSelect,
  });
  if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch");
  return addresseeOf(scope, plan);
}

const addresseeSelect = {
  issuer: { select: organizationRefSelect },
  parent: { select: { issuer: { select: organizationRefSelect } } },
} as const;

function addresseeOf(
  scope: Scope,
  plan: {
    issuer: Parameters<typeof organizationRef>[0];
    parent: { issuer: Parameters<typeof organizationRef>[0] } | null;
  },
): OrganizationRef {
  if (!plan.parent)
    throw new ForbiddenError(
      "Văn bản này không có văn bản cấp trên trong hệ thống, nên báo cáo của nó không gửi cơ quan nào xem xét.",
    );
  if (reviewsItself(scope, organizationRef(plan.issuer)))
    throw new ForbiddenError("Cơ quan không tự xem xét báo cáo của chính mình.");
  return organizationRef(plan.parent.issuer);
}

async function loadReport(db: ScopedDb, reportId: string) {
  const report = await db.report.findUnique({ where: { id: reportId } });
  if (!report) throw new NotFoundError("Không tìm thấy báo cáo");
  return report;
}

const changedMeanwhile =
  "Báo cáo vừa được người khác cập nhật. Nội dung bạn nhập vẫn còn trên màn hình; hãy sao lưu phần đã viết, tải lại trang rồi thử lại.";

async function parentOf(db: ScopedDb, planId: string) {
  const plan = await db.plan.findUniqueOrThrow({
    where: { id: planId },
    select: { parent: { select: { childReportDueDay: true, childReportDueMonth: true } } },
  });
  return plan.parent;
}

export const createReport = defineAction({
  name: "reports.create",
  permission: "results.edit",
  input: z.object({ planId: z.string().uuid("Kế hoạch không hợp lệ"), year: reportYear }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    const opened = await openReportRow(db, input.planId, input.year);
    if (opened.created)
      await audit({
        action: "report.create",
        entityType: "Report",
        entityId: opened.id,
        after: { planId: input.planId, ...opened.calendar },
      });
    return { reportId: opened.id, planId: input.planId, year: input.year, created: opened.created };
  },
});

/**
 * The plan's report for the year, opened as a draft when there is none yet (its period and due day
 * from the parent plan). Refused for a year the plan owes none (a draft, issued after the due day,
 * its body gone by then). The caller audits a creation.
 */
export async function openReportRow(db: ScopedDb, planId: string, year: number) {
  const existing = await db.report.findUnique({
    where: { planId_year: { planId, year } },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false as const };
  const calendar = reportCalendar(year, await parentOf(db, planId));
  const plan = await db.plan.findUniqueOrThrow({
    where: { id: planId },
    select: { status: true, issuedOn: true, issuer: { select: { name: true, validFrom: true, validTo: true } } },
  });
  const notOwed = reportNotOwed(plan, calendar.due, year);
  if (notOwed) throw new ConflictError(notOwed);
  const report = await db.report
    .create({
      data: {
        planId,
        year,
        periodStart: dateColumn(calendar.start),
        periodEnd: dateColumn(calendar.end),
        dueOn: dateColumn(calendar.due),
      },
      select: { id: true },
    })
    .catch((error: unknown) => {
      // Opened by someone else at the same moment (unique per plan and year).
      if (isUniqueViolation(error))
        throw new ConflictError(`Báo cáo năm ${year} vừa được người khác mở. Hãy tải lại trang.`);
      throw error;
    });
  return { id: report.id, created: true as const, calendar };
}

export const saveNarrative = defineAction({
  name: "reports.saveNarrative",
  permission: "results.edit",
  input: z.object({
    reportId: z.string().uuid("Báo cáo không hợp lệ"),
    version,
    numberSerial: z
      .string()
      .trim()
      .regex(/^(\d{1,6})?$/, "Số báo cáo là một số, ví dụ 45 (để trống nếu chưa lấy số)")
      .optional()
      .default("")
      .transform((v) => v || null),
    leadership: section("Công tác lãnh đạo, chỉ đạo"),
    results: section("Kết quả thực hiện"),
    shortcomings: section("Hạn chế, nguyên nhân"),
    nextYear: section("Phương hướng năm tới"),
    proposals: section("Kiến nghị, đề xuất"),
  }),
  subject: (db, input, scope) => reportOwner(db, scope, input.reportId),
  async run({ db, input, audit }) {
    const report = await loadReport(db, input.reportId);
    if (report.status === "SUBMITTED" || report.status === "ACCEPTED")
      throw new ConflictError(
        "Báo cáo đã gửi nên không sửa được nữa. Nếu cấp trên trả lại, bạn có thể sửa và gửi lại.",
      );
    const after = {
      numberSerial: input.numberSerial,
      leadership: input.leadership || null,
      results: input.results || null,
      shortcomings: input.shortcomings || null,
      nextYear: input.nextYear || null,
      proposals: input.proposals || null,
    };
    const { count } = await db.report.updateMany({
      where: { id: report.id, version: input.version },
      data: { ...after, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError(changedMeanwhile);
    const before = {
      numberSerial: report.numberSerial,
      leadership: report.leadership,
      results: report.results,
      shortcomings: report.shortcomings,
      nextYear: report.nextYear,
      proposals: report.proposals,
    };
    await audit({ action: "report.saveNarrative", entityType: "Report", entityId: report.id, before, after });
    return {
      reportId: report.id,
      planId: report.planId,
      year: report.year,
      version: input.version + 1,
      narrative: after,
    };
  },
  // No page re-render in the answer: the form keeps the saved text and the new version, the sending
  // form and the preview hear of it in the tab (draft-events.ts). Re-rendering the report page after
  // each save was the costliest request at the 15/12 peak (docs/performance.md).
});

export const submitReport = defineAction({
  name: "reports.submit",
  permission: "reports.submit",
  input: z.object({ reportId: z.string().uuid("Báo cáo không hợp lệ"), version }),
  subject: (db, input, scope) => reportOwner(db, scope, input.reportId),
  async run({ db, scope, input, audit }) {
    const report = await loadReport(db, input.reportId);
    if (report.status === "SUBMITTED") throw new ConflictError("Báo cáo đã được gửi và đang chờ cấp trên xem xét.");
    if (report.status === "ACCEPTED")
      throw new ConflictError("Báo cáo đã được cấp trên chấp nhận; không gửi lại được.");
    if (report.version !== input.version) throw new ConflictError(changedMeanwhile);
    const today = todayInVietnam();
    const snapshot = await buildReportSnapshot(db, scope, {
      planId: report.planId,
      year: report.year,
      narrative: report,
      reportDate: today,
    });
    const last = await db.reportSubmission.aggregate({ where: { reportId: report.id }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const { count } = await db.report.updateMany({
      where: { id: report.id, version: input.version },
      data: {
        status: "SUBMITTED",
        dueOn: dateColumn(snapshot.period.due),
        periodStart: dateColumn(snapshot.period.start),
        periodEnd: dateColumn(snapshot.period.end),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError(changedMeanwhile);
    const submission = await db.reportSubmission.create({
      data: {
        planId: report.planId,
        reportId: report.id,
        number,
        snapshot: snapshot as never,
        submittedById: scope.userId,
      },
      select: { id: true, submittedAt: true },
    });
    await audit({
      action: "report.submit",
      entityType: "Report",
      entityId: report.id,
      before: { status: report.status },
      after: { status: "SUBMITTED", submission: number, submissionId: submission.id },
    });
    // The reviewers above hear of it in the same transaction: both commit, or neither.
    await reportSubmitted(db, report, number);
    return { reportId: report.id, planId: report.planId, year: report.year, number };
  },
  revalidate: ({ data }) => reportPages(data),
});

export const reviewReport = defineAction({
  name: "reports.review",
  permission: "reports.review",
  input: z
    .object({
      reportId: z.string().uuid("Báo cáo không hợp lệ"),
      version,
      decision: z.enum(["ACCEPTED", "RETURNED"], { message: "Hãy chọn chấp nhận hoặc trả lại" }),
      comment: z.string().trim().max(10_000, "Ý kiến quá dài").optional().default(""),
    })
    .superRefine((input, ctx) => {
      if (input.decision === "RETURNED" && input.comment === "")
        ctx.addIssue({
          code: "custom",
          path: ["comment"],
          message: "Hãy ghi rõ ý kiến khi trả lại báo cáo, để đơn vị biết cần sửa gì",
        });
    }),
  subject: (db, input, scope) => reportAddressee(db, scope, input.reportId),
  async run({ db, scope, input, audit }) {
    const report = await loadReport(db, input.reportId);
    if (report.status !== "SUBMITTED")
      throw new ConflictError("Báo cáo không ở trạng thái chờ xem xét (có thể đã được xem xét hoặc chưa gửi).");
    if (report.version !== input.version)
      throw new ConflictError("Báo cáo vừa thay đổi; hãy tải lại trang rồi xem xét lại.");
    const submission = await db.reportSubmission.findFirst({
      where: { reportId: report.id },
      orderBy: { number: "desc" },
      select: { id: true, number: true, outcome: true },
    });
    if (!submission || submission.outcome !== "SUBMITTED")
      throw new ConflictError("Không tìm thấy lần gửi đang chờ xem xét.");
    const { count } = await db.report.updateMany({
      where: { id: report.id, version: input.version },
      data: { status: input.decision, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError("Báo cáo vừa thay đổi; hãy tải lại trang rồi xem xét lại.");
    await db.reportSubmission.update({
      where: { id: submission.id },
      data: {
        outcome: input.decision,
        reviewedAt: new Date(),
        reviewedById: scope.userId,
        reviewComment: input.comment || null,
      },
    });
    await audit({
      action: input.decision === "ACCEPTED" ? "report.accept" : "report.return",
      entityType: "Report",
      entityId: report.id,
      before: { status: "SUBMITTED" },
      after: { status: input.decision, submission: submission.number, comment: input.comment || null },
    });
    await reportReviewed(db, report, input.decision, submission.number, input.comment || null);
    return { reportId: report.id, planId: report.planId, year: report.year, decision: input.decision };
  },
  revalidate: ({ data }) => reportPages(data),
});

const optionalInt = (label: string, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .default("")
    .transform((v, ctx) => {
      if (v === "") return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > max) {
        ctx.addIssue({ code: "custom", message: `${label} không hợp lệ` });
        return z.NEVER;
      }
      return n;
    });

export const setChildReportDeadline = defineAction({
  name: "reports.setChildDeadline",
  permission: "plans.edit",
  input: z.object({
    planId: z.string().uuid("Kế hoạch không hợp lệ"),
    version,
    day: optionalInt("Ngày", 31),
    month: optionalInt("Tháng", 12),
  }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    if ((input.day === null) !== (input.month === null))
      throw new FieldError(
        input.day === null ? "day" : "month",
        "Hãy nhập cả ngày và tháng, hoặc để trống cả hai (mặc định 15/12)",
      );
    if (
      input.day !== null &&
      input.month !== null &&
      !isIsoDate(`2001-${String(input.month).padStart(2, "0")}-${String(input.day).padStart(2, "0")}`)
    ) {
      throw new FieldError("day", `Ngày ${input.day}/${input.month} không có trong mọi năm; hãy chọn ngày khác`);
    }
    const plan = await db.plan.findUniqueOrThrow({
      where: { id: input.planId },
      select: {
        childReportDueDay: true,
        childReportDueMonth: true,
        parent: { select: { childReportDueDay: true, childReportDueMonth: true } },
      },
    });
    // Deadlines cascade: the localities report before the body, which compiles their reports into its own.
    const problem = childDueProblem(
      { day: input.day ?? DEFAULT_DUE.day, month: input.month ?? DEFAULT_DUE.month },
      childReportDue(plan.parent),
    );
    if (problem) throw new FieldError("day", problem);
    const { count } = await db.plan.updateMany({
      where: { id: input.planId, version: input.version },
      data: { childReportDueDay: input.day, childReportDueMonth: input.month, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError("Kế hoạch vừa được người khác cập nhật; hãy tải lại trang rồi thử lại.");
    // Reports not yet sent take the new day at once; those sent keep the day they were sent against.
    const open = await db.report.findMany({
      where: { plan: { parentId: input.planId }, status: { in: ["DRAFT", "RETURNED"] } },
      select: { id: true, year: true },
    });
    for (const report of open) {
      const calendar = reportCalendar(report.year, { childReportDueDay: input.day, childReportDueMonth: input.month });
      await db.report.update({ where: { id: report.id }, data: { dueOn: dateColumn(calendar.due) } });
    }
    await audit({
      action: "plan.setChildReportDeadline",
      entityType: "Plan",
      entityId: input.planId,
      before: { day: plan.childReportDueDay, month: plan.childReportDueMonth },
      after: { day: input.day, month: input.month, openReportsUpdated: open.length },
    });
    return { planId: input.planId, version: input.version + 1 };
  },
  revalidate: () => ["/reports"],
});
