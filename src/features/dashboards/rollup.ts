import { compareAmbition } from "@/domain/target-meaning";
import type { Direction, Target, TargetKind } from "@/domain/target-notation";
import { daysUntil, deadlineState, DEFAULT_DUE, type DeadlineState, type DayMonth } from "@/domain/reporting-calendar";
import { STATUSES, type StatusCounts } from "./status";
import { NO_CELL } from "./status-letters";

// Pure rules of the rollups (no I/O): which year to show, how to sort localities, whether a child
// issued its plan on time, where a yearly report stands, which child targets ask for less than the
// parent's, and how a plan of a body that no longer exists is attributed. The counts themselves
// come from PostgreSQL (queries.ts); these only interpret them.

export type Track = "PARTY" | "STATE";
export type RollupSort = "off-track" | "name";

export type RollupFilters = {
  /**
   * The resolution (plans.resolutionId, the document at the top of a cascade) whose plans are rolled
   * up; null: the one with most plans for the user's body. A plan asked for overrides it (ADR 0033).
   */
  resolution: string | null;
  /** The plan whose children are rolled up; null: the default plan of the user's body (in the resolution). */
  plan: string | null;
  /** A top-level indicator group ("Dân số, y tế"), or null for all. */
  group: string | null;
  track: Track | null;
  year: number | null;
  sort: RollupSort;
};

/** The group of indicators that sit outside any group row. */
export const UNGROUPED = "Chỉ tiêu khác";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Params = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The query string that opens the same plan, group, track and year elsewhere (the inverse of parseRollupFilters). */
export function filterQuery(filters: RollupFilters, plan: string): string {
  const query = new URLSearchParams({ plan });
  if (filters.resolution) query.set("resolution", filters.resolution);
  if (filters.group) query.set("group", filters.group);
  if (filters.track) query.set("track", filters.track);
  if (filters.year) query.set("year", String(filters.year));
  return query.toString();
}

/** Filters from the page's GET parameters; anything malformed is ignored, never an error. */
export function parseRollupFilters(params: Params): RollupFilters {
  const plan = first(params.plan)?.trim();
  const resolution = first(params.resolution)?.trim();
  const group = first(params.group)?.trim();
  const track = first(params.track);
  const year = Number(first(params.year));
  return {
    resolution: resolution && UUID.test(resolution) ? resolution.toLowerCase() : null,
    plan: plan && UUID.test(plan) ? plan.toLowerCase() : null,
    group: group ? group.slice(0, 500) : null,
    track: track === "PARTY" || track === "STATE" ? track : null,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    sort: first(params.sort) === "name" ? "name" : "off-track",
  };
}

