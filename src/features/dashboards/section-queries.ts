import "server-only";
import { type ChildPlan, type Column, type Rollup } from "./rollup-queries";
import { rows } from "./query-common";
import { daysUntil } from "@/domain/reporting-calendar";
import type { Direction, TargetKind } from "@/domain/target-notation";
import type { ScopedDb } from "@/server/db/scoped";
import {
  issuanceState,
  missedDeadline,
  reportDueDate,
  reportStanding,
  weakerTargets,
  type Issuance,
  type ReportStanding,
  type ReportStatus,
  type TargetRow,
} from "./rollup";
import { sql } from "./sql";

// ---------------------------------------------------------------------------------------------
// Target alignment

type AlignmentRow = { plan: string; col: string; year: number; direction: Direction } & Record<string, unknown>;

export type WeakerTarget = { plan: ChildPlan; year: number; childText: string; parentText: string };
export type AlignmentItem = { column: Column; weaker: WeakerTarget[] };

function targetFrom(row: Record<string, unknown>, prefix: "child" | "parent"): TargetRow {
  return {
    kind: row[`${prefix}Kind`] as TargetKind,
    lower: (row[`${prefix}Lower`] as number | null) ?? null,
    upper: (row[`${prefix}Upper`] as number | null) ?? null,
    isPercent: Boolean(row[`${prefix}IsPercent`]),
    qualitative: (row[`${prefix}Qualitative`] as string | null) ?? null,
    text: String(row[`${prefix}Text`] ?? ""),
  };
}

/**
 * For every indicator the children inherited from the plan rolled up: the children whose target for a
 * milestone year asks for less than the parent's. Pairs whose text is identical are left to PostgreSQL
 * to drop; the rest (a bounded set: one province's children) are compared by the domain's compareAmbition.
 */
export async function getTargetAlignment(db: ScopedDb, rollup: Rollup): Promise<AlignmentItem[] | null> {
  if (!rollup.anchor || rollup.mode !== "derived") return null;
  if (rollup.rows.length === 0 || rollup.columns.length === 0) return [];
  const kidIds = rollup.rows.map((r) => r.plan.id);
  const columns = new Set(rollup.columns.map((c) => c.key));
  // The children's targets are read by plan (one index range each), not one indicator at a time; the
  // group filter is applied afterwards, to the few pairs whose texts differ.
  const found = await rows<AlignmentRow>(
    db,
    sql`
    WITH parent AS MATERIALIZED (
      SELECT pt."indicatorId", pt.year, pt.kind, pt.lower, pt.upper, pt."isPercent", pt.qualitative, pt.text, pi.direction
      FROM indicator_targets pt JOIN indicators pi ON pi.id = pt."indicatorId" AND pi."planId" = ${rollup.anchor.id}::text
      WHERE pt."planId" = ${rollup.anchor.id}::text AND pt.kind <> 'NONE'
    ), child AS MATERIALIZED (
      SELECT ci.id, ci."planId", ci."derivedFromId" FROM indicators ci
      WHERE ci."planId" = ANY(${kidIds}::text[]) AND NOT ci."isGroup" AND ci.inheritance <> 'DROPPED' AND ci."derivedFromId" IS NOT NULL
    ), child_targets AS MATERIALIZED (
      SELECT ct."indicatorId", ct.year, ct.kind, ct.lower, ct.upper, ct."isPercent", ct.qualitative, ct.text
      FROM indicator_targets ct WHERE ct."planId" = ANY(${kidIds}::text[]) AND ct.kind <> 'NONE'
    )
    SELECT ci."planId" AS plan, ci."derivedFromId" AS col, ct.year, p.direction::text AS direction,
           ct.kind::text AS "childKind", ct.lower::float8 AS "childLower", ct.upper::float8 AS "childUpper", ct."isPercent" AS "childIsPercent", ct.qualitative AS "childQualitative", ct.text AS "childText",
           p.kind::text AS "parentKind", p.lower::float8 AS "parentLower", p.upper::float8 AS "parentUpper", p."isPercent" AS "parentIsPercent", p.qualitative AS "parentQualitative", p.text AS "parentText"
    FROM child_targets ct
    JOIN child ci ON ci.id = ct."indicatorId"
    JOIN parent p ON p."indicatorId" = ci."derivedFromId" AND p.year = ct.year
    WHERE ct.text IS DISTINCT FROM p.text`,
  );
  const pairs = found
    .filter((row) => columns.has(row.col))
    .map((row) => ({ ...row, child: targetFrom(row, "child"), parent: targetFrom(row, "parent") }));
  const plans = new Map(rollup.rows.map((r) => [r.plan.id, r.plan]));
  const byColumn = new Map<string, WeakerTarget[]>();
  for (const pair of weakerTargets(pairs)) {
    const plan = plans.get(pair.plan);
    if (!plan) continue;
    byColumn.set(pair.col, [
      ...(byColumn.get(pair.col) ?? []),
      { plan, year: pair.year, childText: pair.child.text, parentText: pair.parent.text },
    ]);
  }
  return rollup.columns
    .filter((c) => byColumn.has(c.key))
    .map((column) => ({
      column,
      weaker: byColumn
        .get(column.key)!
        .sort((a, b) => a.year - b.year || a.plan.issuerName.localeCompare(b.plan.issuerName, "vi")),
    }));
}

