"use client";

import { useActionState } from "react";
import { ActionForm, TextAreaField, TextField } from "@/ui/form";
import { NARRATIVE_SECTIONS, type NarrativeSection } from "./narrative-sections";
import { saveNarrativeAction } from "./server-actions";

// The narrative sections of a draft (or returned) report. On any refusal the typed text stays.

type Narrative = Record<NarrativeSection, string | null> & { numberSerial: string | null };

export function NarrativeForm({
  reportId,
  version,
  narrative,
  numberPattern,
}: {
  reportId: string;
  version: number;
  narrative: Narrative;
  /** How the number prints, around the serial: ["Số: ", "/BC-UBND"]. */
  numberPattern: [string, string];
}) {
  const [state, formAction, pending] = useActionState(saveNarrativeAction, { status: "idle" });
  const values = state.status === "error" ? state.values : {};
  return (
    <ActionForm
      state={state}
      action={formAction}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-label="Nội dung báo cáo"
    >
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={values.version ?? String(version)} />
      <TextField
        name="numberSerial"
        label="Số báo cáo"
        initial={narrative.numberSerial ?? ""}
        inputMode="numeric"
        className="max-w-xs"
        hint={`In trên báo cáo: ${numberPattern[0]}45${numberPattern[1]} (để trống nếu chưa lấy số)`}
      />
      {NARRATIVE_SECTIONS.map(([name, label]) => (
        <TextAreaField
          key={name}
          name={name}
          label={label}
          initial={narrative[name] ?? ""}
          rows={name === "results" ? 8 : 4}
        />
      ))}
      <div className="flex items-center gap-3">
        <button
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Đang lưu…" : "Lưu bản nháp"}
        </button>
        <p aria-live="polite" className="text-sm" data-testid="narrative-state">
          {state.status === "ok" ? <span className="text-emerald-700">Đã lưu bản nháp.</span> : null}
          {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
        </p>
      </div>
    </ActionForm>
  );
}
