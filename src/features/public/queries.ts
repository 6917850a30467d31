import "server-only";
import { formatVietnameseNumber } from "@/domain/decimal";
import { planNumber, type DocumentKind } from "@/domain/document-number";
import { currentReportYear } from "@/domain/vietnam-time";
import type { ScopedDb } from "@/server/db/scoped";
import {
  chartYear,
  publicIndicatorRows,
  statusCounts,
  type PublicIndicatorInput,
  type PublicIndicatorRow,
  type StatusCount,
} from "./public-model";

// The reads of the public pages. They run inside withScope(PUBLIC_SCOPE) (cache.ts), where row-level
// security shows only central and published plans and their indicators, targets and actuals; these
// queries keep to published plans (a central document that is not published stays off the public
// pages too). What they return is plain JSON, dates as yyyy-mm-dd: it is what the cache keeps.

export const CENTRAL = "trung-uong";

export type PublishedPlan = {
  id: string;
  kind: DocumentKind;
  number: string;
  title: string;
  issuerName: string;
  issuedOn: string | null;
  isIllustrative: boolean;
};

/** A province (or the Central bodies, code CENTRAL) and its published plans. */
export type PublicPlace = { code: string; name: string; plans: PublishedPlan[] };

const numberParts = { notation: true, numberSerial: true, typeCode: true, issuerCode: true } as const;
const summary = {
  id: true,
  kind: true,
  title: true,
  issuedOn: true,
  isIllustrative: true,
  ...numberParts,
  issuer: { select: { name: true } },
} as const;

type SummaryRow = {
  id: string;
  kind: DocumentKind;
  title: string;
  issuedOn: Date | null;
  isIllustrative: boolean;
  notation: "PARTY" | "STATE";
  numberSerial: string | null;
  typeCode: string;
  issuerCode: string;
  issuer: { name: string };
};

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

function published(row: SummaryRow): PublishedPlan {
  return {
    id: row.id,
    kind: row.kind,
    number: planNumber(row),
    title: row.title,
    issuerName: row.issuer.name,
    issuedOn: isoDay(row.issuedOn),
    isIllustrative: row.isIllustrative,
  };
}

/** The provinces (2025 structure) and the Central bodies that have published plans, each with them. */
export async function publishedPlaces(db: ScopedDb): Promise<PublicPlace[]> {
  const plans = await db.plan.findMany({
    where: { publishedAt: { not: null } },
    select: { ...summary, provinceCode: true },
    orderBy: [{ issuedOn: "asc" }, { title: "asc" }, { id: "asc" }],
  });
  const codes = [...new Set(plans.flatMap((p) => (p.provinceCode ? [p.provinceCode] : [])))];
  const provinces = await db.adminUnit.findMany({
    where: { era: "FROM_2025", level: "PROVINCE", code: { in: codes } },
    select: { code: true, name: true, fullName: true },
  });
  const nameOf = new Map(provinces.map((p) => [p.code, p.fullName]));
  const sortKey = new Map(provinces.map((p) => [p.fullName, p.name]));
  const places = new Map<string, PublicPlace>();
  for (const plan of plans) {
    const code = plan.provinceCode ?? CENTRAL;
    const name = plan.provinceCode ? (nameOf.get(plan.provinceCode) ?? plan.provinceCode) : "Trung ương";
    const place = places.get(code) ?? { code, name, plans: [] };
    place.plans.push(published(plan));
    places.set(code, place);
  }
  // The Central bodies first, then the provinces in Vietnamese alphabetical order of their names
  // without "Tỉnh" or "Thành phố".
  const key = (place: PublicPlace) => sortKey.get(place.name) ?? place.name;
  return [...places.values()].sort(
    (a, b) => Number(b.code === CENTRAL) - Number(a.code === CENTRAL) || key(a).localeCompare(key(b), "vi"),
  );
}

export type PublicPlan = PublishedPlan & {
  track: "PARTY" | "STATE" | "OTHER";
  publishedOn: string;
  /** The document it implements: linked only when that one is published too. */
  parent: (Omit<PublishedPlan, "issuedOn" | "isIllustrative"> & { published: boolean }) | null;
  indicators: PublicIndicatorRow[];
  /** The chart's year (latest with figures) and the indicators counted by their status in it. */
  year: number | null;
  counts: StatusCount[];
  /** Whether anything on the page is illustrative (the plan, or one of its figures). */
  hasIllustrative: boolean;
  children: PublishedPlan[];
};

/** A published plan as its public page shows it; null when there is none by that id or it is not published. */
export async function publicPlan(db: ScopedDb, id: string): Promise<PublicPlan | null> {
  const plan = await db.plan.findFirst({
    where: { id, publishedAt: { not: null } },
    select: {
      ...summary,
      track: true,
      publishedAt: true,
      parent: {
        select: {
          id: true,
          kind: true,
          title: true,
          publishedAt: true,
          ...numberParts,
          issuer: { select: { name: true } },
        },
      },
      children: {
        where: { publishedAt: { not: null } },
        select: summary,
        orderBy: [{ issuedOn: "asc" }, { title: "asc" }, { id: "asc" }],
      },
      indicators: {
        where: { inheritance: { not: "DROPPED" } },
        select: {
          id: true,
          parentIndicatorId: true,
          isGroup: true,
          position: true,
          code: true,
          name: true,
          unit: true,
          targets: { select: { year: true, text: true } },
          actuals: { select: { year: true, text: true, value: true, status: true, isIllustrative: true } },
        },
      },
    },
  });
  if (!plan?.publishedAt) return null;
  const indicators: PublicIndicatorInput[] = plan.indicators.map((i) => ({
    ...i,
    actuals: i.actuals.map((a) => ({ ...a, value: a.value === null ? null : Number(a.value) })),
  }));
  const year = chartYear(indicators, currentReportYear());
  return {
    ...published(plan),
    track: plan.track,
    publishedOn: isoDay(plan.publishedAt)!,
    parent: plan.parent
      ? {
          id: plan.parent.id,
          kind: plan.parent.kind,
          number: planNumber(plan.parent),
          title: plan.parent.title,
          issuerName: plan.parent.issuer.name,
          published: plan.parent.publishedAt !== null,
        }
      : null,
    indicators: publicIndicatorRows(indicators, (v) => formatVietnameseNumber(v)),
    year,
    counts: statusCounts(indicators, year),
    hasIllustrative: plan.isIllustrative || indicators.some((i) => i.actuals.some((a) => a.isIllustrative)),
    children: plan.children.map(published),
  };
}
