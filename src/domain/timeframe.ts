/**
 * The "Thời gian thực hiện:" of a task: "Thường xuyên", "Năm 2024 và các năm tiếp theo",
 * "Quý I/2024", "Trước ngày 20/7/2024", "Giai đoạn 2024-2030"… The original text is always kept,
 * because what the plan says is the record; the parsed kind only drives sorting and deadlines.
 */

import { formatDate, parseVietnameseDate } from "./reporting-calendar";
import { stripDiacritics, unifyDashes } from "./vietnamese-text";

export type TimeframeKind = "RECURRING" | "FROM_YEAR" | "BY_DATE" | "BY_QUARTER" | "BY_YEAR" | "PERIOD" | "UNSPECIFIED";
export type Quarter = 1 | 2 | 3 | 4;

export interface Timeframe {
  kind: TimeframeKind;
  year?: number;
  endYear?: number;
  quarter?: Quarter;
  /** ISO date of a BY_DATE deadline, as written ("trước ngày 20/7/2024" → "2024-07-20") */
  date?: string;
  text: string | null;
}

const YEAR = "(\\d{4})";
const QUARTERS: Record<string, Quarter> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function key(text: string): string {
  return (
    stripDiacritics(unifyDashes(text.normalize("NFC")))
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^thoi gian(?: thuc hien)?\s*:\s*/, "")
      .replace(/[.,;:]+$/, "")
      // Verbs in front of the time say nothing about it: "hoàn thành trong quý I/2024".
      .replace(/^(?:hoan thanh|thuc hien|trien khai|ban hanh|xong)\s+/, "")
      .trim()
  );
}

const FROM_YEAR_PATTERNS = [
  new RegExp(`^(?:tu )?(?:nam )?${YEAR}(?: va| ,|,)? (?:cac|nhung) nam tiep theo$`),
  new RegExp(`^tu (?:nam )?${YEAR}(?: tro di| tro ve sau)?$`),
  new RegExp(`^(?:nam )?${YEAR} tro di$`),
];
const PERIOD_PATTERN = new RegExp(
  `^(?:trong )?(?:giai doan |tu nam |tu |nam )?${YEAR} ?(?:-|den|toi) ?(?:nam )?${YEAR}$`,
);
const QUARTER_PATTERN = new RegExp(
  `^(?:trong |truoc het |truoc |den het |den |cuoi )?quy (iv|iii|ii|i|[1-4]) ?(?:/|-|nam) ?(?:nam )?${YEAR}$`,
);
const BY_YEAR_PATTERN = new RegExp(`^(?:trong |den het |den cuoi |den |cuoi )?(?:nam )?${YEAR}$`);
const BEFORE_YEAR_PATTERN = new RegExp(`^truoc nam ${YEAR}$`);
const DATE_PATTERN =
  /^(?:truoc|cham nhat|den|trong|xong truoc)?\s*(?:ngay\s*)?(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2} thang \d{1,2} nam \d{4})$/;
const RECURRING_PATTERN = /\b(?:thuong xuyen|lien tuc|hang nam|hang quy|hang thang|dinh ky)\b/;

export function parseTimeframe(text: string | null): Timeframe {
  const original = text === null ? null : text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (original === null || original === "") return { kind: "UNSPECIFIED", text: null };
  const k = key(original);

  for (const pattern of FROM_YEAR_PATTERNS) {
    const m = pattern.exec(k);
    if (m) return { kind: "FROM_YEAR", year: Number(m[1]), text: original };
  }

  const period = PERIOD_PATTERN.exec(k);
  if (period) {
    const year = Number(period[1]);
    const endYear = Number(period[2]);
    if (endYear > year) return { kind: "PERIOD", year, endYear, text: original };
    return { kind: "UNSPECIFIED", text: original };
  }

  const quarter = QUARTER_PATTERN.exec(k);
  if (quarter) {
    return { kind: "BY_QUARTER", quarter: QUARTERS[quarter[1]!]!, year: Number(quarter[2]), text: original };
  }

  const date = DATE_PATTERN.exec(k);
  if (date) {
    const iso = parseVietnameseDate(date[1]!);
    return iso ? { kind: "BY_DATE", date: iso, text: original } : { kind: "UNSPECIFIED", text: original };
  }

  const byYear = BY_YEAR_PATTERN.exec(k);
  if (byYear) return { kind: "BY_YEAR", year: Number(byYear[1]), text: original };
  // "Trước năm 2026" leaves all of 2025, and no more.
  const beforeYear = BEFORE_YEAR_PATTERN.exec(k);
  if (beforeYear) return { kind: "BY_YEAR", year: Number(beforeYear[1]) - 1, text: original };

  // Recurring last: "trước ngày 15/12 hằng năm" has no year and recurs; a dated text was caught above.
  if (RECURRING_PATTERN.test(k)) return { kind: "RECURRING", text: original };

  return { kind: "UNSPECIFIED", text: original };
}

const ROMAN: Record<Quarter, string> = { 1: "I", 2: "II", 3: "III", 4: "IV" };

/** A short Vietnamese label: "Thường xuyên", "Hằng năm", "Từ năm 2024", "Quý I/2024", "Giai đoạn 2024-2030"… */
export function formatTimeframe(tf: Timeframe): string {
  switch (tf.kind) {
    case "RECURRING": {
      const k = tf.text ? key(tf.text) : "";
      if (/\bhang quy\b/.test(k)) return "Hằng quý";
      if (/\bhang thang\b/.test(k)) return "Hằng tháng";
      if (/\b(?:hang nam|dinh ky)\b/.test(k)) return "Hằng năm";
      return "Thường xuyên";
    }
    case "FROM_YEAR":
      return tf.year !== undefined ? `Từ năm ${tf.year}` : fallback(tf);
    case "BY_DATE":
      return tf.date !== undefined ? `Trước ngày ${formatDate(tf.date)}` : fallback(tf);
    case "BY_QUARTER":
      return tf.quarter !== undefined && tf.year !== undefined ? `Quý ${ROMAN[tf.quarter]}/${tf.year}` : fallback(tf);
    case "BY_YEAR":
      return tf.year !== undefined ? `Năm ${tf.year}` : fallback(tf);
    case "PERIOD":
      return tf.year !== undefined && tf.endYear !== undefined ? `Giai đoạn ${tf.year}-${tf.endYear}` : fallback(tf);
    case "UNSPECIFIED":
      return fallback(tf);
  }
}

function fallback(tf: Timeframe): string {
  return tf.text ?? "Chưa xác định";
}

const QUARTER_END: Record<Quarter, string> = { 1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31" };

/**
 * The last day by which the task should be done, for overdue checks; null when the task is
 * ongoing (recurring, from a year on) or its time is unknown.
 */
export function timeframeDeadline(tf: Timeframe): string | null {
  switch (tf.kind) {
    case "BY_DATE":
      return tf.date ?? null;
    case "BY_QUARTER":
      return tf.quarter !== undefined && tf.year !== undefined ? `${tf.year}-${QUARTER_END[tf.quarter]}` : null;
    case "BY_YEAR":
      return tf.year !== undefined ? `${tf.year}-12-31` : null;
    case "PERIOD":
      return tf.endYear !== undefined ? `${tf.endYear}-12-31` : null;
    case "RECURRING":
    case "FROM_YEAR":
    case "UNSPECIFIED":
      return null;
  }
}
