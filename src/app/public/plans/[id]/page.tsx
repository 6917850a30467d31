import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { documentKindLabel, numberPhrase } from "@/domain/document-number";
import { formatDate } from "@/domain/reporting-calendar";
import { cachedPublicPlan } from "@/features/public/cache";
import { PublicIndicatorTable } from "@/features/public/indicator-table";
import { StatusChartSlot } from "@/features/public/status-chart-slot";
import { isUuid } from "@/server/params";
import { Badge, IllustrativeBadge } from "@/ui/badge";
import { trackLabels } from "@/ui/labels";
import { indicatorStatusLook } from "@/ui/statuses";

type Props = { params: Promise<{ id: string }> };

/** Once per request, for the page and its title. */
const load = cache(async (id: string) => (isUuid(id) ? cachedPublicPlan(id) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const plan = await load((await params).id);
  return { title: plan ? `${documentKindLabel(plan.kind)} ${plan.number} (${plan.issuerName})` : "Không tìm thấy" };
}

export default async function PublicPlanPage({ params }: Props) {
  const plan = await load((await params).id);
  if (!plan) notFound();
  const counted = plan.counts.reduce((n, c) => n + c.count, 0);
  const chartTitle = plan.year
    ? `Số chỉ tiêu theo tình trạng thực hiện năm ${plan.year}`
    : "Số chỉ tiêu theo tình trạng thực hiện";

  return (
    <article className="space-y-6">
      <nav aria-label="Đường dẫn" className="text-sm">
        <Link href="/public" className="text-brand-700 hover:underline">
          ‹ Kế hoạch đã công bố
        </Link>
      </nav>

      <header className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <p className="text-sm uppercase tracking-wide text-stone-600">{plan.issuerName}</p>
        <h1 className="text-2xl font-semibold">
          {documentKindLabel(plan.kind)} {numberPhrase(plan.number)}
          {plan.issuedOn ? <span className="font-normal text-stone-700"> ngày {formatDate(plan.issuedOn)}</span> : null}
        </h1>
        <p className="text-lg">{plan.title}</p>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {plan.track !== "OTHER" ? <Badge>{trackLabels[plan.track]}</Badge> : null}
          <Badge tone="blue">Công bố ngày {formatDate(plan.publishedOn)}</Badge>
          {plan.hasIllustrative ? <IllustrativeBadge /> : null}
        </div>
        {plan.parent ? (
          <p className="text-sm text-stone-700">
            Thực hiện{" "}
            {plan.parent.published ? (
              <Link href={`/public/plans/${plan.parent.id}`} className="text-brand-700 hover:underline">
                {documentKindLabel(plan.parent.kind)} {plan.parent.number}
              </Link>
            ) : (
              <>
                {documentKindLabel(plan.parent.kind)} {plan.parent.number}
              </>
            )}{" "}
            của {plan.parent.issuerName}
          </p>
        ) : null}
        {plan.hasIllustrative ? (
          <p className="text-sm text-amber-900">
            Số liệu trên trang này là dữ liệu minh họa, không phải số liệu thực tế.
          </p>
        ) : null}
      </header>

      <section aria-labelledby="tinh-hinh" className="space-y-3">
        <h2 id="tinh-hinh" className="text-lg font-semibold">
          {chartTitle}
        </h2>
        {counted === 0 ? (
          <p className="text-stone-700">Kế hoạch này chưa có chỉ tiêu nào trong hệ thống.</p>
        ) : (
          <div className="flex flex-wrap items-start gap-6 rounded-lg border border-stone-200 bg-white p-4">
            <StatusChartSlot counts={plan.counts} label={`Biểu đồ: ${chartTitle.toLowerCase()}`} />
            <table className="text-sm">
              <caption className="sr-only">{chartTitle}</caption>
              <thead>
                <tr className="text-left text-stone-700">
                  <th scope="col" className="pr-6 font-semibold">
                    Tình trạng
                  </th>
                  <th scope="col" className="text-right font-semibold">
                    Số chỉ tiêu
                  </th>
                </tr>
              </thead>
              <tbody>
                {plan.counts.map((c) => (
                  <tr key={c.status}>
                    <th scope="row" className="py-1 pr-6 text-left font-normal">
                      <span
                        className={`rounded px-1.5 py-0.5 text-xs font-semibold ${indicatorStatusLook[c.status].classes}`}
                      >
                        {indicatorStatusLook[c.status].label}
                      </span>
                    </th>
                    <td className="py-1 text-right tabular-nums">{c.count}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t border-stone-200">
                  <th scope="row" className="py-1 pr-6 text-left font-semibold">
                    Tổng số
                  </th>
                  <td className="py-1 text-right font-semibold tabular-nums">{counted}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="chi-tieu" className="space-y-2">
        <h2 id="chi-tieu" className="text-lg font-semibold">
          Chỉ tiêu, mục tiêu và kết quả thực hiện
        </h2>
        <p className="text-sm text-stone-700">
          Mục tiêu ghi đúng như văn bản; số liệu thực hiện là số của năm gần nhất đã được cập nhật.
        </p>
        <PublicIndicatorTable rows={plan.indicators} />
      </section>

      <section aria-labelledby="cap-duoi" className="space-y-2">
        <h2 id="cap-duoi" className="text-lg font-semibold">
          Kế hoạch cấp dưới thực hiện đã công bố ({plan.children.length})
        </h2>
        {plan.children.length === 0 ? (
          <p className="text-sm text-stone-700">Chưa có kế hoạch cấp dưới nào thực hiện văn bản này được công bố.</p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
            {plan.children.map((child) => (
              <li key={child.id} className="flex flex-wrap items-baseline gap-2 px-3 py-2">
                <Link href={`/public/plans/${child.id}`} className="font-semibold text-brand-700 hover:underline">
                  {documentKindLabel(child.kind)} {child.number}
                </Link>
                <span>{child.issuerName}</span>
                {child.issuedOn ? <span className="text-stone-600">{formatDate(child.issuedOn)}</span> : null}
                {child.isIllustrative ? <IllustrativeBadge /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
