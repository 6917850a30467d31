"use client";

import { useState } from "react";
import { formatTimeframe, parseTimeframe } from "@/domain/timeframe";
import { Badge } from "@/ui/badge";
import { FieldMessage } from "@/ui/field-message";
import { ActionForm, Field, Input, SelectField, TextAreaField, TextField } from "@/ui/form";
import { inputStyle } from "@/ui/input-style";
import { dropTaskAction, moveTaskAction, restoreTaskAction, saveTaskAction } from "../server-actions";
import { AgencyPicker } from "./agency-picker";
import { DroppedItem } from "./dropped-item";
import { RowStatus } from "./editor-changes";
import { RestoredNote, restoredList, SaveStatus, useRowBackup, useSave } from "./save-state";
import { useEditorRow } from "./use-editor-row";

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

/** Controlled, so what was typed survives React's reset of the form after a refusal. */
function TimeframeInput({ initial, serverError }: { initial: string; serverError?: string }) {
  const [value, setValue] = useState(initial);
  const parsed = value.trim() ? parseTimeframe(value) : null;
  const unreadable = parsed?.kind === "UNSPECIFIED";
  return (
    <Field
      label="Thời gian thực hiện"
      hint={parsed && !unreadable ? `Đọc là: ${formatTimeframe(parsed)}` : undefined}
      error={
        unreadable
          ? "Chưa đọc được: hãy viết “Thường xuyên”, “Năm 2025”, “Từ năm 2025”, “Quý I/2025” hoặc “Trước ngày 20/07/2025”"
          : serverError
      }
    >
      {(control) => (
        <input
          {...control}
          name="timeframe"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className={inputStyle.field}
          placeholder="Thường xuyên · Năm 2025 · Quý I/2025"
        />
      )}
    </Field>
  );
}

const TASK_FIELDS = ["numbering", "title", "body", "timeframe", "lead", "coordinating", "directing"] as const;

export function TaskEditor({ planId, task, directory }: { planId: string; task: EditableTask; directory: string[] }) {
  const label = `${task.numbering} ${task.title ?? task.body.slice(0, 60)}`;
  const backup = useRowBackup(`plan-task:${task.id}`, task.version);
  const row = useEditorRow({
    kind: "task",
    id: task.id,
    label: `nhiệm vụ ${task.numbering}`,
    version: task.version,
    saved: {
      numbering: task.numbering,
      title: task.title ?? "",
      body: task.body,
      timeframe: task.timeframe,
      lead: JSON.stringify(task.lead),
      coordinating: JSON.stringify(task.coordinating),
      directing: JSON.stringify(task.directing),
    },
    fields: TASK_FIELDS,
    startsDirty: Boolean(backup.restored),
    onSaved: backup.clear,
  });
  const version = row.version;
  const agenciesChanged = () => {
    if (!row.changed()) backup.clear();
    else if (row.form.current) backup.write(row.form.current);
  };
  const drop = useSave(dropTaskAction);
  const move = useSave(moveTaskAction);
  const restored = backup.restored;
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
  const errors = row.errors;
  const rowError =
    errors.version ?? errors.taskId ?? (Object.keys(errors).length ? "xem các ô được đánh dấu" : undefined);
  return (
    <li
      className={`scroll-mt-4 rounded border bg-white p-3 ${row.dirty ? "border-amber-400" : "border-stone-200"}`}
      style={{ marginLeft: `${task.depth * 1.5}rem` }}
      data-testid={`edit-task-${task.numbering}`}
      id={task.depth === 0 ? `task-${task.id}` : undefined}
    >
      <RestoredNote show={Boolean(restored) && !row.justSaved} />
      <ActionForm
        state={Object.keys(errors).length ? { status: "error", fieldErrors: errors, values: {} } : { status: "idle" }}
        {...row.formProps}
        onChange={(event) => {
          // Typed back to what was saved: nothing to keep in the browser.
          if (row.changed()) backup.onChange(event);
          else backup.clear();
        }}
        className="grid gap-2 md:grid-cols-[5rem_1fr]"
        aria-label={`Nhiệm vụ ${label}`}
      >
        <input type="hidden" name="taskId" value={task.id} />
        <input type="hidden" name="parentTaskId" value={task.parentTaskId ?? ""} />
        <input type="hidden" name="version" value={version} />
        <TextField name="numbering" label="TT" initial={restored?.numbering ?? task.numbering} />
        <TextField name="title" label="Tiêu đề" initial={restored?.title ?? task.title ?? ""} />
        <TextAreaField
          name="body"
          label="Nội dung"
          className="md:col-span-2"
          initial={restored?.body ?? task.body}
          rows={Math.min(8, Math.max(2, Math.ceil(task.body.length / 140)))}
        />
        <div className="grid gap-3 md:col-span-2 md:grid-cols-4">
          <AgencyPicker
            name="lead"
            label="Chủ trì"
            initial={restoredList(restored?.lead, task.lead)}
            directory={directory}
            error={errors.lead}
            onChange={agenciesChanged}
          />
          <AgencyPicker
            name="coordinating"
            label="Phối hợp"
            initial={restoredList(restored?.coordinating, task.coordinating)}
            directory={directory}
            error={errors.coordinating}
            onChange={agenciesChanged}
          />
          <AgencyPicker
            name="directing"
            label="Chỉ đạo"
            initial={restoredList(restored?.directing, task.directing)}
            directory={directory}
            error={errors.directing}
            onChange={agenciesChanged}
          />
          <TimeframeInput initial={restored?.timeframe ?? task.timeframe} serverError={errors.timeframe} />
        </div>
        <div className="flex flex-wrap items-center gap-3 md:col-span-2">
          <RowStatus dirty={row.dirty} error={rowError} saved={row.justSaved} />
          {task.inheritance === "INHERITED" ? <Badge>kế thừa cấp trên</Badge> : null}
        </div>
      </ActionForm>
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
        <ActionForm state={drop.state} action={drop.formAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="planId" value={planId} />
          <input type="hidden" name="taskId" value={task.id} />
          <input type="hidden" name="version" value={version} />
          {task.inheritance === "INHERITED" ? (
            <label className="flex items-center gap-1">
              Lý do không thực hiện
              <Input name="reason" />
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
        </ActionForm>
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
    <ActionForm
      state={save.state}
      action={save.formAction}
      className="grid gap-2 rounded border border-dashed border-stone-300 bg-white p-3 md:grid-cols-[1fr_6rem_2fr]"
      aria-label="Thêm nhiệm vụ"
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="taskId" value="" />
      <SelectField
        name="parentTaskId"
        label="Thuộc nhóm"
        options={[
          { value: "", label: "(nhóm nhiệm vụ mới)" },
          ...parents.map((p) => ({ value: p.id, label: p.label })),
        ]}
      />
      <TextField name="numbering" label="TT" />
      <TextField name="title" label="Tiêu đề" />
      <TextAreaField name="body" label="Nội dung" rows={3} className="md:col-span-3" />
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
    </ActionForm>
  );
}
