import "server-only";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { asTree } from "@/domain/tree";
import { planNumber } from "@/domain/document-number";
import { leadAgencies } from "@/domain/task-agencies";
import type { TaskStatus } from "@/ui/statuses";
import { planContent } from "@/features/results/plan-content";
import { visiblePlans, type ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { NotFoundError } from "@/server/errors";
import { reportCalendar } from "./calendar";
import { compileLocalities } from "./compiled/compile-queries";
import { issuerHeaderLines } from "./header-lines";
import type { ReportSnapshot } from "./snapshot";

// A report as it stands now, from the plan's live data: what a draft shows and exports, and what is
// frozen into report_submissions.snapshot when it is submitted.

export type Narrative = {
  /** The report's own number ("45" in "Số: 45/BC-UBND"); null or absent while unnumbered. */
  numberSerial?: string | null;
  leadership: string | null;
  results: string | null;
  shortcomings: string | null;
  nextYear: string | null;
  proposals: string | null;
};

export const EMPTY_NARRATIVE: Narrative = {
  numberSerial: null,
  leadership: null,
  results: null,
  shortcomings: null,
  nextYear: null,
  proposals: null,
};

const MILESTONES = [2025, 2030] as const;

export async function buildReportSnapshot(
  db: ScopedDb,
  scope: Scope,
  input: { planId: string; year: number; narrative: Narrative; reportDate: string },
): Promise<ReportSnapshot> {
  const { planId, year } = input;
  const found = await db.plan.findFirst({
    where: { AND: [{ id: planId }, visiblePlans(scope)] },
    select: {
      id: true,
      kind: true,
      track: true,
      notation: true,
      numberSerial: true,
      typeCode: true,
      issuerCode: true,
      title: true,
      issuedOn: true,
      isIllustrative: true,
      place: true,
      signerName: true,
      signerTitle: true,
      signingForm: true,
      issuer: {
        select: {
          name: true,
          kind: true,
          track: true,
          adminUnit: {
            select: { level: true, name: true, fullName: true, parent: { select: { level: true, fullName: true } } },
          },
          parent: { select: { name: true } },
        },
      },
      parent: { select: { childReportDueDay: true, childReportDueMonth: true, issuer: { select: { name: true } } } },
    },
  });
  if (!found) throw new NotFoundError("Không tìm thấy kế hoạch");
  // The content in one statement (planContent), once the plan is known to be visible: its milestone
  // targets and the year's actuals are what a report shows.
  const content = await planContent(db, planId, year);
  const plan = {
    ...found,
    indicators: content.indicators.map((i) => ({
      ...i,
      targets: i.targets.filter((t) => (MILESTONES as readonly number[]).includes(t.year)),
      actuals: i.actuals.filter((a) => a.year === year),
    })),
    tasks: content.tasks,
  };

  const period = reportCalendar(year, plan.parent);
  const track = plan.track === "STATE" ? "STATE" : "PARTY";
  const recipientBody = plan.parent?.issuer.name ?? null;
  const parents = new Set(plan.tasks.map((t) => t.parentTaskId).filter(Boolean));

  return {
    version: 1,
    year,
    period: { start: period.start, end: period.end, due: period.due },
    plan: {
      id: plan.id,
      number: planNumber(plan),
      kind: plan.kind,
      title: plan.title,
      track,
      issuedOn: plan.issuedOn ? plan.issuedOn.toISOString().slice(0, 10) : null,
      isIllustrative: plan.isIllustrative,
    },
    issuer: {
      name: plan.issuer.name,
      headerLines: issuerHeaderLines(plan.issuer),
      place: plan.place ?? plan.issuer.adminUnit.name,
      issuerCode: plan.issuerCode,
      notation: plan.notation,
    },
    recipientBody,
    reportSerial: input.narrative.numberSerial ?? null,
    reportDate: input.reportDate,
    signer: { name: plan.signerName, title: plan.signerTitle, signingForm: plan.signingForm },
    sections: {
      leadership: input.narrative.leadership ?? "",
      results: input.narrative.results ?? "",
      shortcomings: input.narrative.shortcomings ?? "",
      nextYear: input.narrative.nextYear ?? "",
      proposals: input.narrative.proposals ?? "",
    },
    indicators: asTree(plan.indicators, (i) => i.parentIndicatorId).map(({ item, depth }) => {
      const actual = item.actuals[0] ?? null;
      const value = actual?.value != null ? Number(actual.value.toString()) : null;
      return {
        code: item.code,
        name: item.name,
        unit: item.unit,
        isGroup: item.isGroup,
        depth,
        target2025: item.targets.find((t) => t.year === 2025)?.text ?? "",
        target2030: item.targets.find((t) => t.year === 2030)?.text ?? "",
        actual: actual && actual.text !== "" ? actual.text : null,
        actualValue: value !== null && Number.isFinite(value) ? value : null,
        status: item.isGroup ? null : ((actual?.status as IndicatorStatus | undefined) ?? "NO_DATA"),
        isIllustrative: actual?.isIllustrative ?? false,
      };
    }),
    tasks: asTree(plan.tasks, (t) => t.parentTaskId).map(({ item, depth }) => {
      const combined = parents.has(item.id) ? { status: null, summary: null } : combineProgress(item.progress);
      return {
        numbering: item.numbering,
        title: item.title,
        body: item.body,
        depth,
        lead: leadAgencies(item.assignments).map((a) => a.name),
        status: combined.status,
        summary: combined.summary,
      };
    }),
    recipients: [...(recipientBody ? [`${recipientBody} (b/c)`] : []), "Lưu văn phòng"],
    // The localities' part follows their latest submissions until this report is sent, then is frozen with it.
    compiled: await compileLocalities(db, scope, planId, year, { today: input.reportDate }),
  };
}

type ProgressEntry = {
  organizationId: string | null;
  status: TaskStatus;
  summary: string | null;
  organization: { name: string } | null;
};

/**
 * One status and account per task from its overall update and its lead agencies' own updates: the
 * overall status when given, else the agencies' (the worst of them when they differ); the accounts
 * together, each agency's under its name.
 */
export function combineProgress(entries: ProgressEntry[]): { status: TaskStatus | null; summary: string | null } {
  const overall = entries.find((e) => e.organizationId === null);
  const agencies = entries.filter((e) => e.organizationId !== null);
  const order: TaskStatus[] = ["BEHIND", "NOT_STARTED", "IN_PROGRESS", "COMPLETED"];
  const agencyStatus = agencies.length ? (order.find((s) => agencies.some((a) => a.status === s)) ?? null) : null;
  const lines = [
    ...(overall?.summary ? [overall.summary] : []),
    ...agencies.filter((a) => a.summary).map((a) => `${a.organization?.name ?? "Cơ quan chủ trì"}: ${a.summary}`),
  ];
  return { status: overall?.status ?? agencyStatus, summary: lines.length ? lines.join("\n") : null };
}
