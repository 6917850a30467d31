import { renderLocalityComparisonWorkbook } from "@/features/export/indicators-xlsx";
import { fileResponse } from "@/features/reporting/content-disposition";
import { exportParams, notFoundResponse } from "@/features/reporting/export-request";
import { buildLocalityComparison } from "@/features/reporting/locality-comparison";
import { isUuid } from "@/server/params";
import { withScope } from "@/server/db/scoped";
import { routeScope } from "@/server/routes";

// One workbook comparing a province's localities (a row per locality, a column group per
// indicator), for users of that province; only the localities the user may read are in it.
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ code: string }> }) {
  const scope = await routeScope("/api/provinces/[code]/export/localities.xlsx");
  const { code } = await context.params;
  const params = exportParams(request);
  const planId = new URL(request.url).searchParams.get("plan");
  if (!scope || !params || !/^\d{2}$/.test(code) || (planId !== null && !isUuid(planId))) return notFoundResponse();
  if (!scope.allProvinces && scope.provinceCode !== code) return notFoundResponse();
  const comparison = await withScope(
    scope,
    (db) => buildLocalityComparison(db, scope, code, params.year, planId ?? undefined),
    { timeout: 60_000 },
  );
  if (!comparison) return notFoundResponse();
  const body = await renderLocalityComparisonWorkbook(comparison);
  return fileResponse(body, `So sánh các địa phương năm ${params.year} - ${comparison.provinceName}.xlsx`, "xlsx");
}
