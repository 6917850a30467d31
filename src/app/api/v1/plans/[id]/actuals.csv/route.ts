import { planActualsCsv } from "@/features/api/actuals-csv";
import { csvResponse, parseParams, queryOf } from "@/features/api/http";
import { apiPlanActuals } from "@/features/api/queries";
import { planIdParams, yearQuery } from "@/features/api/schemas";
import { apiRoute } from "@/server/api/route";
import { withScope } from "@/server/db/scoped";

// A year's indicators and actuals of one plan as CSV (UTF-8 with BOM), for other systems and for the
// results page's link (the signed-in session is accepted too); edited, it goes back through POST …/actuals.
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return apiRoute("/api/v1/plans/[id]/actuals.csv", request, async ({ scope }) => {
    const params = parseParams(planIdParams, await context.params);
    if (!params.ok) return params.response;
    const query = parseParams(yearQuery, queryOf(request));
    if (!query.ok) return query.response;
    const { plan, data } = await withScope(scope, (db) => apiPlanActuals(db, scope, params.data.id, query.data.year));
    return csvResponse(planActualsCsv(data, query.data.year), `Kết quả ${query.data.year} - ${plan.number}.csv`);
  });
}