// ---------------------------------------------------------------------------------------------
// Plan issuance and yearly reports

export type IssuanceRow = {
  /** Today's locality (a commune under a province, a province under the Centre); null for plans not tied to one. */
  locality: { id: string; name: string } | null;
  plans: { plan: ChildPlan; inherited: boolean; issuance: Issuance }[];
  issuance: Issuance;
};

export type IssuanceSummary = {
  dueOn: string | null;
  rows: IssuanceRow[];
  issued: number;
  missed: number;
  missing: number;
};

const ISSUANCE_RANK: Record<Issuance["state"], number> = {
  ON_TIME: 0,
  ISSUED: 1,
  LATE: 2,
  DRAFT: 3,
  DRAFT_OVERDUE: 4,
  MISSING: 5,
  MISSING_OVERDUE: 6,
};

/**
 * Which of today's localities below the plan's issuer have issued their implementing plan, and when.
 * A plan of a body that no longer exists counts for the localities of its successors (organisation
 * successions, else the successions of its administrative unit).
 */
export async function getIssuance(db: ScopedDb, rollup: Rollup): Promise<IssuanceSummary | null> {
  const anchor = rollup.anchor;
  if (!anchor) return null;
  const kids = rollup.rows.map((r) => r.plan);
  const found = await rows<{ id: string; name: string; plans: { plan: string; inherited: boolean }[] }>(
    db,
    sql`
    WITH expected AS (
      SELECT u.id, u.code, u."fullName" AS name FROM admin_units u WHERE u.era = 'FROM_2025' AND u."parentId" = ${anchor.unitId}::text
    ), kid AS (
      SELECT * FROM unnest(${kids.map((k) => k.id)}::text[], ${kids.map((k) => k.issuerId)}::text[], ${kids.map((k) => k.unitId)}::text[], ${kids.map((k) => k.provinceCode ?? "")}::text[], ${kids.map((k) => k.dissolved)}::boolean[])
        AS k(plan, org, unit, pc, dissolved)
    ), attributed AS (
      SELECT k.plan, e.id AS locality, false AS inherited FROM kid k JOIN expected e ON e.id = k.unit
      UNION
      SELECT k.plan, e.id, true FROM kid k
        JOIN organization_successions s ON s."predecessorId" = k.org JOIN organizations so ON so.id = s."successorId" JOIN expected e ON e.id = so."adminUnitId"
      WHERE k.dissolved
      UNION
      SELECT k.plan, e.id, true FROM kid k JOIN admin_successions s ON s."predecessorId" = k.unit JOIN expected e ON e.id = s."successorId"
      WHERE k.dissolved AND NOT EXISTS (SELECT 1 FROM organization_successions x WHERE x."predecessorId" = k.org)
      UNION
      SELECT k.plan, e.id, k.unit <> e.id FROM kid k JOIN expected e ON e.code = k.pc
      WHERE ${anchor.level === "CENTRAL"}::boolean
    )
    SELECT e.id, e.name, coalesce(json_agg(json_build_object('plan', a.plan, 'inherited', a.inherited)) FILTER (WHERE a.plan IS NOT NULL), '[]'::json) AS plans
    FROM expected e LEFT JOIN attributed a ON a.locality = e.id
    GROUP BY e.id, e.code, e.name
    ORDER BY e.code`,
  );

  const today = rollup.today;
  const dueOn = anchor.childPlanDueOn;
  const byId = new Map(kids.map((k) => [k.id, k]));
  const stateOf = (plan: ChildPlan) => issuanceState({ status: plan.status, issuedOn: plan.issuedOn, dueOn, today });
  const attributed = new Set<string>();
  const out: IssuanceRow[] = found.map((locality) => {
    // An own plan and an inherited one for the same plan: keep the own one.
    const seen = new Map<string, boolean>();
    for (const p of locality.plans) seen.set(p.plan, (seen.get(p.plan) ?? true) && p.inherited);
    const plans = [...seen.entries()]
      .map(([id, inherited]) => ({ plan: byId.get(id), inherited }))
      .filter((p): p is { plan: ChildPlan; inherited: boolean } => p.plan !== undefined)
      .map((p) => ({ ...p, issuance: stateOf(p.plan) }))
      .sort((a, b) => ISSUANCE_RANK[a.issuance.state] - ISSUANCE_RANK[b.issuance.state]);
    plans.forEach((p) => attributed.add(p.plan.id));
    const issuance = plans[0]?.issuance ?? issuanceState({ status: null, issuedOn: null, dueOn, today });
    return { locality: { id: locality.id, name: locality.name }, plans, issuance };
  });
  for (const kid of kids) {
    if (!attributed.has(kid.id))
      out.push({
        locality: null,
        plans: [{ plan: kid, inherited: false, issuance: stateOf(kid) }],
        issuance: stateOf(kid),
      });
  }
  // Who missed the deadline first, then those still waiting, then the rest.
  out.sort(
    (a, b) =>
      Number(missedDeadline(b.issuance.state)) - Number(missedDeadline(a.issuance.state)) ||
      ISSUANCE_RANK[b.issuance.state] - ISSUANCE_RANK[a.issuance.state] ||
      (a.locality?.name ?? a.plans[0]?.plan.issuerName ?? "").localeCompare(
        b.locality?.name ?? b.plans[0]?.plan.issuerName ?? "",
        "vi",
      ),
  );
  const issued = out.filter((r) => ["ON_TIME", "LATE", "ISSUED"].includes(r.issuance.state)).length;
  return {
    dueOn,
    rows: out,
    issued,
    missed: out.filter((r) => missedDeadline(r.issuance.state)).length,
    missing: out.length - issued,
  };
}

