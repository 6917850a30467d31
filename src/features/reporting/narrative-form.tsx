"use client";

import { useActionState } from "react";
import { ActionForm, TextAreaField } from "@/ui/form";
import { saveNarrativeAction } from "./server-actions";

// The narrative sections of a draft (or returned) report. On any refusal the typed text stays.

const FIELDS = [
  ["leadership", "I. Công tác lãnh đạo, chỉ đạo, quán triệt, tuyên truyền"],
  ["results", "II. Kết quả thực hiện nhiệm vụ và chỉ tiêu"],
  ["shortcomings", "III. Hạn chế, nguyên nhân"],
  ["nextYear", "IV. Phương hướng, nhiệm vụ năm tới"],
  ["proposals", "V. Kiến nghị, đề xuất"],
] as const;

type Narrative = Record<(typeof FIELDS)[number][0], string | null>;

export function NarrativeForm({
  reportId,
  version,
  narrative,
}: {
  reportId: string;
  version: number;
  narrative: Narrative;
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
      {FIELDS.map(([name, label]) => (
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
