import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { searchTerms } from "@/domain/vietnamese-text";
import { planNumber } from "@/domain/document-number";
import { visiblePlans, type ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { NotFoundError } from "@/server/errors";

export type PlanFilters = {
  provinceCode?: string;
  level?: "CENTRAL" | "PROVINCE" | "DISTRICT" | "COMMUNE";
  track?: "PARTY" | "STATE";
  status?: "DRAFT" | "ISSUED" | "SUPERSEDED";
  /** The document at the top of the cascade (plans.resolutionId): a resolution and every plan implementing it. */
  resolutionId?: string;
  q?: string;
};

/** Plans per page of the list: a national administrator's page stays well under 100 KiB of HTML. */
export const PLAN_PAGE_SIZE = 25;

/** The fields that name a plan in any list (the pages' and /api/v1's): its number, title, place in the cascade. */
export const PLAN_HEADING_FIELDS = {
  id: true,
  kind: true,
  track: true,
  status: true,
  notation: true,
  numberSerial: true,
  typeCode: true,
  issuerCode: true,
  issuedOn: true,
  title: true,
  isIllustrative: true,
  provinceCode: true,
  parentId: true,
} as const satisfies Prisma.PlanSelect;

/** A plan in a list: its heading, whether it has content, who issued it. */
const PLAN_SUMMARY_SELECT = {
  ...PLAN_HEADING_FIELDS,
  hasContent: true,
  issuer: {
    select: {
      id: true,
      name: true,
      validTo: true,
      adminUnit: { select: { level: true, era: true, fullName: true } },
    },
  },
} as const satisfies Prisma.PlanSelect;

type PlanSummaryRow = Prisma.PlanGetPayload<{ select: typeof PLAN_SUMMARY_SELECT }>;

export type PlanSummary = PlanSummaryRow & {
  number: string;
  /** Its indicators (groups not counted). */
  indicatorCount: number;
};

/**
 * The listed plans with their numbers and indicator counts. The indicators are counted for these
 * plans only, in a query of their own: a relation count in the list's select (Prisma's `_count`)
 * groups the whole indicators table before it joins (0.3 s a page at national scale).
 */
async function summaries(db: ScopedDb, plans: PlanSummaryRow[]): Promise<PlanSummary[]> {
  if (plans.length === 0) return [];
  const counted = await db.indicator.groupBy({
    by: ["planId"],
    where: { planId: { in: plans.map((p) => p.id) }, isGroup: false },
    _count: { _all: true },
  });
  const indicatorCounts = new Map(counted.map((c) => [c.planId, c._count._all]));
  return plans.map((plan) => ({
    ...plan,
    number: planNumber(plan),
    indicatorCount: indicatorCounts.get(plan.id) ?? 0,
  }));
}

/** The plans the filters ask for among those the scope may see; null when the query can find nothing. */
function planListWhere(scope: Scope, filters: PlanFilters): Prisma.PlanWhereInput | null {
  const and: Prisma.PlanWhereInput[] = [visiblePlans(scope)];
  if (filters.provinceCode) and.push({ provinceCode: filters.provinceCode });
  if (filters.track) and.push({ track: filters.track });
  if (filters.status) and.push({ status: filters.status });
  if (filters.resolutionId) and.push({ resolutionId: filters.resolutionId });
  if (filters.level) and.push({ issuer: { adminUnit: { level: filters.level } } });
  if (filters.q !== undefined && filters.q !== "") {
    // Every word of the query must start a word of the number, title or issuer, without diacritics
    // ("moc chau", "54-KH/TXU"). A query with nothing searchable in it (only NUL or punctuation)
    // finds nothing; % and _ are searched for as typed, not as LIKE's wildcards.
    const terms = searchTerms(filters.q);
    if (terms.length === 0) return null;
    for (const term of terms) and.push({ searchText: { contains: ` ${term.replace(/[\\%_]/g, (c) => `\\${c}`)}` } });
  }
  return { AND: and };
}

// Issue date, then title, then id: a total order, so that pages neither repeat nor skip a plan.
const PLAN_LIST_ORDER = [
  { issuedOn: { sort: "asc", nulls: "last" } },
  { title: "asc" },
  { id: "asc" },
] satisfies Prisma.PlanOrderByWithRelationInput[];

export async function listPlans(db: ScopedDb, scope: Scope, filters: PlanFilters): Promise<PlanSummary[]> {
  const where = planListWhere(scope, filters);
  if (!where) return [];
  return summaries(
    db,
    await db.plan.findMany({ where, select: PLAN_SUMMARY_SELECT, orderBy: PLAN_LIST_ORDER, take: 500 }),
  );
}

export type PlanPage = { plans: PlanSummary[]; total: number; page: number; size: number };

/**
 * One page of the plan list, filtered and counted in PostgreSQL (issue 18): the page's rows and how
 * many match in all. A page past the last one shows the last.
 */
export async function listPlanPage(
  db: ScopedDb,
  scope: Scope,
  filters: PlanFilters,
  page: number,
  size = PLAN_PAGE_SIZE,
): Promise<PlanPage> {
  const where = planListWhere(scope, filters);
  if (!where) return { plans: [], total: 0, page: 1, size };
  const total = await db.plan.count({ where });
  const shown = Math.min(Math.max(1, Math.floor(page)), Math.max(1, Math.ceil(total / size)));
  const plans =
    total === 0
      ? []
      : await db.plan.findMany({
          where,
          select: PLAN_SUMMARY_SELECT,
          orderBy: PLAN_LIST_ORDER,
          skip: (shown - 1) * size,
          take: size,
        });
  return { plans: await summaries(db, plans), total, page: shown, size };
}

/** The resolutions a user may pick in the plan list: visible documents at the top of a cascade with plans below them. */
export async function listResolutions(db: ScopedDb, scope: Scope) {
  const roots = await db.plan.findMany({
    where: { AND: [visiblePlans(scope), { parentId: null }, { children: { some: {} } }] },
    select: {
      id: true,
      kind: true,
      notation: true,
      numberSerial: true,
      typeCode: true,
      issuerCode: true,
      title: true,
    },
    orderBy: PLAN_LIST_ORDER,
    take: 100,
  });
  return roots.map((plan) => ({ id: plan.id, number: planNumber(plan), title: plan.title }));
}

export async function listProvinces(db: ScopedDb) {
  return db.adminUnit.findMany({
    where: { era: "FROM_2025", level: "PROVINCE" },
    select: { code: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** One plan with everything its page shows; "not found" for a plan the scope may not read. */
export async function getPlanDetail(db: ScopedDb, scope: Scope, id: string) {
  const plan = await db.plan.findFirst({
    where: { AND: [{ id }, visiblePlans(scope)] },
    include: {
      issuer: {
        include: { adminUnit: true, successors: { include: { successor: { select: { id: true, name: true } } } } },
      },
      citations: {
        orderBy: { position: "asc" },
        include: {
          citedPlan: {
            select: {
              id: true,
              notation: true,
              numberSerial: true,
              typeCode: true,
              issuerCode: true,
              title: true,
              kind: true,
              issuedOn: true,
            },
          },
        },
      },
      children: { where: visiblePlans(scope), select: PLAN_SUMMARY_SELECT, orderBy: { issuedOn: "asc" } },
      tasks: {
        orderBy: [{ position: "asc" }],
        include: {
          assignments: {
            orderBy: { position: "asc" },
            include: { organization: { select: { id: true, name: true, validTo: true } } },
          },
        },
      },
      indicators: {
        orderBy: [{ position: "asc" }],
        include: {
          targets: { orderBy: { year: "asc" } },
          actuals: { orderBy: { year: "asc" } },
          derivedFrom: { select: { id: true, planId: true, targets: { orderBy: { year: "asc" } } } },
        },
      },
    },
  });
  if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch");
  return {
    ...plan,
    number: planNumber(plan),
    children: plan.children.map((child) => ({ ...child, number: planNumber(child) })),
    citations: plan.citations.map((c) => ({ ...c.citedPlan, number: planNumber(c.citedPlan) })),
    ancestors: await parentChain(db, scope, plan.parentId),
  };
}

export type PlanDetail = Awaited<ReturnType<typeof getPlanDetail>>;

/** The chain of plans this one implements, up to the Central resolution (only links the scope may read). */
async function parentChain(db: ScopedDb, scope: Scope, parentId: string | null) {
  const chain: {
    id: string;
    number: string;
    title: string;
    kind: string;
    issuedOn: Date | null;
    issuerName: string;
  }[] = [];
  let next = parentId;
  while (next && chain.length < 10) {
    const parent = await db.plan.findFirst({
      where: { AND: [{ id: next }, visiblePlans(scope)] },
      select: {
        id: true,
        parentId: true,
        notation: true,
        numberSerial: true,
        typeCode: true,
        issuerCode: true,
        title: true,
        kind: true,
        issuedOn: true,
        issuer: { select: { name: true } },
      },
    });
    if (!parent) break;
    chain.push({
      id: parent.id,
      number: planNumber(parent),
      title: parent.title,
      kind: parent.kind,
      issuedOn: parent.issuedOn,
      issuerName: parent.issuer.name,
    });
    next = parent.parentId;
  }
  return chain;
}
