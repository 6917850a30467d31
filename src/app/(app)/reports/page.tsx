import { YearPicker } from "@/ui/year-picker";
import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/domain/reporting-calendar";
import { ChildDeadlineForm } from "@/features/reporting/child-deadline-form";
import { daysLeftText, reportYears } from "@/features/reporting/calendar";
import { deadlineTone, reportStatusLook } from "@/ui/statuses";
import { DownloadButton } from "@/features/reporting/download-button";
import { localityComparisonHref } from "@/features/reporting/export-request";
import { getReportsOverview, type ReportOverviewRow } from "@/features/reporting/queries";
import { FIRST_RESULTS_YEAR } from "@/domain/reporting-calendar";
import { withScope } from "@/server/db/scoped";
import { requirePage, routeAllows } from "@/server/routes";
import { Badge, IllustrativeBadge } from "@/ui/badge";
import { ResolutionPicker } from "@/ui/resolution-picker";
import { z } from "zod";

export const metadata: Metadata = { title: "Báo cáo" };

function Deadline({ row }: { row: ReportOverviewRow }) {
  if (row.deadline === "SUBMITTED") {
    return (
      <span>
        Gửi ngày {row.lastSubmittedOn ? formatDate(row.lastSubmittedOn) : "—"}
        {row.late && row.firstSubmittedOn ? (
          <span className="ml-1">
            <Badge tone="amber">gửi muộn</Badge>
          </span>
        ) : null}
      </span>
    );
  }
  return <Badge tone={deadlineTone[row.deadline]}>{daysLeftText(row.daysLeft)}</Badge>;
}

