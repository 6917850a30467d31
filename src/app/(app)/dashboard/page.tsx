import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { documentKindLabel } from "@/domain/document-number";
import { getDashboard } from "@/features/dashboards/queries";
import { filterQuery, parseRollupFilters } from "@/features/dashboards/rollup";
import { RollupFilterForm, RollupMatrix } from "@/features/dashboards/rollup-matrix";
import { IssuanceSection, ReportsSection, type ListWindow } from "@/features/dashboards/rollup-sections";
import { StatusBar } from "@/features/dashboards/status-view";
import { DownloadButton } from "@/features/reporting/download-button";
import { localityComparisonHref } from "@/features/reporting/export-request";
import { requirePage } from "@/server/routes";
import { withScope } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";
import { IllustrativeBadge } from "@/ui/badge";
import { ResolutionPicker } from "@/ui/resolution-picker";
import { pageCount, pageHref, Pager } from "@/ui/pager";

// A large province has ~170 localities × 90 indicators: the page shows the matrix and the lists
// below it in windows of localities (each list its own page parameter, kept in the URL) and, through
// the group links, of indicator groups, so that it stays under 400 KiB of HTML (issue 18).
const MATRIX_ROWS = 25;
const LIST_ROWS = 25;

/** A page number from the URL: a positive integer, else the first page. */
function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** The page shown of a list of `total` rows: the one asked for, at most the last. */
function clampPage(page: number, total: number, size: number): number {
  return Math.min(page, pageCount(total, size));
}

