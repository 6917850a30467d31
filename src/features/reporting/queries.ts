import "server-only";
import { daysUntil, deadlineState, type DeadlineState } from "@/domain/reporting-calendar";
import {
  deadlineText,
  effectiveDue,
  hasExtension,
  isLate,
  reportLock,
  type ReportDeadline,
} from "@/domain/report-deadline";
import { planNumber } from "@/domain/document-number";
import { chooseResolution, sortChoices, type ResolutionChoice } from "@/domain/resolution-choice";
import { may, organizationRef, organizationRefSelect } from "@/server/plan-access";
import { visiblePlans, type ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { NotFoundError } from "@/server/errors";
import type { ReportStatus } from "@/ui/statuses";
import { todayInVietnam } from "@/domain/vietnam-time";
import { isoDay, reportCalendar, reportNotOwed } from "./calendar";
import { buildReportSnapshot, EMPTY_NARRATIVE } from "./build-snapshot";
import type { ReportSnapshot } from "./snapshot";
import { reviewsItself } from "./review-rule";

// Reads for the report page and the reporting overview.

const reportSelect = {
  id: true,
  year: true,
  status: true,
  dueOn: true,
  extendedDueOn: true,
  periodStart: true,
  periodEnd: true,
  version: true,
  updatedAt: true,
  numberSerial: true,
  leadership: true,
  results: true,
  shortcomings: true,
  nextYear: true,
  proposals: true,
  extensions: {
    orderBy: { grantedAt: "asc" },
    select: { id: true, previousDueOn: true, extendedTo: true, reason: true, grantedAt: true, grantedById: true },
  },
  submissions: {
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      submittedAt: true,
      submittedById: true,
      outcome: true,
      reviewedAt: true,
      reviewedById: true,
      reviewComment: true,
    },
  },
} as const;

/** The due day of a report: fixed when it was sent; for one not sent (or returned), the parent's current rule. */
function dueOf(report: { status: string; dueOn: Date } | null, computed: string): string {
  return report && (report.status === "SUBMITTED" || report.status === "ACCEPTED") ? isoDay(report.dueOn) : computed;
}

