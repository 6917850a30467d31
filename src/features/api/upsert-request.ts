import "server-only";
import { DATABASE_UNAVAILABLE_ERROR } from "@/server/actions";
import { apiError, type ApiCaller } from "@/server/api/route";
import { withScope } from "@/server/db/scoped";
import { rowsFromCsv } from "./actuals-csv";
import { upsertActuals } from "./bulk-actuals";
import { parseParams, queryOf } from "./http";
import { apiPlanActuals } from "./queries";
import { actualsUpsertBody, planIdParams, yearQuery } from "./schemas";

// POST /api/v1/plans/{id}/actuals?year=: the body (JSON or CSV) read into rows, the bulk upsert run
// as the token's scope, and its outcome as HTTP: 200 with the year's actuals as they now are, 422
// with every failing row (its number, the field, the Vietnamese message), 409 when a row changed
// meanwhile in a way only the database noticed, 403/404 as for any write.

const MAX_BODY = 2 * 1024 * 1024;

type RowError = { row: number; field: string; message: string };

export async function upsertActualsRequest(request: Request, caller: ApiCaller, rawId: string): Promise<Response> {
  if (!caller.token?.canWriteResults)
    return apiError(403, "insufficient_scope", "Mã truy cập này chỉ được đọc; cần mã có quyền ghi kết quả.");
  const params = parseParams(planIdParams, { id: rawId });
  if (!params.ok) return params.response;
  const query = parseParams(yearQuery, queryOf(request));
  if (!query.ok) return query.response;
  const text = await request.text();
  if (text.length > MAX_BODY) return apiError(413, "too_large", "Dữ liệu gửi lên quá lớn (tối đa 2 MB mỗi lần).");

  // Row numbers the client knows: the position in the JSON array, or the row of the CSV table (header = 1).
  let rows: unknown;
  let rowNumber = (index: number) => index + 1;
  const type = request.headers.get("content-type") ?? "";
  if (/^text\/csv/i.test(type)) {
    const read = rowsFromCsv(text);
    if (!read.ok)
      return apiError(
        422,
        "invalid_csv",
        read.message,
        read.line ? { rows: [{ row: read.line, field: "", message: read.message }] } : {},
      );
    rows = read.rows;
    rowNumber = (index) => read.lines[index] ?? index + 2;
  } else if (/^application\/json/i.test(type)) {
    try {
      rows = (JSON.parse(text) as { rows?: unknown }).rows;
    } catch {
      return apiError(400, "invalid_json", "Nội dung không phải JSON hợp lệ.");
    }
  } else return apiError(415, "unsupported_type", "Gửi application/json hoặc text/csv.");

  const body = actualsUpsertBody.safeParse({ rows });
  const errors: RowError[] = [];
  if (!body.success) {
    for (const issue of body.error.issues) {
      const [, index, ...field] = issue.path;
      if (typeof index === "number")
        errors.push({ row: rowNumber(index), field: field.join("."), message: issue.message });
      else errors.push({ row: 0, field: "rows", message: issue.message });
    }
    return apiError(422, "invalid_rows", `${errors.length} lỗi; chưa lưu dòng nào.`, { rows: errors });
  }

  const result = await upsertActuals.execute(caller.scope, {
    planId: params.data.id,
    year: query.data.year,
    rows: body.data.rows,
  });
  if (result.status === "ok") {
    const { data } = await withScope(caller.scope, (db) =>
      apiPlanActuals(db, caller.scope, params.data.id, query.data.year),
    );
    return Response.json(
      { planId: params.data.id, year: query.data.year, changed: result.data.changed, data },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  if (result.status !== "error") return apiError(500, "internal", "Đã có lỗi phía máy chủ; vui lòng thử lại.");
  for (const [key, message] of Object.entries(result.fieldErrors)) {
    const [, index, field] = /^rows\.(\d+)\.(.+)$/.exec(key) ?? [];
    if (index !== undefined) errors.push({ row: rowNumber(Number(index)), field: field!, message });
    else errors.push({ row: 0, field: key, message });
  }
  if (errors.length > 0) return apiError(422, "invalid_rows", result.message, { rows: errors });
  if (result.message === DATABASE_UNAVAILABLE_ERROR) return apiError(503, "unavailable", result.message);
  if (/^Không tìm thấy/.test(result.message)) return apiError(404, "not_found", result.message);
  if (/vừa được người khác/.test(result.message)) return apiError(409, "conflict", result.message);
  return apiError(403, "forbidden", result.message);
}
