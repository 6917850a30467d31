import Link from "next/link";
import type { ReactNode } from "react";
import { documentKindLabel } from "@/domain/document-number";
import { formatDate } from "@/domain/reporting-calendar";
import { Badge } from "@/ui/badge";
import type { AlignmentItem, ChildPlan, IssuanceSummary, ReportsSummary } from "./queries";
import { daysLeftLabel, issuanceLabel, issuedBeforeEnd, missedDeadline, type Issuance } from "./rollup";

// The sections under the matrix: targets less ambitious than the parent's, who issued their
// implementing plan (and who missed the parent's deadline), and this year's reports.

/** Which rows of a long list the page shows (issue 18: a large province's page stays small), and its pager. */
export type ListWindow = { start: number; size: number; pager: ReactNode };

function windowed<T>(rows: readonly T[], rowWindow: ListWindow | undefined): readonly T[] {
  return rowWindow ? rows.slice(rowWindow.start, rowWindow.start + rowWindow.size) : rows;
}

/** Rows listed under one indicator; the count says how many more there are. */
const SHOWN_PER_INDICATOR = 25;

function PlanLink({ plan }: { plan: ChildPlan }) {
  return (
    <Link href={`/plans/${plan.id}/dashboard`} prefetch={false} className="text-brand-700 hover:underline">
      {plan.issuerName}
    </Link>
  );
}