export async function getReportPage(db: ScopedDb, scope: Scope, planId: string, year: number) {
  const plan = await db.plan.findFirst({
    where: { AND: [{ id: planId }, visiblePlans(scope)] },
    select: {
      id: true,
      notation: true,
      numberSerial: true,
      typeCode: true,
      issuerCode: true,
      title: true,
      kind: true,
      isIllustrative: true,
      status: true,
      issuedOn: true,
      issuer: { select: { ...organizationRefSelect, name: true, validFrom: true, validTo: true } },
      parent: {
        select: {
          id: true,
          childReportDueDay: true,
          childReportDueMonth: true,
          issuer: { select: { ...organizationRefSelect, name: true } },
        },
      },
      reports: { where: { year }, select: reportSelect },
      _count: { select: { children: true } },
    },
  });
  if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch");
  const owner = organizationRef(plan.issuer);
  const report = plan.reports[0] ?? null;
  const calendar = reportCalendar(year, plan.parent);
  const due = dueOf(report, calendar.due);
  const deadline: ReportDeadline = {
    original: due,
    extended: report?.extendedDueOn ? isoDay(report.extendedDueOn) : null,
  };
  const inForce = effectiveDue(deadline);
  const today = todayInVietnam();
  const submitted = report?.status === "SUBMITTED" || report?.status === "ACCEPTED";
  const obligation = reportNotOwed(plan, calendar.due, year);
  const people = await namesOf(db, [
    ...(report?.submissions.flatMap((s) => [s.submittedById, s.reviewedById]) ?? []),
    ...(report?.extensions.map((e) => e.grantedById) ?? []),
  ]);
  const lastExtension = report?.extensions[report.extensions.length - 1] ?? null;

  return {
    plan: {
      id: plan.id,
      number: planNumber(plan),
      title: plan.title,
      kind: plan.kind,
      isIllustrative: plan.isIllustrative,
      issuerName: plan.issuer.name,
      notation: plan.notation,
      issuerCode: plan.issuerCode,
      /** Plans implement it: its reports carry the part compiled from theirs. */
      hasChildren: plan._count.children > 0,
      parentIssuerName: plan.parent?.issuer.name ?? null,
      /**
       * The report goes to a body that is only recorded here (a Central document's issuer, or no
       * parent at all): it is exported and sent as a signed document, then frozen here (issue 16).
       */
      sentOutside: !plan.parent || plan.parent.issuer.adminUnit.level === "CENTRAL",
    },
    year,
    period: {
      start: report ? isoDay(report.periodStart) : calendar.start,
      end: report ? isoDay(report.periodEnd) : calendar.end,
      due,
    },
    /** The original deadline and the extension in force (ADR 0029). */
    dueDates: deadline,
    dueText: deadlineText(deadline, hasExtension(deadline) ? lastExtension?.reason : null),
    /** Who set the deadline: the body the report is addressed to (null: the default 15/12, nobody above in the system). */
    dueSetBy: plan.parent?.issuer.name ?? null,
    lock: reportLock({ status: report?.status ?? null, deadline, today }),
    extensions:
      report?.extensions.map((e) => ({
        id: e.id,
        previousDueOn: isoDay(e.previousDueOn),
        extendedTo: isoDay(e.extendedTo),
        reason: e.reason,
        grantedAt: e.grantedAt,
        grantedBy: e.grantedById ? (people.get(e.grantedById) ?? null) : null,
      })) ?? [],
    today,
    daysLeft: daysUntil(inForce, today),
    deadline: deadlineState(inForce, today, submitted),
    /** Null when the report is owed; else why not (an existing report is still shown). */
    notOwed: obligation,
    report: report
      ? {
          ...report,
          submissions: report.submissions.map((s) => ({
            ...s,
            submittedBy: s.submittedById ? (people.get(s.submittedById) ?? null) : null,
            reviewedBy: s.reviewedById ? (people.get(s.reviewedById) ?? null) : null,
          })),
        }
      : null,
    canEdit: may(scope, "results.edit", owner),
    canSubmit: may(scope, "reports.submit", owner),
    // Reviewed by the body it is addressed to: the issuer of the plan's parent.
    canReview: plan.parent
      ? may(scope, "reports.review", organizationRef(plan.parent.issuer)) && !reviewsItself(scope, owner)
      : false,
  };
}

export type ReportPage = Awaited<ReturnType<typeof getReportPage>>;

