"use server";

import type { ReactNode } from "react";
import { z } from "zod";
import { FIRST_RESULTS_YEAR } from "@/domain/reporting-calendar";
import { withScope } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";
import { routeScope } from "@/server/routes";
import { missingFigures } from "./narrative-sections";
import { reportSnapshotFor } from "./queries";
import { ReportDocument } from "./report-document";

// The report as a document (the draft's preview, or a submission as sent), rendered when the official
// asks for it (report-preview.tsx) rather than with every view of the report page, every save of its
// narrative and every submission: the whole document is the page's largest part, and those requests
// are the most frequent of the 15/12 peak (docs/performance.md). A read: the route's permission and the scope's row-level security, as for
// the page itself.

const input = z.object({
  planId: z.string().uuid(),
  year: z.number().int().min(FIRST_RESULTS_YEAR).max(9999),
  /** A submission as it was sent; the report as it stands when absent. */
  submission: z.number().int().min(1).max(9999).optional(),
});

export type PreviewAnswer = { status: "ok"; document: ReactNode } | { status: "error"; message: string };

export async function reportPreviewAction(raw: {
  planId: string;
  year: number;
  submission?: number;
}): Promise<PreviewAnswer> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { status: "error", message: "Yêu cầu không hợp lệ; hãy tải lại trang." };
  const scope = await routeScope("/plans/[id]/reports/[year]");
  if (!scope)
    return { status: "error", message: "Phiên đăng nhập đã hết hạn hoặc bạn không có quyền xem báo cáo này." };
  const { planId, year, submission } = parsed.data;
  try {
    const shown = await withScope(scope, (db) => reportSnapshotFor(db, scope, planId, year, submission));
    return { status: "ok", document: <ReportDocument snapshot={shown.snapshot} isDraft={!shown.submission} /> };
  } catch (error) {
    if (error instanceof NotFoundError) return { status: "error", message: "Không tìm thấy báo cáo này." };
    throw error;
  }
}

export type MissingAnswer = { status: "ok"; missing: string[] } | { status: "error"; message: string };

/**
 * What the draft still lacks in figures (indicators without this year's figure, tasks without a
 * progress status), read when the official is about to send it (submit-form.tsx): the report page
 * itself no longer reads the plan's whole content.
 */
export async function reportFiguresMissingAction(raw: { planId: string; year: number }): Promise<MissingAnswer> {
  const parsed = input.omit({ submission: true }).safeParse(raw);
  if (!parsed.success) return { status: "error", message: "Yêu cầu không hợp lệ; hãy tải lại trang." };
  const scope = await routeScope("/plans/[id]/reports/[year]");
  if (!scope)
    return { status: "error", message: "Phiên đăng nhập đã hết hạn hoặc bạn không có quyền xem báo cáo này." };
  const { planId, year } = parsed.data;
  try {
    const shown = await withScope(scope, (db) => reportSnapshotFor(db, scope, planId, year));
    return { status: "ok", missing: shown.submission ? [] : missingFigures(shown.snapshot) };
  } catch (error) {
    if (error instanceof NotFoundError) return { status: "error", message: "Không tìm thấy báo cáo này." };
    throw error;
  }
}
