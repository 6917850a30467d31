import { provinceActualsCsv } from "@/features/api/actuals-csv";
import { csvResponse, parseParams, queryOf } from "@/features/api/http";
import { apiProvinceActuals } from "@/features/api/queries";
import { provinceParams, yearQuery } from "@/features/api/schemas";
import { apiRoute } from "@/server/api/route";
import { withScope } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";

// A year's indicators and actuals of every plan of a province that the caller may read, as CSV.
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ code: string }> }) {
  return apiRoute("/api/v1/provinces/[code]/actuals.csv", request, async ({ scope }) => {
    const params = parseParams(provinceParams, await context.params);
    if (!params.ok) return params.response;
    const query = parseParams(yearQuery, queryOf(request));
    if (!query.ok) return query.response;
    // Another province's plans are partly public (published ones), but its CSV is its own users' export.
    if (!scope.allProvinces && scope.provinceCode !== params.data.code) throw new NotFoundError("Không tìm thấy tỉnh");
    const plans = await withScope(scope, (db) => apiProvinceActuals(db, scope, params.data.code, query.data.year), {
      timeout: 60_000,
    });
    return csvResponse(
      provinceActualsCsv(plans, query.data.year),
      `Kết quả ${query.data.year} - tỉnh ${params.data.code}.csv`,
    );
  });
}
