"use client";

import { useActionState } from "react";
import type { ActionState } from "@/server/actions";
import { FieldMessage } from "@/ui/field-message";
import { reviewReportAction } from "./server-actions";

/** The body above accepts the submitted report, or returns it with a comment (required). */
export function ReviewForm({ reportId, version, number }: { reportId: string; version: number; number: number }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(reviewReportAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  // The decision travels in a hidden field set by the button pressed (the form's one comment serves both).
  const choose = (value: "ACCEPTED" | "RETURNED") => (event: React.MouseEvent<HTMLButtonElement>) => {
    const field = event.currentTarget.form?.elements.namedItem("decision");
    if (field instanceof HTMLInputElement) field.value = value;
  };
  return (
    <form
      action={formAction}
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4"
      aria-label="Xem xét báo cáo"
    >
      <p className="text-sm font-semibold">Xem xét báo cáo (lần gửi {number})</p>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="decision" defaultValue="ACCEPTED" />
      <label className="block text-sm font-semibold">
        Ý kiến của cấp trên
        <textarea
          name="comment"
          rows={3}
          defaultValue={values.comment ?? ""}
          className="mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1.5 font-normal"
          aria-invalid={Boolean(errors.comment)}
        />
        <span className="block text-xs font-normal text-stone-600">Bắt buộc khi trả lại báo cáo.</span>
        <FieldMessage message={errors.comment} />
      </label>
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
    </form>
  );
}
