import { renderReportDocx } from "@/features/export/report-docx";
import { fileResponse } from "@/features/reporting/content-disposition";
import { exportParams, notFoundResponse } from "@/features/reporting/export-request";
import { reportSnapshotFor } from "@/features/reporting/queries";
import { isUuid } from "@/server/params";
import { withScope } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";
import { takeRateLimit, tooManyRequests } from "@/server/rate-limit";
import { routeScope } from "@/server/routes";

// The yearly report as Word: a draft from the plan's live data, a submitted report from its snapshot.
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const scope = await routeScope("/api/plans/[id]/export/report.docx");
  const { id } = await context.params;
  const params = exportParams(request);
  if (!scope || !isUuid(id) || !params) return notFoundResponse();
  const verdict = await takeRateLimit("export", scope.userId);
  if (!verdict.allowed) return tooManyRequests(verdict);
  try {
    const { snapshot, submission } = await withScope(scope, (db) =>
      reportSnapshotFor(db, scope, id, params.year, params.submission),
    );
    // A report not yet sent is a draft, and says so inside the document, not only in the file name.
    const body = await renderReportDocx(snapshot, { isDraft: !submission });
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
