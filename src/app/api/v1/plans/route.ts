import { linkHeader, pageLinks, parseParams, queryOf } from "@/features/api/http";
import { apiPlanPage } from "@/features/api/queries";
import { planListQuery } from "@/features/api/schemas";
import { apiRoute, jsonWithEtag } from "@/server/api/route";
import { withScope } from "@/server/db/scoped";

// The plans the caller may read, a page at a time, with the plan list's filters (ADR 0035).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return apiRoute("/api/v1/plans", request, async ({ scope }) => {
    const query = parseParams(planListQuery, queryOf(request));
    if (!query.ok) return query.response;
    const page = await withScope(scope, (db) => apiPlanPage(db, scope, query.data));
    const links = pageLinks(request, page.page, page.pageSize, page.total);
    return jsonWithEtag(request, { ...page, links }, linkHeader(links));
  });
}
