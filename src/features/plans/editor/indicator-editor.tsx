"use client";

import { useState } from "react";
import type { Direction } from "@/domain/target-notation";
import { Badge } from "@/ui/badge";
import { FieldMessage } from "@/ui/field-message";
import { ActionForm, Input, SelectField, TextField } from "@/ui/form";
import { directionLabels } from "@/ui/labels";
import { dropIndicatorAction, restoreIndicatorAction, saveIndicatorAction } from "../server-actions";
import { DroppedItem } from "./dropped-item";
import { RowStatus } from "./editor-changes";
import { RestoredNote, SaveStatus, useRowBackup, useSave } from "./save-state";
import { AssessmentNote } from "./assessment-note";
import { useEditorRow } from "./use-editor-row";
import { TargetInput } from "./target-input";

// "Định tính" is also the user's explicit word that a target may be written in words (readTarget).
const DIRECTION_OPTIONS = Object.entries(directionLabels).map(([value, label]) => ({
  value,
  label: value === "QUALITATIVE" ? `${label} (mục tiêu bằng lời, tự đánh giá)` : label,
}));

export type EditableIndicator = {
  id: string;
  version: number;
  code: string;
  name: string;
  unit: string | null;
  isGroup: boolean;
  direction: Direction;
  depth: number;
  parentIndicatorId: string | null;
  inheritance: "LOCAL" | "INHERITED" | "DROPPED";
  dropReason: string | null;
  targets: Record<string, string>;
  parentTargets: Record<string, string> | null;
};

const INDICATOR_FIELDS = ["code", "name", "unit", "direction", "target2025", "target2030"] as const;

