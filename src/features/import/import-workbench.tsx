"use client";

import { useEffect, useRef, useState } from "react";
import { formatVietnameseNumber } from "@/domain/decimal";
import { OcrRepairsPanel } from "./ocr-repairs-panel";
import { ReviewForm } from "./review-form";
import type { ScanJobView } from "./scan-jobs";
import { ScanProgress } from "./scan-progress";
import { extractPlanAction, openScanAction, type ExtractState } from "./server-actions";
import { inputStyle } from "@/ui/input-style";

// Choosing a file (or pasting text), reading it on the server with a progress indicator, then the
// review screen. Files over the limit are refused before they are sent. A scan (a PDF without text,
// an image) becomes an OCR job on the server: its progress is shown until it ends, the job's id in
// the address so that a reload finds it again, then its text is read into the same review screen.

// The same bounds as the server's (read-file.ts, read-pdf.ts): 2 MB, a PDF or an image 20 MB.
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_PDF_BYTES = 20 * 1024 * 1024;
const LARGE_KINDS = /\.(?:pdf|jpe?g|png|tiff?)$/i;
const ACCEPT =
  ".docx,.pdf,.md,.markdown,.txt,.jpg,.jpeg,.png,.tif,.tiff,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/markdown,text/plain,image/jpeg,image/png,image/tiff";

