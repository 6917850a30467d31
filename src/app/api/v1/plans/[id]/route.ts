import { parseParams } from "@/features/api/http";
import { apiPlanDetail } from "@/features/api/queries";
import { planIdParams } from "@/features/api/schemas";
import { apiRoute, jsonWithEtag } from "@/server/api/route";
import { withScope } from "@/server/db/scoped";

// One plan with its tasks, indicators and targets.
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return apiRoute("/api/v1/plans/[id]", request, async ({ scope }) => {
    const params = parseParams(planIdParams, await context.params);
    if (!params.ok) return params.response;
    const plan = await withScope(scope, (db) => apiPlanDetail(db, scope, params.data.id));
    return jsonWithEtag(request, plan);
  });
}
