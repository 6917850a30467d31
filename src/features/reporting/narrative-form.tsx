"use client";

import { useActionState, useEffect } from "react";
import { ActionForm, TextAreaField, TextField } from "@/ui/form";
import { announceDraftSaved } from "./draft-events";
import { NARRATIVE_SECTIONS, type Narrative } from "./narrative-sections";
import { saveNarrativeAction } from "./server-actions";

// The narrative sections of a draft (or returned) report. On any refusal the typed text stays. A
// save answers with what was stored and the new version, without re-rendering the page: the fields
// start from the saved text (React resets a form to its defaults after its action), and the rest
// of the page hears of the save (draft-events.ts).

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
  const saved = state.status === "ok" ? state.data : null;
  const shown = saved?.narrative ?? narrative;
  useEffect(() => {
    if (saved) announceDraftSaved({ reportId: saved.reportId, version: saved.version, narrative: saved.narrative });
  }, [saved]);
  return (
    <ActionForm
      state={state}
      action={formAction}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-label="Nội dung báo cáo"
    >
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={values.version ?? String(saved?.version ?? version)} />
      <TextField
        name="numberSerial"
        label="Số báo cáo"
        initial={shown.numberSerial ?? ""}
        inputMode="numeric"
        className="max-w-xs"
        hint={`In trên báo cáo: ${numberPattern[0]}45${numberPattern[1]} (để trống nếu chưa lấy số)`}
      />
      {NARRATIVE_SECTIONS.map(([name, label]) => (
        <TextAreaField
          key={name}
          name={name}
          label={label}
          initial={shown[name] ?? ""}
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
