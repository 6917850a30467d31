import "server-only";
import type { NotificationKind, Role } from "@/generated/prisma/enums";
import { planNumber } from "@/domain/document-number";
import { todayInVietnam } from "@/domain/vietnam-time";
import type { ScopedDb } from "@/server/db/scoped";

// The events other features emit, inside their own transaction: the notification commits with the
// change it announces, or neither does. Each event carries a dedupe key; (user, key) is unique in
// PostgreSQL, so the same event is stored once per user whatever runs it twice (a retried
// transaction, the hourly job on several app instances). Offered to other features (FEATURE_API).

export type NotificationEvent = {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  /** Names the event, not the recipient: the same key for every user it reaches. */
  dedupeKey: string;
};

/** The roles that act on a report or a plan: they are the ones told about it. */
export const ACTING_ROLES: readonly Role[] = ["EDITOR", "APPROVER"];

/**
 * Active users holding one of `roles` in any of the organisations that still exist (none when the
 * list is empty): a body that has ended acts on nothing, its successors do.
 */
export async function membersOf(
  db: ScopedDb,
  organizationIds: readonly string[],
  roles: readonly Role[] = ACTING_ROLES,
): Promise<{ userId: string; organizationId: string }[]> {
  if (organizationIds.length === 0) return [];
  return db.membership.findMany({
    where: {
      organizationId: { in: [...organizationIds] },
      role: { in: [...roles] },
      user: { isActive: true },
      organization: { OR: [{ validTo: null }, { validTo: { gte: new Date(`${todayInVietnam()}T00:00:00Z`) } }] },
    },
    select: { userId: true, organizationId: true },
  });
}

/** Stores the event for each user once; returns how many notifications were new. */
export async function notify(db: ScopedDb, event: NotificationEvent, userIds: readonly string[]): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  const { count } = await db.notification.createMany({
    data: unique.map((userId) => ({ userId, ...event })),
    skipDuplicates: true,
  });
  return count;
}

const reportLink = (planId: string, year: number) => `/plans/${planId}/reports/${year}`;

const planSelect = {
  id: true,
  notation: true,
  numberSerial: true,
  typeCode: true,
  issuerCode: true,
  title: true,
  issuerId: true,
  issuer: { select: { name: true } },
  parent: { select: { issuerId: true } },
} as const;

/** The review's outcome, for the editors and approvers of the body that sent the report. */
export async function reportReviewed(
  db: ScopedDb,
  report: { id: string; planId: string; year: number },
  decision: "ACCEPTED" | "RETURNED",
  submissionNumber: number,
  comment: string | null,
): Promise<number> {
  const plan = await db.plan.findUniqueOrThrow({ where: { id: report.planId }, select: planSelect });
  const number = planNumber(plan);
  const event: NotificationEvent =
    decision === "ACCEPTED"
      ? {
          kind: "REPORT_ACCEPTED",
          title: `Báo cáo năm ${report.year} đã được chấp nhận`,
          body: `Cấp trên đã chấp nhận báo cáo năm ${report.year} của ${plan.issuer.name} (kế hoạch ${number}).`,
          link: reportLink(report.planId, report.year),
          dedupeKey: `report-reviewed:${report.id}:${submissionNumber}`,
        }
      : {
          kind: "REPORT_RETURNED",
          title: `Báo cáo năm ${report.year} bị trả lại`,
          body: `Cấp trên đã trả lại báo cáo năm ${report.year} của ${plan.issuer.name} (kế hoạch ${number}) để sửa và gửi lại.${comment ? ` Ý kiến: ${comment}` : ""}`,
          link: reportLink(report.planId, report.year),
          dedupeKey: `report-reviewed:${report.id}:${submissionNumber}`,
        };
  const members = await membersOf(db, [plan.issuerId]);
  return notify(
    db,
    event,
    members.map((m) => m.userId),
  );
}

/** A locality sent its report: the approvers of the body above (the issuer of the plan's parent), who review it. */
export async function reportSubmitted(
  db: ScopedDb,
  report: { id: string; planId: string; year: number },
  submissionNumber: number,
): Promise<number> {
  const plan = await db.plan.findUniqueOrThrow({ where: { id: report.planId }, select: planSelect });
  if (!plan.parent || plan.parent.issuerId === plan.issuerId) return 0;
  const reviewers = await membersOf(db, [plan.parent.issuerId], ["APPROVER"]);
  return notify(
    db,
    {
      kind: "LOCALITY_SUBMITTED",
      title: `${plan.issuer.name} đã gửi báo cáo năm ${report.year}`,
      body: `${plan.issuer.name} đã gửi báo cáo năm ${report.year} (kế hoạch ${planNumber(plan)}, lần gửi thứ ${submissionNumber}). Báo cáo đang chờ xem xét.`,
      link: reportLink(report.planId, report.year),
      dedupeKey: `report-submitted:${report.id}:${submissionNumber}`,
    },
    reviewers.map((m) => m.userId),
  );
}

/**
 * A plan was issued (first time, or reissued after an amendment): the editors and approvers of the
 * bodies whose plans implement it, who decide what to take over. One indexed read of the children
 * and one of their members, so issuing stays cheap.
 */
export async function parentPlanChanged(db: ScopedDb, planId: string, version: number): Promise<number> {
  const children = await db.plan.findMany({
    where: { parentId: planId, status: { not: "SUPERSEDED" } },
    select: { issuerId: true },
  });
  if (children.length === 0) return 0;
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: planSelect });
  // Issuing gives a number; a plan entered unnumbered is named by its title.
  const name = plan.numberSerial
    ? planNumber(plan)
    : `“${plan.title.length > 80 ? `${plan.title.slice(0, 79)}…` : plan.title}”`;
  const own = new Set([plan.issuerId]);
  const members = await membersOf(
    db,
    [...new Set(children.map((c) => c.issuerId))].filter((id) => !own.has(id)),
    ["EDITOR", "APPROVER"],
  );
  return notify(
    db,
    {
      kind: "PARENT_PLAN_CHANGED",
      title: `Văn bản cấp trên ${name} vừa được ban hành`,
      body: `${plan.issuer.name} đã ban hành văn bản ${name}. Hãy xem các thay đổi để quyết định có đưa vào kế hoạch thực hiện của đơn vị mình hay không.`,
      link: `/plans/${planId}`,
      dedupeKey: `parent-issued:${planId}:${version}`,
    },
    members.map((m) => m.userId),
  );
}