/** The query string for a filter set (only what differs from the defaults). */
export function filtersQuery(filters: RollupFilters, change: Partial<RollupFilters> = {}): string {
  const f = { ...filters, ...change };
  const params = new URLSearchParams();
  if (f.resolution) params.set("resolution", f.resolution);
  if (f.plan) params.set("plan", f.plan);
  if (f.group) params.set("group", f.group);
  if (f.track) params.set("track", f.track);
  if (f.year) params.set("year", String(f.year));
  if (f.sort !== "off-track") params.set("sort", f.sort);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The year the matrix shows: the one asked for if there is data for it; else the current year if
 * it has data; else the latest year before it that has; null when nothing has been entered.
 */
export function chooseYear(available: readonly number[], currentYear: number, requested: number | null): number | null {
  if (requested !== null && available.includes(requested)) return requested;
  const past = available.filter((y) => y <= currentYear);
  if (past.length === 0) return null;
  return Math.max(...past);
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Most indicators off track first (then most at risk, then by name), or by name. */
export function sortRows<T extends { label: string; counts: StatusCounts }>(rows: readonly T[], sort: RollupSort): T[] {
  return [...rows].sort((a, b) => {
    if (sort === "off-track") {
      const byOff = b.counts.OFF_TRACK - a.counts.OFF_TRACK;
      if (byOff) return byOff;
      const byRisk = b.counts.AT_RISK - a.counts.AT_RISK;
      if (byRisk) return byRisk;
    }
    return collator.compare(a.label, b.label);
  });
}

/**
 * A matrix row from the aggregate's cells, "3X,7M" (1-based column numbers, each with its status
 * letter), as one letter per column, NO_CELL where the plan has none. Read character by character: a
 * province's rollup has ~15,000 cells, and splitting them into strings was most of its assembly.
 */
export function cellString(pairs: string | null, columns: number): string {
  const cells = new Array<string>(columns).fill(NO_CELL);
  let column = 0;
  for (let i = 0; pairs !== null && i < pairs.length; i++) {
    const code = pairs.charCodeAt(i);
    if (code >= 48 && code <= 57) column = column * 10 + (code - 48);
    else if (pairs[i] !== ",") {
      if (column >= 1 && column <= columns) cells[column - 1] = pairs[i]!;
      column = 0;
    }
  }
  return cells.join("");
}

/** Totals over rows. */
export function sumCounts(rows: readonly { counts: StatusCounts }[]): StatusCounts {
  const out = { MET: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, NO_DATA: 0 } as StatusCounts;
  for (const row of rows) for (const s of STATUSES) out[s] += row.counts[s];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates

export { todayInVietnam } from "@/domain/vietnam-time";

/** The report of `year` is due on the parent's day (15/12 when it set none), unless the report row says otherwise. */
export function reportDueDate(year: number, parentDue: Partial<DayMonth> | null, reportDueOn: string | null): string {
  if (reportDueOn) return reportDueOn;
  const day = parentDue?.day ?? DEFAULT_DUE.day;
  const month = parentDue?.month ?? DEFAULT_DUE.month;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Plan issuance

export type IssuanceState = "ON_TIME" | "LATE" | "ISSUED" | "DRAFT" | "DRAFT_OVERDUE" | "MISSING" | "MISSING_OVERDUE";

export type Issuance = {
  state: IssuanceState;
  /** days late, overdue or left, by state; null when there is no deadline */ days: number | null;
};

/**
 * Where a child's implementing plan stands against the deadline its parent set (childPlanDueOn).
 * Issued on the due day is on time. A draft or a missing plan is overdue from the day after.
 */
export function issuanceState(input: {
  status: "DRAFT" | "ISSUED" | "SUPERSEDED" | null;
  issuedOn: string | null;
  dueOn: string | null;
  today: string;
}): Issuance {
  const { status, issuedOn, dueOn, today } = input;
  if (status === "ISSUED" || status === "SUPERSEDED") {
    if (!issuedOn || !dueOn) return { state: "ISSUED", days: null };
    const margin = daysUntil(dueOn, issuedOn);
    return margin >= 0 ? { state: "ON_TIME", days: margin } : { state: "LATE", days: -margin };
  }
  const left = dueOn ? daysUntil(dueOn, today) : null;
  if (status === "DRAFT")
    return left !== null && left < 0 ? { state: "DRAFT_OVERDUE", days: -left } : { state: "DRAFT", days: left };
  return left !== null && left < 0 ? { state: "MISSING_OVERDUE", days: -left } : { state: "MISSING", days: left };
}

/** Best first: issued on time, issued, issued late, a draft, nothing. */
const ISSUANCE_ORDER: Record<IssuanceState, number> = {
  ON_TIME: 0,
  ISSUED: 1,
  LATE: 2,
  DRAFT: 3,
  DRAFT_OVERDUE: 4,
  MISSING: 5,
  MISSING_OVERDUE: 6,
};

/**
 * A locality's plans with the one that says most about its issuance first: the best state, then the
 * one issued earliest (fewest days late, or most days early), then by id. The answer never depends on
 * the order the plans were listed in: two late plans always give the smaller lateness.
 */
export function byIssuance<T extends { plan: { id: string; issuedOn: string | null }; issuance: Issuance }>(
  plans: readonly T[],
): T[] {
  return [...plans].sort(
    (a, b) =>
      ISSUANCE_ORDER[a.issuance.state] - ISSUANCE_ORDER[b.issuance.state] ||
      (a.plan.issuedOn ?? "9999").localeCompare(b.plan.issuedOn ?? "9999") ||
      a.plan.id.localeCompare(b.plan.id),
  );
}

/** Whether a plan of a body that has ended was issued while it existed (else it is not "before the reorganisation"). */
export function issuedBeforeEnd(plan: { issuedOn: string | null; issuerValidTo: string | null }): boolean {
  return plan.issuerValidTo === null || plan.issuedOn === null || plan.issuedOn <= plan.issuerValidTo;
}

export function issuanceLabel({ state, days }: Issuance): string {
  switch (state) {
    case "ON_TIME":
      return "Đúng hạn";
    case "LATE":
      return `Trễ hạn ${days} ngày`;
    case "ISSUED":
      return "Đã ban hành";
    case "DRAFT":
      return days === null ? "Đang dự thảo" : `Đang dự thảo, còn ${days} ngày`;
    case "DRAFT_OVERDUE":
      return `Đang dự thảo, quá hạn ${days} ngày`;
    case "MISSING":
      return days === null ? "Chưa ban hành" : `Chưa ban hành, còn ${days} ngày`;
    case "MISSING_OVERDUE":
      return `Chưa ban hành, quá hạn ${days} ngày`;
  }
}

/** Missed the parent's deadline: issued late, or still not issued after it. */
export function missedDeadline(state: IssuanceState): boolean {
  return state === "LATE" || state === "DRAFT_OVERDUE" || state === "MISSING_OVERDUE";
}

// ---------------------------------------------------------------------------------------------
// Yearly reports

export type ReportStatus = "DRAFT" | "SUBMITTED" | "ACCEPTED" | "RETURNED";

export type ReportStanding = {
  submitted: boolean;
  label: string;
  deadline: DeadlineState;
  daysLeft: number;
  due: string;
};

/** A missing report is "chưa nộp"; a returned one has to be sent again, so it counts as not submitted. */
export function reportStanding(input: { status: ReportStatus | null; due: string; today: string }): ReportStanding {
  const submitted = input.status === "SUBMITTED" || input.status === "ACCEPTED";
  const daysLeft = daysUntil(input.due, input.today);
  const label =
    input.status === "SUBMITTED"
      ? "Đã nộp"
      : input.status === "ACCEPTED"
        ? "Đã nộp, được chấp nhận"
        : input.status === "RETURNED"
          ? "Bị trả lại, chưa nộp lại"
          : input.status === "DRAFT"
            ? "Đang soạn, chưa nộp"
            : "Chưa nộp";
  return { submitted, label, deadline: deadlineState(input.due, input.today, submitted), daysLeft, due: input.due };
}

/** "còn 22 ngày", "hạn hôm nay", "quá hạn 3 ngày". */
export function daysLeftLabel(days: number): string {
  if (days > 0) return `còn ${days} ngày`;
  if (days === 0) return "hạn hôm nay";
  return `quá hạn ${-days} ngày`;
}

// ---------------------------------------------------------------------------------------------
// Target alignment

export type TargetRow = {
  kind: TargetKind;
  lower: number | null;
  upper: number | null;
  isPercent: boolean;
  qualitative: string | null;
  text: string;
};

export function toTarget(row: TargetRow): Target {
  return {
    kind: row.kind,
    lower: row.lower,
    upper: row.upper,
    isPercent: row.isPercent,
    unit: null,
    qualitative: row.qualitative,
    text: row.text,
  };
}

/** Child targets less ambitious than the parent's on the same indicator and year (compareAmbition says WEAKER). */
export function weakerTargets<T extends { parent: TargetRow; child: TargetRow; direction: Direction }>(
  pairs: readonly T[],
): T[] {
  return pairs.filter(
    (pair) => compareAmbition(toTarget(pair.parent), toTarget(pair.child), pair.direction) === "WEAKER",
  );
}

// ---------------------------------------------------------------------------------------------
// Attribution to today's structure

export type IssuerInfo = { issuerName: string; issuerValidTo: string | null; successors: { name: string }[] };

/**
 * A plan issued by a body that no longer exists (a district before 1/7/2025) stays on the record and
 * counts for the bodies that continue its work. The label says so instead of hiding it.
 */
export function attribution(issuer: IssuerInfo, today: string): { dissolved: boolean; successors: string | null } {
  const dissolved = issuer.issuerValidTo !== null && issuer.issuerValidTo < today;
  if (!dissolved || issuer.successors.length === 0) return { dissolved, successors: null };
  const names = issuer.successors.map((s) => s.name);
  const shown = names.slice(0, 3).join(", ");
  return { dissolved, successors: names.length > 3 ? `${shown} và ${names.length - 3} cơ quan khác` : shown };
}

/** Header cells for the groups above the indicator columns: consecutive columns of one group share one. */
export function groupSpans(columns: readonly { group: string }[]): { group: string; span: number }[] {
  const spans: { group: string; span: number }[] = [];
  for (const column of columns) {
    const last = spans[spans.length - 1];
    if (last && last.group === column.group) last.span += 1;
    else spans.push({ group: column.group, span: 1 });
  }
  return spans;
}
