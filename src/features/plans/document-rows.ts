import type { Prisma } from "@/generated/prisma/client";
import { parseDocumentNumber } from "@/domain/document-number";
import { inferDirection } from "@/domain/target-meaning";
import { parseTarget, type Target } from "@/domain/target-notation";
import { parseTimeframe } from "@/domain/timeframe";
import type { DocumentIndicator, DocumentTask, PlanDocument } from "./plan-document";

// Turns a plan document (typed by an official, extracted by the importer, or copied from a parent)
// into rows. The number, targets and timeframes are read by the domain rules, so the seed, the
// importer and the editor all store the same thing for the same text.

export type LoadedTask = { id: string; source: DocumentTask; children: LoadedTask[] };
export type LoadedIndicator = {
  id: string;
  source: DocumentIndicator;
  direction: string;
  targets: Map<number, Target>;
  children: LoadedIndicator[];
};

export type DocumentRows = {
  plan: Prisma.PlanCreateManyInput;
  citations: Prisma.PlanCitationCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  assignments: Prisma.TaskAssignmentCreateManyInput[];
  indicators: Prisma.IndicatorCreateManyInput[];
  targets: Prisma.IndicatorTargetCreateManyInput[];
  loaded: { tasks: LoadedTask[]; indicators: LoadedIndicator[] };
};

export type DocumentRowsOptions = {
  planId: string;
  issuer: { organizationId: string; provinceCode: string | null };
  status: "DRAFT" | "ISSUED";
  parentId: string | null;
  citedPlanIds: string[];
  isIllustrative?: boolean;
  hasContent?: boolean;
  /** The parent's tasks and indicators, position by position, when this plan was copied from it. */
  derivedFrom?: { tasks: LoadedTask[]; indicators: LoadedIndicator[] };
  /** For a plan that was not copied (an import): the parent's item an item localises, if any (match-parent.ts). */
  matchParentIndicator?: (
    indicator: DocumentIndicator,
    container: { isGroup: boolean; match: LoadedIndicator | undefined } | null,
  ) => LoadedIndicator | undefined;
  matchParentTask?: (task: DocumentTask) => LoadedTask | undefined;
  /** Ids for new rows: random in the app, derived from a key in the seed. */
  newId: (kind: string, path: string) => string;
  /** The organisation an agency name stands for (resolved beforehand, see resolveAgencies). */
  agencyId: (name: string) => string;
};

/** A problem with one text of the document, said in Vietnamese, with where it is. */
export class DocumentError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
  }
}

const isoDate = (value: string | null | undefined): Date | null => (value ? new Date(`${value}T00:00:00Z`) : null);

/** "hoàn thành trong quý I/2024" → 31/3/2024; "trước ngày 20/7/2024" → 20/7/2024. */
export function planDeadline(text: string | null): Date | null {
  const timeframe = parseTimeframe(text);
  if (timeframe.date) return isoDate(timeframe.date);
  if (timeframe.kind === "BY_QUARTER" && timeframe.year && timeframe.quarter)
    return new Date(Date.UTC(timeframe.year, timeframe.quarter * 3, 0));
  return null;
}

/** "hằng năm (trước ngày 15/12)" → 15/12. */
export function reportDeadline(text: string | null): { day: number; month: number } | null {
  const match = text ? /(\d{1,2})\/(\d{1,2})(?!\/)/.exec(text) : null;
  return match ? { day: Number(match[1]), month: Number(match[2]) } : null;
}

// The preamble ("Thực hiện Chương trình hành động số 78-CTr/TU …") is kept ahead of the purpose.
function joinSections(preamble: string | null, purpose: string | null): string | null {
  if (!preamble) return purpose;
  return purpose ? `${preamble}\n\n${purpose}` : preamble;
}

