"use client";

import { useId, useState, useTransition, type ReactNode } from "react";
import { useDraftSaved } from "./draft-events";
import { reportPreviewAction } from "./preview-actions";

/**
 * The draft as it will print, on demand: "Xem bản xem trước" reads it from the plan's current figures
 * and the saved narrative; once open it follows every save of the narrative in this tab.
 */
export function ReportPreview({ planId, year, reportId }: { planId: string; year: number; reportId: string }) {
  const [open, setOpen] = useState(false);
  const [document, setDocument] = useState<ReactNode>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const region = useId();
  const load = () =>
    startTransition(async () => {
      const answer = await reportPreviewAction({ planId, year }).catch(() => ({
        status: "error" as const,
        message: "Không tải được bản xem trước; hãy thử lại.",
      }));
      if (answer.status === "ok") {
        setDocument(answer.document);
        setError(null);
      } else setError(answer.message);
    });
  useDraftSaved(reportId, () => {
    if (open) load();
  });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={region}
          onClick={() => {
            if (!open) load();
            setOpen(!open);
          }}
          className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm font-semibold text-stone-800 hover:bg-stone-50"
        >
          {open ? "Ẩn bản xem trước" : "Xem bản xem trước"}
        </button>
        <span aria-live="polite" className="text-sm text-stone-600">
          {pending ? "Đang dựng bản xem trước…" : null}
          {error ? <span className="text-red-700">{error}</span> : null}
        </span>
      </div>
      <div id={region} hidden={!open}>
        {document ? (
          <div
            className="overflow-x-auto rounded-lg border border-stone-200 bg-white p-6 shadow-sm"
            data-testid="report-document"
            aria-busy={pending}
          >
            {document}
          </div>
        ) : null}
      </div>
    </div>
  );
}