async function namesOf(db: ScopedDb, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** A stored snapshot; null when the report or the submission does not exist. */
export async function getSubmissionSnapshot(
  db: ScopedDb,
  scope: Scope,
  planId: string,
  year: number,
  number?: number,
): Promise<{ number: number; snapshot: ReportSnapshot; submittedAt: Date } | null> {
  const submission = await db.reportSubmission.findFirst({
    where: { report: { planId, year, plan: visiblePlans(scope) }, ...(number ? { number } : {}) },
    orderBy: { number: "desc" },
    select: { number: true, snapshot: true, submittedAt: true },
  });
  return submission
    ? {
        number: submission.number,
        // Snapshots are never rewritten; a field added later reads as absent in older ones.
        snapshot: { reportSerial: null, ...(submission.snapshot as object) } as ReportSnapshot,
        submittedAt: submission.submittedAt,
      }
    : null;
}

export type ReportOverviewRow = {
  planId: string;
  planNumber: string;
  planTitle: string;
  issuerName: string;
  issuerEnded: boolean;
  isIllustrative: boolean;
  status: ReportStatus | null;
  /** The original deadline (on-time counts use it). */
  due: string;
  /** The extension in force, when the reviewing body granted one. */
  extendedTo: string | null;
  daysLeft: number;
  deadline: DeadlineState;
  /** First time it was sent, and whether that was after the due day. */
  firstSubmittedOn: string | null;
  lastSubmittedOn: string | null;
  late: boolean;
  canReview: boolean;
  /** Null when the report is owed this year; else why not. */
  notOwed: string | null;
};

const overviewPlanSelect = (year: number) =>
  ({
    id: true,
    notation: true,
    numberSerial: true,
    typeCode: true,
    issuerCode: true,
    title: true,
    isIllustrative: true,
    status: true,
    issuedOn: true,
    childReportDueDay: true,
    childReportDueMonth: true,
    version: true,
    issuer: { select: { ...organizationRefSelect, name: true, validFrom: true, validTo: true } },
    parent: {
      select: { childReportDueDay: true, childReportDueMonth: true, issuer: { select: organizationRefSelect } },
    },
    reports: {
      where: { year },
      select: {
        status: true,
        dueOn: true,
        extendedDueOn: true,
        submissions: { orderBy: { number: "asc" }, select: { submittedAt: true } },
      },
    },
  }) as const;

/**
 * The user's own plans' reports for a year and, for the body above, its children's. A plan lists
 * its report when it owes one that year (reportObligation: issued by the due day, its issuer alive on
 * it) or when one exists; the others are listed apart with the reason, and count nowhere.
 */
/**
 * The resolutions (documents at the top of a cascade) of the body's plans, each counting the body's
 * plans in it and those implementing them (ADR 0033). Only documents the scope may read are named.
 */
async function resolutionChoices(
  db: ScopedDb,
  scope: Scope,
  own: { resolutionId: string | null; _count: { children: number } }[],
): Promise<ResolutionChoice[]> {
  const plans = new Map<string, number>();
  for (const p of own)
    if (p.resolutionId) plans.set(p.resolutionId, (plans.get(p.resolutionId) ?? 0) + 1 + p._count.children);
  if (plans.size === 0) return [];
  const documents = await db.plan.findMany({
    where: { AND: [visiblePlans(scope), { id: { in: [...plans.keys()] } }] },
    select: {
      id: true,
      notation: true,
      numberSerial: true,
      typeCode: true,
      issuerCode: true,
      title: true,
      issuedOn: true,
    },
  });
  return sortChoices(
    documents.map((d) => ({
      id: d.id,
      number: planNumber(d),
      title: d.title,
      plans: plans.get(d.id) ?? 0,
      issuedOn: d.issuedOn ? isoDay(d.issuedOn) : null,
    })),
  );
}

/**
 * The reporting overview of the user's body for a year, for one resolution when its plans belong to
 * several (`asked`, from the URL; else the one with most plans). A plan whose resolution the scope
 * cannot name is listed under every choice rather than hidden.
 */
export async function getReportsOverview(db: ScopedDb, scope: Scope, year: number, asked: string | null = null) {
  const today = todayInVietnam();
  const ownIds = [scope.organizationId, ...scope.predecessorOrganizationIds].filter((id): id is string => Boolean(id));
  const allOwn = await db.plan.findMany({
    where: { AND: [visiblePlans(scope), { issuerId: { in: ownIds } }] },
    select: { ...overviewPlanSelect(year), resolutionId: true, _count: { select: { children: true } } },
    orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }],
  });
  const resolutions = await resolutionChoices(db, scope, allOwn);
  const resolution = chooseResolution(resolutions, asked);
  const named = new Set(resolutions.map((r) => r.id));
  const own = resolution
    ? allOwn.filter((p) => p.resolutionId === resolution.id || !named.has(p.resolutionId ?? ""))
    : allOwn;
  const children = own.length
    ? await db.plan.findMany({
        where: {
          AND: [visiblePlans(scope), { parentId: { in: own.map((p) => p.id) } }, { issuerId: { notIn: ownIds } }],
        },
        select: overviewPlanSelect(year),
      })
    : [];

  const row = (plan: (typeof children)[number]): ReportOverviewRow => {
    const report = plan.reports[0] ?? null;
    const due = dueOf(report, reportCalendar(year, plan.parent).due);
    const extended = report?.extendedDueOn ? isoDay(report.extendedDueOn) : null;
    const inForce = effectiveDue({ original: due, extended });
    const notOwed = reportNotOwed(plan, due, year);
    const submitted = report?.status === "SUBMITTED" || report?.status === "ACCEPTED";
    const first = report?.submissions[0]?.submittedAt ?? null;
    const last = report?.submissions[report.submissions.length - 1]?.submittedAt ?? null;
    const firstOn = first ? todayInVietnam(first) : null;
    return {
      planId: plan.id,
      planNumber: planNumber(plan),
      planTitle: plan.title,
      issuerName: plan.issuer.name,
      issuerEnded: Boolean(plan.issuer.validTo),
      isIllustrative: plan.isIllustrative,
      status: report?.status ?? null,
      due,
      extendedTo: hasExtension({ original: due, extended }) ? extended : null,
      daysLeft: daysUntil(inForce, today),
      deadline: deadlineState(inForce, today, submitted),
      firstSubmittedOn: firstOn,
      lastSubmittedOn: last ? todayInVietnam(last) : null,
      // Against the original deadline, extension or not (ADR 0029).
      late: isLate({ original: due, submittedOn: firstOn, today }),
      canReview: plan.parent
        ? may(scope, "reports.review", organizationRef(plan.parent.issuer)) &&
          !reviewsItself(scope, organizationRef(plan.issuer))
        : false,
      notOwed,
    };
  };
  const listed = (r: ReportOverviewRow) => r.notOwed === null || r.status !== null;

  const urgency: Record<DeadlineState, number> = { OVERDUE: 0, DUE_SOON: 1, OPEN: 2, SUBMITTED: 3 };
  const allChildRows = children.map(row);
  const childRows = allChildRows
    .filter(listed)
    .sort((a, b) => urgency[a.deadline] - urgency[b.deadline] || a.issuerName.localeCompare(b.issuerName, "vi"));
  const ownRows = own.map((plan) => ({
    ...row(plan),
    childCount: plan._count.children,
    childDue: { day: plan.childReportDueDay, month: plan.childReportDueMonth },
    /** The day this plan's children are due this year (its own rule, or 15/12). */
    childDueOn: reportCalendar(year, plan).due,
    version: plan.version,
    canSetChildDue: may(scope, "plans.edit", organizationRef(plan.issuer)),
  }));
  return {
    year,
    today,
    resolutions,
    resolution: resolution?.id ?? null,
    own: ownRows.filter(listed),
    /** The user's plans (and its predecessors') that owe no report this year, with the reason. */
    ownNotOwed: ownRows.filter((r) => !listed(r)),
    children: childRows,
    /** Children's plans that owe no report this year (their body ended, or they were issued after the due day). */
    childrenNotOwed: allChildRows
      .filter((r) => !listed(r))
      .sort((a, b) => a.issuerName.localeCompare(b.issuerName, "vi")),
    summary: {
      total: childRows.length,
      submitted: childRows.filter((r) => r.status === "SUBMITTED" || r.status === "ACCEPTED").length,
      accepted: childRows.filter((r) => r.status === "ACCEPTED").length,
      awaitingReview: childRows.filter((r) => r.status === "SUBMITTED").length,
      overdue: childRows.filter((r) => r.deadline === "OVERDUE").length,
      late: childRows.filter((r) => r.late).length,
    },
  };
}

