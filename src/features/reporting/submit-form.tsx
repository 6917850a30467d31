"use client";

import { useActionState, useRef, useState, useTransition } from "react";
import type { ActionState } from "@/server/actions";
import { ConfirmDialog, MissingList } from "@/ui/confirm-dialog";
import { useDraftSaved } from "./draft-events";
import { missingNarrative, type Narrative } from "./narrative-sections";
import { reportFiguresMissingAction } from "./preview-actions";
import { submitReportAction } from "./server-actions";

/** The narrative fields whose text differs from what was last saved (sending sends the saved text). */
function unsavedNarrative(): string[] {
  const form = document.querySelector<HTMLFormElement>('form[aria-label="Nội dung báo cáo"]');
  if (!form) return [];
  return [...form.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>("textarea, input:not([type=hidden])")]
    .filter((field) => field.value !== field.defaultValue)
    .map((field) => `“${field.labels?.[0]?.textContent ?? field.name}” có thay đổi chưa lưu: sẽ không được gửi`);
}

/**
 * Sends the report to the body above: what it says now is frozen as a numbered submission. Sending
 * cannot be undone, so it asks first and lists what is still empty (the saved narrative's empty
 * sections, the figures and task statuses missing, read from the server as the question opens, and
 * the narrative typed but not saved). A save of the narrative in this tab brings the report's new
 * version and text (draft-events.ts).
 *
 * A report addressed outside the app (`outside`: the plan implements a Central document, which is
 * only recorded here) is not sent through it: the body signs the Word file and sends it as a
 * document; the same action then freezes what was sent ("chốt"), so the record keeps it.
 */
export function SubmitForm({
  reportId,
  version,
  resubmission,
  recipient,
  planId,
  year,
  narrative,
  outside = false,
}: {
  reportId: string;
  version: number;
  resubmission: boolean;
  recipient: string | null;
  planId: string;
  year: number;
  /** The narrative as saved; null for a report shown as sent (nothing to check). */
  narrative: Narrative | null;
  outside?: boolean;
}) {
  const [figuresMissing, setFiguresMissing] = useState<string[]>([]);
  const [checking, startChecking] = useTransition();
  const checkFigures = () =>
    startChecking(async () => {
      const answer = await reportFiguresMissingAction({ planId, year }).catch(() => null);
      setFiguresMissing(
        answer?.status === "ok"
          ? answer.missing
          : [
              answer?.message ??
                "Chưa kiểm tra được số liệu và tiến độ nhiệm vụ; hãy xem lại bảng kết quả trước khi gửi.",
            ],
      );
    });
  const [saved, setSaved] = useState({ version, narrative });
  useDraftSaved(reportId, (draft) => setSaved({ version: draft.version, narrative: draft.narrative }));
  // The page re-rendered by another action (a newer version in the props) wins over an older save.
  const draft = version > saved.version ? { version, narrative } : saved;
  const missing = [...(draft.narrative ? missingNarrative(draft.narrative) : []), ...figuresMissing];
  const [state, formAction, pending] = useActionState<ActionState, FormData>(submitReportAction, { status: "idle" });
  const form = useRef<HTMLFormElement>(null);
  const [asking, setAsking] = useState(false);
  const [unsaved, setUnsaved] = useState<string[]>([]);
  const label = outside ? "Chốt báo cáo đã gửi" : resubmission ? "Gửi lại báo cáo" : "Gửi báo cáo";
  return (
    <form
      ref={form}
      action={formAction}
      className="space-y-2 rounded-lg border border-sky-200 bg-sky-50 p-4"
      aria-label="Gửi báo cáo"
    >
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={draft.version} />
      {outside ? (
        <p className="text-sm" data-testid="sent-outside">
          Báo cáo này gửi <strong>{recipient ?? "cấp trên"}</strong> bằng văn bản, ngoài hệ thống: tải bản Word ở trên
          để trình ký và gửi. Sau khi gửi, hãy chốt báo cáo để lưu bản cố định đúng như đã gửi (nội dung, bảng chỉ tiêu,
          nhiệm vụ và phần tổng hợp từ các địa phương).
        </p>
      ) : (
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
      )}
      <div className="flex items-center gap-3">
        <button
          type="button"
          disabled={pending}
          onClick={() => {
            setUnsaved(unsavedNarrative());
            setAsking(true);
            checkFigures();
          }}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? (outside ? "Đang chốt…" : "Đang gửi…") : label}
        </button>
        <p aria-live="polite" className="text-sm">
          {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
          {state.status === "ok" ? (
            <span className="text-emerald-700">{outside ? "Đã chốt báo cáo." : "Đã gửi báo cáo."}</span>
          ) : null}
        </p>
      </div>
      <ConfirmDialog
        open={asking}
        title={outside ? `${label}?` : `${label}${recipient ? ` đến ${recipient}` : ""}?`}
        confirmLabel={label}
        cancelLabel="Quay lại sửa"
        onConfirm={() => form.current?.requestSubmit()}
        onClose={() => setAsking(false)}
      >
        <p>
          {outside
            ? "Bản chốt được lưu cố định và không sửa được nữa: hãy chốt đúng bản đã ký và gửi."
            : "Bản gửi được lưu cố định và không sửa được nữa, trừ khi cấp trên trả lại để hoàn chỉnh. Hãy kiểm tra trước khi gửi."}
        </p>
        {checking ? (
          <p className="text-sm text-stone-600" aria-live="polite">
            Đang kiểm tra số liệu và tiến độ nhiệm vụ…
          </p>
        ) : (
          <MissingList items={[...unsaved, ...missing]} complete="Báo cáo đã có số, đủ các phần nội dung và số liệu." />
        )}
      </ConfirmDialog>
    </form>
  );
}
