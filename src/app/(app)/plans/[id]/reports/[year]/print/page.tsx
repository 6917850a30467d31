import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Bản in báo cáo" };

// A4 portrait with the margins of NĐ 30/2020 (top 20, bottom 20, left 30, right 15 mm), Times New
// Roman 13 pt, for those who print from the browser. The application's header is not printed.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
.a4-sheet { width: 210mm; min-height: 297mm; padding: 20mm 15mm 20mm 30mm; box-sizing: border-box; margin: 0 auto; background: white; }
.a4-sheet table { page-break-inside: auto; }
.a4-sheet tr { page-break-inside: avoid; }
.a4-sheet .report-appendix { page-break-before: always; }
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

  return (
    <div className="space-y-4">
      <style>{PRINT_CSS}</style>
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
        <ReportDocument snapshot={snapshot} />
      </div>
    </div>
  );
}
