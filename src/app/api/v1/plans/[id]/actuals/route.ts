import { upsertActualsRequest } from "@/features/api/upsert-request";
import { parseParams, queryOf } from "@/features/api/http";
import { apiPlanActuals } from "@/features/api/queries";
import { planIdParams, yearQuery } from "@/features/api/schemas";
import { apiRoute, jsonWithEtag } from "@/server/api/route";
import { withScope } from "@/server/db/scoped";

// A year's actuals of one plan: read them (JSON, with versions), or write many at once (JSON or
// CSV, a token with the write scope only; all or nothing, a report of every row that fails).
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, context: Context) {
  return apiRoute("/api/v1/plans/[id]/actuals", request, async ({ scope }) => {
    const params = parseParams(planIdParams, await context.params);
    if (!params.ok) return params.response;
    const query = parseParams(yearQuery, queryOf(request));
    if (!query.ok) return query.response;
    const { data } = await withScope(scope, (db) => apiPlanActuals(db, scope, params.data.id, query.data.year));
    return jsonWithEtag(request, { planId: params.data.id, year: query.data.year, data });
  });
}

export async function POST(request: Request, context: Context) {
  return apiRoute(
    "/api/v1/plans/[id]/actuals",
    request,
    async (caller) => upsertActualsRequest(request, caller, (await context.params).id),
    { tokenOnly: true },
  );
}