export type ReportRow = { plan: ChildPlan; standing: ReportStanding };
export type ReportsSummary = { year: number; due: string; daysLeft: number; rows: ReportRow[]; submitted: number };

/** This year's report of every child plan (a missing report is "chưa nộp"), with the days left until it is due. */
export async function getReports(db: ScopedDb, rollup: Rollup): Promise<ReportsSummary | null> {
  const anchor = rollup.anchor;
  if (!anchor) return null;
  const found = rollup.rows.length
    ? await rows<{ planId: string; status: ReportStatus; dueOn: string }>(
        db,
        sql`
        SELECT r."planId", r.status::text AS status, to_char(r."dueOn", 'YYYY-MM-DD') AS "dueOn"
        FROM reports r WHERE r."planId" = ANY(${rollup.rows.map((r) => r.plan.id)}::text[]) AND r.year = ${rollup.currentYear}::int`,
      )
    : [];
  const reports = new Map(found.map((r) => [r.planId, r]));
  const parentDue =
    anchor.childReportDueDay && anchor.childReportDueMonth
      ? { day: anchor.childReportDueDay, month: anchor.childReportDueMonth }
      : null;
  const due = reportDueDate(rollup.currentYear, parentDue, null);
  const out = rollup.rows
    .map((r) => {
      const report = reports.get(r.plan.id);
      return {
        plan: r.plan,
        standing: reportStanding({
          status: report?.status ?? null,
          due: reportDueDate(rollup.currentYear, parentDue, report?.dueOn ?? null),
          today: rollup.today,
        }),
      };
    })
    .sort(
      (a, b) =>
        Number(a.standing.submitted) - Number(b.standing.submitted) ||
        a.standing.daysLeft - b.standing.daysLeft ||
        a.plan.issuerName.localeCompare(b.plan.issuerName, "vi"),
    );
  return {
    year: rollup.currentYear,
    due,
    daysLeft: daysUntil(due, rollup.today),
    rows: out,
    submitted: out.filter((r) => r.standing.submitted).length,
  };
}
