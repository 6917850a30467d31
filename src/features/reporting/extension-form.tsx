"use client";

import { useActionState } from "react";
import { ActionForm, TextAreaField, TextField } from "@/ui/form";
import { grantExtensionAction } from "./server-actions";

/** The reviewing body grants the locality a later due date ("gia hạn"), with a reason (ADR 0029). */
export function ExtensionForm({
  planId,
  year,
  version,
  currentDue,
}: {
  planId: string;
  year: number;
  /** The report's version; 0 when the locality has not opened its report yet. */
  version: number;
  /** The deadline in force, dd/mm/yyyy. */
  currentDue: string;
}) {
  const [state, formAction, pending] = useActionState(grantExtensionAction, { status: "idle" });
  return (
    <ActionForm
      state={state}
      action={formAction}
      className="space-y-2 rounded-lg border border-sky-300 bg-sky-50 p-4"
      aria-label="Gia hạn nộp báo cáo"
    >
      <p className="text-sm font-semibold">Gia hạn nộp báo cáo (hạn hiện tại {currentDue})</p>
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={version} />
      <TextField
        name="extendedTo"
        label="Gia hạn đến ngày"
        hint="dd/mm/yyyy, sau hạn hiện tại"
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        className="max-w-xs"
      />
      <TextAreaField
        name="reason"
        label="Lý do gia hạn"
        rows={2}
        hint="Ít nhất 5 ký tự; đơn vị được gia hạn sẽ thấy lý do này."
      />
      <div className="flex flex-wrap items-center gap-3">
        <button
          disabled={pending}
          className="rounded bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {pending ? "Đang ghi nhận…" : "Gia hạn"}
        </button>
        <p aria-live="polite" className="text-sm">
          {state.status === "ok" ? <span className="text-emerald-700">Đã gia hạn.</span> : null}
          {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
        </p>
      </div>
    </ActionForm>
  );
}
