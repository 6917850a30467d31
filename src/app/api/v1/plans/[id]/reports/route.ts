import { parseParams } from "@/features/api/http";
import { apiPlanReports } from "@/features/api/queries";
import { planIdParams } from "@/features/api/schemas";
import { apiRoute, jsonWithEtag } from "@/server/api/route";
import { withScope } from "@/server/db/scoped";

// The yearly reports of one plan and where each stands.
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return apiRoute("/api/v1/plans/[id]/reports", request, async ({ scope }) => {
    const params = parseParams(planIdParams, await context.params);
    if (!params.ok) return params.response;
    return jsonWithEtag(request, await withScope(scope, (db) => apiPlanReports(db, scope, params.data.id)));
  });
}