export function IndicatorEditor({ planId, indicator }: { planId: string; indicator: EditableIndicator }) {
  const backup = useRowBackup(`plan-indicator:${indicator.id}`, indicator.version);
  const row = useEditorRow({
    kind: "indicator",
    id: indicator.id,
    label: `chỉ tiêu ${indicator.code}`,
    version: indicator.version,
    saved: {
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit ?? "",
      direction: indicator.isGroup ? "HIGHER_BETTER" : indicator.direction,
      target2025: indicator.isGroup ? "" : (indicator.targets["2025"] ?? ""),
      target2030: indicator.isGroup ? "" : (indicator.targets["2030"] ?? ""),
    },
    fields: INDICATOR_FIELDS,
    startsDirty: Boolean(backup.restored),
    onSaved: backup.clear,
  });
  const version = row.version;
  const drop = useSave(dropIndicatorAction);
  const restored = backup.restored;
  const [direction, setDirection] = useState<Direction>(
    (restored?.direction as Direction | undefined) ?? indicator.direction,
  );
  const [unit, setUnit] = useState(restored?.unit ?? indicator.unit ?? "");
  const [targets, setTargets] = useState<Record<string, string>>({
    "2025": restored?.target2025 ?? indicator.targets["2025"] ?? "",
    "2030": restored?.target2030 ?? indicator.targets["2030"] ?? "",
  });
  if (indicator.inheritance === "DROPPED") {
    return (
      <DroppedItem
        label={`${indicator.code} ${indicator.name}`}
        verdict="không áp dụng"
        reason={indicator.dropReason}
        depth={indicator.depth}
        restore={restoreIndicatorAction}
        fields={{ planId, indicatorId: indicator.id, version }}
      />
    );
  }
  const errors = row.errors;
  return (
    <li
      className={`scroll-mt-4 rounded border bg-white p-3 ${row.dirty ? "border-amber-400" : "border-stone-200"}`}
      style={{ marginLeft: `${indicator.depth * 1.5}rem` }}
      data-testid={`edit-indicator-${indicator.code}`}
      id={indicator.isGroup ? `indicator-${indicator.id}` : undefined}
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
        className="grid gap-2 md:grid-cols-[5rem_1fr_7rem]"
        aria-label={`Chỉ tiêu ${indicator.code} ${indicator.name}`}
      >
        <input type="hidden" name="indicatorId" value={indicator.id} />
        <input type="hidden" name="parentIndicatorId" value={indicator.parentIndicatorId ?? ""} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="isGroup" value={String(indicator.isGroup)} />
        <TextField name="code" label="Mã" initial={restored?.code ?? indicator.code} />
        <TextField
          name="name"
          label={indicator.isGroup ? "Nhóm chỉ tiêu" : "Tên chỉ tiêu"}
          initial={restored?.name ?? indicator.name}
        />
        <TextField
          name="unit"
          label="Đơn vị"
          initial={restored?.unit ?? indicator.unit ?? ""}
          onChange={(e) => setUnit(e.target.value)}
        />
        {indicator.isGroup ? (
          <>
            <input type="hidden" name="direction" value="HIGHER_BETTER" />
            <input type="hidden" name="target2025" value="" />
            <input type="hidden" name="target2030" value="" />
          </>
        ) : (
          <div className="grid gap-2 md:col-span-3 md:grid-cols-3">
            <SelectField
              name="direction"
              label="Chiều đánh giá"
              initial={restored?.direction ?? indicator.direction}
              options={DIRECTION_OPTIONS}
              onChange={(e) => setDirection(e.target.value as Direction)}
            />
            <TargetInput
              name="target2025"
              label="Mục tiêu đến năm 2025"
              initial={restored?.target2025 ?? indicator.targets["2025"] ?? ""}
              parentText={indicator.parentTargets?.["2025"] ?? null}
              direction={direction}
              unit={unit}
              serverError={errors.target2025}
              onValueChange={(v) => setTargets((t) => ({ ...t, "2025": v }))}
            />
            <TargetInput
              name="target2030"
              label="Mục tiêu đến năm 2030"
              initial={restored?.target2030 ?? indicator.targets["2030"] ?? ""}
              parentText={indicator.parentTargets?.["2030"] ?? null}
              direction={direction}
              unit={unit}
              serverError={errors.target2030}
              onValueChange={(v) => setTargets((t) => ({ ...t, "2030": v }))}
            />
            <AssessmentNote direction={direction} targets={targets} testId="assessment" />
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3 md:col-span-3">
          <RowStatus
            dirty={row.dirty}
            error={
              errors.version ??
              errors.indicatorId ??
              errors.parentIndicatorId ??
              (Object.keys(errors).length ? "xem các ô được đánh dấu" : undefined)
            }
            saved={row.justSaved}
          />
          {indicator.inheritance === "INHERITED" ? <Badge>kế thừa cấp trên</Badge> : null}
        </div>
      </ActionForm>
      <ActionForm
        state={drop.state}
        action={drop.formAction}
        className="mt-2 flex flex-wrap items-center gap-2 text-sm"
      >
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="indicatorId" value={indicator.id} />
        <input type="hidden" name="version" value={version} />
        {indicator.inheritance === "INHERITED" ? (
          <label className="flex items-center gap-1">
            Lý do không áp dụng
            <Input name="reason" />
          </label>
        ) : null}
        <button
          disabled={drop.pending}
          className="text-red-700 underline disabled:opacity-50"
          onClick={(event) => {
            if (
              indicator.inheritance !== "INHERITED" &&
              !window.confirm(
                `Xóa chỉ tiêu “${indicator.code} ${indicator.name}”? Chỉ tiêu do kế hoạch này thêm sẽ bị xóa hẳn cùng số liệu đã nhập (vẫn được ghi trong nhật ký).`,
              )
            )
              event.preventDefault();
          }}
        >
          {drop.pending ? "Đang xử lý…" : indicator.inheritance === "INHERITED" ? "Không áp dụng" : "Xóa chỉ tiêu"}
        </button>
        {drop.state.status === "error" ? <FieldMessage message={drop.errors.reason ?? drop.state.message} /> : null}
      </ActionForm>
    </li>
  );
}

export function NewIndicatorForm({ planId, groups }: { planId: string; groups: { id: string; label: string }[] }) {
  const save = useSave(saveIndicatorAction);
  const values = save.state.status === "error" ? save.state.values : {};
  const [direction, setDirection] = useState<Direction>("HIGHER_BETTER");
  const [unit, setUnit] = useState("");
  const [targets, setTargets] = useState<Record<string, string>>({ "2025": "", "2030": "" });
  return (
    <ActionForm
      state={save.state}
      action={save.formAction}
      className="grid gap-2 rounded border border-dashed border-stone-300 bg-white p-3 md:grid-cols-3"
      aria-label="Thêm chỉ tiêu"
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="indicatorId" value="" />
      <input type="hidden" name="isGroup" value="false" />
      <SelectField
        name="parentIndicatorId"
        label="Thuộc nhóm"
        options={[{ value: "", label: "(không thuộc nhóm)" }, ...groups.map((g) => ({ value: g.id, label: g.label }))]}
      />
      <TextField name="code" label="Mã" />
      <TextField name="unit" label="Đơn vị" onChange={(e) => setUnit(e.target.value)} />
      <TextField name="name" label="Tên chỉ tiêu" className="md:col-span-3" />
      <SelectField
        name="direction"
        label="Chiều đánh giá"
        initial="HIGHER_BETTER"
        options={DIRECTION_OPTIONS}
        onChange={(e) => setDirection(e.target.value as Direction)}
      />
      <TargetInput
        name="target2025"
        label="Mục tiêu đến năm 2025"
        initial={values.target2025 ?? ""}
        parentText={null}
        direction={direction}
        unit={unit}
        serverError={save.errors.target2025}
        onValueChange={(v) => setTargets((t) => ({ ...t, "2025": v }))}
      />
      <TargetInput
        name="target2030"
        label="Mục tiêu đến năm 2030"
        initial={values.target2030 ?? ""}
        parentText={null}
        direction={direction}
        unit={unit}
        serverError={save.errors.target2030}
        onValueChange={(v) => setTargets((t) => ({ ...t, "2030": v }))}
      />
      <AssessmentNote direction={direction} targets={targets} testId="new-assessment" />
      <div className="flex items-center gap-3 md:col-span-3">
        <button
          disabled={save.pending}
          className="rounded border border-brand-700 px-3 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50"
        >
          Thêm chỉ tiêu
        </button>
        <SaveStatus state={save.state} pending={save.pending} savedText="Đã thêm" />
      </div>
    </ActionForm>
  );
}
