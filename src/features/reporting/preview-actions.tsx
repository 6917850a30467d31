"use server";

import type { ReactNode } from "react";
import { z } from "zod";
import { FIRST_RESULTS_YEAR } from "@/domain/reporting-calendar";
import { withScope } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";
import { routeScope } from "@/server/routes";
import { reportSnapshotFor } from "./queries";
import { ReportDocument } from "./report-document";

// The draft's preview, rendered when the official asks for it (report-preview.tsx) rather than with
// every view of the report page and every save of its narrative: the whole document is the page's
// largest part, and those two requests are the most frequent of the 15/12 peak
// (docs/performance.md). A read: the route's permission and the scope's row-level security, as for
// the page itself.

const input = z.object({
  planId: z.string().uuid(),
  year: z.number().int().min(FIRST_RESULTS_YEAR).max(9999),
});

export type PreviewAnswer = { status: "ok"; document: ReactNode } | { status: "error"; message: string };

export async function reportPreviewAction(raw: { planId: string; year: number }): Promise<PreviewAnswer> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { status: "error", message: "Yêu cầu không hợp lệ; hãy tải lại trang." };
  const scope = await routeScope("/plans/[id]/reports/[year]");
  if (!scope)
    return { status: "error", message: "Phiên đăng nhập đã hết hạn hoặc bạn không có quyền xem báo cáo này." };
  const { planId, year } = parsed.data;
  try {
    const shown = await withScope(scope, (db) => reportSnapshotFor(db, scope, planId, year));
    return { status: "ok", document: <ReportDocument snapshot={shown.snapshot} isDraft={!shown.submission} /> };
  } catch (error) {
    if (error instanceof NotFoundError) return { status: "error", message: "Không tìm thấy báo cáo này." };
    throw error;
  }
}
