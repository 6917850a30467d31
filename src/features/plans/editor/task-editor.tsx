"use client";

import { useState } from "react";
import { formatTimeframe, parseTimeframe } from "@/domain/timeframe";
import { Badge } from "@/ui/badge";
import { FieldMessage } from "@/ui/field-message";
import { dropTaskAction, moveTaskAction, restoreTaskAction, saveTaskAction } from "../server-actions";
import { AgencyPicker } from "./agency-picker";
import { DroppedItem } from "./dropped-item";
import { RestoredNote, restoredList, SaveStatus, useRowBackup, useSave } from "./save-state";

export type EditableTask = {
  id: string;
  version: number;
  depth: number;
  parentTaskId: string | null;
  numbering: string;
  title: string | null;
  body: string;
  timeframe: string;
  lead: string[];
  coordinating: string[];
  directing: string[];
  inheritance: "LOCAL" | "INHERITED" | "DROPPED";
  dropReason: string | null;
};

function TimeframeInput({ initial, serverError }: { initial: string; serverError?: string }) {
  const [value, setValue] = useState(initial);
  const parsed = value.trim() ? parseTimeframe(value) : null;
  const unreadable = parsed?.kind === "UNSPECIFIED";
  return (
    <label className="block text-sm">
      <span className="font-semibold">Thời gian thực hiện</span>
      <input
        name="timeframe"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={unreadable || Boolean(serverError)}
        className={`mt-1 w-full rounded border px-2 py-1 ${unreadable ? "border-red-500" : "border-stone-300"}`}
        placeholder="Thường xuyên · Năm 2025 · Quý I/2025"
      />
      {parsed && !unreadable ? (
        <span className="block text-xs text-stone-600">Đọc là: {formatTimeframe(parsed)}</span>
      ) : null}
      {unreadable ? (
        <FieldMessage message="Chưa đọc được: hãy viết “Thường xuyên”, “Năm 2025”, “Từ năm 2025”, “Quý I/2025” hoặc “Trước ngày 20/07/2025”" />
      ) : null}
      {serverError && !unreadable ? <FieldMessage message={serverError} /> : null}
    </label>
  );
}

