import { renderReportDocx } from "@/features/export/report-docx";
import { fileResponse } from "@/features/reporting/content-disposition";
import { exportParams, notFoundResponse } from "@/features/reporting/export-request";
import { reportSnapshotFor } from "@/features/reporting/queries";
import { isUuid } from "@/server/params";
import { withScope } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";
import { routeScope } from "@/server/routes";

// The yearly report as Word: a draft from the plan's live data, a submitted report from its snapshot.
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const scope = await routeScope("/api/plans/[id]/export/report.docx");
  const { id } = await context.params;
  const params = exportParams(request);
  if (!scope || !isUuid(id) || !params) return notFoundResponse();
  try {
    const { snapshot, submission } = await withScope(scope, (db) =>
      reportSnapshotFor(db, scope, id, params.year, params.submission),
    );
    const body = await renderReportDocx(snapshot);
    return fileResponse(
      body,
      `Báo cáo năm ${params.year} - ${snapshot.plan.number}${submission ? ` - lần gửi ${submission.number}` : " - dự thảo"}.docx`,
      "docx",
    );
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundResponse();
    throw error;
  }
}
