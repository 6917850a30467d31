// Calendar days and times as read in Vietnam (Asia/Ho_Chi_Minh), whatever the server's zone: a
// deadline is a calendar day there, and dates are shown dd/mm/yyyy.

export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

// Built once: constructing an Intl.DateTimeFormat costs a few hundred microseconds, every page asks.
const VIETNAM_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Vietnam as "YYYY-MM-DD" (a deadline is a calendar day there, whatever the server's zone). */
export function todayInVietnam(now: Date = new Date()): string {
  return VIETNAM_DAY.format(now);
}

/** The year whose report is being prepared: the calendar year (the report for it is due in December). */
export function currentReportYear(now: Date = new Date()): number {
  return Number(todayInVietnam(now).slice(0, 4));
}

const VIETNAM_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: VIETNAM_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "05/12/2026 08:07": an instant (a change in the history, an audit entry) as read in Vietnam. */
export function dateTimeInVietnam(instant: Date): string {
  return `${dayInVietnam(instant)} ${VIETNAM_CLOCK.format(instant)}`;
}

/** dd/mm/yyyy of an instant, as the calendar reads in Vietnam. */
export function dayInVietnam(instant: Date): string {
  const [y, m, d] = todayInVietnam(instant).split("-");
  return `${d}/${m}/${y}`;
}