export type ReportsOverview = Awaited<ReturnType<typeof getReportsOverview>>;

/**
 * The report as it should be shown, printed or exported: a given submission; else, once sent, the
 * last submission (frozen); else the plan's live data with the draft's narrative (empty without a draft).
 */
export async function reportSnapshotFor(
  db: ScopedDb,
  scope: Scope,
  planId: string,
  year: number,
  submissionNumber?: number,
): Promise<{ snapshot: ReportSnapshot; submission: { number: number; submittedAt: Date } | null }> {
  if (submissionNumber !== undefined) {
    const frozen = await getSubmissionSnapshot(db, scope, planId, year, submissionNumber);
    if (!frozen) throw new NotFoundError("Không tìm thấy lần gửi này");
    return { snapshot: frozen.snapshot, submission: { number: frozen.number, submittedAt: frozen.submittedAt } };
  }
  const report = await db.report.findFirst({
    where: { planId, year, plan: visiblePlans(scope) },
    select: {
      status: true,
      numberSerial: true,
      leadership: true,
      results: true,
      shortcomings: true,
      nextYear: true,
      proposals: true,
    },
  });
  if (report && (report.status === "SUBMITTED" || report.status === "ACCEPTED")) {
    const frozen = await getSubmissionSnapshot(db, scope, planId, year);
    if (frozen)
      return { snapshot: frozen.snapshot, submission: { number: frozen.number, submittedAt: frozen.submittedAt } };
  }
  const snapshot = await buildReportSnapshot(db, scope, {
    planId,
    year,
    narrative: report ?? EMPTY_NARRATIVE,
    reportDate: todayInVietnam(),
  });
  return { snapshot, submission: null };
}
