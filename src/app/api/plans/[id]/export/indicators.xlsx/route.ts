import { renderIndicatorWorkbook } from "@/features/export/indicators-xlsx";
import { fileResponse } from "@/features/reporting/content-disposition";
import { exportParams, notFoundResponse } from "@/features/reporting/export-request";
import { reportSnapshotFor } from "@/features/reporting/queries";
import { isUuid } from "@/server/params";
import { withScope } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";
import { routeScope } from "@/server/routes";

// The indicator appendix of one plan's yearly report as Excel, from the same snapshot as the report.
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const scope = await routeScope("/api/plans/[id]/export/indicators.xlsx");
  const { id } = await context.params;
  const params = exportParams(request);
  if (!scope || !isUuid(id) || !params) return notFoundResponse();
  try {
    const { snapshot, submission } = await withScope(scope, (db) =>
      reportSnapshotFor(db, scope, id, params.year, params.submission),
    );
    const body = await renderIndicatorWorkbook(snapshot);
    return fileResponse(
      body,
      `Phụ lục chỉ tiêu năm ${params.year} - ${snapshot.plan.number}${submission ? ` - lần gửi ${submission.number}` : ""}.xlsx`,
      "xlsx",
    );
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundResponse();
    throw error;
  }
}
