import { Badge } from "@/ui/badge";
import { directionLabels } from "@/ui/labels";
import { asTree } from "@/domain/tree";
import { type PlanDetail } from "./queries";

type Indicator = PlanDetail["indicators"][number];

const MILESTONES = [2025, 2030];

function targetText(targets: { year: number; text: string }[], year: number) {
  return targets.find((t) => t.year === year)?.text ?? "";
}

export function IndicatorTable({ indicators, hasParent }: { indicators: Indicator[]; hasParent: boolean }) {
  if (indicators.length === 0) {
    return (
      <p className="rounded border border-dashed border-stone-300 bg-white p-4 text-stone-600">
        Văn bản này chưa có chỉ tiêu nào trong hệ thống. Đơn vị ban hành thêm chỉ tiêu ở trang Soạn, sửa kế hoạch (nút
        “Soạn, sửa dự thảo” hoặc “Sửa đổi, bổ sung” ở trên).
      </p>
    );
  }
  const rows = asTree(indicators, (i) => i.parentIndicatorId);
  const actualYears = [...new Set(indicators.flatMap((i) => i.actuals.map((a) => a.year)))].sort();
  const anyIllustrative = indicators.some((i) => i.actuals.some((a) => a.isIllustrative));
  return (
    <div className="space-y-2">
      {anyIllustrative ? (
        <p className="text-sm text-amber-900">
          <Badge tone="amber">dữ liệu minh họa</Badge> Số liệu thực hiện các năm trong bảng là dữ liệu minh họa, không
          phải số liệu thực tế.
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Chỉ tiêu cụ thể</caption>
          <thead className="bg-stone-100 text-left">
            <tr>
              <th scope="col" rowSpan={2} className="w-14 px-3 py-2">
                TT
              </th>
              <th scope="col" rowSpan={2} className="px-3 py-2">
                Chỉ tiêu
              </th>
              <th scope="col" rowSpan={2} className="px-3 py-2">
                Đơn vị
              </th>
              <th scope="colgroup" colSpan={MILESTONES.length} className="px-3 py-1 text-center">
                Mục tiêu
              </th>
              {actualYears.length ? (
                <th scope="colgroup" colSpan={actualYears.length} className="px-3 py-1 text-center">
                  Thực hiện
                </th>
              ) : null}
            </tr>
            <tr>
              {MILESTONES.map((year) => (
                <th key={year} scope="col" className="px-3 py-1 text-center">
                  Đến năm {year}
                </th>
              ))}
              {actualYears.map((year) => (
                <th key={year} scope="col" className="px-3 py-1 text-center">
                  Năm {year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ item, depth }) => (
              <tr
                key={item.id}
                className={`border-t border-stone-100 align-top ${item.isGroup ? "bg-stone-50 font-semibold" : ""}`}
                data-testid={`indicator-${item.code}`}
              >
                <td className="px-3 py-2 tabular-nums">{item.code}</td>
                <td className="px-3 py-2" style={{ paddingLeft: `${0.75 + depth * 1}rem` }}>
                  {item.name}
                  {!item.isGroup && item.direction === "LOWER_BETTER" ? (
                    <span className="ml-1 text-xs font-normal text-stone-500" title={directionLabels.LOWER_BETTER}>
                      ↓ càng thấp càng tốt
                    </span>
                  ) : null}
                  {item.markedAsFromParent ? (
                    <span
                      className="ml-1 text-xs font-normal text-stone-500"
                      title="Chỉ tiêu có trong văn bản cấp trên"
                    >
                      (X)
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">{item.unit ?? ""}</td>
                {MILESTONES.map((year) => {
                  const own = targetText(item.targets, year);
                  const parent = hasParent && item.derivedFrom ? targetText(item.derivedFrom.targets, year) : "";
                  return (
                    <td key={year} className="px-3 py-2 text-center">
                      <span>{own || (item.isGroup ? "" : "—")}</span>
                      {parent ? (
                        <span
                          className="block text-xs font-normal text-stone-500"
                          title="Chỉ tiêu của kế hoạch cấp trên"
                        >
                          cấp trên: {parent}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
                {actualYears.map((year) => {
                  const actual = item.actuals.find((a) => a.year === year);
                  return (
                    <td key={year} className="px-3 py-2 text-center tabular-nums">
                      {actual ? actual.text : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
