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
  q?: string;
};

/** A plan in a list; its children are counted among those the scope may see. */
function planSummarySelect(scope: Scope) {
  return {
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
    hasContent: true,
    provinceCode: true,
    parentId: true,
    issuer: {
      select: {
        id: true,
        name: true,
        validTo: true,
        adminUnit: { select: { level: true, era: true, fullName: true } },
      },
    },
    _count: {
      select: { indicators: { where: { isGroup: false } }, tasks: true, children: { where: visiblePlans(scope) } },
    },
  } satisfies Prisma.PlanSelect;
}

export type PlanSummary = Prisma.PlanGetPayload<{ select: ReturnType<typeof planSummarySelect> }> & { number: string };

export async function listPlans(db: ScopedDb, scope: Scope, filters: PlanFilters): Promise<PlanSummary[]> {
  const where: Prisma.PlanWhereInput = { AND: [visiblePlans(scope)] };
  const and = where.AND as Prisma.PlanWhereInput[];
  if (filters.provinceCode) and.push({ provinceCode: filters.provinceCode });
  if (filters.track) and.push({ track: filters.track });
  if (filters.level) and.push({ issuer: { adminUnit: { level: filters.level } } });
  if (filters.q !== undefined && filters.q !== "") {
    // Every word of the query must start a word of the number, title or issuer, without diacritics
    // ("moc chau", "54-KH/TXU"). A query with nothing searchable in it (only NUL or punctuation)
    // finds nothing; % and _ are searched for as typed, not as LIKE's wildcards.
    const terms = searchTerms(filters.q);
    if (terms.length === 0) return [];
    for (const term of terms) and.push({ searchText: { contains: ` ${term.replace(/[\\%_]/g, (c) => `\\${c}`)}` } });
  }
  const plans = await db.plan.findMany({
    where,
    select: planSummarySelect(scope),
    orderBy: [{ issuedOn: { sort: "asc", nulls: "last" } }, { title: "asc" }],
    take: 500,
  });
  return plans.map((plan) => ({ ...plan, number: planNumber(plan) }));
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
      children: { where: visiblePlans(scope), select: planSummarySelect(scope), orderBy: { issuedOn: "asc" } },
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
