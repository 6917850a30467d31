import { daysUntil, formatDate, isIsoDate, type DayMonth } from "./reporting-calendar";

// The rules of a yearly report's deadline beyond the calendar (ADR 0029): deadlines cascade (a body's
// localities are due no later than the body itself), the reviewing body may extend one locality's
// deadline ("gia hạn") while the original is kept, and on-time counts always use the original. Dates
// are "YYYY-MM-DD" strings, as in reporting-calendar.ts.

export type ReportDeadline = {
  /** The deadline the parent set: what on-time rates count against. */
  original: string;
  /** The latest extension, when one was granted. */
  extended: string | null;
};

/** The last day the report may be sent without being overdue: the extension when it is later than the original. */
export function effectiveDue({ original, extended }: ReportDeadline): string {
  return extended !== null && extended > original ? extended : original;
}

/** Whether the extension still means something (the parent may have moved the original past it since). */
export function hasExtension(deadline: ReportDeadline): boolean {
  return effectiveDue(deadline) !== deadline.original;
}

/**
 * Late against the ORIGINAL deadline, whatever was extended: sent after it, or not sent and past it.
 * The one rule every on-time count uses (the reporting overview, the compiled report, the dashboards).
 */
export function isLate(input: { original: string; submittedOn: string | null; today: string }): boolean {
  return input.submittedOn !== null ? input.submittedOn > input.original : input.today > input.original;
}

function dayMonthKey(dm: DayMonth): number {
  return dm.month * 100 + dm.day;
}

function dayMonthText(dm: DayMonth): string {
  return `${String(dm.day).padStart(2, "0")}/${String(dm.month).padStart(2, "0")}`;
}

/**
 * Null when the day a body sets for its localities' reports is on or before its own report's due day
 * (both fall in the same reporting year); else the message shown beside the field.
 */
export function childDueProblem(childDue: DayMonth, ownDue: DayMonth): string | null {
  if (dayMonthKey(childDue) <= dayMonthKey(ownDue)) return null;
  return `Hạn của cấp dưới (${dayMonthText(childDue)}) không được sau hạn nộp báo cáo của chính cơ quan mình (${dayMonthText(ownDue)}): cấp dưới phải nộp trước để cơ quan kịp tổng hợp.`;
}

/** Null when `requested` is a valid day after the deadline in force; else the message for the date field. */
export function extensionProblem(currentDue: string, requested: string): string | null {
  if (!isIsoDate(requested)) return "Ngày gia hạn không hợp lệ (dd/mm/yyyy)";
  if (requested <= currentDue) return `Ngày gia hạn phải sau hạn hiện tại (${formatDate(currentDue)})`;
  return null;
}

/** "Hạn gốc 05/12/2026, gia hạn đến 10/12/2026: <lý do>"; only the original when nothing was extended. */
export function deadlineText(deadline: ReportDeadline, reason?: string | null): string {
  if (!hasExtension(deadline)) return `Hạn nộp: ${formatDate(deadline.original)}`;
  const base = `Hạn gốc ${formatDate(deadline.original)}, gia hạn đến ${formatDate(effectiveDue(deadline))}`;
  return reason ? `${base}: ${reason}` : base;
}

export type ReportLock = { editable: true; notice: string | null } | { editable: false; notice: string };

/**
 * Whether a report's narrative can still be changed, and what to tell the user. Sending or being
 * accepted locks it; a passed deadline does not (the product has never blocked late work: a late
 * report still has to be sent), it only says so, against the deadline in force (an extension counts).
 */
export function reportLock(input: {
  status: "DRAFT" | "SUBMITTED" | "ACCEPTED" | "RETURNED" | null;
  deadline: ReportDeadline;
  today: string;
}): ReportLock {
  if (input.status === "SUBMITTED")
    return {
      editable: false,
      notice:
        "Báo cáo đã gửi và đang chờ cấp trên xem xét nên không sửa được. Nếu cấp trên trả lại, bạn có thể sửa và gửi lại.",
    };
  if (input.status === "ACCEPTED")
    return { editable: false, notice: "Báo cáo đã được cấp trên chấp nhận nên không sửa được nữa." };
  const due = effectiveDue(input.deadline);
  const left = daysUntil(due, input.today);
  if (left >= 0) return { editable: true, notice: null };
  return {
    editable: true,
    notice: `Đã quá hạn nộp (${formatDate(due)}) ${-left} ngày. Báo cáo vẫn sửa và gửi được, nhưng được tính là nộp muộn.`,
  };
}