export function TaskEditor({ planId, task, directory }: { planId: string; task: EditableTask; directory: string[] }) {
  // The page re-renders after every save (here or elsewhere, e.g. a move renumbers siblings): use the
  // newest version seen, without remounting the form and losing its saved/failed message.
  const [savedVersion, setVersion] = useState(0);
  const version = Math.max(task.version, savedVersion);
  const backup = useRowBackup(`plan-task:${task.id}`, task.version);
  const save = useSave(saveTaskAction, (s) => {
    setVersion((s.data as { version: number }).version);
    backup.clear();
  });
  const drop = useSave(dropTaskAction);
  const move = useSave(moveTaskAction);
  const values = save.state.status === "error" ? save.state.values : backup.restored;
  const label = `${task.numbering} ${task.title ?? task.body.slice(0, 60)}`;
  if (task.inheritance === "DROPPED") {
    return (
      <DroppedItem
        label={label}
        verdict="không thực hiện"
        reason={task.dropReason}
        depth={task.depth}
        restore={restoreTaskAction}
        fields={{ planId, taskId: task.id, version }}
      />
    );
  }
  return (
    <li
      className="rounded border border-stone-200 bg-white p-3"
      style={{ marginLeft: `${task.depth * 1.5}rem` }}
      data-testid={`edit-task-${task.numbering}`}
    >
      <RestoredNote show={Boolean(backup.restored) && save.state.status === "idle"} />
      <form
        action={save.formAction}
        onChange={backup.onChange}
        className="grid gap-2 md:grid-cols-[5rem_1fr]"
        aria-label={`Nhiệm vụ ${label}`}
      >
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="taskId" value={task.id} />
        <input type="hidden" name="parentTaskId" value={task.parentTaskId ?? ""} />
        <input type="hidden" name="version" value={version} />
        <label className="text-sm">
          <span className="font-semibold">TT</span>
          <input
            name="numbering"
            defaultValue={values?.numbering ?? task.numbering}
            aria-invalid={Boolean(save.errors.numbering)}
            className="mt-1 w-full rounded border border-stone-300 px-2 py-1"
          />
          <FieldMessage message={save.errors.numbering} />
        </label>
        <label className="text-sm">
          <span className="font-semibold">Tiêu đề</span>
          <input
            name="title"
            defaultValue={values?.title ?? task.title ?? ""}
            aria-invalid={Boolean(save.errors.title)}
            className="mt-1 w-full rounded border border-stone-300 px-2 py-1"
          />
          <FieldMessage message={save.errors.title} />
        </label>
        <label className="text-sm md:col-span-2">
          <span className="font-semibold">Nội dung</span>
          <textarea
            name="body"
            defaultValue={values?.body ?? task.body}
            rows={Math.min(8, Math.max(2, Math.ceil(task.body.length / 140)))}
            aria-invalid={Boolean(save.errors.body)}
            className="mt-1 w-full rounded border border-stone-300 px-2 py-1"
          />
          <FieldMessage message={save.errors.body} />
        </label>
        <div className="grid gap-3 md:col-span-2 md:grid-cols-4">
          <AgencyPicker
            name="lead"
            label="Chủ trì"
            initial={restoredList(backup.restored?.lead, task.lead)}
            directory={directory}
            error={save.errors.lead}
          />
          <AgencyPicker
            name="coordinating"
            label="Phối hợp"
            initial={restoredList(backup.restored?.coordinating, task.coordinating)}
            directory={directory}
            error={save.errors.coordinating}
          />
          <AgencyPicker
            name="directing"
            label="Chỉ đạo"
            initial={restoredList(backup.restored?.directing, task.directing)}
            directory={directory}
            error={save.errors.directing}
          />
          <TimeframeInput initial={values?.timeframe ?? task.timeframe} serverError={save.errors.timeframe} />
        </div>
        <div className="flex flex-wrap items-center gap-3 md:col-span-2">
          <button
            disabled={save.pending}
            className="rounded bg-brand-700 px-3 py-1 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            Lưu nhiệm vụ
          </button>
          <SaveStatus state={save.state} pending={save.pending} />
          {task.inheritance === "INHERITED" ? <Badge>kế thừa cấp trên</Badge> : null}
        </div>
      </form>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        <form action={move.formAction} className="flex gap-1" aria-label={`Sắp xếp ${label}`}>
          <input type="hidden" name="planId" value={planId} />
          <input type="hidden" name="taskId" value={task.id} />
          <button
            name="direction"
            value="up"
            disabled={move.pending}
            className="rounded border border-stone-300 px-2 disabled:opacity-50"
            title="Lên trên"
          >
            ↑
          </button>
          <button
            name="direction"
            value="down"
            disabled={move.pending}
            className="rounded border border-stone-300 px-2 disabled:opacity-50"
            title="Xuống dưới"
          >
            ↓
          </button>
          <button
            name="direction"
            value="indent"
            disabled={move.pending}
            className="rounded border border-stone-300 px-2 disabled:opacity-50"
            title="Thành nhiệm vụ con của nhiệm vụ trên"
          >
            →
          </button>
          <button
            name="direction"
            value="outdent"
            disabled={move.pending}
            className="rounded border border-stone-300 px-2 disabled:opacity-50"
            title="Lên một cấp"
          >
            ←
          </button>
        </form>
        <form action={drop.formAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="planId" value={planId} />
          <input type="hidden" name="taskId" value={task.id} />
          <input type="hidden" name="version" value={version} />
          {task.inheritance === "INHERITED" ? (
            <label className="flex items-center gap-1">
              Lý do không thực hiện
              <input
                name="reason"
                defaultValue={drop.state.status === "error" ? (drop.state.values.reason ?? "") : ""}
                aria-invalid={Boolean(drop.errors.reason)}
                className="rounded border border-stone-300 px-2 py-0.5"
              />
            </label>
          ) : null}
          <button
            disabled={drop.pending}
            className="text-red-700 underline disabled:opacity-50"
            onClick={(event) => {
              if (
                task.inheritance !== "INHERITED" &&
                !window.confirm(
                  `Xóa nhiệm vụ “${label}”? Nhiệm vụ do kế hoạch này thêm sẽ bị xóa hẳn (vẫn được ghi trong nhật ký).`,
                )
              )
                event.preventDefault();
            }}
          >
            {drop.pending ? "Đang xử lý…" : task.inheritance === "INHERITED" ? "Không thực hiện" : "Xóa nhiệm vụ"}
          </button>
          {drop.state.status === "error" ? <FieldMessage message={drop.errors.reason ?? drop.state.message} /> : null}
        </form>
      </div>
    </li>
  );
}

export function NewTaskForm({
  planId,
  parents,
  directory,
}: {
  planId: string;
  parents: { id: string; label: string }[];
  directory: string[];
}) {
  const save = useSave(saveTaskAction);
  const values = save.state.status === "error" ? save.state.values : {};
  return (
    <form
      action={save.formAction}
      className="grid gap-2 rounded border border-dashed border-stone-300 bg-white p-3 md:grid-cols-[1fr_6rem_2fr]"
      aria-label="Thêm nhiệm vụ"
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="taskId" value="" />
      <label className="text-sm">
        <span className="font-semibold">Thuộc nhóm</span>
        <select
          name="parentTaskId"
          defaultValue={values.parentTaskId ?? ""}
          className="mt-1 w-full rounded border border-stone-300 px-2 py-1"
        >
          <option value="">(nhóm nhiệm vụ mới)</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="font-semibold">TT</span>
        <input
          name="numbering"
          defaultValue={values.numbering ?? ""}
          aria-invalid={Boolean(save.errors.numbering)}
          className="mt-1 w-full rounded border border-stone-300 px-2 py-1"
        />
        <FieldMessage message={save.errors.numbering} />
      </label>
      <label className="text-sm">
        <span className="font-semibold">Tiêu đề</span>
        <input
          name="title"
          defaultValue={values.title ?? ""}
          aria-invalid={Boolean(save.errors.title)}
          className="mt-1 w-full rounded border border-stone-300 px-2 py-1"
        />
        <FieldMessage message={save.errors.title} />
      </label>
      <label className="text-sm md:col-span-3">
        <span className="font-semibold">Nội dung</span>
        <textarea
          name="body"
          defaultValue={values.body ?? ""}
          rows={3}
          aria-invalid={Boolean(save.errors.body)}
          className="mt-1 w-full rounded border border-stone-300 px-2 py-1"
        />
        <FieldMessage message={save.errors.body} />
      </label>
      <div className="grid gap-3 md:col-span-3 md:grid-cols-4">
        <AgencyPicker name="lead" label="Chủ trì" initial={[]} directory={directory} error={save.errors.lead} />
        <AgencyPicker
          name="coordinating"
          label="Phối hợp"
          initial={[]}
          directory={directory}
          error={save.errors.coordinating}
        />
        <AgencyPicker
          name="directing"
          label="Chỉ đạo"
          initial={[]}
          directory={directory}
          error={save.errors.directing}
        />
        <TimeframeInput initial={values.timeframe ?? ""} serverError={save.errors.timeframe} />
      </div>
      <div className="flex items-center gap-3 md:col-span-3">
        <button
          disabled={save.pending}
          className="rounded border border-brand-700 px-3 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50"
        >
          Thêm nhiệm vụ
        </button>
        <SaveStatus state={save.state} pending={save.pending} savedText="Đã thêm" />
      </div>
    </form>
  );
}
