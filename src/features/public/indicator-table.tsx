import { indicatorStatusLook } from "@/ui/statuses";
import type { PublicIndicatorRow } from "./public-model";

// A published plan's indicators on its public page: targets for 2025 and 2030 exactly as the document
// writes them ("≥ 95%", "khoảng 75 tuổi", "2-2,5"), the latest figure as typed, its year and status
// (a label, never a colour alone); illustrative figures are labelled once, in the page's header. Group rows ("7 Y tế") are headings.

export function PublicIndicatorTable({ rows }: { rows: PublicIndicatorRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-stone-700">Kế hoạch này chưa có chỉ tiêu nào.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Chỉ tiêu, mục tiêu năm 2025, 2030 và số liệu thực hiện mới nhất</caption>
        <thead className="bg-stone-50 text-left text-stone-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Mã
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Chỉ tiêu
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Đơn vị
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Mục tiêu 2025
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Mục tiêu 2030
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Thực hiện
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Năm
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Tình trạng
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) =>
            row.isGroup ? (
              <tr key={row.id} className="bg-stone-50">
                <td className="px-3 py-2 font-semibold">{row.code}</td>
                <td colSpan={7} className="px-3 py-2 font-semibold">
                  {row.name}
                </td>
              </tr>
            ) : (
              <tr key={row.id}>
                <td className="px-3 py-2 align-top tabular-nums">{row.code}</td>
                <td
                  className="px-3 py-2 align-top"
                  style={row.depth > 1 ? { paddingLeft: `${row.depth * 0.75}rem` } : undefined}
                >
                  {row.name}
                </td>
                <td className="px-3 py-2 align-top">{row.unit ?? ""}</td>
                <td className="px-3 py-2 align-top">{row.targets[2025] || "—"}</td>
                <td className="px-3 py-2 align-top">{row.targets[2030] || "—"}</td>
                <td className="px-3 py-2 align-top tabular-nums">{row.latest ? row.latest.text : "Chưa có số liệu"}</td>
                <td className="px-3 py-2 align-top tabular-nums">{row.latest?.year ?? "—"}</td>
                <td className="px-3 py-2 align-top">
                  <span
                    className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold ${indicatorStatusLook[row.latest?.status ?? "NO_DATA"].classes}`}
                  >
                    {indicatorStatusLook[row.latest?.status ?? "NO_DATA"].label}
                  </span>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
