"use client";

import { useState } from "react";
import { Badge } from "@/ui/badge";
import { TASK_STATUSES, taskStatusLook, type TaskStatus } from "@/ui/statuses";
import type { ProgressRow, ProgressTask } from "./queries";
import { newestSaved, rememberSaved } from "./saved-in-tab";
import { saveTaskProgressAction } from "./server-actions";

// The progress of each task without sub-tasks in a year: a status and a short account of what was
// done; where a task has several lead agencies, each agency's own update under the overall one.

type Draft = { status: TaskStatus | ""; summary: string };
const keyOf = (row: Pick<ProgressRow, "taskId" | "organizationId">) => `${row.taskId}:${row.organizationId ?? ""}`;
const draftOf = (row: { status: TaskStatus | null; summary: string }): Draft => ({
  status: row.status ?? "",
  summary: row.summary,
});

type SaveState =
  { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "failed"; message: string };

export function TaskProgressForm({
  planId,
  year,
  tasks,
  canEdit,
}: {
  planId: string;
  year: number;
  tasks: ProgressTask[];
  canEdit: boolean;
}) {
  const allRows = tasks.flatMap((t) => t.rows);
  // The rows as last saved: the page's, or newer ones this tab saved (saved-in-tab.ts).
  const form = `tasks:${planId}:${year}`;
  const [saved, setSaved] = useState<
    Record<string, { status: TaskStatus | null; summary: string; version: number | null }>
  >(() => Object.fromEntries(allRows.map((r) => [keyOf(r), newestSaved(form, keyOf(r), r)])));
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(Object.entries(saved).map(([key, row]) => [key, draftOf(row)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>({ kind: "idle" });

  if (tasks.length === 0)
    return (
      <p className="rounded border border-dashed border-stone-300 bg-white p-4 text-stone-600">
        Kế hoạch này chưa có nhiệm vụ nào trong hệ thống, nên chưa có tiến độ để cập nhật.{" "}
        {canEdit ? (
          <a href={`/plans/${planId}/edit`} className="text-brand-700 underline">
            Thêm nhiệm vụ ở trang Soạn, sửa kế hoạch
          </a>
        ) : (
          "Đơn vị ban hành kế hoạch thêm nhiệm vụ ở trang Soạn, sửa kế hoạch."
        )}
      </p>
    );

  const isDirty = (key: string) => {
    const d = drafts[key]!;
    const s = saved[key]!;
    return d.status !== (s.status ?? "") || d.summary.trim() !== s.summary.trim();
  };
  const dirty = allRows.filter((r) => isDirty(keyOf(r)));

  const update = (key: string, patch: Partial<Draft>) => {
    setDrafts((current) => ({ ...current, [key]: { ...current[key]!, ...patch } }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([k]) => k !== key)));
    setState((s) => (s.kind === "saved" ? { kind: "idle" } : s));
  };

  async function save() {
    if (dirty.length === 0) return setState({ kind: "failed", message: "Không có thay đổi nào để lưu." });
    const missing = dirty.filter((r) => drafts[keyOf(r)]!.status === "" && drafts[keyOf(r)]!.summary.trim() !== "");
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((r) => [keyOf(r), "Hãy chọn tình trạng thực hiện"])));
      return setState({
        kind: "failed",
        message: `Còn ${missing.length} nhiệm vụ có nội dung nhưng chưa chọn tình trạng.`,
      });
    }
    const sent = dirty.map((r) => {
      const d = drafts[keyOf(r)]!;
      return {
        taskId: r.taskId,
        organizationId: r.organizationId,
        status: d.status || null,
        summary: d.summary,
        version: saved[keyOf(r)]!.version,
      };
    });
    setState({ kind: "saving" });
    try {
      const result = await saveTaskProgressAction({ planId, year, rows: sent });
      if (result.status === "ok") {
        const fresh = Object.fromEntries(
          result.data.saved.map((s) => [keyOf(s), { status: s.status, summary: s.summary, version: s.version }]),
        );
        rememberSaved(form, fresh);
        setSaved((current) => ({ ...current, ...fresh }));
        setDrafts((current) => ({
          ...current,
          ...Object.fromEntries(Object.entries(fresh).map(([k, v]) => [k, draftOf(v)])),
        }));
        setState({ kind: "saved", at: new Date().toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" }) });
      } else if (result.status === "error") {
        const rowErrors: Record<string, string> = {};
        for (const [key, message] of Object.entries(result.fieldErrors)) {
          const match = /^rows\.(\d+)\./.exec(key);
          const row = match ? sent[Number(match[1])] : undefined;
          if (row) rowErrors[keyOf(row)] = message;
        }
        setErrors(rowErrors);
        setState({ kind: "failed", message: result.message });
      }
    } catch {
      setState({
        kind: "failed",
        message: "Không kết nối được máy chủ. Nội dung bạn nhập vẫn còn trên màn hình; hãy thử lưu lại.",
      });
    }
  }

  return (
    <div className="space-y-2">
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <button
            type="button"
            onClick={() => void save()}
            disabled={state.kind === "saving"}
            className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {state.kind === "saving" ? "Đang lưu…" : "Lưu tiến độ nhiệm vụ"}
          </button>
          <p aria-live="polite" data-testid="progress-save-state">
            {state.kind === "saved" ? <span className="text-emerald-700">Đã lưu lúc {state.at}.</span> : null}
            {state.kind === "failed" ? <span className="text-red-700">Chưa lưu được: {state.message}</span> : null}
            {state.kind === "idle" && dirty.length ? (
              <span className="text-amber-800">Có {dirty.length} dòng thay đổi chưa lưu.</span>
            ) : null}
          </p>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm" aria-label={`Tiến độ thực hiện nhiệm vụ năm ${year}`}>
          <thead className="bg-stone-100 text-left">
            <tr>
              <th scope="col" className="w-14 px-2 py-2">
                TT
              </th>
              <th scope="col" className="px-2 py-2">
                Nhiệm vụ
              </th>
              <th scope="col" className="w-52 px-2 py-2">
                Tình trạng
              </th>
              <th scope="col" className="w-[28rem] px-2 py-2">
                Kết quả thực hiện
              </th>
            </tr>
          </thead>
          {/* The rows' look is in task-progress.css, written once rather than in each cell. */}
          <tbody className="task-progress">
            {tasks.map((task) => (
              <TaskRows
                key={task.id}
                task={task}
                canEdit={canEdit}
                drafts={drafts}
                saved={saved}
                errors={errors}
                isDirty={isDirty}
                update={update}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TaskRows({
  task,
  canEdit,
  drafts,
  saved,
  errors,
  isDirty,
  update,
}: {
  task: ProgressTask;
  canEdit: boolean;
  drafts: Record<string, Draft>;
  saved: Record<string, { status: TaskStatus | null; summary: string }>;
  errors: Record<string, string>;
  isDirty: (key: string) => boolean;
  update: (key: string, patch: Partial<Draft>) => void;
}) {
  const heading = (
    <>
      {task.title ? <span className="font-semibold">{task.title} </span> : null}
      <span className="line-clamp-3 whitespace-pre-line">{task.body}</span>
    </>
  );
  if (!task.isLeaf) {
    return (
      <tr className="group-row">
        <td>{task.numbering}</td>
        <td colSpan={3} style={{ paddingLeft: `${0.5 + task.depth}rem` }}>
          {heading}
        </td>
      </tr>
    );
  }
  return (
    <>
      {task.rows.map((row, i) => {
        const key = keyOf(row);
        const draft = drafts[key]!;
        const label = row.organizationName
          ? `${task.numbering} — ${row.organizationName}`
          : `Nhiệm vụ ${task.numbering}`;
        return (
          <tr
            key={key}
            className={[i === 0 ? "first" : "", isDirty(key) ? "dirty" : ""].join(" ").trim() || undefined}
            data-testid={`progress-${task.numbering}${row.organizationName ? `-${i}` : ""}`}
          >
            <td>{i === 0 ? task.numbering : ""}</td>
            <td style={{ paddingLeft: `${0.5 + task.depth + (row.organizationId ? 1 : 0)}rem` }}>
              {row.organizationId ? (
                <span className="text-stone-700">
                  Cập nhật của <span className="font-semibold">{row.organizationName}</span>
                </span>
              ) : (
                <>
                  {heading}
                  {task.leads.length ? (
                    <span className="mt-1 block text-xs text-stone-500">Chủ trì: {task.leads.join("; ")}</span>
                  ) : null}
                  {task.rows.length > 1 ? (
                    <span className="block text-xs text-stone-500">Đánh giá chung của nhiệm vụ</span>
                  ) : null}
                </>
              )}
            </td>
            <td>
              {canEdit ? (
                <select
                  value={draft.status}
                  onChange={(e) => update(key, { status: e.target.value as TaskStatus | "" })}
                  aria-label={`Tình trạng — ${label}`}
                  aria-invalid={errors[key] ? true : undefined}
                >
                  <option value="">— Chưa đánh giá —</option>
                  {TASK_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {taskStatusLook[s].label}
                    </option>
                  ))}
                </select>
              ) : saved[key]?.status ? (
                <Badge tone={taskStatusLook[saved[key]!.status!].tone}>
                  {taskStatusLook[saved[key]!.status!].label}
                </Badge>
              ) : (
                <span className="text-stone-500">—</span>
              )}
              {errors[key] ? <span className="mt-0.5 block text-xs text-red-700">{errors[key]}</span> : null}
            </td>
            <td>
              {canEdit ? (
                <textarea
                  value={draft.summary}
                  onChange={(e) => update(key, { summary: e.target.value })}
                  rows={2}
                  aria-label={`Kết quả thực hiện — ${label}`}
                />
              ) : (
                <span className="whitespace-pre-line">{saved[key]?.summary}</span>
              )}
            </td>
          </tr>
        );
      })}
    </>
  );
}