type Phase =
  | { step: "choose"; error: string | null }
  | { step: "reading"; label: string; size: number; started: number }
  | { step: "scan"; job: ScanJobView }
  | { step: "review"; result: Extract<ExtractState, { status: "ok" }> };

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("vi-VN")} KB`;
}

function Progress({ label, size, started }: { label: string; size: number; started: number }) {
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, (now - started) / 1000);
  // Sending and reading take about a second per megabyte here; the bar stops short of the end until the answer arrives.
  const expected = Math.max(1.5, (size / 1024 / 1024) * 2);
  const value = Math.min(0.95, seconds / expected);
  return (
    <div role="status" aria-live="polite" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <p className="text-sm font-semibold">{label}</p>
      <progress value={value} max={1} className="h-2 w-full" aria-label="Tiến độ đọc văn bản" />
      <p className="text-xs text-stone-600">
        {size ? `${kilobytes(size)} · ` : ""}
        {seconds < 1
          ? "đang gửi lên máy chủ…"
          : `đang đọc và trích xuất… ${formatVietnameseNumber(seconds, { minFractionDigits: 1, maxFractionDigits: 1 })} giây`}
      </p>
    </div>
  );
}

/** The scan's id in the address (?scan=…), so that a reload takes the job up again; null removes it. */
function rememberScan(id: string | null) {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set("scan", id);
  else url.searchParams.delete("scan");
  window.history.replaceState(window.history.state, "", url);
}

export function ImportWorkbench({
  parents,
  scan = null,
  ocrHint = null,
}: {
  parents: { id: string; number: string; title: string }[];
  /** A scan job of the user's to take up (the page found it from the address or as still running). */
  scan?: ScanJobView | null;
  /** Set when the server cannot read scans: what to install. */
  ocrHint?: string | null;
}) {
  const [phase, setPhase] = useState<Phase>(() =>
    scan && (scan.status === "QUEUED" || scan.status === "RUNNING" || scan.status === "DONE")
      ? { step: "scan", job: scan }
      : { step: "choose", error: scan?.status === "FAILED" ? scan.error : null },
  );
  const [text, setText] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (phase.step === "choose" && phase.error) errorRef.current?.focus();
  }, [phase]);

  async function show(label: string, size: number, work: () => Promise<ExtractState>) {
    setPhase({ step: "reading", label, size, started: Date.now() });
    let result: ExtractState;
    try {
      result = await work();
    } catch {
      result = {
        status: "error",
        message: "Không gửi được tệp lên máy chủ (tệp quá lớn hoặc mất kết nối). Hãy thử lại; không có gì được tạo.",
      };
    }
    if (result.status === "ok") setPhase({ step: "review", result });
    else if (result.status === "scan") {
      rememberScan(result.job.id);
      setPhase({ step: "scan", job: result.job });
    } else setPhase({ step: "choose", error: result.message });
  }

  const read = (form: FormData, label: string, size: number) => show(label, size, () => extractPlanAction(form));

  function scanEnded(job: ScanJobView) {
    if (job.status === "DONE") void show(`Đang đọc kết quả nhận dạng ${job.fileName}`, 0, () => openScanAction(job.id));
    else {
      rememberScan(null);
      setPhase({
        step: "choose",
        error:
          job.status === "CANCELLED"
            ? `Đã hủy nhận dạng bản quét ${job.fileName}. Không có gì được tạo.`
            : (job.error ?? "Nhận dạng bản quét không thành công. Hãy thử lại; không có gì được tạo."),
      });
    }
  }

  // A job found already done when the page opened: straight to its review.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || phase.step !== "scan" || phase.job.status !== "DONE") return;
    opened.current = true;
    scanEnded(phase.job);
  });

  function onFile(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setPhase({ step: "choose", error: "Hãy chọn một tệp .docx, .pdf, .md hoặc .txt." });
      return;
    }
    const large = LARGE_KINDS.test(file.name);
    if (file.size > (large ? MAX_PDF_BYTES : MAX_BYTES)) {
      setPhase({
        step: "choose",
        error: large
          ? `Tệp ${file.name} lớn hơn 20 MB. Hãy bỏ các trang phụ lục, ảnh không cần thiết, hoặc lưu lại PDF ở chất lượng thấp hơn. Không có gì được tạo.`
          : `Tệp ${file.name} lớn hơn 2 MB. Hãy bỏ ảnh và phụ lục không cần thiết, hoặc dán phần nội dung kế hoạch. Không có gì được tạo.`,
      });
      return;
    }
    const form = new FormData();
    form.set("file", file);
    void read(form, `Đang đọc tệp ${file.name}`, file.size);
  }

  function onPaste(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) {
      setPhase({ step: "choose", error: "Hãy dán nội dung kế hoạch vào ô trước khi đọc." });
      return;
    }
    const form = new FormData();
    form.set("text", text);
    void read(form, "Đang đọc nội dung đã dán", new Blob([text]).size);
  }

  function reread(original: string[], disabled: number[], scanJobId?: string) {
    if (scanJobId) {
      void show("Đang đọc lại với các chỗ sửa đã chọn", 0, () => openScanAction(scanJobId, disabled));
      return;
    }
    const form = new FormData();
    form.set("text", original.join("\n"));
    form.set("disabledRepairs", JSON.stringify(disabled));
    void read(form, "Đang đọc lại với các chỗ sửa đã chọn", new Blob([original.join("\n")]).size);
  }

  if (phase.step === "review") {
    const { result } = phase;
    const { ocr } = result.extraction;
    return (
      <div className="space-y-3">
        <p className="text-sm text-stone-600">
          {result.fileName ? `Tệp ${result.fileName}` : "Nội dung đã dán"} · đọc trong {result.parseMs} ms
        </p>
        {ocr ? (
          <OcrRepairsPanel
            ocr={ocr}
            repairedLines={result.extraction.lines}
            onReread={(disabled) => reread(ocr.original, disabled, result.scanJobId)}
            pending={false}
          />
        ) : null}
        <ReviewForm
          extraction={result.extraction}
          suggestions={result.suggestions}
          parents={parents}
          onRestart={() => {
            rememberScan(null);
            setPhase({ step: "choose", error: null });
          }}
        />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      {phase.step === "choose" && phase.error ? (
        <p
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          data-testid="import-error"
        >
          {phase.error}
        </p>
      ) : null}
      {phase.step === "reading" ? <Progress label={phase.label} size={phase.size} started={phase.started} /> : null}
      {phase.step === "scan" ? <ScanProgress key={phase.job.id} initial={phase.job} onEnded={scanEnded} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <form
          onSubmit={onFile}
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
          aria-label="Tải tệp lên"
        >
          <h2 className="font-semibold">Tải tệp lên</h2>
          <label className="block text-sm font-semibold">
            Tệp văn bản (.docx, .pdf, .md, .txt) hoặc bản quét (.pdf, .jpg, .png, .tif)
            <input
              ref={fileInput}
              type="file"
              name="file"
              accept={ACCEPT}
              aria-describedby="import-file-limits"
              className="mt-1 block w-full text-sm font-normal"
            />
          </label>
          <p id="import-file-limits" className="text-xs text-stone-600">
            Word, Markdown, văn bản: tối đa 2 MB. PDF và ảnh chụp: tối đa 20 MB, 60 trang; bản quét được nhận dạng chữ
            (OCR) trên máy chủ, mỗi trang khoảng 15–30 giây.
          </p>
          {ocrHint ? (
            <p
              className="rounded border border-amber-200 bg-amber-50 p-2 text-xs text-amber-900"
              data-testid="ocr-hint"
            >
              {ocrHint}. Tệp Word, PDF có chữ, Markdown và văn bản vẫn nhập được bình thường.
            </p>
          ) : null}
          <button
            disabled={phase.step === "reading" || phase.step === "scan"}
            className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            Đọc tệp
          </button>
        </form>
        <form
          onSubmit={onPaste}
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
          aria-label="Dán nội dung"
        >
          <h2 className="font-semibold">Hoặc dán nội dung</h2>
          <label className="block text-sm font-semibold">
            Nội dung văn bản
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={6}
              className={inputStyle.field}
              placeholder="Dán toàn bộ kế hoạch, từ tên cơ quan ban hành đến phụ lục"
            />
          </label>
          <button
            disabled={phase.step === "reading" || phase.step === "scan"}
            className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            Đọc nội dung đã dán
          </button>
        </form>
      </div>
    </div>
  );
}
