import "server-only";
import { planNumber } from "@/domain/document-number";
import { dueReminders, type Deadline, type DueReminder } from "@/domain/due-reminders";
import { formatDate } from "@/domain/reporting-calendar";
import { currentReportYear } from "@/domain/vietnam-time";
import { isoDay, reportCalendar, reportNotOwed, daysLeftText } from "@/features/reporting/calendar";
import type { ScopedDb } from "@/server/db/scoped";
import { membersOf, notify } from "./events";

// The time-based events: yearly reports due in 30, 7 and 1 days or overdue, and plans a parent
// requires by a date (Plan.childPlanDueOn). Run by the hourly job (jobs.ts) in a job scope, and once
// when the app starts, so the demo's reminders are there at the first sign-in. The rules are
// dueReminders (src/domain/due-reminders.ts); this file gathers the deadlines and the recipients.

type ReportDeadline = Deadline & {
  planId: string;
  year: number;
  issuerId: string;
  issuerName: string;
  number: string;
};

type ChildPlanDeadline = Deadline & { planId: string; issuerId: string; parentNumber: string; parentIssuer: string };

/**
 * Every report owed this year (and last year, whose overdue message may still be due), open or
 * sent: the plans issued, their report row's due day where the report is open, else the day the
 * parent sets (15/12 by default).
 */
async function reportDeadlines(db: ScopedDb, now: Date): Promise<ReportDeadline[]> {
  const year = currentReportYear(now);
  const years = [year - 1, year];
  const plans = await db.plan.findMany({
    where: { status: "ISSUED", parentId: { not: null } },
    select: {
      id: true,
      notation: true,
      numberSerial: true,
      typeCode: true,
      issuerCode: true,
      status: true,
      issuedOn: true,
      issuerId: true,
      issuer: { select: { name: true, validFrom: true, validTo: true } },
      parent: { select: { childReportDueDay: true, childReportDueMonth: true } },
      reports: { where: { year: { in: years } }, select: { year: true, status: true, dueOn: true } },
    },
  });
  const deadlines: ReportDeadline[] = [];
  for (const plan of plans)
    for (const y of years) {
      const report = plan.reports.find((r) => r.year === y);
      const due = report ? isoDay(report.dueOn) : reportCalendar(y, plan.parent).due;
      if (!report && reportNotOwed(plan, due, y)) continue;
      deadlines.push({
        key: `report:${plan.id}:${y}`,
        due,
        done: report?.status === "SUBMITTED" || report?.status === "ACCEPTED",
        planId: plan.id,
        year: y,
        issuerId: plan.issuerId,
        issuerName: plan.issuer.name,
        number: planNumber(plan),
      });
    }
  return deadlines;
}

/** Implementing plans still in draft whose parent asked for them by a date; issued ones are done. */
async function childPlanDeadlines(db: ScopedDb): Promise<ChildPlanDeadline[]> {
  const children = await db.plan.findMany({
    where: { parent: { childPlanDueOn: { not: null } }, status: { in: ["DRAFT", "ISSUED"] } },
    select: {
      id: true,
      status: true,
      issuerId: true,
      parent: {
        select: {
          childPlanDueOn: true,
          notation: true,
          numberSerial: true,
          typeCode: true,
          issuerCode: true,
          issuer: { select: { name: true } },
        },
      },
    },
  });
  return children.flatMap((child) =>
    child.parent?.childPlanDueOn
      ? [
          {
            key: `child-plan:${child.id}`,
            due: isoDay(child.parent.childPlanDueOn),
            done: child.status === "ISSUED",
            planId: child.id,
            issuerId: child.issuerId,
            parentNumber: planNumber(child.parent),
            parentIssuer: child.parent.issuer.name,
          },
        ]
      : [],
  );
}

function reportMessage(r: DueReminder<ReportDeadline>) {
  const { deadline: d } = r;
  const overdue = r.stage === "OVERDUE";
  return {
    kind: overdue ? ("REPORT_OVERDUE" as const) : ("REPORT_DUE" as const),
    title: overdue
      ? `Báo cáo năm ${d.year} đã quá hạn`
      : `Báo cáo năm ${d.year} đến hạn ngày ${formatDate(d.due)} (${daysLeftText(r.daysLeft)})`,
    body: overdue
      ? `Báo cáo năm ${d.year} của ${d.issuerName} (kế hoạch ${d.number}) phải gửi trước hết ngày ${formatDate(d.due)} nhưng chưa được gửi.`
      : `Báo cáo năm ${d.year} của ${d.issuerName} (kế hoạch ${d.number}) cần gửi cấp trên trước hết ngày ${formatDate(d.due)}, ${daysLeftText(r.daysLeft)}.`,
    link: `/plans/${d.planId}/reports/${d.year}`,
    dedupeKey: r.dedupeKey,
  };
}

function childPlanMessage(r: DueReminder<ChildPlanDeadline>) {
  const { deadline: d } = r;
  const overdue = r.stage === "OVERDUE";
  return {
    kind: overdue ? ("CHILD_PLAN_OVERDUE" as const) : ("CHILD_PLAN_DUE" as const),
    title: overdue
      ? `Kế hoạch thực hiện ${d.parentNumber} đã quá hạn ban hành`
      : `Kế hoạch thực hiện ${d.parentNumber} cần ban hành trước ngày ${formatDate(d.due)}`,
    body: `${d.parentIssuer} yêu cầu ban hành kế hoạch thực hiện ${d.parentNumber} trước hết ngày ${formatDate(d.due)} (${daysLeftText(r.daysLeft)}). Kế hoạch của đơn vị đang là dự thảo.`,
    link: `/plans/${d.planId}/edit`,
    dedupeKey: r.dedupeKey,
  };
}

/** Computes the reminders due at `now` and stores the new ones; returns how many notifications were added. */
export async function runDueReminders(db: ScopedDb, now: Date = new Date()): Promise<number> {
  const reports = dueReminders(now, await reportDeadlines(db, now));
  const childPlans = dueReminders(now, await childPlanDeadlines(db));
  const issuers = [...new Set([...reports, ...childPlans].map((r) => r.deadline.issuerId))];
  const byOrganization = new Map<string, string[]>();
  for (const m of await membersOf(db, issuers))
    byOrganization.set(m.organizationId, [...(byOrganization.get(m.organizationId) ?? []), m.userId]);
  let added = 0;
  for (const r of reports) added += await notify(db, reportMessage(r), byOrganization.get(r.deadline.issuerId) ?? []);
  for (const r of childPlans)
    added += await notify(db, childPlanMessage(r), byOrganization.get(r.deadline.issuerId) ?? []);
  return added;
}
