import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { documentKindLabel } from "@/domain/document-number";
import { formatDate } from "@/domain/reporting-calendar";
import { formatVietnameseNumber } from "@/domain/decimal";
import { IndicatorCards } from "@/features/dashboards/indicator-cards";
import { ALL_GROUPS, cardsJson } from "@/features/dashboards/plan-dashboard";
import { getPlanDashboard } from "@/features/dashboards/queries";
import { parseRollupFilters } from "@/features/dashboards/rollup";
import { STATUSES, statusLabel } from "@/features/dashboards/status";
import { STATUS_LETTERS } from "@/features/dashboards/status-letters";
import { StatusBar } from "@/features/dashboards/status-view";
import { TaskSummaryView } from "@/features/dashboards/task-summary-view";
import { Badge, IllustrativeBadge } from "@/ui/badge";
import { planStatusLabels, trackLabels } from "@/ui/labels";
import { inputStyle } from "@/ui/input-style";
import { orNotFound, requirePlanPage } from "@/server/pages";
import { isUuid } from "@/server/params";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Full status labels by letter, for the cards (indicator-cards.tsx). */
const CARD_LABELS = Object.fromEntries(STATUSES.map((s) => [STATUS_LETTERS[s], statusLabel(s)]));

/** Read once per request, for the page and for its title (React's cache lasts one request). */
const loadDashboard = cache(async (id: string, year: number | null, group: string | null) => {
  const scope = await requirePlanPage("/plans/[id]/dashboard", id);
  return getPlanDashboard(scope, id, { year, group });
});

/** The plan and the group shown in the title, so that several dashboards open in tabs can be told apart. */
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const fallback = { title: "Bảng theo dõi kế hoạch" };
  const { id } = await params;
  if (!isUuid(id)) return fallback;
  const { year, group } = parseRollupFilters(await searchParams);
  const d = await loadDashboard(id, year, group).catch(() => null);
  if (!d) return fallback;
  const shownGroup = d.shown.all ? null : d.groups.find((g) => g.cards)?.name;
  return { title: `${shownGroup ? `${shownGroup} · ` : ""}Bảng theo dõi ${d.plan.number} (${d.plan.issuerName})` };
}

