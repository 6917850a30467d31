import { Badge } from "@/ui/badge";
import { assessment, contradictions, type Milestone } from "@/domain/indicator-assessment";
import type { Direction } from "@/domain/target-notation";
import { asTree } from "@/domain/tree";
import { type PlanDetail } from "./queries";

type Indicator = PlanDetail["indicators"][number];

const MILESTONES = [2025, 2030];

function targetText(targets: { year: number; text: string }[], year: number) {
  return targets.find((t) => t.year === year)?.text ?? "";
}

/** The stored target as the domain reads it. */
function targetOf(row: Indicator["targets"][number]): Milestone {
  return {
    year: row.year,
    target: {
      kind: row.kind,
      lower: row.lower === null ? null : Number(row.lower),
      upper: row.upper === null ? null : Number(row.upper),
      isPercent: row.isPercent,
      unit: null,
      qualitative: row.qualitative,
      text: row.text,
    },
  };
}

/**
 * Which way the status is computed and why, under the indicator's name: said when it is not simply
 * "higher is better", and always with a warning when the direction and the targets contradict.
 */
function AssessedAs({ indicator }: { indicator: Indicator }) {
  const milestones = indicator.targets.map(targetOf);
  const direction = indicator.direction as Direction;
  const rule = assessment(direction, milestones);
  const problems = contradictions(direction, milestones);
  if (rule.way === "UP" && !rule.overridden && problems.length === 0) return null;
  return (
    <span className="block text-xs font-normal text-stone-600" data-testid="assessed-as">
      Đánh giá: {rule.label}
      {rule.overridden || problems.length ? ` — ${rule.reason}` : ""}
      {problems.length ? (
        <span className="block text-amber-900" role="note">
          ⚠ {problems.join(" ")}
        </span>
      ) : null}
    </span>
  );
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
          {/* The body's look is in indicator-table.css: written once, not in each cell of the HTML
              and again in the RSC payload that repeats this server-rendered table (issue 18 part 4). */}
          <tbody className="plan-indicators">
            {rows.map(({ item, depth }) => (
              <tr
                key={item.id}
                className={item.isGroup ? "group-row" : undefined}
                data-testid={`indicator-${item.code}`}
              >
                <td>{item.code}</td>
                <td style={{ paddingLeft: `${0.75 + depth * 1}rem` }}>
                  {item.name}
                  {item.isGroup ? null : <AssessedAs indicator={item} />}
                  {item.markedAsFromParent ? (
                    <span className="from-parent" title="Chỉ tiêu có trong văn bản cấp trên">
                      (X)
                    </span>
                  ) : null}
                </td>
                <td>{item.unit ?? ""}</td>
                {MILESTONES.map((year) => {
                  const own = targetText(item.targets, year);
                  const parent = hasParent && item.derivedFrom ? targetText(item.derivedFrom.targets, year) : "";
                  return (
                    <td key={year}>
                      {own || (item.isGroup ? "" : "—")}
                      {parent ? (
                        <span className="parent-target" title="Chỉ tiêu của kế hoạch cấp trên">
                          cấp trên: {parent}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
                {actualYears.map((year) => (
                  <td key={year}>{item.actuals.find((a) => a.year === year)?.text ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
