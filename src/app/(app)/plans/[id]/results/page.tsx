import type { Metadata } from "next";
import Link from "next/link";
import { YearPicker } from "@/ui/year-picker";
import { reportYears } from "@/features/reporting/calendar";
import { FIRST_RESULTS_YEAR } from "@/domain/reporting-calendar";
import { getResultsPage } from "@/features/results/queries";
import { ResultsGrid } from "@/features/results/results-grid";
import { packGrid } from "@/features/results/grid-wire";
import { TaskProgressForm } from "@/features/results/task-progress-form";
import { IllustrativeBadge } from "@/ui/badge";
import { planPage } from "@/server/pages";

export const metadata: Metadata = { title: "Kết quả thực hiện" };

export default async function PlanResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ year?: string }>;
}) {
  const { id } = await params;
  const years = reportYears(FIRST_RESULTS_YEAR);
  const asked = Number((await searchParams).year);
  const year = years.includes(asked) ? asked : years[0]!;
  const { data: page } = await planPage("/plans/[id]/results", id, (db, scope) => getResultsPage(db, scope, id, year));

  return (
    <article className="space-y-6">
      <nav aria-label="Đường dẫn" className="text-sm text-stone-600">
        <Link href={`/plans/${page.plan.id}`} className="text-brand-700 hover:underline">
          Kế hoạch {page.plan.number}
        </Link>
        <span aria-hidden> › </span>
        <span aria-current="page">Kết quả thực hiện</span>
      </nav>
      <header className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <p className="text-sm uppercase tracking-wide text-stone-500">{page.plan.issuerName}</p>
        <h1 className="text-2xl font-semibold">Kết quả thực hiện năm {year}</h1>
        <p>
          {page.plan.number} — {page.plan.title}
        </p>
        <div className="flex flex-wrap items-end gap-4 text-sm">
          <YearPicker year={year} years={years} />
          <Link href={`/plans/${page.plan.id}/reports/${year}`} className="text-brand-700 hover:underline">
            Báo cáo năm {year} →
          </Link>
          {/* The same CSV other systems read through /api/v1 (a download, not a page: a plain link). */}
          <a
            href={`/api/v1/plans/${page.plan.id}/actuals.csv?year=${year}`}
            className="text-brand-700 hover:underline"
            download
          >
            Tải chỉ tiêu và kết quả (CSV)
          </a>
          {page.plan.isIllustrative ? <IllustrativeBadge /> : null}
        </div>
        {!page.canEdit ? (
          <p className="text-sm text-stone-600">
            Bạn đang xem; chỉ cán bộ nhập liệu và lãnh đạo của cơ quan ban hành kế hoạch được nhập kết quả.
          </p>
        ) : null}
      </header>

      <section aria-labelledby="indicators" className="space-y-2">
        <h2 id="indicators" className="text-lg font-semibold">
          Chỉ tiêu
        </h2>
        <p className="text-sm text-stone-600">
          Số ghi theo cách viết Việt Nam: dấu phẩy trước phần thập phân (24,01), dấu chấm tách hàng nghìn (1.500). Đánh
          giá được tính tự động theo lộ trình từ mức cơ sở đến mục tiêu năm 2025 và 2030; với chỉ tiêu định tính, người
          nhập chọn đánh giá.
        </p>
        <ResultsGrid
          key={`grid-${year}`}
          planId={page.plan.id}
          year={year}
          packed={packGrid(page.rows)}
          canEdit={page.canEdit}
        />
      </section>

      <section aria-labelledby="tasks" className="space-y-2">
        <h2 id="tasks" className="text-lg font-semibold">
          Tiến độ nhiệm vụ
        </h2>
        <TaskProgressForm
          key={`tasks-${year}`}
          planId={page.plan.id}
          year={year}
          tasks={page.tasks}
          canEdit={page.canEdit}
        />
      </section>
    </article>
  );
}