export default async function PlanDashboardPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { year: requestedYear, group: requestedGroup } = parseRollupFilters(await searchParams);
  const d = await orNotFound(loadDashboard(id, requestedYear, requestedGroup));
  const { plan } = d;
  const indicatorCount = d.groups.reduce((n, g) => n + g.indicators.length, 0);
  const { shown } = d;
  const firstShown = d.groups.findIndex((g) => g.cards);
  const isCurrent = (i: number) => !shown.all && firstShown === i;
  const groupHref = (group: string) =>
    `/plans/${plan.id}/dashboard?${new URLSearchParams({ ...(d.year ? { year: String(d.year) } : {}), group })}#chi-tieu`;

  return (
    <article className="space-y-6">
      <nav aria-label="Liên kết" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href={`/plans/${plan.id}`} className="text-brand-700 hover:underline">
          ‹ Văn bản {plan.number}
        </Link>
        {plan.parent ? (
          <Link
            href={`/dashboard?plan=${plan.parent.id}${d.year ? `&year=${d.year}` : ""}`}
            className="text-brand-700 hover:underline"
          >
            Tổng hợp các địa phương thực hiện {documentKindLabel(plan.parent.kind)} {plan.parent.number} (
            {plan.parent.issuerName})
          </Link>
        ) : null}
        {plan.children > 0 ? (
          <Link href={`/dashboard?plan=${plan.id}`} className="text-brand-700 hover:underline">
            Tổng hợp {plan.children} văn bản cấp dưới ›
          </Link>
        ) : null}
      </nav>

      <header className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <p className="text-sm uppercase tracking-wide text-stone-500">{plan.issuerName}</p>
        <h1 className="text-2xl font-semibold">
          Bảng theo dõi: {documentKindLabel(plan.kind)} {plan.number}
          {plan.issuedOn ? <span className="font-normal text-stone-600"> ngày {formatDate(plan.issuedOn)}</span> : null}
        </h1>
        <p>{plan.title}</p>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Badge>{trackLabels[plan.track]}</Badge>
          <Badge tone={plan.status === "ISSUED" ? "green" : "blue"}>{planStatusLabels[plan.status]}</Badge>
          {d.hasIllustrative ? <IllustrativeBadge /> : null}
          {plan.dissolved ? (
            <Badge tone="neutral" title="Cơ quan ban hành đã kết thúc hoạt động khi sắp xếp đơn vị hành chính">
              {plan.issuerValidTo
                ? `Cơ quan ban hành kết thúc hoạt động từ ${formatDate(plan.issuerValidTo)}`
                : "Cơ quan ban hành đã kết thúc hoạt động"}
              {plan.successorNames ? `; kế thừa: ${plan.successorNames}` : ""}
            </Badge>
          ) : null}
        </div>
        {d.hasIllustrative ? (
          <p className="text-sm text-amber-900">
            Số liệu trên trang này là dữ liệu minh họa, không phải số liệu thực tế.
          </p>
        ) : null}
      </header>

      <section aria-labelledby="tong-quan" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="tong-quan" className="text-lg font-semibold">
            Chỉ tiêu {d.year ? `năm ${d.year}` : ""}
          </h2>
          {d.years.length > 1 ? (
            <form method="get" className="flex items-end gap-2 text-sm">
              {firstShown >= 0 ? (
                <input type="hidden" name="group" value={shown.all ? ALL_GROUPS : d.groups[firstShown]!.name} />
              ) : null}
              <label>
                Năm
                <select name="year" defaultValue={d.year ?? ""} className={`mt-1 block ${inputStyle.inline}`}>
                  {[...d.years].reverse().map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="submit"
                className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50"
              >
                Xem
              </button>
            </form>
          ) : null}
        </div>
        {indicatorCount === 0 ? (
          <p className="rounded border border-dashed border-stone-300 bg-white p-4 text-stone-700">
            Kế hoạch này chưa có chỉ tiêu nào trong hệ thống. Chỉ tiêu được nhập khi soạn hoặc sửa kế hoạch; xem{" "}
            <Link href={`/plans/${plan.id}`} className="text-brand-700 hover:underline">
              trang văn bản
            </Link>
            .
          </p>
        ) : (
          <>
            {d.year === null ? (
              <p className="rounded border border-dashed border-stone-300 bg-white p-3 text-sm text-stone-700">
                Chưa có số liệu thực hiện nào. Nhập kết quả ở{" "}
                <Link href={`/plans/${plan.id}/results`} className="text-brand-700 hover:underline">
                  trang Kết quả thực hiện
                </Link>
                ; biểu đồ dưới đây đang chỉ có mục tiêu.
              </p>
            ) : null}
            <StatusBar counts={d.counts} label={`${indicatorCount} chỉ tiêu theo tình trạng`} />
            <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="w-full text-sm">
                <caption className="sr-only">Số chỉ tiêu theo nhóm và tình trạng</caption>
                <thead className="bg-stone-100 text-left text-xs">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      Nhóm chỉ tiêu
                    </th>
                    {STATUSES.map((s) => (
                      <th key={s} scope="col" className="px-2 py-2 text-center">
                        {statusLabel(s)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.groups.map((g, i) => (
                    <tr key={g.name} className="border-t border-stone-100">
                      <th scope="row" className="px-3 py-1.5 text-left font-normal">
                        <Link
                          href={groupHref(g.name)}
                          prefetch={false}
                          aria-current={isCurrent(i) ? "true" : undefined}
                          className={`text-brand-700 hover:underline ${isCurrent(i) ? "font-semibold" : ""}`}
                        >
                          {g.name}
                        </Link>
                      </th>
                      {STATUSES.map((s) => (
                        <td
                          key={s}
                          className={`px-2 py-1.5 text-center tabular-nums ${g.counts[s] && (s === "OFF_TRACK" || s === "AT_RISK") ? "font-semibold" : ""}`}
                        >
                          {g.counts[s]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      {firstShown >= 0 ? (
        <section id="chi-tieu" aria-label="Chỉ tiêu theo nhóm" className="space-y-4 scroll-mt-4">
          {d.groups.length > 1 ? (
            <nav aria-label="Nhóm chỉ tiêu" className="flex flex-wrap gap-1 border-b border-stone-200 text-sm">
              {d.groups.map((g, i) => (
                <GroupTab key={g.name} href={groupHref(g.name)} current={isCurrent(i)}>
                  {g.name} <span className="text-stone-500">({g.indicators.length})</span>
                </GroupTab>
              ))}
              <GroupTab href={groupHref(ALL_GROUPS)} current={shown.all}>
                Tất cả các nhóm
              </GroupTab>
            </nav>
          ) : null}
          {!shown.found ? (
            <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              Kế hoạch này không có nhóm chỉ tiêu “{requestedGroup}”; đang hiển thị nhóm “{d.groups[firstShown]?.name}”.
              {d.groups.length > 1 ? " Chọn nhóm khác ở trên." : ""}
            </p>
          ) : null}
          {d.groups.map((g, i) =>
            g.cards ? (
              <section key={g.name} aria-labelledby={`nhom-${i + 1}`} className="space-y-2">
                <h2 id={`nhom-${i + 1}`} className="text-lg font-semibold">
                  {g.name}
                </h2>
                <IndicatorCards
                  cards={cardsJson(g.cards, d.year, formatVietnameseNumber)}
                  group={i + 1}
                  year={d.year}
                  labels={CARD_LABELS}
                />
              </section>
            ) : null,
          )}
        </section>
      ) : null}

      <section aria-labelledby="nhiem-vu" className="space-y-2">
        <h2 id="nhiem-vu" className="text-lg font-semibold">
          Nhiệm vụ theo tình trạng và cơ quan chủ trì
        </h2>
        <TaskSummaryView summary={d.tasks} resultsHref={`/plans/${plan.id}/results`} />
      </section>
    </article>
  );
}

/** One group's tab above the cards: a link (the page is rendered on the server), marked when shown. */
function GroupTab({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      prefetch={false}
      aria-current={current ? "page" : undefined}
      className={`-mb-px rounded-t border px-3 py-1.5 ${current ? "border-stone-200 border-b-white bg-white font-semibold" : "border-transparent text-brand-700 hover:bg-brand-50"}`}
    >
      {children}
    </Link>
  );
}
