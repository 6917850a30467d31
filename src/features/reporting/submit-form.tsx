"use client";

import { useActionState } from "react";
import type { ActionState } from "@/server/actions";
import { submitReportAction } from "./server-actions";

/** Sends the report to the body above: what it says now is frozen as a numbered submission. */
export function SubmitForm({
  reportId,
  version,
  resubmission,
  recipient,
}: {
  reportId: string;
  version: number;
  resubmission: boolean;
  recipient: string | null;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(submitReportAction, { status: "idle" });
  return (
    <form
      action={formAction}
      className="space-y-2 rounded-lg border border-sky-200 bg-sky-50 p-4"
      aria-label="Gửi báo cáo"
    >
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm">
        Khi gửi, báo cáo (nội dung, bảng chỉ tiêu và nhiệm vụ) được lưu thành một bản cố định
        {recipient ? (
          <>
            {" "}
            gửi <strong>{recipient}</strong>
          </>
        ) : null}
        ; sửa số liệu kế hoạch sau đó không làm thay đổi bản đã gửi.
      </p>
      <div className="flex items-center gap-3">
        <button
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Đang gửi…" : resubmission ? "Gửi lại báo cáo" : "Gửi báo cáo"}
        </button>
        <p aria-live="polite" className="text-sm">
          {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
          {state.status === "ok" ? <span className="text-emerald-700">Đã gửi báo cáo.</span> : null}
        </p>
      </div>
    </form>
  );
}
