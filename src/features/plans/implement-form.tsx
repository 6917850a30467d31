"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ActionForm, TextAreaField } from "@/ui/form";
import { createImplementingPlanAction } from "./server-actions";

export function ImplementForm({
  parentId,
  suggestedTitle,
  counts,
}: {
  parentId: string;
  suggestedTitle: string;
  counts: { tasks: number; indicators: number };
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(createImplementingPlanAction, { status: "idle" });
  useEffect(() => {
    if (state.status === "ok") router.push(`/plans/${state.data.planId}/edit`);
  }, [state, router]);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <ActionForm
      state={state}
      action={formAction}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-label="Tạo kế hoạch thực hiện"
    >
      <input type="hidden" name="parentId" value={parentId} />
      <p className="text-sm text-stone-700">
        Dự thảo mới sẽ kế thừa {counts.tasks} nhiệm vụ và {counts.indicators} chỉ tiêu của văn bản cấp trên (mỗi nội
        dung giữ liên kết với nội dung gốc), cùng các phần mục đích, yêu cầu, mục tiêu để bạn sửa. Sau đó bạn bỏ những
        nội dung không áp dụng, thêm nhiệm vụ, chỉ tiêu của địa phương và giao cơ quan thực hiện.
      </p>
      <TextAreaField name="title" label="Trích yếu kế hoạch" rows={3} initial={suggestedTitle} />
      <div className="flex items-center gap-3">
        <button
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Đang tạo dự thảo…" : "Tạo dự thảo kế hoạch"}
        </button>
        {state.status === "error" && !Object.keys(errors).length ? (
          <span className="text-sm text-red-700">{state.message}</span>
        ) : null}
      </div>
    </ActionForm>
  );
}
