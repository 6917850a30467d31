import type { MatrixCase, MatrixFixtures, Target } from "./types";

// The yearly report: the body's editors and approvers write it, its approvers submit it, and the
// approvers of the body it is addressed to (the issuer of the plan's parent: the acting body, for
// its child's plan that implements its own) accept or return it.

const load = async () => {
  await import("../../../src/features/reporting/report-actions");
  await import("../../../src/features/reporting/extension-actions");
};
const writersOfOwn = {
  own: ["EDITOR", "APPROVER"],
  parent: [],
  child: [],
  sibling: [],
  otherProvince: [],
} satisfies MatrixCase["expected"];

/** A report of the target's plan for `year`, in the given state, made directly in the database. */
async function report(fx: MatrixFixtures, target: Target, year: number, status: "DRAFT" | "SUBMITTED") {
  const planId = fx.plans[target];
  const dates = {
    periodStart: new Date(`${year - 1}-12-15`),
    periodEnd: new Date(`${year}-12-14`),
    dueOn: new Date(`${year}-12-15`),
  };
  return fx.db.adminDb.report.upsert({
    where: { planId_year: { planId, year } },
    create: { planId, year, status, ...dates },
    update: { status },
    select: { id: true, version: true },
  });
}

export const cases: Record<string, MatrixCase> = {
  "reports.create": {
    load,
    expected: writersOfOwn,
    input: (fx, target) => ({ planId: fx.plans[target], year: "2027" }),
    reset: async (fx, target) => {
      await fx.db.adminDb.report.deleteMany({ where: { planId: fx.plans[target], year: 2027 } });
    },
  },
  "reports.saveNarrative": {
    load,
    expected: writersOfOwn,
    input: async (fx, target) => {
      const { id, version } = await report(fx, target, 2028, "DRAFT");
      return {
        reportId: id,
        version: String(version),
        leadership: "Ban Thường vụ đã ban hành kế hoạch và tổ chức quán triệt.",
        results: "Các chỉ tiêu cơ bản đạt tiến độ.",
      };
    },
  },
  "reports.submit": {
    load,
    expected: { own: ["APPROVER"], parent: [], child: [], sibling: [], otherProvince: [] },
    input: async (fx, target) => {
      const { id, version } = await report(fx, target, 2029, "DRAFT");
      return { reportId: id, version: String(version) };
    },
    reset: async (fx, target) => {
      const { id } = await report(fx, target, 2029, "DRAFT");
      await fx.db.adminDb.reportSubmission.deleteMany({ where: { reportId: id } });
    },
  },
  "reports.review": {
    load,
    expected: { own: [], parent: [], child: ["APPROVER"], sibling: [], otherProvince: [] },
    input: async (fx, target) => {
      const { id, version } = await report(fx, target, 2026, "SUBMITTED");
      await fx.db.adminDb.reportSubmission.deleteMany({ where: { reportId: id } });
      await fx.db.adminDb.reportSubmission.create({
        data: { planId: fx.plans[target], reportId: id, number: 1, snapshot: {} },
      });
      return {
        reportId: id,
        version: String(version),
        decision: "RETURNED",
        comment: "Đề nghị bổ sung số liệu chỉ tiêu 2.1.",
      };
    },
  },
  "reports.setChildDeadline": {
    load,
    expected: writersOfOwn,
    input: async (fx, target) => {
      const plan = await fx.db.adminDb.plan.findUniqueOrThrow({
        where: { id: fx.plans[target] },
        select: { version: true },
      });
      return { planId: fx.plans[target], version: String(plan.version), day: "10", month: "12" };
    },
    reset: async (fx, target) => {
      await fx.db.adminDb.plan.update({
        where: { id: fx.plans[target] },
        data: { childReportDueDay: null, childReportDueMonth: null },
      });
    },
  },
  "reports.extend": {
    load,
    // Like a review: the approvers of the body the report is addressed to (ADR 0029).
    expected: { own: [], parent: [], child: ["APPROVER"], sibling: [], otherProvince: [] },
    input: async (fx, target) => {
      const { id, version } = await report(fx, target, 2030, "DRAFT");
      await fx.db.adminDb.report.update({ where: { id }, data: { extendedDueOn: null } });
      return {
        planId: fx.plans[target],
        year: "2030",
        version: String(version),
        extendedTo: "20/12/2030",
        reason: "Lũ quét chia cắt địa bàn",
      };
    },
    reset: async (fx, target) => {
      const { id } = await report(fx, target, 2030, "DRAFT");
      await fx.db.adminDb.reportExtension.deleteMany({ where: { reportId: id } });
      await fx.db.adminDb.report.update({ where: { id }, data: { extendedDueOn: null } });
    },
  },
};
