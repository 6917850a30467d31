"use client";

import { useEffect, useRef, useState } from "react";
import { scanProgressLabel } from "./ocr/scan-progress-label";
import type { ScanJobView } from "./scan-jobs";
import { cancelScanAction, scanStatusAction } from "./server-actions";

// A scan being read by OCR (ADR 0032): its progress page by page, read from PostgreSQL every
// POLL_MS (nothing is kept in the browser or the server's memory, so a reload, or another app
// process answering, shows the same), and a button to cancel it. The workbench is told when the
// job has ended.

const POLL_MS = 1_500;

export function ScanProgress({ initial, onEnded }: { initial: ScanJobView; onEnded: (job: ScanJobView) => void }) {
  const [job, setJob] = useState(initial);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      let next: ScanJobView | null = null;
      try {
        next = await scanStatusAction(initial.id);
      } catch {
        // A lost connection: try again at the next tick.
      }
      if (stopped) return;
      if (next) {
        setJob(next);
        if (next.status !== "QUEUED" && next.status !== "RUNNING") {
          ended.current(next);
          return;
        }
      }
      timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [initial.id]);

  async function cancel() {
    setCancelling(true);
    setCancelError(null);
    const result = await cancelScanAction({ id: job.id }).catch(() => null);
    setCancelling(false);
    if (!result) setCancelError("Không gửi được yêu cầu hủy. Hãy thử lại.");
    else if (result.status === "error") setCancelError(result.message);
    else ended.current({ ...job, status: "CANCELLED" });
  }

  const running = job.status === "QUEUED" || job.status === "RUNNING";
  return (
    <div
      className="space-y-2 rounded-lg border border-stone-200 bg-white p-4"
      data-testid="scan-progress"
      aria-busy={running}
    >
      <p className="text-sm font-semibold">Nhận dạng chữ trên bản quét {job.fileName}</p>
      <p role="status" aria-live="polite" className="text-sm" data-testid="scan-progress-label">
        {scanProgressLabel(job.status, job.pagesDone, job.pagesTotal)}
      </p>
      <progress
        value={job.pagesDone}
        max={job.pagesTotal}
        className="h-2 w-full"
        aria-label={`Đã nhận dạng ${job.pagesDone}/${job.pagesTotal} trang`}
      />
      <p className="text-xs text-stone-600">
        Mỗi trang mất khoảng 15–30 giây. Có thể tải lại trang hoặc quay lại sau: việc nhận dạng vẫn tiếp tục trên máy
        chủ.
      </p>
      {cancelError ? (
        <p className="text-sm text-red-800" role="alert">
          {cancelError}
        </p>
      ) : null}
      {running ? (
        <button
          type="button"
          onClick={cancel}
          disabled={cancelling}
          className="rounded border border-stone-300 px-3 py-1.5 text-sm font-semibold hover:bg-stone-50 disabled:opacity-60"
        >
          Hủy
        </button>
      ) : null}
    </div>
  );
}
