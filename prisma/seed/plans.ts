import { parseDocumentNumber } from "../../src/domain/document-number";
import { inferDirection, parseTarget, type Target } from "../../src/domain/target-notation";
import { parseTimeframe } from "../../src/domain/timeframe";
import { seedId } from "./ids";
import type { OrganizationDirectory, Place } from "./organizations";
import type { SeedRows } from "./rows";
import type { SeedIndicator, SeedPlan, SeedTask } from "./seed-plan-schema";

// Turns a plan typed from a document (seed-plan-schema.ts) into rows: the number, targets and
// timeframes are read by the same domain rules the product uses for what users type.

export type Issuer = { orgId: string; place: Place; track: "PARTY" | "STATE" };

export type LoadedTask = { id: string; seed: SeedTask; children: LoadedTask[] };
export type LoadedIndicator = { id: string; seed: SeedIndicator; direction: string; targets: Map<number, Target>; children: LoadedIndicator[] };
export type LoadedPlan = { id: string; key: string; issuer: Issuer; tasks: LoadedTask[]; indicators: LoadedIndicator[] };

export const planId = (key: string) => seedId("plan", key);

function isoDate(value: string | null): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}

export function planRow(plan: SeedPlan, issuer: Issuer, options: { status: "DRAFT" | "ISSUED"; isIllustrative?: boolean; hasContent?: boolean; parentId?: string | null }) {
  const number = parseDocumentNumber(plan.number);
  if (!number.ok) throw new Error(`Seed ${plan.key}: số hiệu "${plan.number}": ${number.error}`);
  return {
    id: planId(plan.key),
    kind: plan.kind,
    track: plan.track,
    status: options.status,
    notation: number.value.notation,
    numberSerial: number.value.serial,
    typeCode: number.value.typeCode,
    issuerCode: number.value.issuerCode,
    issuerId: issuer.orgId,
    provinceCode: issuer.place.provinceCode,
    issuedOn: isoDate(plan.issuedOn),
    place: plan.place,
    title: plan.title,
    signerName: plan.signer.name,
    signerTitle: plan.signer.title,
    signingForm: plan.signer.signingForm,
    recipients: plan.recipients,
    purpose: joinSections(plan.sections.preamble, plan.sections.purpose),
    requirements: plan.sections.requirements,
    generalObjective: plan.sections.generalObjective,
    vision: plan.sections.vision,
    funding: plan.sections.funding,
    implementation: plan.sections.implementation,
    hasContent: options.hasContent ?? true,
    parentId: options.parentId !== undefined ? options.parentId : plan.parentKey ? planId(plan.parentKey) : null,
    isIllustrative: options.isIllustrative ?? false,
    childPlanDueOn: planDeadline(plan.childDeadlines.plans),
    childReportDueDay: reportDeadline(plan.childDeadlines.reports)?.day ?? null,
    childReportDueMonth: reportDeadline(plan.childDeadlines.reports)?.month ?? null,
  };
}

/** "hoàn thành trong quý I/2024" → 31/3/2024; "trước ngày 20/7/2024" → 20/7/2024. */
function planDeadline(text: string | null): Date | null {
  const timeframe = parseTimeframe(text);
  if (timeframe.date) return isoDate(timeframe.date);
  if (timeframe.kind === "BY_QUARTER" && timeframe.year && timeframe.quarter) {
    return new Date(Date.UTC(timeframe.year, timeframe.quarter * 3, 0));
  }
  return null;
}

/** "hằng năm (trước ngày 15/12)" → 15/12. */
function reportDeadline(text: string | null): { day: number; month: number } | null {
  const match = text ? /(\d{1,2})\/(\d{1,2})(?!\/)/.exec(text) : null;
  return match ? { day: Number(match[1]), month: Number(match[2]) } : null;
}

// The preamble ("Thực hiện Chương trình hành động số 78-CTr/TU …") is kept ahead of the purpose.
function joinSections(preamble: string | null, purpose: string | null): string | null {
  if (!preamble) return purpose;
  return purpose ? `${preamble}\n\n${purpose}` : preamble;
}

export function addPlan(
  rows: SeedRows,
  directory: OrganizationDirectory,
  plan: SeedPlan,
  issuer: Issuer,
  options: { status: "DRAFT" | "ISSUED"; isIllustrative?: boolean; parentId?: string | null; derivedFrom?: LoadedPlan },
): LoadedPlan {
  const row = planRow(plan, issuer, options);
  rows.plans.push(row);
  plan.citedKeys.forEach((key, position) => rows.planCitations.push({ planId: row.id, citedPlanId: planId(key), position }));

  const addTasks = (tasks: SeedTask[], parentTaskId: string | null, path: string, inherited: LoadedTask[] | undefined): LoadedTask[] =>
    tasks.map((task, position) => {
      const id = seedId("task", row.id, path, position);
      const source = inherited?.[position];
      const timeframe = parseTimeframe(task.timeframe ?? null);
      rows.tasks.push({
        id,
        planId: row.id,
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
        timeframeDate: isoDate(timeframe.date ?? null),
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
          const organizationId = directory.ensure({ name, place: issuer.place });
          if (seen.has(organizationId)) return;
          seen.add(organizationId);
          rows.taskAssignments.push({ id: seedId("assignment", id, organizationId, role), planId: row.id, taskId: id, organizationId, role, position: index });
        });
      }
      return { id, seed: task, children: addTasks(task.children ?? [], id, `${path}.${position}`, source?.children) };
    });

  const addIndicators = (indicators: SeedIndicator[], parentIndicatorId: string | null, path: string, inherited: LoadedIndicator[] | undefined): LoadedIndicator[] =>
    indicators.map((indicator, position) => {
      const id = seedId("indicator", row.id, path, position);
      const source = inherited?.[position];
      const targets = new Map<number, Target>();
      for (const [year, text] of Object.entries(indicator.targets ?? {})) {
        const parsed = parseTarget(text);
        if (!parsed.ok) throw new Error(`Seed ${plan.key}, chỉ tiêu ${indicator.code} "${indicator.name}", năm ${year}: "${text}": ${parsed.error}`);
        targets.set(Number(year), parsed.target);
      }
      const direction = indicator.isGroup ? "HIGHER_BETTER" : (indicator.direction ?? inferDirection(indicator.name, [...targets.values()]));
      const baseline = indicator.baseline ? parseTarget(indicator.baseline.text) : null;
      rows.indicators.push({
        id,
        planId: row.id,
        parentIndicatorId,
        isGroup: indicator.isGroup ?? false,
        position,
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
      });
      for (const [year, target] of targets) {
        rows.indicatorTargets.push({
          id: seedId("target", id, year),
          planId: row.id,
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
      return { id, seed: indicator, direction, targets, children: addIndicators(indicator.children ?? [], id, `${path}.${position}`, source?.children) };
    });

  return {
    id: row.id,
    key: plan.key,
    issuer,
    tasks: addTasks(plan.tasks, null, "t", options.derivedFrom?.tasks),
    indicators: addIndicators(plan.indicators, null, "i", options.derivedFrom?.indicators),
  };
}
