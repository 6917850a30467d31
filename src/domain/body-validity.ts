/**
 * What a body's life (validFrom … validTo, both days included, either end open) means for what it
 * owes and what it may still do. The 2025 reorganisation ended every district body on 30/6/2025;
 * their plans stay on the record, their successors carry the work on.
 *
 * - A body that has ended does not write any more: its records stay readable, and only its
 *   successors (who hold them as their own) change them.
 * - A body issues documents only while it exists: an issue date outside its life is refused.
 * - A plan owes its yearly report for a year when it was issued by that year's due day and its
 *   issuer still existed on that day. After the end the obligation is its successors', on their own
 *   plans; before the issue there was nothing to report on.
 *
 * Dates are "YYYY-MM-DD" calendar days (see reporting-calendar.ts); ISO days compare as strings.
 */

import { addDays, formatDate } from "./reporting-calendar";

export interface Validity {
  /** First day the body exists; null when it always has. */
  validFrom: string | null;
  /** Last day the body exists; null while it goes on. */
  validTo: string | null;
}

/** Whether the body exists on `day`. */
export function existsOn(validity: Validity, day: string): boolean {
  return (
    (validity.validFrom === null || validity.validFrom <= day) && (validity.validTo === null || day <= validity.validTo)
  );
}

/** Whether the body's last day is before `today`. */
export function hasEnded(validity: Validity, today: string): boolean {
  return validity.validTo !== null && validity.validTo < today;
}

/** Why a write on behalf of a body that has ended is refused: said once, the same for every action. */
export function endedBodyMessage(name: string, validTo: string): string {
  return (
    `${name} đã kết thúc hoạt động từ ngày ${formatDate(addDays(validTo, 1))}, nên không thêm, sửa hay gửi ` +
    `dữ liệu thay mặt cơ quan này được nữa. Hồ sơ của cơ quan vẫn xem được; cơ quan kế thừa cập nhật hồ sơ ` +
    `và báo cáo khi cần.`
  );
}

/** The message for an issue date outside the issuer's life, or null when the date is within it. */
export function issueDateProblem(issuedOn: string, issuer: Validity & { name: string }): string | null {
  if (issuer.validTo !== null && issuedOn > issuer.validTo)
    return (
      `${issuer.name} đã kết thúc hoạt động từ ngày ${formatDate(addDays(issuer.validTo, 1))}: ngày ban hành ` +
      `phải từ ${formatDate(issuer.validTo)} trở về trước. Văn bản mới do cơ quan kế thừa ban hành.`
    );
  if (issuer.validFrom !== null && issuedOn < issuer.validFrom)
    return `${issuer.name} bắt đầu hoạt động từ ngày ${formatDate(issuer.validFrom)}: ngày ban hành không thể trước ngày đó.`;
  return null;
}

export type ReportObligation =
  | { owed: true }
  | {
      owed: false;
      /** NOT_ISSUED: a draft; ISSUED_LATER: issued after the year's due day; BODY_ENDED / BODY_NOT_YET: the issuer did not exist on that day. */
      reason: "NOT_ISSUED" | "ISSUED_LATER" | "BODY_ENDED" | "BODY_NOT_YET";
    };

/**
 * Whether a plan owes its report for the year whose due day is `due`. A plan recorded as issued
 * without a date (documents entered after the fact) is taken as issued in time.
 */
export function reportObligation(input: {
  status: "DRAFT" | "ISSUED" | "SUPERSEDED";
  issuedOn: string | null;
  due: string;
  issuer: Validity;
}): ReportObligation {
  if (input.status === "DRAFT") return { owed: false, reason: "NOT_ISSUED" };
  if (input.issuedOn !== null && input.issuedOn > input.due) return { owed: false, reason: "ISSUED_LATER" };
  if (input.issuer.validTo !== null && input.issuer.validTo < input.due) return { owed: false, reason: "BODY_ENDED" };
  if (input.issuer.validFrom !== null && input.issuer.validFrom > input.due)
    return { owed: false, reason: "BODY_NOT_YET" };
  return { owed: true };
}

/** Why no report is due for a year, in a sentence for the report page and the overview. */
export function notOwedText(
  reason: Exclude<ReportObligation, { owed: true }>["reason"],
  context: {
    year: number;
    issuedOn: string | null;
    issuerName: string;
    validFrom: string | null;
    validTo: string | null;
  },
): string {
  switch (reason) {
    case "NOT_ISSUED":
      return `Kế hoạch chưa ban hành, nên chưa phải báo cáo năm ${context.year}.`;
    case "ISSUED_LATER":
      return `Kế hoạch ban hành ngày ${context.issuedOn ? formatDate(context.issuedOn) : "—"}, sau hạn báo cáo năm ${context.year}: không phải báo cáo năm này.`;
    case "BODY_ENDED":
      return `${context.issuerName} đã kết thúc hoạt động ngày ${context.validTo ? formatDate(context.validTo) : "—"}, trước hạn báo cáo năm ${context.year}: cơ quan kế thừa báo cáo theo kế hoạch của mình.`;
    case "BODY_NOT_YET":
      return `${context.issuerName} bắt đầu hoạt động từ ngày ${context.validFrom ? formatDate(context.validFrom) : "—"}, sau hạn báo cáo năm ${context.year}.`;
  }
}
