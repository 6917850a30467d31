import { FIRST_RESULTS_YEAR } from "@/domain/reporting-calendar";
import { currentReportYear } from "@/domain/vietnam-time";

// What the export route handlers read from a request, and how they say "not found".

/** `?year=` (the current year when absent) and `?submission=`; null when either is malformed. */
export function exportParams(request: Request): { year: number; submission: number | undefined } | null {
  const url = new URL(request.url);
  const yearText = url.searchParams.get("year");
  const year = yearText === null ? currentReportYear() : /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!Number.isInteger(year) || year < FIRST_RESULTS_YEAR || year > currentReportYear()) return null;
  const submissionText = url.searchParams.get("submission");
  if (submissionText !== null && !/^\d{1,4}$/.test(submissionText)) return null;
  return { year, submission: submissionText === null ? undefined : Number(submissionText) };
}

export function notFoundResponse(): Response {
  return new Response("Không tìm thấy (hoặc bạn không có quyền xem).", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
