import type { Metadata } from "next";
import Link from "next/link";
import { documentKindLabel, numberPhrase } from "@/domain/document-number";
import { AggregationForm } from "@/features/plans/aggregation-form";
import { IndicatorTable } from "@/features/plans/indicator-table";
import { canEditPlan } from "@/features/plans/editor-data";
import { currentReportYear } from "@/domain/vietnam-time";
import { canImplement } from "@/features/plans/plan-actions";
import { PublishForm } from "@/features/plans/publish-form";
import { PLAN_SECTIONS } from "@/features/plans/sections";
import { getPlanDetail } from "@/features/plans/queries";
import { roleHolds } from "@/server/permissions";
import { TaskTree } from "@/features/plans/task-tree";
import { Badge, IllustrativeBadge } from "@/ui/badge";
import { ResolutionLine } from "@/ui/resolution-picker";
import { day } from "@/ui/format";
import { planStatusLabels, trackLabels } from "@/ui/labels";
import { planPage } from "@/server/pages";

export const metadata: Metadata = { title: "Kế hoạch" };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const {
    scope,
    data: { plan, implementable },
  } = await planPage("/plans/[id]", id, async (db, scope) => ({
    plan: await getPlanDetail(db, scope, id),
    implementable: await canImplement(db, scope, id),
  }));
  const editable = canEditPlan(scope, plan.issuer);
  const tasks = plan.tasks.filter((t) => t.inheritance !== "DROPPED");
  const indicators = plan.indicators.filter((i) => i.inheritance !== "DROPPED");
  const dropped = plan.tasks.length - tasks.length + plan.indicators.length - indicators.length;
  // The document at the top of this plan's cascade (ADR 0033), named when the user may read it.
  const resolution =
    plan.resolutionId && plan.resolutionId !== plan.id
      ? plan.ancestors.find((a) => a.id === plan.resolutionId)
      : undefined;

  return (
    <article className="space-y-6">
      {plan.ancestors.length ? (
        <nav aria-label="Chuỗi văn bản cấp trên" className="text-sm">
          <ol className="flex flex-wrap items-center gap-1 text-stone-600">
            {[...plan.ancestors].reverse().map((ancestor) => (
              <li key={ancestor.id} className="flex items-center gap-1">
                <Link href={`/plans/${ancestor.id}`} className="text-brand-700 hover:underline" title={ancestor.title}>
                  {documentKindLabel(ancestor.kind as Parameters<typeof documentKindLabel>[0])} {ancestor.number}
                </Link>
                <span aria-hidden>›</span>
              </li>
            ))}
            <li aria-current="page" className="font-semibold text-stone-900">
              {plan.number}
            </li>
          </ol>
        </nav>
      ) : null}

      <header className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <p className="text-sm uppercase tracking-wide text-stone-500">{plan.issuer.name}</p>
        <h1 className="text-2xl font-semibold">
          {documentKindLabel(plan.kind)} {numberPhrase(plan.number)}
          {plan.issuedOn ? <span className="font-normal text-stone-600"> ngày {day(plan.issuedOn)}</span> : null}
        </h1>
        <p className="text-lg">{plan.title}</p>
        {resolution ? (
          <ResolutionLine
            choice={resolution}
            href={`/plans/${resolution.id}`}
            kind={documentKindLabel(resolution.kind as Parameters<typeof documentKindLabel>[0])}
          />
        ) : null}
        <div className="flex flex-wrap gap-2 text-sm">
          <Badge>{trackLabels[plan.track]}</Badge>
          <Badge tone={plan.status === "ISSUED" ? "green" : "blue"}>{planStatusLabels[plan.status]}</Badge>
          {plan.isIllustrative ? <IllustrativeBadge /> : null}
          {plan.publishedAt ? <Badge tone="blue">Đã công bố ngoài tỉnh</Badge> : null}
          {plan.issuer.validTo ? (
            <Badge tone="neutral" title="Cơ quan ban hành đã kết thúc hoạt động khi sắp xếp đơn vị hành chính">
              Cơ quan ban hành kết thúc hoạt động từ {day(plan.issuer.validTo)}
              {plan.issuer.successors.length
                ? `; kế thừa: ${plan.issuer.successors.map((s) => s.successor.name).join(", ")}`
                : ""}
            </Badge>
          ) : null}
        </div>
        {plan.signerName || plan.signingForm ? (
          <p className="text-sm text-stone-600">
            {plan.signingForm} {plan.signerTitle ? `· ${plan.signerTitle}` : ""}{" "}
            {plan.signerName ? `· ${plan.signerName}` : ""}
          </p>
        ) : null}
        {!plan.hasContent ? (
          <p className="rounded bg-stone-100 p-2 text-sm text-stone-700">
            Hệ thống chỉ lưu số, ngày, cơ quan ban hành và trích yếu của văn bản này; nội dung chưa được nhập.
          </p>
        ) : null}
      </header>

      <nav aria-label="Thao tác" className="flex flex-wrap gap-2 text-sm">
        {editable ? (
          <Link
            href={`/plans/${plan.id}/edit`}
            className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800"
          >
            {plan.status === "DRAFT" ? "Soạn, sửa dự thảo" : "Sửa đổi, bổ sung"}
          </Link>
        ) : null}
        {implementable ? (
          <Link
            href={`/plans/${plan.id}/implement`}
            className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800"
          >
            Tạo kế hoạch thực hiện
          </Link>
        ) : null}
        {plan.hasContent ? (
          <>
            <Link
              href={`/plans/${plan.id}/results`}
              className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100"
            >
              Kết quả thực hiện
            </Link>
            <Link
              href={`/plans/${plan.id}/reports/${currentReportYear()}`}
              className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100"
            >
              Báo cáo năm {currentReportYear()}
            </Link>
            <Link
              href={`/plans/${plan.id}/dashboard`}
              className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100"
            >
              Biểu đồ theo dõi
            </Link>
            {plan.children.length ? (
              <Link
                href={`/dashboard?plan=${plan.id}`}
                className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100"
              >
                Tổng hợp cấp dưới
              </Link>
            ) : null}
          </>
        ) : null}
        <Link
          href={`/plans/${plan.id}/history`}
          className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100"
        >
          Lịch sử
        </Link>
        {plan.publishedAt ? (
          <Link
            href={`/public/plans/${plan.id}`}
            className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100"
          >
            Trang công khai
          </Link>
        ) : null}
        {editable && plan.status === "ISSUED" && roleHolds(scope.role, "plans.issue", scope.isSystemAdmin) ? (
          <PublishForm planId={plan.id} version={plan.version} published={Boolean(plan.publishedAt)} />
        ) : null}
      </nav>

      {plan.citations.length ? (
        <section aria-labelledby="citations" className="text-sm">
          <h2 id="citations" className="font-semibold">
            Văn bản căn cứ khác
          </h2>
          <ul className="ml-5 list-disc">
            {plan.citations.map((c) => (
              <li key={c.id}>
                <Link href={`/plans/${c.id}`} className="text-brand-700 hover:underline">
                  {documentKindLabel(c.kind)} {c.number}
                </Link>{" "}
                — {c.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {PLAN_SECTIONS.some(([key]) => plan[key]) ? (
        <section aria-labelledby="sections" className="space-y-2">
          <h2 id="sections" className="text-lg font-semibold">
            Nội dung
          </h2>
          {PLAN_SECTIONS.filter(([key]) => plan[key]).map(([key, label]) => (
            <details
              key={key}
              className="rounded border border-stone-200 bg-white p-3"
              open={key === "generalObjective"}
            >
              <summary className="cursor-pointer font-semibold">{label}</summary>
              <div className="mt-2 whitespace-pre-line text-sm leading-relaxed">{plan[key]}</div>
            </details>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="indicators" className="space-y-2">
        <h2 id="indicators" className="text-lg font-semibold">
          Chỉ tiêu
        </h2>
        <IndicatorTable indicators={indicators} hasParent={Boolean(plan.parentId)} />
        {editable && indicators.some((i) => !i.isGroup) ? (
          <details className="text-sm" data-testid="aggregation-settings">
            <summary className="cursor-pointer text-brand-700">
              Cách tổng hợp số liệu của các địa phương (cho báo cáo tổng hợp)
            </summary>
            <div className="mt-2 space-y-2">
              <p className="text-stone-600">
                Chọn từng chỉ tiêu: cộng số liệu (chỉ tiêu đếm được), bình quân gia quyền theo một chỉ tiêu khác (tỷ lệ,
                theo dân số hoặc số hộ) hoặc không tổng hợp. Kế hoạch cấp dưới lập sau sẽ kế thừa cách này.
              </p>
              <AggregationForm
                planId={plan.id}
                indicators={indicators
                  .filter((i) => !i.isGroup)
                  .map((i) => ({
                    id: i.id,
                    label: i.code ? `${i.code}. ${i.name}` : i.name,
                    version: i.version,
                    aggregation: i.aggregation,
                    aggregationWeightId: i.aggregationWeightId,
                  }))}
              />
            </div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="tasks" className="space-y-2">
        <h2 id="tasks" className="text-lg font-semibold">
          Nhiệm vụ, giải pháp
        </h2>
        <TaskTree tasks={tasks} />
        {dropped ? (
          <p className="text-sm text-stone-600">
            {dropped} nội dung kế thừa từ cấp trên không áp dụng ở kế hoạch này (xem khi soạn, sửa).
          </p>
        ) : null}
      </section>

      <section aria-labelledby="children" className="space-y-2">
        <h2 id="children" className="text-lg font-semibold">
          Văn bản cấp dưới thực hiện ({plan.children.length})
        </h2>
        {plan.children.length === 0 ? (
          <p className="text-sm text-stone-600">
            Chưa có văn bản cấp dưới nào (mà bạn được xem) thực hiện văn bản này.
          </p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
            {plan.children.map((child) => (
              <li key={child.id} className="flex flex-wrap items-baseline gap-2 px-3 py-2">
                <Link href={`/plans/${child.id}`} className="font-semibold text-brand-700 hover:underline">
                  {child.number}
                </Link>
                <span>{child.issuer.name}</span>
                <span className="text-stone-500">{day(child.issuedOn)}</span>
                {child.isIllustrative ? <IllustrativeBadge /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
