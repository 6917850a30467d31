import { z } from "zod";
import {
  AdminLevel,
  DocumentKind,
  IndicatorDirection,
  IndicatorStatus,
  PlanStatus,
  ReportStatus,
  TargetKind,
  Track,
} from "@/generated/prisma/enums";

// The zod schemas of /api/v1 (ADR 0035): the route handlers parse requests with them, the OpenAPI
// document is generated from them (openapi.ts, z.toJSONSchema), and the contract tests validate the
// answers with them. One source for all three, so the document cannot drift from the code.

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: "Ngày, YYYY-MM-DD" });
const uuid = z.uuid("Mã không hợp lệ");

// ---------------------------------------------------------------- requests

export const planIdParams = z.object({ id: uuid.meta({ description: "Mã kế hoạch" }) });
export const provinceParams = z.object({
  code: z
    .string()
    .regex(/^\d{2}$/, "Mã tỉnh gồm 2 chữ số")
    .meta({ description: "Mã tỉnh (từ 1/7/2025)" }),
});

export const planListQuery = z.object({
  page: z.coerce.number().int("Trang phải là số nguyên").min(1, "Trang bắt đầu từ 1").default(1),
  pageSize: z.coerce
    .number()
    .int("Cỡ trang phải là số nguyên")
    .min(1, "Cỡ trang tối thiểu 1")
    .max(100, "Cỡ trang tối đa 100")
    .default(25),
  q: z.string().max(200, "Từ khóa quá dài").optional().meta({ description: "Tìm theo số, tên, cơ quan ban hành" }),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, "Mã tỉnh gồm 2 chữ số")
    .optional(),
  level: z.enum(AdminLevel, { message: "Cấp không hợp lệ" }).optional(),
  track: z.enum([Track.PARTY, Track.STATE], { message: "Khối không hợp lệ" }).optional(),
  status: z.enum(PlanStatus, { message: "Trạng thái không hợp lệ" }).optional(),
  resolutionId: uuid.optional(),
});

export const yearQuery = z.object({
  year: z.coerce
    .number({ message: "Hãy cho biết năm (?year=)" })
    .int("Năm không hợp lệ")
    .min(2000, "Năm không hợp lệ")
    .max(2100, "Năm không hợp lệ"),
});

/** A row to write: the indicator by its id or by its code in the plan, and the grid's fields. */
export const actualUpsertRow = z
  .object({
    indicatorId: uuid.optional(),
    code: z.string().trim().min(1).max(50).optional(),
    text: z.string().max(500, "Quá dài").meta({ description: "Kết quả như viết (dấu phẩy thập phân); rỗng để xóa" }),
    qualitativeStatus: z.enum(IndicatorStatus, { message: "Đánh giá không hợp lệ" }).nullable().optional(),
    note: z.string().max(2000, "Ghi chú quá dài").optional(),
    source: z.string().max(500, "Nguồn số liệu quá dài").optional(),
    version: z
      .number()
      .int()
      .positive()
      .nullable()
      .optional()
      .meta({ description: "Phiên bản đã đọc (GET …/actuals); bỏ trống khi tạo mới" }),
  })
  .refine((row) => row.indicatorId !== undefined || row.code !== undefined, {
    message: "Cần mã chỉ tiêu (indicatorId hoặc code)",
    path: ["code"],
  });

export const actualsUpsertBody = z.object({
  rows: z.array(actualUpsertRow).min(1, "Không có dòng nào").max(2000, "Tối đa 2.000 dòng mỗi lần"),
});

// ---------------------------------------------------------------- answers

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    rows: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })).optional(),
  }),
});

const links = z.object({ self: z.string(), next: z.string().nullable(), prev: z.string().nullable() });

export const planSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  kind: z.enum(DocumentKind),
  track: z.enum(Track),
  status: z.enum(PlanStatus),
  issuedOn: day.nullable(),
  provinceCode: z.string().nullable(),
  published: z.boolean(),
  isIllustrative: z.boolean(),
  parentId: z.string().nullable(),
  issuer: z.object({ id: z.string(), name: z.string() }),
});

export const planListSchema = z.object({
  data: z.array(planSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  links,
});

export const planDetailSchema = planSummarySchema.extend({
  tasks: z.array(
    z.object({
      id: z.string(),
      parentId: z.string().nullable(),
      numbering: z.string(),
      title: z.string().nullable(),
      body: z.string(),
      timeframe: z.string().nullable(),
    }),
  ),
  indicators: z.array(
    z.object({
      id: z.string(),
      parentId: z.string().nullable(),
      isGroup: z.boolean(),
      code: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      direction: z.enum(IndicatorDirection),
      targets: z.array(z.object({ year: z.number().int(), kind: z.enum(TargetKind), text: z.string() })),
    }),
  ),
});

export const actualSchema = z.object({
  indicatorId: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  target2025: z.string(),
  target2030: z.string(),
  text: z.string().nullable().meta({ description: "Kết quả như đã nhập; null: chưa nhập" }),
  value: z.number().nullable(),
  status: z.enum(IndicatorStatus).nullable(),
  qualitativeStatus: z.enum(IndicatorStatus).nullable(),
  note: z.string(),
  source: z.string(),
  version: z.number().int().nullable().meta({ description: "Gửi lại khi ghi (kiểm tra sửa đồng thời)" }),
  isIllustrative: z.boolean(),
});

export const actualsSchema = z.object({ planId: z.string(), year: z.number().int(), data: z.array(actualSchema) });

export const reportsSchema = z.object({
  planId: z.string(),
  data: z.array(
    z.object({
      year: z.number().int(),
      status: z.enum(ReportStatus),
      dueOn: day,
      extendedDueOn: day.nullable(),
      updatedAt: z.string(),
    }),
  ),
});

export const upsertResultSchema = z.object({
  planId: z.string(),
  year: z.number().int(),
  changed: z.number().int(),
  data: z.array(actualSchema),
});

/** Fields of a zod error as { field: message }, for a 400 answer. */
export function queryErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join(".") || "_"] ??= issue.message;
  return errors;
}
