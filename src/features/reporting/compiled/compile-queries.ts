import "server-only";
import { reportObligation } from "@/domain/body-validity";
import type { IndicatorStatus } from "@/domain/indicator-status";
import type { Aggregation } from "@/domain/locality-aggregation";
import { asTree } from "@/domain/tree";
import { todayInVietnam } from "@/domain/vietnam-time";
import { getIssuance, getRollup } from "@/features/dashboards/queries";
import { isLate } from "@/domain/report-deadline";
import { reportStanding } from "@/features/dashboards/rollup";
import type { ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { reportCalendar } from "../calendar";
import { targetFor } from "../locality-comparison";
import type { ReportSnapshot } from "../snapshot";
import { compileReport, type LocalityInput, type OwnIndicator } from "./compile";
import { NARRATIVE_KEYS, type CompiledLocality, type CompiledReport } from "./types";

// Reads what a body's report compiles from its localities. The localities are the plans implementing
// the body's plan below its level, attributed to today's bodies exactly as the dashboards do (their
// rollup and issuance reads are reused, not repeated): a district that ended on 30/6/2025 stays a row,
// named with the communes that continue its work. A locality's figures are those of its latest
// submission while that submission stands (sent or accepted), else its entered results; its texts
// are those of that submission only: a draft or a returned report says nothing yet.

const numberOf = (value: { toString(): string } | null | undefined): number | null => {
  if (value == null) return null;
  const n = Number(value.toString());
  return Number.isFinite(n) ? n : null;
};

/** The compiled part of the body's report for `year`, or null when no plan implements the body's plan. */
export async function compileLocalities(
  db: ScopedDb,
  scope: Scope,
  planId: string,
  year: number,
  options: { today?: string } = {},
): Promise<CompiledReport | null> {
  const today = options.today ?? todayInVietnam();
  // Most reports are a commune's, with no plan below it: one index probe instead of the rollup's
  // context (8 ms of PostgreSQL a report view at the 15/12 peak, docs/performance.md).
  if ((await db.plan.count({ where: { parentId: planId } })) === 0) return null;
  const rollup = await getRollup(
    db,
    scope,
    { resolution: null, plan: planId, group: null, track: null, year: null, sort: "name" },
    { today },
  );
  const anchor = rollup.anchor;
  const kids = rollup.rows.map((r) => r.plan);
  if (!anchor || kids.length === 0) return null;
  const kidIds = kids.map((k) => k.id);

  const [own, theirs, reports, issuance] = await Promise.all([
    db.indicator.findMany({
      where: { planId, inheritance: { not: "DROPPED" } },
      select: {
        id: true,
        parentIndicatorId: true,
        position: true,
        isGroup: true,
        code: true,
        name: true,
        unit: true,
        aggregation: true,
        aggregationWeightId: true,
        targets: { select: { year: true, text: true, kind: true } },
        actuals: { where: { year }, select: { text: true, status: true } },
      },
      orderBy: { position: "asc" },
    }),
    db.indicator.findMany({
      where: { planId: { in: kidIds }, isGroup: false, inheritance: { not: "DROPPED" }, derivedFrom: { planId } },
      select: {
        planId: true,
        code: true,
        derivedFromId: true,
        targets: { select: { year: true, text: true, kind: true } },
        actuals: { where: { year }, select: { text: true, value: true, status: true } },
      },
    }),
    db.report.findMany({
      where: { planId: { in: kidIds }, year },
      select: {
        planId: true,
        status: true,
        dueOn: true,
        submissions: { orderBy: { number: "asc" }, select: { id: true, submittedAt: true } },
      },
    }),
    getIssuance(db, rollup),
  ]);

  // The latest submission of each report that stands: its figures and texts are what the locality sent.
  const standing = reports.filter((r) => (r.status === "SUBMITTED" || r.status === "ACCEPTED") && r.submissions.length);
  const latestIds = standing.map((r) => r.submissions[r.submissions.length - 1]!.id);
  const snapshots = latestIds.length
    ? await db.reportSubmission.findMany({
        where: { id: { in: latestIds } },
        select: { snapshot: true, report: { select: { planId: true } } },
      })
    : [];
  const sent = new Map(snapshots.map((s) => [s.report.planId, s.snapshot as unknown as ReportSnapshot]));
  const reportOf = new Map(reports.map((r) => [r.planId, r]));

  const calendar = reportCalendar(year, {
    childReportDueDay: anchor.childReportDueDay,
    childReportDueMonth: anchor.childReportDueMonth,
  });

  const localities: LocalityInput[] = kids.map((kid) => {
    const report = reportOf.get(kid.id) ?? null;
    const due = report ? report.dueOn.toISOString().slice(0, 10) : calendar.due;
    const owed =
      report !== null ||
      reportObligation({
        status: kid.status,
        issuedOn: kid.issuedOn,
        due,
        issuer: { validFrom: null, validTo: kid.issuerValidTo },
      }).owed;
    const firstSent = report?.submissions[0]?.submittedAt ?? null;
    const submittedOn = firstSent ? todayInVietnam(firstSent) : null;
    const standingOf = reportStanding({ status: report?.status ?? null, due, today });
    const state: CompiledLocality["report"]["state"] = !owed ? "NOT_OWED" : (report?.status ?? "NONE");
    const snapshot = sent.get(kid.id) ?? null;
    const sentByCode = new Map((snapshot?.indicators ?? []).filter((i) => !i.isGroup).map((i) => [i.code.trim(), i]));

    const values: LocalityInput["values"] = new Map();
    for (const indicator of theirs) {
      if (indicator.planId !== kid.id || !indicator.derivedFromId || values.has(indicator.derivedFromId)) continue;
      const target = targetFor(indicator.targets, year);
      const fromSnapshot = snapshot ? sentByCode.get(indicator.code.trim()) : undefined;
      const actual = indicator.actuals[0] ?? null;
      values.set(
        indicator.derivedFromId,
        fromSnapshot
          ? {
              target: target?.text ?? null,
              actual: fromSnapshot.actual,
              actualValue: fromSnapshot.actualValue,
              status: fromSnapshot.status ?? "NO_DATA",
            }
          : {
              target: target?.text ?? null,
              actual: actual && actual.text !== "" ? actual.text : null,
              actualValue: numberOf(actual?.value),
              status: (actual?.status as IndicatorStatus | undefined) ?? "NO_DATA",
            },
      );
    }
    const ended = kid.dissolved
      ? `Đã kết thúc hoạt động${kid.issuerValidTo ? ` ngày ${kid.issuerValidTo.split("-").reverse().join("/")}` : ""}${kid.successorNames ? `; nay: ${kid.successorNames}` : ""}`
      : null;
    return {
      planId: kid.id,
      name: kid.issuerName,
      note: ended,
      planNumber: kid.number,
      report: {
        state,
        label: state === "NOT_OWED" ? `Không phải báo cáo năm ${year}` : standingOf.label,
        due: owed ? due : null,
        submittedOn,
        // Against the original deadline, whatever was extended (ADR 0029).
        late: owed && isLate({ original: due, submittedOn, today }),
      },
      values,
      sections: snapshot ? Object.fromEntries(NARRATIVE_KEYS.map((key) => [key, snapshot.sections[key] ?? ""])) : null,
    };
  });

  const tree = asTree(own, (i) => i.parentIndicatorId);
  const indicators: OwnIndicator[] = tree.map(({ item, depth }) => {
    const actual = item.actuals[0] ?? null;
    return {
      id: item.id,
      code: item.code,
      name: item.name,
      unit: item.unit,
      isGroup: item.isGroup,
      depth,
      aggregation: item.aggregation as Aggregation,
      aggregationWeightId: item.aggregationWeightId,
      target: item.isGroup ? null : (targetFor(item.targets, year)?.text ?? null),
      actual: actual && actual.text !== "" ? actual.text : null,
      status: item.isGroup ? null : ((actual?.status as IndicatorStatus | undefined) ?? "NO_DATA"),
    };
  });

  // Today's localities with no plan of their own and none attributed to them.
  const withoutPlan = (issuance?.rows ?? [])
    .filter((row) => row.locality && row.plans.every((p) => p.plan.status === "DRAFT"))
    .map((row) => row.locality!.name);

  return compileReport({ compiledOn: today, indicators, localities, withoutPlan });
}
