import Link from "next/link";
import { documentKindLabel } from "@/domain/document-number";
import { formatDate } from "@/domain/reporting-calendar";
import { trackLabels } from "@/ui/labels";
import type { Rollup, RollupRow } from "./queries";
import { groupSpans } from "./rollup";
import styles from "./matrix.module.css";
import { indicatorStatusLook } from "@/ui/statuses";
import { STATUSES, statusLabel } from "./status";
import { NO_CELL, STATUS_LETTERS } from "./status-letters";
import { StatusLegend } from "./status-view";
import { MatrixBody, type MatrixRow } from "./matrix-body";
import { inputStyle } from "@/ui/input-style";

// The filters (a plain GET form: works without JavaScript, and a filtered view is a link one can
// send) and the matrix of localities × indicators. Every cell has a text label as well as a colour.

const select = `mt-1 block text-sm ${inputStyle.inline}`;

export function RollupFilterForm({ rollup }: { rollup: Rollup }) {
  const { filters, anchor } = rollup;
  if (!anchor) return null;
  return (
    <form
      method="get"
      action="/dashboard"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3 text-sm"
      aria-label="Lọc bảng tổng hợp"
    >
      {rollup.resolution ? <input type="hidden" name="resolution" value={rollup.resolution} /> : null}
      {rollup.options.length > 1 ? (
        <label className="max-w-md">
          Kế hoạch được tổng hợp
          <select name="plan" defaultValue={anchor.id} className={`${select} w-full`}>
            {rollup.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.issuerName} — {documentKindLabel(o.kind)} {o.number} ({o.children} văn bản cấp dưới)
              </option>
            ))}
          </select>
        </label>
      ) : (
        <input type="hidden" name="plan" value={anchor.id} />
      )}
      <label>
        Nhóm chỉ tiêu
        <select name="group" defaultValue={filters.group ?? ""} className={select}>
          <option value="">Tất cả các nhóm</option>
          {rollup.groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <label>
        Khối
        <select name="track" defaultValue={filters.track ?? ""} className={select}>
          <option value="">Đảng và chính quyền</option>
          <option value="PARTY">{trackLabels.PARTY}</option>
          <option value="STATE">{trackLabels.STATE}</option>
        </select>
      </label>
      <label>
        Năm
        <select name="year" defaultValue={rollup.year ?? ""} className={select}>
          {rollup.years.length === 0 ? <option value="">Chưa có số liệu</option> : null}
          {[...rollup.years].reverse().map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sắp xếp
        <select name="sort" defaultValue={filters.sort} className={select}>
          <option value="off-track">Nhiều chỉ tiêu chậm tiến độ trước</option>
          <option value="name">Theo tên cơ quan</option>
        </select>
      </label>
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800">
        Lọc
      </button>
      <Link
        href={`/dashboard?${rollup.resolution ? `resolution=${rollup.resolution}&` : ""}plan=${anchor.id}`}
        className="py-1.5 text-brand-700 hover:underline"
      >
        Bỏ lọc
      </Link>
    </form>
  );
}

const COUNT_COLUMNS = [
  ["OFF_TRACK", "Chậm"],
  ["AT_RISK", "Nguy cơ"],
  ["ON_TRACK", "Đúng"],
  ["MET", "Đạt"],
  ["NO_DATA", "Chưa có"],
] as const;

/** A locality's own dashboard, on the year and the indicator group the matrix shows. */
function dashboardHref(row: RollupRow, year: number | null, group: string | null): string {
  const query = new URLSearchParams({
    ...(year ? { year: String(year) } : {}),
    ...(group ? { group } : {}),
  }).toString();
  return `/plans/${row.plan.id}/dashboard${query ? `?${query}` : ""}`;
}

/** One row of the matrix, compact (see matrix-body.tsx). */
function matrixRow(
  row: RollupRow,
  year: number | null,
  group: string | null,
  columnKeys: readonly string[],
  own: Record<string, string> | undefined,
): MatrixRow {
  const plan = row.plan;
  const below = row.below && row.below.plans > 0 ? row.below : null;
  return {
    id: plan.id,
    href: dashboardHref(row, year, group),
    label: row.label,
    detail: `${documentKindLabel(plan.kind)} ${plan.number}${plan.status === "DRAFT" ? " · dự thảo" : ""}${plan.track === "STATE" ? ` · ${trackLabels.STATE}` : ""}`,
    note: plan.dissolved
      ? `${plan.issuerValidTo ? `Kết thúc hoạt động ngày ${formatDate(plan.issuerValidTo)}` : "Đã kết thúc hoạt động"}${plan.successorNames ? `; nay: ${plan.successorNames}` : ""}`
      : null,
    below: below
      ? {
          href: `/dashboard?plan=${plan.id}`,
          text: `Tổng hợp ${below.plans} văn bản cấp dưới ›`,
          summary: `${below.plans} văn bản · Chậm ${below.counts.OFF_TRACK} · Nguy cơ ${below.counts.AT_RISK} · Đúng ${below.counts.ON_TRACK} · Đạt ${below.counts.MET}`,
        }
      : null,
    counts: [row.counts.OFF_TRACK, row.counts.AT_RISK, row.counts.ON_TRACK, row.counts.MET, row.counts.NO_DATA],
    cells: row.cells,
    values: row.values,
    targets: own ? Object.fromEntries(columnKeys.flatMap((key, i) => (own[key] ? [[i, own[key]] as const] : []))) : {},
  };
}

