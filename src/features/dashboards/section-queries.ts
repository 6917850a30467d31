import "server-only";
import { type ChildPlan, type Column, type Rollup } from "./rollup-queries";
import { parseJson, rows } from "./query-common";
import { reportObligation } from "@/domain/body-validity";
import { daysUntil } from "@/domain/reporting-calendar";
import type { Direction, TargetKind } from "@/domain/target-notation";
import type { ScopedDb } from "@/server/db/scoped";
import {
  byIssuance,
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
import { sql } from "@/server/db/sql";

// ---------------------------------------------------------------------------------------------
// Target alignment

export type WeakerTarget = { plan: ChildPlan; year: number; childText: string; parentText: string };
export type AlignmentItem = { column: Column; weaker: WeakerTarget[] };

/** A target as the alignment statement sends it: kind, lower, upper, isPercent, qualitative, text. */
type TargetCells = [TargetKind, number | null, number | null, boolean, string | null, string | null];

function targetFrom([kind, lower, upper, isPercent, qualitative, text]: TargetCells): TargetRow {
  return { kind, lower, upper, isPercent, qualitative, text: text ?? "" };
}

/** Vietnamese order for names (one collator: localeCompare(…, "vi") builds one per call). */
const VIETNAMESE = new Intl.Collator("vi");

/**
 * For every indicator the children inherited from the plan rolled up: the children whose target for a
 * milestone year asks for less than the parent's. Pairs whose text is identical are left to PostgreSQL
 * to drop; the rest (a bounded set: one province's children) are compared by the domain's compareAmbition.
 * The parent's targets (one plan's) and the children's differing ones come back as two JSON texts of
 * positional arrays: for the largest province that is 5,000 child targets, which Prisma's row-by-row
 * conversion took 40–70 ms of CPU to hand over (measured under `npm run load`).
 */
export async function getTargetAlignment(db: ScopedDb, rollup: Rollup): Promise<AlignmentItem[] | null> {
  return alignmentOf(rollup, await targetPairs(db, rollup));
}

export type TargetPair = {
  plan: string;
  col: string;
  year: number;
  direction: Direction;
  child: TargetRow;
  parent: TargetRow;
};

/**
 * The children's targets that differ from the parent's, in the columns shown (null when the rollup
 * does not compare targets: no anchor, or columns matched by name). Read once for the alignment
 * section and for the matrix's cells, which show a locality's own target where it differs.
 */
export async function targetPairs(
  db: ScopedDb,
  rollup: Rollup,
  /** Only these children (the rows a page shows): a large province's page shows 25 of 168. */
  onlyPlans?: readonly string[],
): Promise<TargetPair[] | null> {
  if (!rollup.anchor || rollup.mode !== "derived") return null;
  if (rollup.rows.length === 0 || rollup.columns.length === 0) return [];
  const kidIds = onlyPlans ? [...onlyPlans] : rollup.rows.map((r) => r.plan.id);
  if (kidIds.length === 0) return [];
  const columns = new Set(rollup.columns.map((c) => c.key));
  // The children's targets are read by plan (one index range each), not one indicator at a time; the
  // group filter is applied afterwards, to the few pairs whose texts differ.
  const [found] = await rows<{ parents: string | null; children: string | null }>(
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
    SELECT
      (SELECT json_agg(json_build_array(p."indicatorId", p.year, p.direction::text,
         json_build_array(p.kind::text, p.lower::float8, p.upper::float8, p."isPercent", p.qualitative, p.text))) FROM parent p)::text AS parents,
      (SELECT json_agg(json_build_array(ci."planId", ci."derivedFromId", ct.year,
         json_build_array(ct.kind::text, ct.lower::float8, ct.upper::float8, ct."isPercent", ct.qualitative, ct.text)))
       FROM child_targets ct
       JOIN child ci ON ci.id = ct."indicatorId"
       JOIN parent p ON p."indicatorId" = ci."derivedFromId" AND p.year = ct.year
       WHERE ct.text IS DISTINCT FROM p.text)::text AS children`,
  );
  const parents = new Map(
    (parseJson<[string, number, Direction, TargetCells][]>(found?.parents ?? null) ?? []).map(
      ([indicator, year, direction, cells]) => [`${indicator}:${year}`, { direction, target: targetFrom(cells) }],
    ),
  );
  const pairs = (parseJson<[string, string, number, TargetCells][]>(found?.children ?? null) ?? []).flatMap(
    ([plan, col, year, cells]) => {
      const parent = parents.get(`${col}:${year}`);
      return parent && columns.has(col)
        ? [{ plan, col, year, direction: parent.direction, child: targetFrom(cells), parent: parent.target }]
        : [];
    },
  );
  return pairs;
}

/** By child plan and column: its own targets where they differ from the parent's ("2030: 90%"). */
export function ownTargets(pairs: readonly TargetPair[] | null): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const pair of [...(pairs ?? [])].sort((a, b) => a.year - b.year)) {
    const plan = (out[pair.plan] ??= {});
    plan[pair.col] = plan[pair.col]
      ? `${plan[pair.col]}; ${pair.year}: ${pair.child.text}`
      : `${pair.year}: ${pair.child.text}`;
  }
  return out;
}

/** The alignment section: per inherited indicator, the children whose target asks for less. */
export function alignmentOf(rollup: Rollup, pairs: readonly TargetPair[] | null): AlignmentItem[] | null {
  if (pairs === null) return null;
  const plans = new Map(rollup.rows.map((r) => [r.plan.id, r.plan]));
  const byColumn = new Map<string, WeakerTarget[]>();
  for (const pair of weakerTargets(pairs)) {
    const plan = plans.get(pair.plan);
    if (!plan) continue;
    const list = byColumn.get(pair.col) ?? [];
    if (!list.length) byColumn.set(pair.col, list);
    list.push({ plan, year: pair.year, childText: pair.child.text, parentText: pair.parent.text });
  }
  return rollup.columns
    .filter((c) => byColumn.has(c.key))
    .map((column) => ({
      column,
      weaker: byColumn
        .get(column.key)!
        .sort((a, b) => a.year - b.year || VIETNAMESE.compare(a.plan.issuerName, b.plan.issuerName)),
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
      .map((p) => ({ ...p, issuance: stateOf(p.plan) }));
    const ranked = byIssuance(plans);
    ranked.forEach((p) => attributed.add(p.plan.id));
    const issuance = ranked[0]?.issuance ?? issuanceState({ status: null, issuedOn: null, dueOn, today });
    return { locality: { id: locality.id, name: locality.name }, plans: ranked, issuance };
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
      VIETNAMESE.compare(
        a.locality?.name ?? a.plans[0]?.plan.issuerName ?? "",
        b.locality?.name ?? b.plans[0]?.plan.issuerName ?? "",
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
export type ReportsSummary = {
  year: number;
  due: string;
  daysLeft: number;
  rows: ReportRow[];
  submitted: number;
  /** Child plans that owe no report this year (their body had ended by the due day, or they were issued after it). */
  notOwed: number;
};

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
  // Only plans that owe this year's report (src/domain/body-validity.ts), or that have one anyway.
  const owing = (plan: ChildPlan) =>
    reports.has(plan.id) ||
    reportObligation({
      status: plan.status,
      issuedOn: plan.issuedOn,
      due,
      issuer: { validFrom: null, validTo: plan.issuerValidTo },
    }).owed;
  const out = rollup.rows
    .filter((r) => owing(r.plan))
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
        VIETNAMESE.compare(a.plan.issuerName, b.plan.issuerName),
    );
  return {
    year: rollup.currentYear,
    due,
    daysLeft: daysUntil(due, rollup.today),
    rows: out,
    submitted: out.filter((r) => r.standing.submitted).length,
    notOwed: rollup.rows.length - out.length,
  };
}
