import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { planNumber } from "@/domain/document-number";
import { asTree } from "@/domain/tree";
import { listPlanPage, PLAN_HEADING_FIELDS, type PlanSummary } from "@/features/plans/queries";
import { visiblePlans, type ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { NotFoundError } from "@/server/errors";
import type { actualSchema, planDetailSchema, planListQuery, planSummarySchema, reportsSchema } from "./schemas";

// What /api/v1 reads, always inside withScope (the row-level policies apply to tokens as to users)
// and always filtered by visiblePlans: a plan the caller may not read is "not found".

type PlanSummaryOut = z.infer<typeof planSummarySchema>;
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

const summarySelect = {
  ...PLAN_HEADING_FIELDS,
  publishedAt: true,
  issuer: { select: { id: true, name: true } },
} as const;

function summaryOf(
  plan: Omit<PlanSummary, "number" | "indicatorCount" | "issuer" | "hasContent"> & {
    publishedAt?: Date | null;
    issuer: { id: string; name: string };
  },
): PlanSummaryOut {
  return {
    id: plan.id,
    number: planNumber(plan),
    title: plan.title,
    kind: plan.kind,
    track: plan.track,
    status: plan.status,
    issuedOn: isoDay(plan.issuedOn),
    provinceCode: plan.provinceCode,
    published: plan.publishedAt != null,
    isIllustrative: plan.isIllustrative,
    parentId: plan.parentId,
    issuer: { id: plan.issuer.id, name: plan.issuer.name },
  };
}

/** One page of the plan list, with the plan list's own filters and order (src/features/plans/queries.ts). */
export async function apiPlanPage(db: ScopedDb, scope: Scope, query: z.infer<typeof planListQuery>) {
  const { page, pageSize, ...filters } = query;
  const found = await listPlanPage(db, scope, filters, page, pageSize);
  const published = await db.plan.findMany({
    where: { id: { in: found.plans.map((p) => p.id) } },
    select: { id: true, publishedAt: true },
  });
  const publishedAt = new Map(published.map((p) => [p.id, p.publishedAt]));
  return {
    data: found.plans.map((plan) => summaryOf({ ...plan, publishedAt: publishedAt.get(plan.id) ?? null })),
    page: found.page,
    pageSize: found.size,
    total: found.total,
  };
}

async function visiblePlan(db: ScopedDb, scope: Scope, id: string) {
  const plan = await db.plan.findFirst({ where: { AND: [{ id }, visiblePlans(scope)] }, select: summarySelect });
  if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch");
  return plan;
}

export async function apiPlanDetail(db: ScopedDb, scope: Scope, id: string): Promise<z.infer<typeof planDetailSchema>> {
  const plan = await visiblePlan(db, scope, id);
  const [tasks, indicators] = await Promise.all([
    db.task.findMany({
      where: { planId: id },
      select: {
        id: true,
        parentTaskId: true,
        position: true,
        numbering: true,
        title: true,
        body: true,
        timeframeText: true,
      },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    db.indicator.findMany({
      where: { planId: id },
      select: {
        id: true,
        parentIndicatorId: true,
        position: true,
        isGroup: true,
        code: true,
        name: true,
        unit: true,
        direction: true,
        targets: { select: { year: true, kind: true, text: true }, orderBy: { year: "asc" } },
      },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    ...summaryOf(plan),
    tasks: asTree(tasks, (t) => t.parentTaskId).map(({ item }) => ({
      id: item.id,
      parentId: item.parentTaskId,
      numbering: item.numbering,
      title: item.title,
      body: item.body,
      timeframe: item.timeframeText,
    })),
    indicators: asTree(indicators, (i) => i.parentIndicatorId).map(({ item }) => ({
      id: item.id,
      parentId: item.parentIndicatorId,
      isGroup: item.isGroup,
      code: item.code,
      name: item.name,
      unit: item.unit,
      direction: item.direction,
      targets: item.targets,
    })),
  };
}

type ActualOut = z.infer<typeof actualSchema>;

const indicatorActualSelect = (year: number) =>
  ({
    id: true,
    parentIndicatorId: true,
    position: true,
    code: true,
    name: true,
    unit: true,
    isGroup: true,
    targets: { where: { year: { in: [2025, 2030] } }, select: { year: true, text: true } },
    actuals: {
      where: { year },
      select: {
        text: true,
        value: true,
        status: true,
        qualitativeStatus: true,
        note: true,
        source: true,
        version: true,
        isIllustrative: true,
      },
    },
  }) satisfies Prisma.IndicatorSelect;

type IndicatorWithActual = {
  id: string;
  code: string;
  name: string;
  unit: string | null;
  targets: { year: number; text: string }[];
  actuals: {
    text: string;
    value: { toString(): string } | null;
    status: ActualOut["status"];
    qualitativeStatus: ActualOut["qualitativeStatus"];
    note: string | null;
    source: string | null;
    version: number;
    isIllustrative: boolean;
  }[];
};

function actualOf(indicator: IndicatorWithActual): ActualOut {
  const actual = indicator.actuals[0];
  return {
    indicatorId: indicator.id,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    target2025: indicator.targets.find((t) => t.year === 2025)?.text ?? "",
    target2030: indicator.targets.find((t) => t.year === 2030)?.text ?? "",
    text: actual?.text ?? null,
    value: actual?.value == null ? null : Number(actual.value.toString()),
    status: actual?.status ?? null,
    qualitativeStatus: actual?.qualitativeStatus ?? null,
    note: actual?.note ?? "",
    source: actual?.source ?? "",
    version: actual?.version ?? null,
    isIllustrative: actual?.isIllustrative ?? false,
  };
}

/** Every indicator of a plan (groups left out) with its targets for 2025 and 2030 and the year's actual, in the plan's order. */
export async function apiPlanActuals(db: ScopedDb, scope: Scope, id: string, year: number) {
  const plan = await visiblePlan(db, scope, id);
  const indicators = await db.indicator.findMany({
    where: { planId: id },
    select: indicatorActualSelect(year),
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  const data = asTree(indicators, (i) => i.parentIndicatorId)
    .filter(({ item }) => !item.isGroup)
    .map(({ item }) => actualOf(item));
  return { plan: summaryOf(plan), data };
}

/** Every plan of a province the caller may read, with its indicators and the year's actuals (the province CSV). */
export async function apiProvinceActuals(db: ScopedDb, scope: Scope, provinceCode: string, year: number) {
  const plans = await db.plan.findMany({
    where: { AND: [visiblePlans(scope), { provinceCode }] },
    select: summarySelect,
    orderBy: [{ issuedOn: { sort: "asc", nulls: "last" } }, { title: "asc" }, { id: "asc" }],
    take: 2000,
  });
  const indicators = await db.indicator.findMany({
    where: { planId: { in: plans.map((p) => p.id) } },
    select: { ...indicatorActualSelect(year), planId: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  const byPlan = new Map<string, typeof indicators>();
  for (const indicator of indicators) {
    const list = byPlan.get(indicator.planId);
    if (list) list.push(indicator);
    else byPlan.set(indicator.planId, [indicator]);
  }
  return plans.map((plan) => ({
    plan: summaryOf(plan),
    data: asTree(byPlan.get(plan.id) ?? [], (i) => i.parentIndicatorId)
      .filter(({ item }) => !item.isGroup)
      .map(({ item }) => actualOf(item)),
  }));
}

export async function apiPlanReports(db: ScopedDb, scope: Scope, id: string): Promise<z.infer<typeof reportsSchema>> {
  await visiblePlan(db, scope, id);
  const reports = await db.report.findMany({
    where: { planId: id },
    select: { year: true, status: true, dueOn: true, extendedDueOn: true, updatedAt: true },
    orderBy: { year: "asc" },
  });
  return {
    planId: id,
    data: reports.map((r) => ({
      year: r.year,
      status: r.status,
      dueOn: isoDay(r.dueOn)!,
      extendedDueOn: isoDay(r.extendedDueOn),
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}