const CELL_LABELS: Record<string, string> = {
  ...Object.fromEntries(STATUSES.map((s) => [STATUS_LETTERS[s], indicatorStatusLook[s].short])),
  [NO_CELL]: "—",
};

const STATUS_TEXT: Record<string, string> = Object.fromEntries(
  STATUSES.map((s) => [STATUS_LETTERS[s], indicatorStatusLook[s].label]),
);

/** A column header names its indicator; long names are cut, the whole name is in the title. */
function shortName(name: string): string {
  return name.length > 42 ? `${name.slice(0, 40).trimEnd()}…` : name;
}

/** `ownTargets`: by child plan and column, its targets where they differ from the parent's (ownTargets()). */
export function RollupMatrix({
  rollup,
  ownTargets = {},
}: {
  rollup: Rollup;
  ownTargets?: Record<string, Record<string, string>>;
}) {
  const { columns, rows, year } = rollup;
  const spans = groupSpans(columns);
  const showBelow = rows.some((r) => r.below && r.below.plans > 0);
  return (
    <div className="space-y-2">
      <StatusLegend />
      <p className="text-xs text-stone-600">
        Đưa chuột vào một ô để xem số liệu năm {year ?? ""} so với mục tiêu của chỉ tiêu đó; mở tên cơ quan để xem chi
        tiết.
      </p>
      <div className="max-h-[75vh] overflow-auto rounded-lg border border-stone-200 bg-white">
        <table className={`${styles.matrix} border-collapse text-sm`}>
          <caption className="sr-only">
            Tình trạng thực hiện chỉ tiêu năm {year ?? ""} theo địa phương (hàng) và chỉ tiêu (cột)
          </caption>
          <thead className="sticky top-0 z-20 bg-stone-100 text-left text-xs">
            <tr>
              <th scope="col" rowSpan={2} className="sticky left-0 z-30 bg-stone-100 px-2 py-1 align-bottom">
                Cơ quan, kế hoạch
              </th>
              <th
                scope="colgroup"
                colSpan={COUNT_COLUMNS.length}
                className="border-l border-stone-200 px-2 py-1 text-center"
              >
                Số chỉ tiêu {year ? `năm ${year}` : ""}
              </th>
              {showBelow ? (
                <th scope="col" rowSpan={2} className="border-l border-stone-200 px-2 py-1 align-bottom">
                  Kết quả cấp dưới <span className="font-normal">(số chỉ tiêu có số liệu)</span>
                </th>
              ) : null}
              {spans.map((s, i) => (
                <th
                  key={`${s.group}-${i}`}
                  scope="colgroup"
                  colSpan={s.span}
                  className="border-l border-stone-300 px-2 py-1 whitespace-nowrap"
                >
                  {s.group}
                </th>
              ))}
            </tr>
            <tr>
              {COUNT_COLUMNS.map(([status, label]) => (
                <th
                  key={status}
                  scope="col"
                  className="border-l border-stone-200 px-1 py-1 text-center"
                  title={statusLabel(status)}
                >
                  {label}
                </th>
              ))}
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  data-ind=""
                  className="border-l border-stone-200 px-1 py-1 font-normal"
                  title={`${c.code} ${c.name}${c.unit ? ` (${c.unit})` : ""}${c.targets ? ` — mục tiêu ${c.targets}` : ""}`}
                >
                  <span>
                    <b>{c.code}</b> {shortName(c.name)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <MatrixBody
            rows={rows.map((row) =>
              matrixRow(
                row,
                year,
                rollup.filters.group,
                columns.map((c) => c.key),
                ownTargets[row.plan.id],
              ),
            )}
            columns={columns.map((c) => ({ code: c.code, name: c.name, unit: c.unit, targets: c.targets }))}
            year={year}
            labels={CELL_LABELS}
            statusLabels={STATUS_TEXT}
            showBelow={showBelow}
          />
        </table>
      </div>
    </div>
  );
}
