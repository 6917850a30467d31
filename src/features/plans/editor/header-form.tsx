"use client";

import { useRef, useState } from "react";
import { FieldMessage } from "@/ui/field-message";
import { ActionForm, TextAreaField } from "@/ui/form";
import { inputStyle } from "@/ui/input-style";
import { PLAN_SECTIONS, type PlanSectionKey } from "../sections";
import { updatePlanHeaderAction } from "../server-actions";
import { SaveStatus, useDraftBackup, useSave } from "./save-state";

export type HeaderValues = { title: string } & Record<PlanSectionKey, string>;

/** Title and narrative sections; what is typed is kept in the browser until the server has it. */
export function HeaderForm({
  planId,
  version: initialVersion,
  initial,
}: {
  planId: string;
  version: number;
  initial: HeaderValues;
}) {
  const [version, setVersion] = useState(initialVersion);
  const backup = useDraftBackup(`plan-header:${planId}`);
  const form = useRef<HTMLFormElement>(null);
  // Rendered in the browser only (header-form-loader.tsx), so the backup can be read up front.
  const [restored, setRestored] = useState<Record<string, string> | null>(() => {
    const saved = backup.read();
    return saved && Object.entries(initial).some(([key, value]) => saved[key] !== undefined && saved[key] !== value)
      ? saved
      : null;
  });
  const save = useSave(updatePlanHeaderAction, (s) => {
    setVersion((s.data as { version: number }).version);
    backup.clear();
    setRestored(null);
  });
  const values = save.state.status === "error" ? save.state.values : (restored ?? initial);
  return (
    <ActionForm
      state={save.state}
      ref={form}
      action={save.formAction}
      onChange={() => form.current && backup.write(form.current)}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-label="Thông tin chung"
      key={restored ? "restored" : "initial"}
    >
      {restored ? (
        <p className="rounded bg-sky-50 p-2 text-sm text-sky-900">
          Đã khôi phục nội dung bạn nhập nhưng chưa lưu. Bấm “Lưu thông tin chung” để lưu, hoặc{" "}
          <button
            type="button"
            className="underline"
            onClick={() => {
              backup.clear();
              setRestored(null);
            }}
          >
            bỏ nội dung chưa lưu
          </button>
          .
        </p>
      ) : null}
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField name="title" label="Trích yếu" initial={(restored ?? initial).title} rows={2} />
      {PLAN_SECTIONS.map(([key, label]) => (
        <details key={key} className="rounded border border-stone-200 p-2" open={key === "generalObjective"}>
          <summary className="cursor-pointer text-sm font-semibold">{label}</summary>
          <textarea
            name={key}
            aria-label={label}
            defaultValue={values[key] ?? ""}
            rows={6}
            aria-invalid={save.errors[key] ? true : undefined}
            className={inputStyle.field}
          />
          <FieldMessage message={save.errors[key]} />
        </details>
      ))}
      <div className="flex items-center gap-3">
        <button
          disabled={save.pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          Lưu thông tin chung
        </button>
        <SaveStatus state={save.state} pending={save.pending} />
      </div>
    </ActionForm>
  );
}
