/**
 * The annual reporting calendar. Dates are plain "YYYY-MM-DD" strings: a deadline is a day on
 * the calendar, not an instant, so no time zone may shift it (a Date at local midnight in
 * Vietnam is the previous day in UTC). All arithmetic here is done on UTC day numbers.
 *
 * Plans ask for an annual report "trước ngày 15/12". The data period commonly runs from 15/12 of
 * the previous year to 14/12 (practice under NĐ 09/2019/NĐ-CP); both days are configurable
 * because provinces differ and the rule is not fixed by the plans themselves.
 */

import { stripDiacritics, unifyDashes } from "./vietnamese-text";

export interface DayMonth {
  day: number;
  month: number;
}

export interface ReportingPeriod {
  year: number;
  /** first day of the data period */
  start: string;
  /** last day of the data period */
  end: string;
  /** the report is due on this day (the last day it is on time) */
  due: string;
}

export type DeadlineState = "SUBMITTED" | "OPEN" | "DUE_SOON" | "OVERDUE";

export const DEFAULT_DUE: DayMonth = { day: 15, month: 12 };
export const DEFAULT_PERIOD_START: DayMonth = { day: 15, month: 12 };
/** A report due within this many days (inclusive) is flagged as due soon. */
export const DUE_SOON_DAYS = 14;

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

function isValidDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    y >= 1000 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    Number.isInteger(d) &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function toIso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseIso(iso: string): Ymd | null {
  const match = ISO.exec(iso);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(y, m, d) ? { y, m, d } : null;
}

function requireIso(iso: string): Ymd {
  const parsed = parseIso(iso);
  if (!parsed) throw new RangeError(`Ngày không hợp lệ: “${iso}” (cần dạng YYYY-MM-DD)`);
  return parsed;
}

function dayNumber({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function isIsoDate(s: string): boolean {
  return parseIso(s) !== null;
}

/** Adds (or with a negative n, subtracts) whole days. */
export function addDays(iso: string, n: number): string {
  const date = new Date((dayNumber(requireIso(iso)) + Math.trunc(n)) * DAY_MS);
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function requireDayMonth(dm: DayMonth, label: string): void {
  // 29/2 is refused because it would not exist in most years.
  if (
    !Number.isInteger(dm.month) ||
    dm.month < 1 ||
    dm.month > 12 ||
    !Number.isInteger(dm.day) ||
    dm.day < 1 ||
    dm.day > daysInMonth(2001, dm.month)
  ) {
    throw new RangeError(`${label} không hợp lệ: ${dm.day}/${dm.month}`);
  }
}

function isFirstOfYear(dm: DayMonth): boolean {
  return dm.day === 1 && dm.month === 1;
}

/**
 * The period reported on for `year` and the day the report is due: by default 15/12 of the
 * previous year to 14/12, due 15/12. The due day always falls in `year`. A period starting on
 * 1/1 is the calendar year.
 */
export function reportingPeriod(
  year: number,
  due: DayMonth = DEFAULT_DUE,
  periodStart: DayMonth = DEFAULT_PERIOD_START,
): ReportingPeriod {
  if (!Number.isInteger(year) || year < 1001 || year > 9999) throw new RangeError(`Năm không hợp lệ: ${year}`);
  requireDayMonth(due, "Hạn báo cáo");
  requireDayMonth(periodStart, "Ngày bắt đầu kỳ báo cáo");
  const start = isFirstOfYear(periodStart) ? toIso(year, 1, 1) : toIso(year - 1, periodStart.month, periodStart.day);
  const end = isFirstOfYear(periodStart)
    ? toIso(year, 12, 31)
    : addDays(toIso(year, periodStart.month, periodStart.day), -1);
  return { year, start, end, due: toIso(year, due.month, due.day) };
}

/** The reporting year a day's data belongs to: 15/12/2024 already counts for 2025. */
export function reportingYearOf(isoDate: string, periodStart: DayMonth = DEFAULT_PERIOD_START): number {
  const { y, m, d } = requireIso(isoDate);
  requireDayMonth(periodStart, "Ngày bắt đầu kỳ báo cáo");
  if (isFirstOfYear(periodStart)) return y;
  const onOrAfterStart = m > periodStart.month || (m === periodStart.month && d >= periodStart.day);
  return onOrAfterStart ? y + 1 : y;
}

/** Whole days from today to the due day; 0 on the due day, negative once it has passed. */
export function daysUntil(dueIso: string, todayIso: string): number {
  return dayNumber(requireIso(dueIso)) - dayNumber(requireIso(todayIso));
}

/**
 * SUBMITTED once sent, whatever the date; otherwise OVERDUE from the day after the due day,
 * DUE_SOON from 14 days before it up to and including the due day, OPEN before that.
 */
export function deadlineState(dueIso: string, todayIso: string, submitted: boolean): DeadlineState {
  const days = daysUntil(dueIso, todayIso);
  if (submitted) return "SUBMITTED";
  if (days < 0) return "OVERDUE";
  if (days <= DUE_SOON_DAYS) return "DUE_SOON";
  return "OPEN";
}

/** "2024-12-15" → "15/12/2024". */
export function formatDate(iso: string): string {
  const { y, m, d } = requireIso(iso);
  return `${pad(d)}/${pad(m)}/${y}`;
}

/**
 * "ngày 09 tháng 5 năm 2024", as the place-and-date line of an official document writes it:
 * NĐ 30/2020/NĐ-CP pads days below 10 and the months 1 and 2 with a zero, and nothing else.
 */
export function formatDateLong(iso: string): string {
  const { y, m, d } = requireIso(iso);
  return `ngày ${pad(d)} tháng ${m <= 2 ? pad(m) : String(m)} năm ${y}`;
}

const NUMERIC_DATE = /^(?:ngay\s*)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/;
const WORDED_DATE = /^(?:ngay\s*)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$/;

/**
 * Reads "15/12/2024", "15-12-2024", "15.12.2024", "ngày 15 tháng 12 năm 2024", a place-and-date
 * line ("Đà Lạt, ngày 15 tháng 5 năm 2024") or an ISO date. Returns null for anything else,
 * including days that do not exist (31/02) and the blank "ngày tháng năm 2024" of a draft.
 */
export function parseVietnameseDate(text: string): string | null {
  const s = stripDiacritics(unifyDashes(text.normalize("NFC")))
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.,;]+$/, "")
    .replace(/^[^,\d]*,\s*(?=ngay)/, "");

  const iso = parseIso(s);
  if (iso) return toIso(iso.y, iso.m, iso.d);

  const numeric = NUMERIC_DATE.exec(s);
  const worded = WORDED_DATE.exec(s);
  const [d, m, y] = numeric
    ? [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])]
    : worded
      ? [Number(worded[1]), Number(worded[2]), Number(worded[3])]
      : [NaN, NaN, NaN];
  return isValidDate(y, m, d) ? toIso(y, m, d) : null;
}

/** The first year results can be entered for (the last is the current one). */
export const FIRST_RESULTS_YEAR = 2024;