export const metadata: Metadata = { title: "Tổng hợp các địa phương" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const scope = await requirePage("/dashboard");
  const params = await searchParams;
  const filters = parseRollupFilters(params);
  // The matrix shows one window of the localities; their own targets are read for that window only.
  const matrixWindow = <T,>(rows: readonly T[]) => {
    const page = clampPage(pageParam(params.page), rows.length, MATRIX_ROWS);
    return { page, rows: rows.slice((page - 1) * MATRIX_ROWS, page * MATRIX_ROWS) };
  };
  const { rollup, issuance, ownTargets, reports } = await withScope(scope, (db) =>
    getDashboard(db, scope, filters, {
      alignment: false,
      shownPlans: (r) => matrixWindow(r.rows).rows.map((row) => row.plan.id),
    }),
  ).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const anchor = rollup.anchor;
  // The comparison workbook of a province's plan: the user's own province (or, for a scope over all
  // provinces, the one its localities are in), for the year shown.
  const comparisonProvince =
    anchor?.level === "PROVINCE" ? (scope.provinceCode ?? rollup.rows[0]?.plan.provinceCode ?? null) : null;

  // The filters every window's links keep (not the other windows' pages: each list starts again at its first).
  const linkParams = {
    resolution: rollup.resolution ?? undefined,
    plan: anchor?.id,
    group: rollup.filters.group ?? undefined,
    track: rollup.filters.track ?? undefined,
    year: rollup.filters.year ? String(rollup.filters.year) : undefined,
    sort: rollup.filters.sort === "off-track" ? undefined : rollup.filters.sort,
  };
  const { page: matrixPage, rows: shownRows } = matrixWindow(rollup.rows);
  const issuancePage = clampPage(pageParam(params.ipage), issuance?.rows.length ?? 0, LIST_ROWS);
  const reportsPage = clampPage(pageParam(params.rpage), reports?.rows.length ?? 0, LIST_ROWS);
  // Another resolution is another cascade: its plan, indicator groups and pages differ; the year, the
  // track and the order the user asked for stay (not the year shown by default: the other cascade's
  // latest year with figures may be another).
  const picker = (
    <ResolutionPicker
      action="/dashboard"
      choices={rollup.resolutions}
      selected={rollup.resolution}
      keep={{
        year: filters.year ? String(filters.year) : undefined,
        track: filters.track ?? undefined,
        sort: filters.sort === "off-track" ? undefined : filters.sort,
      }}
    />
  );
  /** The window of a long list under the matrix and its pager; none when the list fits on one page. */
  const listWindow = (
    total: number,
    page: number,
    pager: { noun: string; pageParam: string; hash: string; label: string },
  ): ListWindow | undefined =>
    total > LIST_ROWS
      ? {
          start: (page - 1) * LIST_ROWS,
          size: LIST_ROWS,
          pager: <Pager path="/dashboard" params={linkParams} page={page} total={total} size={LIST_ROWS} {...pager} />,
        }
      : undefined;

  if (!anchor) {
    const own = rollup.options;
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Tổng hợp các địa phương</h1>
        {picker}
        <div className="space-y-2 rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">
          <p>
            Chưa có văn bản cấp dưới nào thực hiện kế hoạch của {scope.organizationName ?? "cơ quan của bạn"}, nên chưa
            có gì để tổng hợp. Bảng này hiện ra khi các cơ quan cấp dưới ban hành kế hoạch thực hiện (ghi là thực hiện
            kế hoạch của cơ quan bạn).
          </p>
          {own.length ? (
            <>
              <p>Trong lúc chờ, xem bảng theo dõi kế hoạch của cơ quan bạn:</p>
              <ul className="ml-5 list-disc">
                {own.map((o) => (
                  <li key={o.id}>
                    <Link href={`/plans/${o.id}/dashboard`} className="text-brand-700 hover:underline">
                      {documentKindLabel(o.kind)} {o.number}
                    </Link>{" "}
                    — {o.issuerName}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>
              Cơ quan của bạn chưa có kế hoạch trong hệ thống.{" "}
              <Link href="/plans" className="text-brand-700 hover:underline">
                Xem danh sách kế hoạch
              </Link>
              .
            </p>
          )}
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm uppercase tracking-wide text-stone-500">{anchor.issuerName}</p>
        <h1 className="text-2xl font-semibold">Tổng hợp các địa phương</h1>
        <p className="text-stone-700">
          Cấp dưới thực hiện{" "}
          <Link href={`/plans/${anchor.id}`} className="text-brand-700 hover:underline">
            {documentKindLabel(anchor.kind)} {anchor.number}
          </Link>
          : {anchor.title}
        </p>
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <Link href={`/plans/${anchor.id}/dashboard`} className="text-brand-700 hover:underline">
            Bảng theo dõi của chính kế hoạch này
          </Link>
          {rollup.hasIllustrative ? (
            <>
              <IllustrativeBadge />{" "}
              <span>Một phần văn bản và số liệu là dữ liệu minh họa, không phải số liệu thực tế.</span>
            </>
          ) : null}
        </p>
        {picker}
      </header>

      <RollupFilterForm rollup={rollup} />

      <nav aria-label="Các phần của trang" className="flex flex-wrap gap-4 text-sm">
        <a href="#ma-tran" className="text-brand-700 hover:underline">
          Chỉ tiêu theo địa phương
        </a>
        <a href="#chi-tieu-thap-hon" className="text-brand-700 hover:underline">
          Chỉ tiêu thấp hơn cấp trên
        </a>
        <a href="#ban-hanh" className="text-brand-700 hover:underline">
          Ban hành kế hoạch
        </a>
        <a href="#bao-cao" className="text-brand-700 hover:underline">
          Báo cáo năm {rollup.currentYear}
        </a>
      </nav>

      <section aria-labelledby="ma-tran" className="space-y-3">
        <h2 id="ma-tran" className="text-lg font-semibold">
          Chỉ tiêu theo địa phương {rollup.year ? `năm ${rollup.year}` : ""}
          {rollup.filters.group ? (
            <span className="font-normal text-stone-600"> · nhóm “{rollup.filters.group}”</span>
          ) : null}
        </h2>
        {rollup.rows.length === 0 ? (
          <p className="rounded border border-dashed border-stone-300 bg-white p-4 text-stone-700">
            {rollup.filters.track
              ? "Không có văn bản cấp dưới nào thuộc khối đã chọn. Chọn “Đảng và chính quyền” ở ô Khối để xem tất cả."
              : "Chưa có văn bản cấp dưới nào thực hiện kế hoạch này. Khi cấp dưới ban hành kế hoạch thực hiện, họ sẽ hiện ở đây."}
          </p>
        ) : (
          <>
            <StatusBar
              counts={rollup.totals}
              label={`Tổng số chỉ tiêu của ${rollup.rows.length} văn bản cấp dưới theo tình trạng`}
            />
            {rollup.year === null ? (
              <p className="rounded border border-dashed border-stone-300 bg-white p-3 text-sm text-stone-700">
                Chưa có địa phương nào nhập kết quả thực hiện chỉ tiêu, nên mọi ô là “Chưa có”. Kết quả được nhập ở
                trang Kết quả thực hiện của từng kế hoạch.
              </p>
            ) : null}
            {rollup.attributedRows > 0 ? (
              <p className="rounded bg-amber-50 p-2 text-sm text-amber-950">
                * {rollup.attributedRows} văn bản do cơ quan đã kết thúc hoạt động ban hành (cấp huyện, trước khi sắp
                xếp đơn vị hành chính ngày 01/07/2025). Văn bản vẫn có hiệu lực theo dõi; kết quả được tính cho các cơ
                quan kế thừa ghi ở từng dòng.
              </p>
            ) : null}
            {rollup.mode === "by-name" ? (
              <p className="text-sm text-stone-600">
                Văn bản được tổng hợp không có chỉ tiêu riêng: các cột là chỉ tiêu của cấp dưới, ghép theo tên chỉ tiêu.
              </p>
            ) : null}
            {rollup.columns.length === 0 ? (
              <p className="text-sm text-stone-600">Văn bản cấp dưới chưa có chỉ tiêu nào (trong nhóm đã chọn).</p>
            ) : null}
            {rollup.groups.length > 1 ? (
              <nav aria-label="Cột của bảng theo nhóm" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <span className="text-stone-600">Nhóm chỉ tiêu:</span>
                {[null, ...rollup.groups].map((g) => (
                  <Link
                    key={g ?? ""}
                    href={pageHref("/dashboard", { ...linkParams, group: g ?? undefined }, 1, "page", "#ma-tran")}
                    aria-current={g === rollup.filters.group ? "page" : undefined}
                    className={
                      g === rollup.filters.group ? "font-semibold text-stone-900" : "text-brand-700 hover:underline"
                    }
                  >
                    {g ?? "Tất cả"}
                  </Link>
                ))}
              </nav>
            ) : null}
            {rollup.rows.length > MATRIX_ROWS ? (
              <Pager
                path="/dashboard"
                params={linkParams}
                page={matrixPage}
                total={rollup.rows.length}
                size={MATRIX_ROWS}
                noun="văn bản cấp dưới"
                hash="#ma-tran"
                label="Phân trang bảng tổng hợp"
              />
            ) : null}
            <RollupMatrix rollup={{ ...rollup, rows: shownRows }} ownTargets={ownTargets} />
            {comparisonProvince ? (
              <DownloadButton
                href={localityComparisonHref(comparisonProvince, rollup.year ?? rollup.currentYear, anchor.id)}
                label="Tải bảng so sánh các địa phương (.xlsx)"
                fallbackName={`So-sanh-dia-phuong-${rollup.year ?? rollup.currentYear}.xlsx`}
              />
            ) : null}
            {comparisonProvince ? (
              // The province's indicators and actuals as CSV: the same handler other systems call (/api/v1).
              <DownloadButton
                href={`/api/v1/provinces/${comparisonProvince}/actuals.csv?year=${rollup.year ?? rollup.currentYear}`}
                label="Tải chỉ tiêu và kết quả của tỉnh (CSV)"
                fallbackName={`Ket-qua-tinh-${comparisonProvince}-${rollup.year ?? rollup.currentYear}.csv`}
              />
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="chi-tieu-thap-hon" className="space-y-2">
        <h2 id="chi-tieu-thap-hon" className="text-lg font-semibold">
          Chỉ tiêu cấp dưới thấp hơn cấp trên
        </h2>
        <p className="text-sm text-stone-700">
          Cơ quan cấp dưới nào đặt chỉ tiêu kế thừa ở mức thấp hơn yêu cầu của cấp trên (theo từng chỉ tiêu, năm 2025 và
          2030):{" "}
          <Link
            href={`/dashboard/targets?${filterQuery(rollup.filters, anchor.id)}`}
            className="text-brand-700 hover:underline"
          >
            Xem danh sách chỉ tiêu thấp hơn cấp trên
          </Link>
          .
        </p>
      </section>

      <section aria-labelledby="ban-hanh" className="space-y-2">
        <h2 id="ban-hanh" className="text-lg font-semibold">
          Ban hành kế hoạch thực hiện
        </h2>
        <IssuanceSection
          issuance={issuance}
          rowWindow={listWindow(issuance?.rows.length ?? 0, issuancePage, {
            noun: "địa phương",
            pageParam: "ipage",
            hash: "#ban-hanh",
            label: "Phân trang danh sách ban hành",
          })}
        />
      </section>

      <section aria-labelledby="bao-cao" className="space-y-2">
        <h2 id="bao-cao" className="text-lg font-semibold">
          Báo cáo năm {rollup.currentYear}
        </h2>
        <ReportsSection
          reports={reports}
          rowWindow={listWindow(reports?.rows.length ?? 0, reportsPage, {
            noun: "kế hoạch",
            pageParam: "rpage",
            hash: "#bao-cao",
            label: "Phân trang danh sách báo cáo",
          })}
        />
      </section>
    </div>
  );
}
