import { formatVietnameseNumber } from "@/domain/decimal";
import { organizationKindLabels } from "@/domain/organization-kind";
import { formatDate, isIsoDate } from "@/domain/reporting-calendar";
import { dateTimeInVietnam } from "@/domain/vietnam-time";
import { assignmentRoleLabels, directionLabels, planStatusLabels, roleLabels, trackLabels } from "@/ui/labels";
import { indicatorStatusLook, reportStatusLook, taskStatusLook } from "@/ui/statuses";

// An audit entry's "before" and "after" as an administrator reads them: field by field, every field
// named in Vietnamese, codes (statuses, directions, roles) in words, values written as the rest of
// the product writes them (decimal comma, dd/mm/yyyy, years as years), nested records as lines of
// their own, and no internal ids: an organisation or a user is named, anything else is left out.

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
  number: "Số, ký hiệu",
  numberSerial: "Số văn bản",
  issuedOn: "Ngày ban hành",
  signerName: "Người ký",
  signerTitle: "Chức vụ người ký",
  signingForm: "Hình thức ký",
  isActive: "Hoạt động",
  isSystemAdmin: "Quản trị hệ thống",
  role: "Vai trò",
  unit: "Đơn vị tính",
  direction: "Chiều đánh giá",
  inheritance: "Kế thừa",
  dropReason: "Lý do không thực hiện",
  comment: "Ý kiến",
  decision: "Quyết định",
  year: "Năm",
  validFrom: "Hoạt động từ",
  validTo: "Kết thúc từ",
  note: "Ghi chú",
  source: "Nguồn số liệu",
  summary: "Tóm tắt",
  numbering: "TT",
  lead: "Chủ trì",
  coordinating: "Phối hợp",
  directing: "Chỉ đạo",
  advising: "Tham mưu",
  timeframe: "Thời gian",
  timeframeText: "Thời gian",
  target2025: "Mục tiêu 2025",
  target2030: "Mục tiêu 2030",
  username: "Tên đăng nhập",
  displayName: "Họ tên",
  email: "Thư điện tử",
  readAt: "Đã đọc lúc",
  marked: "Số thông báo",
  deleted: "Số thông báo đã xóa",
  organizationId: "Đơn vị",
  successorId: "Cơ quan kế thừa",
  userId: "Người dùng",
  day: "Ngày",
  month: "Tháng",
  submission: "Lần gửi",
  actuals: "Kết quả đã nhập",
  targets: "Mục tiêu",
  progress: "Tiến độ đã nhập",
  qualitativeStatus: "Đánh giá",
  kind: "Loại",
  track: "Khối",
  label: "Nội dung",
  before: "Trước",
  after: "Sau",
  isGroup: "Nhóm chỉ tiêu",
  isCollective: "Tên chung của nhiều cơ quan",
  markedAsFromParent: "Có trong văn bản cấp trên",
  baselineYear: "Năm cơ sở",
  baselineText: "Giá trị cơ sở",
  baselineValue: "Giá trị cơ sở (số)",
  tasks: "Số nhiệm vụ",
  indicators: "Số chỉ tiêu",
  linkedToParent: "Chỉ tiêu gắn với cấp trên",
  tasksLinkedToParent: "Nhiệm vụ gắn với cấp trên",
  declinedFromParent: "Nội dung cấp trên không đưa vào",
  openReportsUpdated: "Báo cáo chưa gửi được đổi hạn",
  start: "Từ ngày",
  end: "Đến ngày",
  due: "Hạn gửi",
  periodStart: "Từ ngày",
  periodEnd: "Đến ngày",
  dueOn: "Hạn gửi",
  purpose: "Mục đích",
  requirements: "Yêu cầu",
  generalObjective: "Mục tiêu chung",
  vision: "Tầm nhìn",
  funding: "Kinh phí",
  implementation: "Tổ chức thực hiện",
  leadership: "Lãnh đạo, chỉ đạo",
  results: "Kết quả thực hiện",
  shortcomings: "Hạn chế, nguyên nhân",
  nextYear: "Phương hướng năm tới",
  proposals: "Kiến nghị",
  lower: "Cận dưới",
  upper: "Cận trên",
  isPercent: "Tính theo %",
  qualitative: "Mục tiêu định tính",
};

/** Recorded for the machinery, not for a reader: left out. */
const HIDDEN = new Set([
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "visibleTo",
  "normalizedName",
  "adminUnitId",
  "provinceCode",
  "position",
  "isIllustrative",
  "passwordHash",
  "sessionsValidAfter",
  "parentTargetsSeen",
  "timeframeKind",
  "timeframeYear",
  "timeframeQuarter",
  "timeframeDate",
  "timeframeEndYear",
]);

