import { z } from "zod";
import {
  actualsSchema,
  actualsUpsertBody,
  apiErrorSchema,
  planDetailSchema,
  planIdParams,
  planListQuery,
  planListSchema,
  provinceParams,
  reportsSchema,
  upsertResultSchema,
  yearQuery,
} from "./schemas";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers validate with
// (z.toJSONSchema writes JSON Schema 2020-12, the dialect of OpenAPI 3.1). Every operation is listed
// here once; the contract test checks that every route handler under src/app/api/v1 has its entry.

type Operation = {
  method: "get" | "post";
  summary: string;
  path?: z.ZodObject;
  query?: z.ZodObject;
  /** JSON body (and, where `csv` is set, the same rows as text/csv). */
  body?: { schema: z.ZodType; csv?: boolean };
  ok: { schema?: z.ZodType; csv?: boolean; status?: number };
  /** Needs a token with the write scope. */
  write?: boolean;
};

export const COMPONENTS = {
  Error: apiErrorSchema,
  PlanList: planListSchema,
  PlanDetail: planDetailSchema,
  Actuals: actualsSchema,
  Reports: reportsSchema,
  ActualsUpsert: actualsUpsertBody,
  UpsertResult: upsertResultSchema,
} as const;

export const API_OPERATIONS: Record<string, Operation[]> = {
  "/api/v1/plans": [
    {
      method: "get",
      summary: "Danh sách kế hoạch được xem (phân trang, lọc như trang danh sách)",
      query: planListQuery,
      ok: { schema: planListSchema },
    },
  ],
  "/api/v1/plans/{id}": [
    {
      method: "get",
      summary: "Một kế hoạch với nhiệm vụ, chỉ tiêu và mục tiêu",
      path: planIdParams,
      ok: { schema: planDetailSchema },
    },
  ],
  "/api/v1/plans/{id}/actuals": [
    {
      method: "get",
      summary: "Kết quả thực hiện chỉ tiêu của một năm",
      path: planIdParams,
      query: yearQuery,
      ok: { schema: actualsSchema },
    },
    {
      method: "post",
      summary: "Ghi hàng loạt kết quả một năm (JSON hoặc CSV), tất cả hoặc không dòng nào",
      path: planIdParams,
      query: yearQuery,
      body: { schema: actualsUpsertBody, csv: true },
      ok: { schema: upsertResultSchema },
      write: true,
    },
  ],
  "/api/v1/plans/{id}/actuals.csv": [
    {
      method: "get",
      summary: "Chỉ tiêu và kết quả một năm của kế hoạch (CSV, UTF-8 có BOM)",
      path: planIdParams,
      query: yearQuery,
      ok: { csv: true },
    },
  ],
  "/api/v1/plans/{id}/reports": [
    {
      method: "get",
      summary: "Tình trạng báo cáo hằng năm của kế hoạch",
      path: planIdParams,
      ok: { schema: reportsSchema },
    },
  ],
  "/api/v1/provinces/{code}/actuals.csv": [
    {
      method: "get",
      summary: "Chỉ tiêu và kết quả một năm của mọi kế hoạch trong tỉnh được xem (CSV)",
      path: provinceParams,
      query: yearQuery,
      ok: { csv: true },
    },
  ],
  "/api/v1/openapi.json": [{ method: "get", summary: "Tài liệu OpenAPI 3.1 này", ok: {} }],
};

/** Request bodies are described as they are sent (defaults optional), answers as they come. */
export const componentIo = (name: string) => (name === "ActualsUpsert" ? "input" : "output");

/** A zod schema as JSON Schema 2020-12, without its own $schema (the document states the dialect). */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output" = "output"): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return json;
}

function parameters(schema: z.ZodObject | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const ref = (schema: z.ZodType) => {
  const name = Object.entries(COMPONENTS).find(([, s]) => s === schema)?.[0];
  return name ? { $ref: `#/components/schemas/${name}` } : jsonSchemaOf(schema);
};
const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

export function openApiDocument(serverUrl = "/") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, operations] of Object.entries(API_OPERATIONS)) {
    paths[path] = {};
    for (const op of operations) {
      const responses: Record<string, unknown> = {
        [String(op.ok.status ?? 200)]: {
          description: "Thành công",
          content: op.ok.csv
            ? { "text/csv": { schema: { type: "string" } } }
            : { "application/json": { schema: op.ok.schema ? ref(op.ok.schema) : { type: "object" } } },
        },
      };
      if (op.method === "get" && !op.ok.csv && path !== "/api/v1/openapi.json")
        responses["304"] = { description: "Không đổi (If-None-Match khớp ETag)" };
      if (path !== "/api/v1/openapi.json") {
        responses["400"] = errorResponse("Tham số không hợp lệ");
        responses["401"] = errorResponse("Thiếu, sai, đã thu hồi hoặc hết hạn mã truy cập");
        responses["404"] = errorResponse("Không tìm thấy hoặc không được xem");
        responses["429"] = errorResponse("Quá số lần gọi cho phép");
      }
      if (op.write) {
        responses["403"] = errorResponse("Mã truy cập không có quyền ghi kết quả");
        responses["409"] = errorResponse("Dữ liệu vừa được người khác cập nhật");
        responses["422"] = errorResponse("Có dòng lỗi: danh sách dòng, cột và thông báo; không dòng nào được lưu");
      }
      paths[path][op.method] = {
        summary: op.summary,
        parameters: [...parameters(op.path, "path"), ...parameters(op.query, "query")],
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: {
                  "application/json": { schema: ref(op.body.schema) },
                  ...(op.body.csv ? { "text/csv": { schema: { type: "string" } } } : {}),
                },
              },
            }
          : {}),
        responses,
        ...(path === "/api/v1/openapi.json" ? { security: [] } : {}),
      };
    }
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Kế hoạch thực hiện — API v1",
      version: "1.0.0",
      description:
        "Đọc kế hoạch, chỉ tiêu, mục tiêu, kết quả và tình trạng báo cáo; ghi hàng loạt kết quả một năm. Dùng mã truy cập do quản trị viên đơn vị tạo (Authorization: Bearer khtt_…). Lỗi trả về JSON có mã (code) và thông báo tiếng Việt.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Mã truy cập khtt_…" } },
      schemas: Object.fromEntries(
        Object.entries(COMPONENTS).map(([name, schema]) => [name, jsonSchemaOf(schema, componentIo(name))]),
      ),
    },
  };
}
