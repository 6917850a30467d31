import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate } from "@/domain/reporting-calendar";
import { effectiveDue } from "@/domain/report-deadline";
import { currentReportYear, dayInVietnam } from "@/domain/vietnam-time";
import { daysLeftText } from "@/features/reporting/calendar";
import { DownloadButton } from "@/features/reporting/download-button";
import { reportNumber, templateFor } from "@/features/export/document-template";
import { NarrativeForm } from "@/features/reporting/narrative-form";
import type { Narrative } from "@/features/reporting/narrative-sections";
import { getReportPage, reportSnapshotFor } from "@/features/reporting/queries";
import { createReport } from "@/features/reporting/report-actions";
import { CompiledSection } from "@/features/reporting/compiled/compiled-section";
import { ReportPreview } from "@/features/reporting/report-preview";
import { ExtensionForm } from "@/features/reporting/extension-form";
import { ReviewForm } from "@/features/reporting/review-form";
import { SubmitForm } from "@/features/reporting/submit-form";
import { FIRST_RESULTS_YEAR } from "@/domain/reporting-calendar";
import { withScope } from "@/server/db/scoped";
import { orNotFound, requirePlanPage } from "@/server/pages";
import { Badge, IllustrativeBadge } from "@/ui/badge";
import { deadlineTone, reportStatusLook } from "@/ui/statuses";

export const metadata: Metadata = { title: "Báo cáo năm" };

/** The narrative fields only: what the client forms need, not the whole report. */
function narrativeOf(report: Narrative): Narrative {
  const { numberSerial, leadership, results, shortcomings, nextYear, proposals } = report;
  return { numberSerial, leadership, results, shortcomings, nextYear, proposals };
}