const PARENT_CHANGE_KINDS: Record<string, string> = {
  ADDED: "Cấp trên thêm nội dung",
  REMOVED: "Cấp trên bỏ nội dung",
  RETARGETED: "Cấp trên đổi mục tiêu",
};
const INHERITANCE: Record<string, string> = {
  LOCAL: "Do kế hoạch này thêm",
  INHERITED: "Kế thừa cấp trên",
  DROPPED: "Không thực hiện (kế thừa cấp trên)",
};
const TARGET_KINDS: Record<string, string> = {
  EXACT: "Bằng",
  BELOW: "Dưới",
  ABOVE: "Trên",
  AT_LEAST: "Tối thiểu",
  AT_MOST: "Tối đa",
  RANGE: "Khoảng",
  APPROXIMATELY: "Khoảng chừng",
  QUALITATIVE: "Định tính",
  NONE: "Không đặt",
};
const labelsOf = (looks: Record<string, { label: string }>) =>
  Object.fromEntries(Object.entries(looks).map(([k, v]) => [k, v.label]));

/** Codes by field: the same code means different things in different fields (a plan's DRAFT, a report's). */
const CODES_BY_FIELD: Record<string, Record<string, string>> = {
  direction: directionLabels,
  inheritance: INHERITANCE,
  role: { ...roleLabels, ...assignmentRoleLabels },
  track: trackLabels,
  qualitativeStatus: labelsOf(indicatorStatusLook),
  decision: { ACCEPTED: "Chấp nhận", RETURNED: "Trả lại" },
  kind: { ...PARENT_CHANGE_KINDS, ...TARGET_KINDS, ...organizationKindLabels },
};
/** A code in a field not listed above: any status the product knows, then any code at all. */
const ANY_CODE: Record<string, string> = {
  ...labelsOf(taskStatusLook),
  ...labelsOf(indicatorStatusLook),
  ...labelsOf(reportStatusLook),
  ...planStatusLabels,
  ...Object.assign({}, ...Object.values(CODES_BY_FIELD)),
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** A date column as Prisma records it (UTC midnight): a day, not an instant. */
const MIDNIGHT_UTC = /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/;
/** A decimal as PostgreSQL's numeric columns give it ("71.5"). */
const DECIMAL = /^-?\d+\.\d+$/;
const CODE = /^[A-Z][A-Z_]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TEXT = 300;

/** Names for the ids an entry may hold: organisations and users. */
export type AuditNames = { organizations?: ReadonlyMap<string, string>; users?: ReadonlyMap<string, string> };

function isYearField(key: string | undefined): boolean {
  return key !== undefined && /year$/i.test(key);
}

function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** One recorded value as a reader reads it; `key` is the field it was recorded under, when known. */
export function auditValue(value: unknown, key?: string, names: AuditNames = {}): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "có" : "không";
  if (typeof value === "number")
    return isYearField(key) && Number.isInteger(value) ? String(value) : formatVietnameseNumber(value);
  if (typeof value === "string") {
    if (UUID.test(value))
      return names.organizations?.get(value) ?? names.users?.get(value) ?? "(một mục khác trong hệ thống)";
    if (CODE.test(value)) return (key && CODES_BY_FIELD[key]?.[value]) ?? ANY_CODE[value] ?? value;
    // Recorded text is whatever a user typed: only real dates are rewritten, anything else is shown as is.
    if (ISO_DATE.test(value) && isIsoDate(value)) return formatDate(value);
    if (MIDNIGHT_UTC.test(value) && isIsoDate(value.slice(0, 10))) return formatDate(value.slice(0, 10));
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return dateTimeInVietnam(new Date(value));
    if (DECIMAL.test(value)) return formatVietnameseNumber(Number(value));
    return shorten(value);
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => auditValue(item, key, names)).filter((item) => item !== "—");
    return items.length ? shorten(items.join("; ")) : "—";
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    // A target or an actual of a year: "2030: 95%".
    if (typeof record.year === "number" && typeof record.text === "string") return `${record.year}: ${record.text}`;
    const fields = auditFields(record, names).map(([label, text]) => (label ? `${label}: ${text}` : text));
    return fields.length ? shorten(fields.join(", ")) : "—";
  }
  return shorten(String(value));
}

/** [label, value] pairs of a recorded object; a value that is not an object is one unnamed pair. */
export function auditFields(recorded: unknown, names: AuditNames = {}): [string, string][] {
  if (recorded === null || recorded === undefined) return [];
  if (typeof recorded !== "object" || Array.isArray(recorded)) return [["", auditValue(recorded, undefined, names)]];
  return Object.entries(recorded as Record<string, unknown>).flatMap(([key, value]): [string, string][] => {
    if (HIDDEN.has(key)) return [];
    const label = FIELD_LABELS[key];
    // Ids other than the ones named above are left out: they mean nothing to a reader.
    if (!label && /Id$/.test(key)) return [];
    if (key.endsWith("Id") && typeof value === "string" && !names.organizations?.has(value) && !names.users?.has(value))
      return [];
    return [[label ?? key, auditValue(value, key, names)]];
  });
}
