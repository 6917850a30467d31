import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentReportYear } from "@/domain/vietnam-time";
import { PrintButton } from "@/features/reporting/print-button";
import { reportSnapshotFor } from "@/features/reporting/queries";
import { ReportDocument } from "@/features/reporting/report-document";
import { FIRST_RESULTS_YEAR } from "@/domain/reporting-calendar";
import { isUuid } from "@/server/params";
import { withScope } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";
import { requirePage } from "@/server/routes";
import { NONCE_HEADER } from "@/server/http/security-headers";

export const metadata: Metadata = { title: "Bản in báo cáo" };

// A4 portrait with the margins of NĐ 30/2020 (top 20, bottom 20, left 30, right 15 mm), Times New
// Roman, for those who print from the browser. The application's header is not printed. Pages are
// numbered top centre from the second (NĐ 30); the appendix starts a landscape page and is numbered
// on its own (a page counter of its own, since Chromium resets "page" on every page of a named
// page type; the counter style leaves its first page blank); the closing paragraph, "Nơi nhận" and
// the signature are never parted (.report-closing).
const PRINT_CSS = `
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; vertical-align: bottom; padding-bottom: 4mm; } }
@page :first { @top-center { content: none; } }
@counter-style report-blank { system: cyclic; symbols: " "; }
@counter-style report-from-two { system: extends decimal; range: 2 infinite; fallback: report-blank; }
@page appendix { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; counter-increment: appendix-page;
  @top-center { content: counter(appendix-page, report-from-two); } }
.a4-sheet { width: 210mm; min-height: 297mm; padding: 20mm 15mm 20mm 30mm; box-sizing: border-box; margin: 0 auto; background: white; }
.a4-sheet table { page-break-inside: auto; }
.a4-sheet tr { page-break-inside: avoid; break-inside: avoid; }
.a4-sheet thead { display: table-header-group; }
.a4-sheet .report-closing { page-break-inside: avoid; break-inside: avoid; }
.a4-sheet .report-appendix { page-break-before: always; break-before: page; page: appendix; }
@media print {
  html, body { background: white !important; }
  body .min-h-screen > header, .print-controls { display: none !important; }
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .a4-sheet { width: auto; min-height: 0; padding: 0; margin: 0; box-shadow: none !important; border: 0 !important; }
}
`;

export default async function ReportPrintPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; year: string }>;
  searchParams: Promise<{ submission?: string }>;
}) {
  const { id, year: yearText } = await params;
  const year = Number(yearText);
  if (!isUuid(id) || !/^\d{4}$/.test(yearText) || year < FIRST_RESULTS_YEAR || year > currentReportYear()) notFound();
  const scope = await requirePage("/plans/[id]/reports/[year]/print");
  const askedText = (await searchParams).submission;
  const asked = askedText && /^\d{1,4}$/.test(askedText) ? Number(askedText) : undefined;
  const { snapshot, submission } = await withScope(scope, (db) => reportSnapshotFor(db, scope, id, year, asked)).catch(
    (error) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    },
  );

  // An inline style element is applied only with the request's CSP nonce (style-src-elem).
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;

  return (
    <div className="space-y-4">
      <style nonce={nonce}>{PRINT_CSS}</style>
      <div className="print-controls flex flex-wrap items-center gap-3 text-sm">
        <Link href={`/plans/${id}/reports/${year}`} className="text-brand-700 hover:underline">
          ← Về trang báo cáo
        </Link>
        <PrintButton />
        <span className="text-stone-600">
          {submission ? `Bản đã gửi lần ${submission.number}.` : "Bản nháp theo số liệu hiện tại."} Khổ A4, lề trên 20
          mm, dưới 20 mm, trái 30 mm, phải 15 mm; phông Times New Roman.
        </span>
      </div>
      <div className="a4-sheet border border-stone-200 shadow-sm">
        <ReportDocument snapshot={snapshot} isDraft={!submission} />
      </div>
    </div>
  );
}