/** Plans that owe no report this year, each with the reason (reportObligation in src/domain/body-validity.ts). */
function NotOwedList({ id, rows, summary }: { id: string; rows: ReportOverviewRow[]; summary: string }) {
  return (
    <details className="rounded-lg border border-stone-200 bg-white p-3 text-sm" data-testid={id}>
      <summary className="cursor-pointer text-stone-700">{summary}</summary>
      <ul className="mt-2 space-y-1">
        {rows.map((row) => (
          <li key={row.planId}>
            <Link href={`/plans/${row.planId}`} className="text-brand-700 hover:underline">
              {row.planNumber}
            </Link>{" "}
            ({row.issuerName}): <span className="text-stone-600">{row.notOwed}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function StatusBadge({ row }: { row: ReportOverviewRow }) {
  return row.status ? (
    <Badge tone={reportStatusLook[row.status].tone}>{reportStatusLook[row.status].label}</Badge>
  ) : (
    <Badge>Chưa lập báo cáo</Badge>
  );
}

/** ?resolution=<id>: any id-like text; one that is not among the body's resolutions is ignored by the query. */
const resolutionParam = z
  .string()
  .trim()
  .regex(/^[0-9a-f-]{36}$/i)
  .optional()
  .catch(undefined);

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string; resolution?: string | string[] }>;
}) {
  const scope = await requirePage("/reports");
  const years = reportYears(FIRST_RESULTS_YEAR);
  const params = await searchParams;
  const asked = Number(params.year);
  const year = years.includes(asked) ? asked : years[0]!;
  const resolution = resolutionParam.parse(params.resolution)?.toLowerCase() ?? null;
  const overview = await withScope(scope, (db) => getReportsOverview(db, scope, year, resolution));
  const { summary } = overview;
  // Kept in the URL only when there is a choice to keep.
  const shownResolution = overview.resolutions.length > 1 ? (overview.resolution ?? undefined) : undefined;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Báo cáo kết quả thực hiện năm {year}</h1>
        <p className="text-sm text-stone-600">
          Hôm nay {formatDate(overview.today)}. Kỳ số liệu năm {year}: từ 15/12/{year - 1} đến 14/12/{year}; hạn gửi mặc
          định 15/12/{year} (cấp trên có thể đặt hạn khác).
        </p>
        <div className="flex flex-wrap items-end gap-4">
          <YearPicker year={year} years={years} className="text-sm" keep={{ resolution: shownResolution }} />
          <ResolutionPicker
            action="/reports"
            choices={overview.resolutions}
            selected={overview.resolution}
            keep={{ year: String(year) }}
          />
        </div>
      </header>

      {overview.children.length ? (
        <section aria-labelledby="children" className="space-y-3">
          <h2 id="children" className="text-lg font-semibold">
            Báo cáo của cấp dưới
          </h2>
          <p className="text-sm" data-testid="children-summary">
            Đã gửi{" "}
            <strong>
              {summary.submitted}/{summary.total}
            </strong>{" "}
            · chờ xem xét <strong>{summary.awaitingReview}</strong> · đã chấp nhận <strong>{summary.accepted}</strong> ·
            quá hạn chưa gửi <strong className={summary.overdue ? "text-red-700" : ""}>{summary.overdue}</strong>
            {summary.late ? (
              <>
                {" "}
                · gửi muộn hoặc chưa gửi khi đã quá hạn <strong>{summary.late}</strong>
              </>
            ) : null}
          </p>
          <ul className="text-sm text-stone-700" data-testid="cascade-deadlines">
            {overview.own
              .filter((row) => row.childCount > 0)
              .map((row) => (
                <li key={row.planId}>
                  {row.planNumber}: cấp dưới nộp trước <strong>{formatDate(row.childDueOn)}</strong>, đơn vị gửi cấp
                  trên trước <strong>{formatDate(row.due)}</strong>
                </li>
              ))}
          </ul>
          {scope.provinceCode ? (
            <DownloadButton
              href={localityComparisonHref(scope.provinceCode, year)}
              label="Tải bảng so sánh các địa phương (.xlsx)"
              fallbackName={`So-sanh-dia-phuong-${year}.xlsx`}
            />
          ) : null}
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">Báo cáo năm {year} của các cơ quan cấp dưới</caption>
              <thead className="bg-stone-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Cơ quan
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Kế hoạch
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Tình trạng
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Hạn gửi
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Thời hạn
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Mở</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.children.map((row) => (
                  <tr
                    key={row.planId}
                    className="border-t border-stone-100 align-top"
                    data-testid={`child-report-${row.planNumber}`}
                  >
                    <td className="px-3 py-2">
                      {row.issuerName}
                      {row.issuerEnded ? (
                        <span className="block text-xs text-stone-500">đã kết thúc hoạt động (sắp xếp 2025)</span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">
                      {row.planNumber} {row.isIllustrative ? <IllustrativeBadge /> : null}
                    </td>
                    <td className="px-3 py-2">
                      <StatusBadge row={row} />
                    </td>
                    <td className="px-3 py-2 tabular-nums">
                      {formatDate(row.due)}
                      {row.extendedTo ? (
                        <span className="block text-xs text-sky-800">gia hạn đến {formatDate(row.extendedTo)}</span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">
                      <Deadline row={row} />
                    </td>
                    <td className="px-3 py-2">
                      <Link
                        href={`/plans/${row.planId}/reports/${year}`}
                        className="font-semibold text-brand-700 hover:underline"
                        aria-label={`Mở báo cáo của ${row.issuerName}`}
                      >
                        {row.canReview && row.status === "SUBMITTED" ? "Xem xét" : "Mở"}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {overview.childrenNotOwed.length ? (
        <NotOwedList
          id="children-not-owed"
          rows={overview.childrenNotOwed}
          summary={`${overview.childrenNotOwed.length} kế hoạch cấp dưới không phải báo cáo năm ${year} và không được tính ở trên`}
        />
      ) : null}

      <section aria-labelledby="own" className="space-y-3">
        <h2 id="own" className="text-lg font-semibold">
          Báo cáo của đơn vị
        </h2>
        {overview.own.length === 0 ? (
          <p className="rounded border border-dashed border-stone-300 bg-white p-4 text-stone-600">
            Đơn vị của bạn chưa có kế hoạch nào trong hệ thống. Báo cáo hằng năm được lập cho từng kế hoạch
            {routeAllows(scope, "/import") ? (
              <>
                : hãy{" "}
                <Link href="/import" className="text-brand-700 underline">
                  nhập văn bản kế hoạch của đơn vị
                </Link>{" "}
                trước.
              </>
            ) : (
              ", sau khi đơn vị nhập kế hoạch của mình."
            )}
          </p>
        ) : (
          <ul className="space-y-3">
            {overview.own.map((row) => (
              <li
                key={row.planId}
                className="space-y-2 rounded-lg border border-stone-200 bg-white p-4"
                data-testid={`own-report-${row.planNumber}`}
              >
                <div className="flex flex-wrap items-baseline gap-2">
                  <Link href={`/plans/${row.planId}`} className="font-semibold text-brand-700 hover:underline">
                    {row.planNumber}
                  </Link>
                  <span className="text-sm text-stone-700">{row.planTitle}</span>
                  {row.isIllustrative ? <IllustrativeBadge /> : null}
                </div>
                <div className="flex flex-wrap items-center gap-3 text-sm">
                  <StatusBadge row={row} />
                  <span>
                    Hạn gửi {formatDate(row.due)}
                    {row.extendedTo ? `, gia hạn đến ${formatDate(row.extendedTo)}` : ""}
                  </span>
                  <Deadline row={row} />
                  <Link href={`/plans/${row.planId}/results?year=${year}`} className="text-brand-700 hover:underline">
                    Nhập kết quả năm {year}
                  </Link>
                  <Link href={`/plans/${row.planId}/reports/${year}`} className="text-brand-700 hover:underline">
                    Báo cáo năm {year}
                  </Link>
                </div>
                {row.childCount > 0 && row.canSetChildDue ? (
                  <ChildDeadlineForm
                    planId={row.planId}
                    version={row.version}
                    day={row.childDue.day}
                    month={row.childDue.month}
                  />
                ) : row.childCount > 0 ? (
                  <p className="text-sm text-stone-600">
                    Hạn báo cáo hằng năm của cấp dưới:{" "}
                    {row.childDue.day && row.childDue.month
                      ? `${String(row.childDue.day).padStart(2, "0")}/${String(row.childDue.month).padStart(2, "0")}`
                      : "15/12 (mặc định)"}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {overview.ownNotOwed.length ? (
          <NotOwedList
            id="own-not-owed"
            rows={overview.ownNotOwed}
            summary={`${overview.ownNotOwed.length} kế hoạch của đơn vị (hoặc cơ quan tiền nhiệm) không phải báo cáo năm ${year}`}
          />
        ) : null}
      </section>
    </article>
  );
}
