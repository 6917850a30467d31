import { formatVietnameseNumber } from "@/domain/decimal";
import { formatDate, isIsoDate } from "@/domain/reporting-calendar";
import { dateTimeInVietnam } from "@/domain/vietnam-time";

// An audit entry's "before" and "after" as an administrator reads them: field by field, with the
// common fields named in Vietnamese and values written as the rest of the product writes them
// (decimal comma, dd/mm/yyyy). Anything else keeps its code, so nothing recorded is hidden.

const FIELD_LABELS: Record<string, string> = {
  status: "Trạng thái",
  publishedAt: "Công bố",
  name: "Tên",
  code: "Mã",
  text: "Số liệu",
  value: "Giá trị",
  reason: "Lý do",
  title: "Tiêu đề",
  body: "Nội dung",
  numberSerial: "Số văn bản",
  issuedOn: "Ngày ban hành",
  signerName: "Người ký",
  signerTitle: "Chức vụ người ký",
  isActive: "Hoạt động",
  role: "Vai trò",
  unit: "Đơn vị tính",
  direction: "Chiều đánh giá",
  inheritance: "Kế thừa",
  dropReason: "Lý do không thực hiện",
  comment: "Ý kiến",
  year: "Năm",
  validTo: "Kết thúc từ",
  note: "Ghi chú",
  source: "Nguồn số liệu",
  summary: "Tóm tắt",
  numbering: "TT",
  lead: "Chủ trì",
  coordinating: "Phối hợp",
  directing: "Chỉ đạo",
  timeframe: "Thời gian",
  target2025: "Mục tiêu 2025",
  target2030: "Mục tiêu 2030",
  username: "Tên đăng nhập",
  displayName: "Họ tên",
  organizationId: "Đơn vị",
  day: "Ngày",
  month: "Tháng",
  submission: "Lần gửi",
  actuals: "Kết quả đã nhập",
  targets: "Mục tiêu",
  progress: "Tiến độ đã nhập",
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** A date column as Prisma records it (UTC midnight): a day, not an instant. */
const MIDNIGHT_UTC = /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/;
/** A decimal as PostgreSQL's numeric columns give it ("71.5"). */
const DECIMAL = /^-?\d+\.\d+$/;
const MAX_TEXT = 300;

export function auditValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "có" : "không";
  if (typeof value === "number") return formatVietnameseNumber(value);
  if (typeof value === "string") {
    // Recorded text is whatever a user typed: only real dates are rewritten, anything else is shown as is.
    if (ISO_DATE.test(value) && isIsoDate(value)) return formatDate(value);
    if (MIDNIGHT_UTC.test(value) && isIsoDate(value.slice(0, 10))) return formatDate(value.slice(0, 10));
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return dateTimeInVietnam(new Date(value));
    if (DECIMAL.test(value)) return formatVietnameseNumber(Number(value));
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
  }
  const json = JSON.stringify(value);
  return json.length > MAX_TEXT ? `${json.slice(0, MAX_TEXT - 1)}…` : json;
}

/** [label, value] pairs of a recorded object; a value that is not an object is one unnamed pair. */
export function auditFields(recorded: unknown): [string, string][] {
  if (recorded === null || recorded === undefined) return [];
  if (typeof recorded !== "object" || Array.isArray(recorded)) return [["", auditValue(recorded)]];
  return Object.entries(recorded as Record<string, unknown>).map(([key, value]) => [
    FIELD_LABELS[key] ?? key,
    auditValue(value),
  ]);
}
