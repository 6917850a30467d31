"use client";

import { useActionState } from "react";
import { FieldMessage } from "@/ui/field-message";
import { ActionForm, Input } from "@/ui/form";
import { setChildDeadlineAction } from "./server-actions";

/** The day a plan's children must send their yearly reports by (15/12 when left empty). */
export function ChildDeadlineForm({
  planId,
  version,
  day,
  month,
}: {
  planId: string;
  version: number;
  day: number | null;
  month: number | null;
}) {
  const [state, formAction, pending] = useActionState(setChildDeadlineAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <ActionForm
      state={state}
      action={formAction}
      className="flex flex-wrap items-end gap-2 text-sm"
      aria-label="Hạn báo cáo của cấp dưới"
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <span className="pb-1">Hạn báo cáo hằng năm của cấp dưới:</span>
      <label>
        <span className="sr-only">Ngày</span>
        <Input
          name="day"
          inputMode="numeric"
          initial={day ? String(day) : ""}
          placeholder="15"
          className="w-12"
          aria-label="Ngày"
        />
      </label>
      <span className="pb-1">/</span>
      <label>
        <span className="sr-only">Tháng</span>
        <Input
          name="month"
          inputMode="numeric"
          initial={month ? String(month) : ""}
          placeholder="12"
          className="w-12"
          aria-label="Tháng"
        />
      </label>
      <button
        disabled={pending}
        className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-50 disabled:opacity-60"
      >
        {pending ? "Đang lưu…" : "Lưu hạn"}
      </button>
      <span aria-live="polite">
        {state.status === "ok" ? <span className="text-emerald-700">Đã lưu.</span> : null}
        {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
      </span>
      <FieldMessage message={errors.day ?? errors.month} />
    </ActionForm>
  );
}
