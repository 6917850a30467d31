import { formatVietnameseNumber } from "@/domain/decimal";
import { documentKindLabel, type DocumentKind } from "@/domain/document-number";
import { statusLabel, type IndicatorStatus } from "@/domain/indicator-status";
import type { ReportSnapshot } from "@/features/reporting/snapshot";

// What the Word appendix, the print view and the Excel workbooks print for one indicator, in one
// place, so the files of the same report never disagree about a value or an assessment.

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
