import Link from "next/link";
import { TASK_STATE_LABELS, TASK_STATES, type TaskState, type TaskSummary } from "./plan-dashboard";

// Tasks by status and by lead agency: who is behind on what. Server-rendered tables, no JavaScript.

const STATE_CLASSES: Record<TaskState, string> = {
  BEHIND: "bg-red-100 text-red-900",
  NOT_STARTED: "bg-amber-100 text-amber-950",
  IN_PROGRESS: "bg-sky-100 text-sky-900",
  COMPLETED: "bg-emerald-100 text-emerald-900",
  NO_UPDATE: "bg-stone-100 text-stone-700",
};

export function TaskSummaryView({ summary, resultsHref }: { summary: TaskSummary; resultsHref: string }) {
  if (summary.total === 0) {
    return (
      <p className="rounded border border-dashed border-stone-300 bg-white p-3 text-sm text-stone-600">
        Kế hoạch này chưa có nhiệm vụ nào trong hệ thống.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {summary.year === null ? (
        <p className="rounded border border-dashed border-stone-300 bg-white p-3 text-sm text-stone-700">
          Chưa cơ quan nào cập nhật tiến độ nhiệm vụ. Tiến độ được cập nhật ở{" "}
          <Link href={resultsHref} className="text-brand-700 hover:underline">
            trang Kết quả thực hiện
          </Link>
          .
        </p>
      ) : (
        <p className="text-sm text-stone-700">
          Tiến độ năm {summary.year} của {summary.total} nhiệm vụ cụ thể (nhiệm vụ không có nhiệm vụ con).
        </p>
      )}
      <ul className="flex flex-wrap gap-2 text-sm" aria-label="Nhiệm vụ theo tình trạng">
        {TASK_STATES.map((state) => (
          <li key={state} className={`rounded px-2 py-1 ${STATE_CLASSES[state]}`}>
            {TASK_STATE_LABELS[state]}: <strong className="tabular-nums">{summary.counts[state]}</strong>
          </li>
        ))}
      </ul>

      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Nhiệm vụ theo cơ quan chủ trì</caption>
          <thead className="bg-stone-100 text-left text-xs">
            <tr>
              <th scope="col" className="px-3 py-2">
                Cơ quan chủ trì
              </th>
              {TASK_STATES.map((state) => (
                <th key={state} scope="col" className="px-2 py-2 text-center">
                  {TASK_STATE_LABELS[state]}
                </th>
              ))}
              <th scope="col" className="px-3 py-2">
                Nhiệm vụ chậm
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.byAgency.map((row) => (
              <tr key={row.agency} className="border-t border-stone-100 align-top">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  {row.agency}
                </th>
                {TASK_STATES.map((state) => (
                  <td
                    key={state}
                    className={`px-2 py-1.5 text-center tabular-nums ${state === "BEHIND" && row.counts.BEHIND ? "font-semibold text-red-800" : ""}`}
                  >
                    {row.counts[state]}
                  </td>
                ))}
                <td className="px-3 py-1.5 text-xs">
                  {row.behind.length ? (
                    <ul className="space-y-0.5">
                      {row.behind.map((task) => (
                        <li key={task.numbering + task.title}>
                          <span className="tabular-nums text-stone-500">{task.numbering}</span> {task.title}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
