import { formatTimeframe } from "@/domain/timeframe";
import { assignmentRoleLabels } from "@/ui/labels";
import { asTree } from "@/domain/tree";
import { type PlanDetail } from "./queries";

type Task = PlanDetail["tasks"][number];

function agencies(task: Task, role: keyof typeof assignmentRoleLabels) {
  return task.assignments.filter((a) => a.role === role);
}

export function TaskTree({ tasks }: { tasks: Task[] }) {
  if (tasks.length === 0) {
    return (
      <p className="rounded border border-dashed border-stone-300 bg-white p-4 text-stone-600">
        Văn bản này chưa có nhiệm vụ nào trong hệ thống. Đơn vị ban hành thêm nhiệm vụ ở trang Soạn, sửa kế hoạch (nút
        “Soạn, sửa dự thảo” hoặc “Sửa đổi, bổ sung” ở trên).
      </p>
    );
  }
  const rows = asTree(tasks, (t) => t.parentTaskId);
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Nhiệm vụ, giải pháp</caption>
        <thead className="bg-stone-100 text-left">
          <tr>
            <th scope="col" className="w-16 px-3 py-2">
              TT
            </th>
            <th scope="col" className="px-3 py-2">
              Nhiệm vụ
            </th>
            <th scope="col" className="w-64 px-3 py-2">
              Cơ quan thực hiện
            </th>
            <th scope="col" className="w-40 px-3 py-2">
              Thời gian
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ item: task, depth }) => {
            const roles = (["DIRECTING", "LEAD", "ADVISING", "COORDINATING"] as const)
              .map((role) => [role, agencies(task, role)] as const)
              .filter(([, list]) => list.length);
            return (
              <tr key={task.id} className={`border-t border-stone-100 align-top ${depth === 0 ? "bg-stone-50" : ""}`}>
                <td className="px-3 py-2 font-semibold tabular-nums">{task.numbering}</td>
                <td className="px-3 py-2" style={{ paddingLeft: `${0.75 + depth * 1.25}rem` }}>
                  {task.title ? <p className="font-semibold">{task.title}</p> : null}
                  {task.body ? <div className="space-y-1 whitespace-pre-line text-stone-800">{task.body}</div> : null}
                  {task.inheritance === "INHERITED" ? (
                    <p className="mt-1 text-xs text-stone-500">Kế thừa từ kế hoạch cấp trên</p>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  {roles.length === 0 ? <span className="text-stone-500">—</span> : null}
                  {roles.map(([role, list]) => (
                    <p key={role} className="mb-1">
                      <span className="text-xs font-semibold uppercase text-stone-500">
                        {assignmentRoleLabels[role]}:{" "}
                      </span>
                      {list.map((a, i) => (
                        <span key={a.id}>
                          {i ? "; " : ""}
                          {a.organization.name}
                          {a.organization.validTo ? (
                            <span className="text-xs text-stone-500"> (đã giải thể)</span>
                          ) : null}
                        </span>
                      ))}
                    </p>
                  ))}
                </td>
                <td className="px-3 py-2">
                  {task.timeframeText ??
                    (task.timeframeKind === "UNSPECIFIED" ? (
                      <span className="text-stone-500">—</span>
                    ) : (
                      formatTimeframe({ kind: task.timeframeKind, year: task.timeframeYear ?? undefined, text: null })
                    ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
