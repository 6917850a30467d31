"use client";

import { useId, useState, useTransition, type ReactNode } from "react";
import { useDraftSaved } from "./draft-events";
import { reportPreviewAction } from "./preview-actions";

/**
 * The report as a document, on demand. A draft ("Xem bản xem trước") is read from the plan's current
 * figures and the saved narrative, and once open follows every save of the narrative in this tab; a
 * submission ("Xem bản đã gửi") is read as it was frozen.
 */
export function ReportPreview({
  planId,
  year,
  reportId,
  submission,
}: {
  planId: string;
  year: number;
  reportId: string;
  submission?: number;
}) {
  const [open, setOpen] = useState(false);
  const [document, setDocument] = useState<ReactNode>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const region = useId();
  const load = () =>
    startTransition(async () => {
      const answer = await reportPreviewAction({ planId, year, submission }).catch(() => ({
        status: "error" as const,
        message: "Không tải được văn bản báo cáo; hãy thử lại.",
      }));
      if (answer.status === "ok") {
        setDocument(answer.document);
        setError(null);
      } else setError(answer.message);
    });
  useDraftSaved(reportId, () => {
    if (open && submission === undefined) load();
  });
  const noun = submission === undefined ? "bản xem trước" : "bản đã gửi";
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
          {open ? `Ẩn ${noun}` : `Xem ${noun}`}
        </button>
        <span aria-live="polite" className="text-sm text-stone-600">
          {pending ? `Đang dựng ${noun}…` : null}
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