/** Every agency name the document assigns work to, once each. */
export function agencyNames(document: PlanDocument): string[] {
  const names = new Set<string>();
  const visit = (task: DocumentTask) => {
    for (const list of [task.lead, task.coordinating, task.directing, task.advising])
      (list ?? []).forEach((name) => names.add(name.trim()));
    task.children?.forEach(visit);
  };
  document.tasks.forEach(visit);
  return [...names].filter(Boolean);
}

export function documentToRows(document: PlanDocument, options: DocumentRowsOptions): DocumentRows {
  const number = parseDocumentNumber(document.number);
  if (!number.ok) throw new DocumentError(`Số hiệu "${document.number}"`, number.error);
  const planId = options.planId;
  const out: DocumentRows = {
    plan: {
      id: planId,
      kind: document.kind,
      track: document.track,
      status: options.status,
      notation: number.value.notation,
      numberSerial: number.value.serial,
      typeCode: number.value.typeCode,
      issuerCode: number.value.issuerCode,
      issuerId: options.issuer.organizationId,
      provinceCode: options.issuer.provinceCode,
      issuedOn: isoDate(document.issuedOn),
      place: document.place,
      title: document.title,
      signerName: document.signer.name,
      signerTitle: document.signer.title,
      signingForm: document.signer.signingForm,
      recipients: document.recipients,
      purpose: joinSections(document.sections.preamble, document.sections.purpose),
      requirements: document.sections.requirements,
      generalObjective: document.sections.generalObjective,
      vision: document.sections.vision,
      funding: document.sections.funding,
      implementation: document.sections.implementation,
      hasContent: options.hasContent ?? true,
      parentId: options.parentId,
      isIllustrative: options.isIllustrative ?? false,
      childPlanDueOn: planDeadline(document.childDeadlines.plans),
      childReportDueDay: reportDeadline(document.childDeadlines.reports)?.day ?? null,
      childReportDueMonth: reportDeadline(document.childDeadlines.reports)?.month ?? null,
    },
    citations: options.citedPlanIds.map((citedPlanId, position) => ({ planId, citedPlanId, position })),
    tasks: [],
    assignments: [],
    indicators: [],
    targets: [],
    loaded: { tasks: [], indicators: [] },
  };

  const addTasks = (
    tasks: DocumentTask[],
    parentTaskId: string | null,
    path: string,
    inherited: LoadedTask[] | undefined,
  ): LoadedTask[] =>
    tasks.map((task, position) => {
      const id = options.newId("task", `${path}.${position}`);
      const copied = inherited?.[position];
      const source = copied ?? options.matchParentTask?.(task);
      const timeframe = parseTimeframe(task.timeframe ?? null);
      out.tasks.push({
        id,
        planId,
        parentTaskId,
        position,
        numbering: task.numbering,
        title: task.title ?? null,
        body: task.body,
        derivedFromId: source?.id ?? null,
        inheritance: source ? "INHERITED" : "LOCAL",
        timeframeKind: timeframe.kind,
        timeframeYear: timeframe.year ?? null,
        timeframeEndYear: timeframe.endYear ?? null,
        timeframeQuarter: timeframe.quarter ?? null,
        timeframeDate: isoDate(timeframe.date),
        timeframeText: task.timeframe ?? null,
      });
      const roles = [
        ["LEAD", task.lead],
        ["COORDINATING", task.coordinating],
        ["DIRECTING", task.directing],
        ["ADVISING", task.advising],
      ] as const;
      for (const [role, names] of roles) {
        const seen = new Set<string>();
        (names ?? []).forEach((name, index) => {
          const organizationId = options.agencyId(name.trim());
          if (seen.has(organizationId)) return;
          seen.add(organizationId);
          out.assignments.push({
            id: options.newId("assignment", `${id}.${organizationId}.${role}`),
            planId,
            taskId: id,
            organizationId,
            role,
            position: index,
          });
        });
      }
      return { id, source: task, children: addTasks(task.children ?? [], id, `${path}.${position}`, copied?.children) };
    });

  /** New indicator id → the code of its weight, for the weighted averages (resolved once every row exists). */
  const weightCodes = new Map<string, string>();
  const addIndicators = (
    indicators: DocumentIndicator[],
    parentIndicatorId: string | null,
    path: string,
    inherited: LoadedIndicator[] | undefined,
    container: { isGroup: boolean; match: LoadedIndicator | undefined } | null,
  ): LoadedIndicator[] =>
    indicators.map((indicator, position) => {
      const id = options.newId("indicator", `${path}.${position}`);
      const copied = inherited?.[position];
      const source = copied ?? options.matchParentIndicator?.(indicator, container);
      const targets = new Map<number, Target>();
      for (const [year, text] of Object.entries(indicator.targets ?? {}).sort()) {
        const parsed = parseTarget(text);
        if (!parsed.ok)
          throw new DocumentError(
            `Chỉ tiêu ${indicator.code} "${indicator.name}", năm ${year}: "${text}"`,
            parsed.error,
          );
        targets.set(Number(year), parsed.target);
      }
      const direction = indicator.isGroup
        ? "HIGHER_BETTER"
        : (indicator.direction ?? inferDirection(indicator.name, [...targets.values()]));
      const baseline = indicator.baseline ? parseTarget(indicator.baseline.text) : null;
      out.indicators.push({
        id,
        planId,
        parentIndicatorId,
        position,
        isGroup: indicator.isGroup ?? false,
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit ?? null,
        direction,
        baselineYear: indicator.baseline?.year ?? null,
        baselineText: indicator.baseline?.text ?? null,
        baselineValue: baseline?.ok ? (baseline.target.lower ?? baseline.target.upper) : null,
        derivedFromId: source?.id ?? null,
        inheritance: source ? "INHERITED" : "LOCAL",
        markedAsFromParent: indicator.fromParent ?? false,
        aggregation: indicator.isGroup ? "NONE" : (indicator.aggregation ?? "NONE"),
        // What the parent asked when this was copied: a later change there is shown for review.
        parentTargetsSeen: source
          ? Object.fromEntries([...source.targets].map(([year, target]) => [String(year), target.text]))
          : undefined,
      });
      if (!indicator.isGroup && indicator.aggregation === "WEIGHTED_AVERAGE")
        weightCodes.set(id, indicator.aggregationWeight ?? "");
      for (const [year, target] of targets) {
        out.targets.push({
          id: options.newId("target", `${id}.${year}`),
          planId,
          indicatorId: id,
          year,
          kind: target.kind,
          lower: target.lower,
          upper: target.upper,
          isPercent: target.isPercent,
          qualitative: target.qualitative,
          text: target.text,
        });
      }
      const children = addIndicators(indicator.children ?? [], id, `${path}.${position}`, copied?.children, {
        isGroup: indicator.isGroup ?? false,
        match: source,
      });
      return { id, source: indicator, direction, targets, children };
    });

  out.loaded.tasks = addTasks(document.tasks, null, "t", options.derivedFrom?.tasks);
  out.loaded.indicators = addIndicators(document.indicators, null, "i", options.derivedFrom?.indicators, null);
  resolveAggregationWeights(out.indicators, weightCodes);
  return out;
}

/**
 * A weighted average names its weight by the code of another indicator of the same document; the row
 * points to that indicator's new id (the first one of that code that is not a group). A weight that
 * cannot be found leaves the indicator not combined rather than averaged without weights.
 */
function resolveAggregationWeights(rows: Prisma.IndicatorCreateManyInput[], weightCodes: Map<string, string>) {
  const byCode = new Map<string, string>();
  for (const row of rows) if (!row.isGroup && !byCode.has(row.code.trim())) byCode.set(row.code.trim(), row.id!);
  for (const row of rows) {
    const code = weightCodes.get(row.id!);
    if (code === undefined) continue;
    const weightId = byCode.get(code.trim());
    if (weightId && weightId !== row.id) row.aggregationWeightId = weightId;
    else row.aggregation = "NONE";
  }
}
