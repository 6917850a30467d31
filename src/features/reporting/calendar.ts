import { DEFAULT_DUE, reportingPeriod, type DayMonth, type ReportingPeriod } from "@/domain/reporting-calendar";
import { currentReportYear } from "@/domain/vietnam-time";

// The reporting calendar as this product applies it: the due day a parent plan sets for its children
// (15/12 when it sets none), report periods, days left (today in Vietnam is src/domain/vietnam-time.ts).

/** The due day a parent plan sets for its children's reports, or 15/12. */
export function childReportDue(
  parent: { childReportDueDay: number | null; childReportDueMonth: number | null } | null,
): DayMonth {
  if (parent?.childReportDueDay && parent.childReportDueMonth)
    return { day: parent.childReportDueDay, month: parent.childReportDueMonth };
  return DEFAULT_DUE;
}

/** The period and due day of a plan's report for `year`; a parent's impossible day falls back to 15/12. */
export function reportCalendar(
  year: number,
  parent: { childReportDueDay: number | null; childReportDueMonth: number | null } | null,
): ReportingPeriod {
  try {
    return reportingPeriod(year, childReportDue(parent));
  } catch {
    return reportingPeriod(year);
  }
}

/** A calendar day stored in a DATE column (UTC midnight), from "YYYY-MM-DD". */
export function dateColumn(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** "YYYY-MM-DD" from a DATE column. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "còn 22 ngày", "hôm nay là hạn cuối", "quá hạn 3 ngày". */
export function daysLeftText(days: number): string {
  if (days > 0) return `còn ${days} ngày`;
  if (days === 0) return "hôm nay là hạn cuối";
  return `quá hạn ${-days} ngày`;
}

/** The years one can report on, newest first: from `first` to the current year. */
export function reportYears(first: number, now: Date = new Date()): number[] {
  const years: number[] = [];
  for (let y = currentReportYear(now); y >= first; y--) years.push(y);
  return years;
}
