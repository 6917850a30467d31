import { formatVietnameseNumber, parseVietnameseNumber } from "@/domain/decimal";
import { documentKindLabel, type DocumentKind } from "@/domain/document-number";
import { statusLabel, type IndicatorStatus } from "@/domain/indicator-status";
import type { ReportSnapshot } from "@/features/reporting/snapshot";

// What the Word appendix and the Excel workbooks print for one indicator, in one place, so the
// two files of the same report never disagree about a value or an assessment.

export type SnapshotIndicator = ReportSnapshot["indicators"][number];

/** The actual as the user wrote it; a number without its text is written the Vietnamese way. */
export function actualText(actual: string | null, actualValue: number | null): string {
  if (actual !== null && actual.trim() !== "") return actual;
  return actualValue === null ? "" : formatVietnameseNumber(actualValue);
}

/** Blank for rows that carry no assessment (groups, or nothing computed). */
export function statusText(status: IndicatorStatus | null): string {
  return status === null ? "" : statusLabel(status);
}

/** The whole report is marked as illustrative as soon as one of its figures is. */
export function hasIllustrativeData(snapshot: ReportSnapshot): boolean {
  return snapshot.plan.isIllustrative || snapshot.indicators.some((indicator) => indicator.isIllustrative);
}

const DOCUMENT_KINDS: readonly DocumentKind[] = [
  "RESOLUTION",
  "PROGRAMME",
  "PLAN",
  "DECISION",
  "DIRECTIVE",
  "CONCLUSION",
  "GUIDANCE",
  "REPORT",
  "NOTICE",
  "LETTER",
];

/** "PLAN" → "kế hoạch"; a kind that is already a label ("Chương trình hành động") is lower-cased. */
export function planKindLabel(kind: string): string {
  const known = DOCUMENT_KINDS.find((k) => k === kind);
  return (known ? documentKindLabel(known) : kind).toLocaleLowerCase("vi");
}

/**
 * A written cell as an Excel value: a plain number ("99,5", "100", "1.500") becomes a number,
 * anything else ("<4", "2-2,5", "Tiểu học", "-") stays text. `fractionDigits` is how many
 * decimals were written, so the cell shows "5,60" as written and not "5,6".
 */
export function numericCell(text: string | null): { value: number; fractionDigits: number } | null {
  if (text === null) return null;
  const value = parseVietnameseNumber(text);
  if (value === null) return null;
  return { value, fractionDigits: writtenFractionDigits(text) };
}

function writtenFractionDigits(text: string): number {
  const trimmed = text.trim();
  const comma = trimmed.indexOf(",");
  return comma < 0 ? 0 : trimmed.length - comma - 1;
}

/** Decimals to show for an actual: as written when the text is that number, else as few as the value needs. */
export function actualFractionDigits(actual: string | null, actualValue: number): number {
  const written = numericCell(actual);
  if (written && Math.abs(written.value - actualValue) < 1e-9) return written.fractionDigits;
  const text = formatVietnameseNumber(actualValue, { grouping: false });
  const comma = text.indexOf(",");
  return comma < 0 ? 0 : text.length - comma - 1;
}
