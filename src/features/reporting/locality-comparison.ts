import "server-only";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { asTree } from "@/domain/tree";
import { planNumber } from "@/domain/document-number";
import { visiblePlans, type ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { day } from "@/ui/format";
import type { LocalityComparison } from "./snapshot";

// One workbook comparing a province's localities for a year: the province's plan gives the
// indicators (a column group each); every plan implementing it in the province (the districts
// before 1/7/2025, the communes after) gives a row, with the target that counts for the year, the
// actual and its status for each indicator it inherited.

/** The target that counts in `year`: the first milestone at or after it, else the last. */
function targetFor(targets: { year: number; text: string; kind: string }[], year: number): string | null {
  const stated = targets.filter((t) => t.kind !== "NONE").sort((a, b) => a.year - b.year);
  return (stated.find((t) => t.year >= year) ?? stated[stated.length - 1])?.text ?? null;
}

export async function buildLocalityComparison(
  db: ScopedDb,
  scope: Scope,
  provinceCode: string,
  year: number,
  planId?: string,
): Promise<LocalityComparison | null> {
  const province = await db.adminUnit.findFirst({
    where: { era: "FROM_2025", level: "PROVINCE", code: provinceCode },
    select: { name: true, fullName: true },
  });
  if (!province) return null;
  // The province's plan with the most implementing plans (or the one asked for).
  const candidates = await db.plan.findMany({
    where: {
      AND: [
        visiblePlans(scope),
        { provinceCode, issuer: { adminUnit: { level: "PROVINCE" } } },
        planId ? { id: planId } : {},
      ],
    },
    select: { id: true, isIllustrative: true, _count: { select: { children: { where: { provinceCode } } } } },
  });
  const provincePlan = candidates
    .filter((c) => c._count.children > 0)
    .sort((a, b) => b._count.children - a._count.children)[0];
  if (!provincePlan) return null;

  const indicators = await db.indicator.findMany({
    where: { planId: provincePlan.id, inheritance: { not: "DROPPED" } },
    select: { id: true, parentIndicatorId: true, position: true, isGroup: true, code: true, name: true, unit: true },
  });
  const columns = asTree(indicators, (i) => i.parentIndicatorId)
    .map(({ item }) => item)
    .filter((i) => !i.isGroup)
    .map((i) => ({ key: i.id, code: i.code, name: i.name, unit: i.unit }));
  const keys = new Set(columns.map((c) => c.key));

  const children = await db.plan.findMany({
    where: { AND: [visiblePlans(scope), { parentId: provincePlan.id, provinceCode }] },
    select: {
      id: true,
      notation: true,
      numberSerial: true,
      typeCode: true,
      issuerCode: true,
      isIllustrative: true,
      issuer: {
        select: { name: true, validTo: true, successors: { select: { successor: { select: { name: true } } } } },
      },
      indicators: {
        where: { derivedFromId: { in: [...keys] }, inheritance: { not: "DROPPED" } },
        select: {
          derivedFromId: true,
          targets: { select: { year: true, text: true, kind: true } },
          actuals: { where: { year }, select: { text: true, value: true, status: true, isIllustrative: true } },
        },
      },
    },
  });

  let illustrative = provincePlan.isIllustrative;
  const localities = children
    .map((plan) => {
      illustrative ||= plan.isIllustrative;
      const values: LocalityComparison["localities"][number]["values"] = {};
      for (const indicator of plan.indicators) {
        if (!indicator.derivedFromId) continue;
        const actual = indicator.actuals[0] ?? null;
        illustrative ||= actual?.isIllustrative ?? false;
        const value = actual?.value != null ? Number(actual.value.toString()) : null;
        values[indicator.derivedFromId] = {
          target: targetFor(indicator.targets, year),
          actual: actual && actual.text !== "" ? actual.text : null,
          actualValue: value !== null && Number.isFinite(value) ? value : null,
          status: (actual?.status as IndicatorStatus | undefined) ?? null,
        };
      }
      const successors = plan.issuer.successors.map((s) => s.successor.name);
      const note = plan.issuer.validTo
        ? `Đơn vị kết thúc hoạt động từ ${day(plan.issuer.validTo)}${successors.length ? `; kế thừa: ${successors.join(", ")}` : ""}`
        : null;
      return { name: plan.issuer.name, note, planNumber: planNumber(plan), values };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));

  return { provinceName: province.fullName, year, indicators: columns, localities, isIllustrative: illustrative };
}