export function AlignmentSection({ items }: { items: AlignmentItem[] | null }) {
  if (items === null) {
    return (
      <p className="rounded border border-dashed border-stone-300 bg-white p-3 text-sm text-stone-600">
        Văn bản được tổng hợp không có chỉ tiêu riêng để cấp dưới kế thừa, nên không so sánh được mức chỉ tiêu. Chọn kế
        hoạch của một tỉnh (hoặc xem bảng theo dõi của từng kế hoạch) để so sánh.
      </p>
    );
  }
  if (items.length === 0) {
    return (
      <p className="rounded border border-dashed border-stone-300 bg-white p-3 text-sm text-stone-600">
        Không có cấp dưới nào đặt chỉ tiêu thấp hơn cấp trên (trong phạm vi đang lọc).
      </p>
    );
  }
  const total = new Set(items.flatMap((item) => item.weaker.map((w) => w.plan.id))).size;
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-700">
        {total} cơ quan cấp dưới đặt ít nhất một chỉ tiêu thấp hơn cấp trên, ở {items.length} chỉ tiêu kế thừa (mở từng
        chỉ tiêu để xem). “Thấp hơn” theo chiều của chỉ tiêu: với chỉ tiêu càng thấp càng tốt, mức trần cao hơn là thấp
        hơn.
      </p>
      <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
        {items.map(({ column, weaker }) => {
          const parents = [...new Map(weaker.map((w) => [w.year, w.parentText])).entries()].sort((a, b) => a[0] - b[0]);
          // One entry per child, its weaker milestones together: "Xã A: 81,7% (2025), 90,3% (2030)".
          const byPlan = new Map<string, { name: string; targets: string[] }>();
          for (const w of weaker) {
            const entry = byPlan.get(w.plan.id) ?? { name: w.plan.issuerName, targets: [] };
            entry.targets.push(`${w.childText} (${w.year})`);
            byPlan.set(w.plan.id, entry);
          }
          const children = [...byPlan.values()];
          const shown = children.slice(0, SHOWN_PER_INDICATOR).map((c) => `${c.name}: ${c.targets.join(", ")}`);
          return (
            <li key={column.key} className="px-3 py-2">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-semibold">{column.code}</span> {column.name}
                  <span className="text-stone-600">
                    {" "}
                    — cấp trên: {parents.map(([year, text]) => `${text} (${year})`).join("; ")} ·{" "}
                    <strong className="text-red-900">{children.length}</strong> cấp dưới thấp hơn
                  </span>
                </summary>
                <p className="mt-1 text-stone-700">
                  {shown.join("; ")}
                  {children.length > shown.length
                    ? ` … và ${children.length - shown.length} cơ quan khác (lọc theo nhóm chỉ tiêu hoặc xem bảng theo dõi của từng kế hoạch).`
                    : "."}
                </p>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function issuanceTone(issuance: Issuance): "red" | "green" | "amber" | "neutral" {
  if (missedDeadline(issuance.state)) return "red";
  if (issuance.state === "ON_TIME" || issuance.state === "ISSUED") return "green";
  if (issuance.state === "DRAFT" || issuance.state === "MISSING") return "amber";
  return "neutral";
}

export function IssuanceSection({ issuance, rowWindow }: { issuance: IssuanceSummary | null; rowWindow?: ListWindow }) {
  if (!issuance) return null;
  if (issuance.rows.length === 0) {
    return (
      <p className="rounded border border-dashed border-stone-300 bg-white p-3 text-sm text-stone-600">
        Chưa có cấp dưới nào ban hành văn bản thực hiện kế hoạch này, và hệ thống không có danh sách đơn vị cấp dưới của
        cơ quan ban hành.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-700">
        {issuance.dueOn ? (
          <>
            Hạn cấp trên đặt cho cấp dưới ban hành kế hoạch: <strong>{formatDate(issuance.dueOn)}</strong>.{" "}
          </>
        ) : (
          <>Văn bản cấp trên không đặt hạn ban hành kế hoạch cho cấp dưới. </>
        )}
        Đã ban hành: <strong>{issuance.issued}</strong>/{issuance.rows.length} · chưa ban hành:{" "}
        <strong>{issuance.missing}</strong> · trễ hạn hoặc quá hạn:{" "}
        <strong className="text-red-800">{issuance.missed}</strong>.
      </p>
      {rowWindow?.pager}
      <div className="max-h-[60vh] overflow-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Tình hình ban hành kế hoạch thực hiện của cấp dưới</caption>
          <thead className="sticky top-0 bg-stone-100 text-left text-xs">
            <tr>
              <th scope="col" className="px-3 py-2">
                Địa phương
              </th>
              <th scope="col" className="px-3 py-2">
                Tình trạng
              </th>
              <th scope="col" className="px-3 py-2">
                Văn bản thực hiện
              </th>
            </tr>
          </thead>
          <tbody>
            {windowed(issuance.rows, rowWindow).map((row, i) => (
              <tr
                key={row.locality?.id ?? `plan-${row.plans[0]?.plan.id ?? i}`}
                className="border-t border-stone-100 align-top"
              >
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  {row.locality?.name ?? row.plans[0]?.plan.unitName ?? "—"}
                </th>
                <td className="px-3 py-1.5">
                  <Badge tone={issuanceTone(row.issuance)}>{issuanceLabel(row.issuance)}</Badge>
                </td>
                <td className="px-3 py-1.5">
                  {row.plans.length === 0 ? (
                    <span className="text-stone-500">Chưa có văn bản trong hệ thống</span>
                  ) : null}
                  <ul className="space-y-0.5">
                    {row.plans.map(({ plan, inherited, issuance: own }) => (
                      <li key={plan.id}>
                        <PlanLink plan={plan} /> — {documentKindLabel(plan.kind)} {plan.number}
                        {plan.issuedOn
                          ? `, ngày ${formatDate(plan.issuedOn)}`
                          : plan.status === "DRAFT"
                            ? ", dự thảo"
                            : ""}
                        {row.plans.length > 1 ? (
                          <span className="text-stone-600"> ({issuanceLabel(own).toLowerCase()})</span>
                        ) : null}
                        {inherited ? (
                          <span className="block text-xs text-amber-900">
                            {issuedBeforeEnd(plan)
                              ? `Kế thừa: ban hành trước sắp xếp đơn vị hành chính bởi ${plan.issuerName}`
                              : `Kế thừa từ ${plan.issuerName} (ghi ngày ban hành sau khi cơ quan đã kết thúc hoạt động)`}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ReportsSection({ reports, rowWindow }: { reports: ReportsSummary | null; rowWindow?: ListWindow }) {
  if (!reports) return null;
  if (reports.rows.length === 0)
    return (
      <p className="rounded border border-dashed border-stone-300 bg-white p-3 text-sm text-stone-600">
        Chưa có kế hoạch cấp dưới nào phải báo cáo năm {reports.year}
        {reports.notOwed
          ? ` (${reports.notOwed} kế hoạch không phải báo cáo: cơ quan ban hành đã kết thúc hoạt động trước hạn, hoặc kế hoạch ban hành sau hạn)`
          : ""}
        .
      </p>
    );
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-700">
        Báo cáo năm {reports.year}: đã nộp <strong>{reports.submitted}</strong>/{reports.rows.length}. Hạn nộp{" "}
        {formatDate(reports.due)} ({daysLeftLabel(reports.daysLeft)}).
        {reports.submitted === 0
          ? " Chưa địa phương nào nộp báo cáo năm nay; báo cáo được lập và nộp ở trang Báo cáo của từng kế hoạch."
          : ""}
        {reports.notOwed ? (
          <span className="block text-stone-600" data-testid="reports-not-owed">
            Không tính {reports.notOwed} kế hoạch không phải báo cáo năm {reports.year}: cơ quan ban hành đã kết thúc
            hoạt động trước hạn (các cơ quan kế thừa báo cáo theo kế hoạch của mình) hoặc kế hoạch ban hành sau hạn.
          </span>
        ) : null}
      </p>
      {rowWindow?.pager}
      <div className="max-h-[60vh] overflow-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Tình hình nộp báo cáo năm {reports.year}</caption>
          <thead className="sticky top-0 bg-stone-100 text-left text-xs">
            <tr>
              <th scope="col" className="px-3 py-2">
                Cơ quan, kế hoạch
              </th>
              <th scope="col" className="px-3 py-2">
                Báo cáo năm {reports.year}
              </th>
              <th scope="col" className="px-3 py-2">
                Hạn nộp
              </th>
              <th scope="col" className="px-3 py-2">
                Thời gian còn lại
              </th>
            </tr>
          </thead>
          <tbody>
            {windowed(reports.rows, rowWindow).map(({ plan, standing }) => (
              <tr key={plan.id} className="border-t border-stone-100">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  <PlanLink plan={plan} /> <span className="text-xs text-stone-500">{plan.number}</span>
                </th>
                <td className="px-3 py-1.5">
                  <Badge
                    tone={
                      standing.submitted
                        ? "green"
                        : standing.deadline === "OVERDUE"
                          ? "red"
                          : standing.deadline === "DUE_SOON"
                            ? "amber"
                            : "neutral"
                    }
                  >
                    {standing.label}
                  </Badge>
                </td>
                <td className="px-3 py-1.5 tabular-nums">{formatDate(standing.due)}</td>
                <td className="px-3 py-1.5">{standing.submitted ? "—" : daysLeftLabel(standing.daysLeft)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