export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; year: string }>;
  searchParams: Promise<{ submission?: string }>;
}) {
  const { id, year: yearText } = await params;
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < FIRST_RESULTS_YEAR || year > currentReportYear()) notFound();
  const scope = await requirePlanPage("/plans/[id]/reports/[year]", id);
  const askedText = (await searchParams).submission;
  const asked = askedText && /^\d{1,4}$/.test(askedText) ? Number(askedText) : undefined;

  const load = () => orNotFound(withScope(scope, (db) => getReportPage(db, scope, id, year)));
  let page = await load();
  // The owner's first visit opens the year's draft (its period and due day fixed from the parent plan).
  if (!page.report && page.canEdit && !page.notOwed) {
    const created = await createReport.execute(scope, { planId: id, year });
    if (created.status === "ok") page = await load();
  }
  const report = page.report;
  const submissions = report?.submissions ?? [];
  const latest = submissions[submissions.length - 1] ?? null;
  // What the page is about: a submission asked for, the one sent (a report that can no longer
  // change), or the draft (null).
  const sent = report?.status === "SUBMITTED" || report?.status === "ACCEPTED";
  const shownSubmission =
    asked !== undefined ? (submissions.find((s) => s.number === asked) ?? notFound()) : sent ? latest : null;
  // The document itself is built on demand (report-preview.tsx); only the part compiled from the
  // localities' reports is shown on the page, so only a plan with localities reads the snapshot.
  const compiled =
    report && page.plan.hasChildren
      ? (await orNotFound(withScope(scope, (db) => reportSnapshotFor(db, scope, id, year, asked)))).snapshot.compiled
      : null;
  const editable = report !== null && page.lock.editable;
  const query = shownSubmission && asked ? `&submission=${shownSubmission.number}` : "";
  const fileStem = `Bao-cao-${year}-${page.plan.number}`;
  // How the report's number prints, split around its serial (for the hint beside the field).
  const numberPattern = reportNumber(templateFor(page.plan.notation), "\u0000", page.plan.issuerCode).split(
    "\u0000",
  ) as [string, string];

  return (
    <article className="space-y-6">
      <nav aria-label="Đường dẫn" className="text-sm text-stone-600">
        <Link href={`/plans/${page.plan.id}`} className="text-brand-700 hover:underline">
          Kế hoạch {page.plan.number}
        </Link>
        <span aria-hidden> › </span>
        <Link href="/reports" className="text-brand-700 hover:underline">
          Báo cáo
        </Link>
        <span aria-hidden> › </span>
        <span aria-current="page">Năm {year}</span>
      </nav>

      <header className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <p className="text-sm uppercase tracking-wide text-stone-500">{page.plan.issuerName}</p>
        <h1 className="text-2xl font-semibold">Báo cáo kết quả thực hiện năm {year}</h1>
        <p>
          {page.plan.number} — {page.plan.title}
        </p>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {report ? (
            <span data-testid="report-status">
              <Badge tone={reportStatusLook[report.status].tone}>
                {report.status === "SUBMITTED" && page.plan.sentOutside
                  ? "Đã chốt, gửi ngoài hệ thống"
                  : reportStatusLook[report.status].label}
              </Badge>
            </span>
          ) : (
            <Badge>Chưa có báo cáo</Badge>
          )}
          {page.plan.isIllustrative ? <IllustrativeBadge /> : null}
        </div>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Kỳ số liệu</dt>
          <dd>
            từ {formatDate(page.period.start)} đến {formatDate(page.period.end)}
          </dd>
          <dt className="font-semibold">Hạn gửi</dt>
          <dd>
            <span data-testid="report-due">
              {page.dueText}
              {page.dueSetBy ? ` (do ${page.dueSetBy} quy định)` : ""}
            </span>{" "}
            {page.notOwed && !report ? (
              <Badge>không phải báo cáo</Badge>
            ) : (
              <Badge tone={deadlineTone[page.deadline]}>
                {page.deadline === "SUBMITTED" ? "đã gửi" : daysLeftText(page.daysLeft)}
              </Badge>
            )}
          </dd>
          <dt className="font-semibold">Gửi đến</dt>
          <dd>{page.plan.parentIssuerName ?? "cơ quan cấp trên"}</dd>
        </dl>
      </header>

      {page.lock.notice && !(page.notOwed && !report) ? (
        <p
          className={`rounded border p-3 text-sm ${page.lock.editable ? "border-amber-300 bg-amber-50 text-amber-900" : "border-stone-300 bg-stone-50 text-stone-700"}`}
          data-testid="report-lock"
        >
          {page.lock.notice}
        </p>
      ) : null}

      {page.extensions.length ? (
        <section aria-labelledby="extensions" className="space-y-1 text-sm">
          <h2 id="extensions" className="font-semibold">
            Các lần gia hạn
          </h2>
          <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {page.extensions.map((e) => (
              <li key={e.id} className="px-3 py-2" data-testid="extension">
                Từ {formatDate(e.previousDueOn)} đến {formatDate(e.extendedTo)}, ngày {dayInVietnam(e.grantedAt)}
                {e.grantedBy ? ` — ${e.grantedBy}` : ""}: {e.reason}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {page.canReview && !page.notOwed && report?.status !== "SUBMITTED" && report?.status !== "ACCEPTED" ? (
        <ExtensionForm
          planId={page.plan.id}
          year={year}
          version={report?.version ?? 0}
          currentDue={formatDate(effectiveDue(page.dueDates))}
        />
      ) : null}

      {report?.status === "RETURNED" && latest?.reviewComment ? (
        <section aria-label="Ý kiến trả lại" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm">
          <p className="font-semibold text-red-800">
            Báo cáo lần gửi {latest.number} bị trả lại
            {latest.reviewedAt ? ` ngày ${dayInVietnam(latest.reviewedAt)}` : ""}
            {latest.reviewedBy ? ` (${latest.reviewedBy})` : ""}:
          </p>
          <p className="mt-1 whitespace-pre-line" data-testid="return-comment">
            {latest.reviewComment}
          </p>
          <p className="mt-2 text-stone-700">
            Hãy sửa số liệu hoặc nội dung rồi gửi lại; lần gửi trước vẫn được lưu và xem được.
          </p>
        </section>
      ) : null}

      {!report ? (
        <p
          className="rounded border border-dashed border-stone-300 bg-white p-4 text-stone-600"
          data-testid="no-report"
        >
          {page.notOwed ?? `Chưa có báo cáo năm ${year} cho kế hoạch này.`}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <Link
              href={`/plans/${page.plan.id}/results?year=${year}`}
              className="text-sm text-brand-700 hover:underline"
            >
              Nhập kết quả năm {year}
            </Link>
            {/* A document of its own, loaded whole: its print styles are an inline style element, which
                the CSP lets through only with the nonce of the document's own response (ADR 0020). */}
            <a
              href={`/plans/${page.plan.id}/reports/${year}/print${query ? `?${query.slice(1)}` : ""}`}
              className="text-sm text-brand-700 hover:underline"
            >
              Bản in (A4)
            </a>
            <DownloadButton
              href={`/api/plans/${page.plan.id}/export/report.docx?year=${year}${query}`}
              label="Tải báo cáo (.docx)"
              fallbackName={`${fileStem}.docx`}
            />
            <DownloadButton
              href={`/api/plans/${page.plan.id}/export/indicators.xlsx?year=${year}${query}`}
              label="Tải phụ lục chỉ tiêu (.xlsx)"
              fallbackName={`${fileStem}.xlsx`}
            />
          </div>

          {submissions.length ? (
            <section aria-labelledby="submissions" className="space-y-2">
              <h2 id="submissions" className="text-lg font-semibold">
                Các lần gửi
              </h2>
              <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
                {submissions.map((s) => (
                  <li
                    key={s.id}
                    className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2"
                    data-testid={`submission-${s.number}`}
                  >
                    <Link
                      href={`/plans/${page.plan.id}/reports/${year}?submission=${s.number}`}
                      className="font-semibold text-brand-700 hover:underline"
                      aria-current={shownSubmission?.number === s.number ? "true" : undefined}
                    >
                      Lần gửi {s.number}
                    </Link>
                    <span>
                      ngày {dayInVietnam(s.submittedAt)}
                      {s.submittedBy ? ` — ${s.submittedBy}` : ""}
                    </span>
                    <Badge tone={reportStatusLook[s.outcome].tone}>
                      {s.outcome === "SUBMITTED"
                        ? page.plan.sentOutside
                          ? "Đã chốt, gửi ngoài hệ thống"
                          : "Chờ xem xét"
                        : reportStatusLook[s.outcome].label}
                    </Badge>
                    {s.reviewedAt ? (
                      <span className="text-stone-600">
                        xem xét ngày {dayInVietnam(s.reviewedAt)}
                        {s.reviewedBy ? ` — ${s.reviewedBy}` : ""}
                      </span>
                    ) : null}
                    {s.reviewComment ? (
                      <span className="w-full whitespace-pre-line text-stone-700">Ý kiến: {s.reviewComment}</span>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          {page.canReview && report.status === "SUBMITTED" && latest ? (
            <ReviewForm reportId={report.id} version={report.version} number={latest.number} />
          ) : null}

          {editable && page.canEdit && !asked ? (
            <section aria-labelledby="narrative" className="space-y-2">
              <h2 id="narrative" className="text-lg font-semibold">
                Nội dung báo cáo
              </h2>
              <NarrativeForm
                reportId={report.id}
                version={report.version}
                numberPattern={numberPattern}
                narrative={narrativeOf(report)}
              />
            </section>
          ) : null}
          {editable && page.canSubmit && !asked ? (
            <SubmitForm
              reportId={report.id}
              version={report.version}
              resubmission={submissions.length > 0}
              recipient={page.plan.parentIssuerName}
              planId={page.plan.id}
              year={year}
              narrative={shownSubmission ? null : narrativeOf(report)}
              outside={page.plan.sentOutside}
            />
          ) : null}
          {editable && page.canEdit && !page.canSubmit ? (
            <p className="text-sm text-stone-600">Lãnh đạo của đơn vị sẽ xem lại và gửi báo cáo lên cấp trên.</p>
          ) : null}

          {compiled ? <CompiledSection compiled={compiled} frozen={shownSubmission !== null} /> : null}

          {report ? (
            <section aria-labelledby="document" className="space-y-2">
              <h2 id="document" className="text-lg font-semibold">
                {shownSubmission
                  ? `Bản đã gửi lần ${shownSubmission.number} ngày ${dayInVietnam(shownSubmission.submittedAt)}`
                  : "Bản xem trước"}
              </h2>
              <p className="text-sm text-stone-600">
                {shownSubmission
                  ? "Bản đã gửi được lưu cố định: sửa số liệu của kế hoạch sau khi gửi không làm thay đổi bản này."
                  : "Theo số liệu hiện tại của kế hoạch và nội dung đã lưu; bảng chỉ tiêu và nhiệm vụ được điền tự động từ số liệu đã nhập."}
                {asked ? (
                  <>
                    {" "}
                    <Link href={`/plans/${page.plan.id}/reports/${year}`} className="text-brand-700 hover:underline">
                      Về bản hiện tại
                    </Link>
                  </>
                ) : null}
              </p>
              {/* The whole document on demand (report-preview.tsx): not with every view, save and
                  submission at the 15/12 peak. */}
              <ReportPreview
                key={shownSubmission?.number ?? "draft"}
                planId={page.plan.id}
                year={year}
                reportId={report.id}
                submission={shownSubmission?.number}
              />
            </section>
          ) : null}
        </>
      )}
    </article>
  );
}
