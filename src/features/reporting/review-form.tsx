"use client";

import { useActionState } from "react";
import { ActionForm, TextAreaField } from "@/ui/form";
import { reviewReportAction } from "./server-actions";

/** The body above accepts the submitted report, or returns it with a comment (required). */
export function ReviewForm({ reportId, version, number }: { reportId: string; version: number; number: number }) {
  const [state, formAction, pending] = useActionState(reviewReportAction, { status: "idle" });
  // The decision travels in a hidden field set by the button pressed (the form's one comment serves both).
  const choose = (value: "ACCEPTED" | "RETURNED") => (event: React.MouseEvent<HTMLButtonElement>) => {
    const field = event.currentTarget.form?.elements.namedItem("decision");
    if (field instanceof HTMLInputElement) field.value = value;
  };
  return (
    <ActionForm
      state={state}
      action={formAction}
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4"
      aria-label="Xem xét báo cáo"
    >
      <p className="text-sm font-semibold">Xem xét báo cáo (lần gửi {number})</p>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="decision" defaultValue="ACCEPTED" />
      <TextAreaField name="comment" label="Ý kiến của cấp trên" rows={3} hint="Bắt buộc khi trả lại báo cáo." />
      <div className="flex flex-wrap items-center gap-3">
        <button
          onClick={choose("ACCEPTED")}
          disabled={pending}
          className="rounded bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          Chấp nhận báo cáo
        </button>
        <button
          onClick={choose("RETURNED")}
          disabled={pending}
          className="rounded bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
        >
          Trả lại để hoàn chỉnh
        </button>
        <p aria-live="polite" className="text-sm">
          {pending ? <span>Đang ghi nhận…</span> : null}
          {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
        </p>
      </div>
    </ActionForm>
  );
}
