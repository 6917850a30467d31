"use client";

import { useEffect, useRef, useState } from "react";
import { formatVietnameseNumber } from "@/domain/decimal";
import { OcrRepairsPanel } from "./ocr-repairs-panel";
import { ReviewForm } from "./review-form";
import { extractPlanAction, type ExtractState } from "./server-actions";
import { inputStyle } from "@/ui/input-style";

// Choosing a file (or pasting text), reading it on the server with a progress indicator, then the
// review screen. Files over the limit are refused before they are sent.

// The same bounds as the server's (read-file.ts, read-pdf.ts): 2 MB, a PDF 20 MB.
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_PDF_BYTES = 20 * 1024 * 1024;
const ACCEPT =
  ".docx,.pdf,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/markdown,text/plain";

type Phase =
  | { step: "choose"; error: string | null }
  | { step: "reading"; label: string; size: number; started: number }
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

export function ImportWorkbench({ parents }: { parents: { id: string; number: string; title: string }[] }) {
  const [phase, setPhase] = useState<Phase>({ step: "choose", error: null });
  const [text, setText] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (phase.step === "choose" && phase.error) errorRef.current?.focus();
  }, [phase]);

  async function read(form: FormData, label: string, size: number) {
    setPhase({ step: "reading", label, size, started: Date.now() });
    let result: ExtractState;
    try {
      result = await extractPlanAction(form);
    } catch {
      result = {
        status: "error",
        message: "Không gửi được tệp lên máy chủ (tệp quá lớn hoặc mất kết nối). Hãy thử lại; không có gì được tạo.",
      };
    }
    if (result.status === "ok") setPhase({ step: "review", result });
    else setPhase({ step: "choose", error: result.message });
  }

  function onFile(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setPhase({ step: "choose", error: "Hãy chọn một tệp .docx, .pdf, .md hoặc .txt." });
      return;
    }
    const pdf = /\.pdf$/i.test(file.name);
    if (file.size > (pdf ? MAX_PDF_BYTES : MAX_BYTES)) {
      setPhase({
        step: "choose",
        error: pdf
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

  function reread(original: string[], disabled: number[]) {
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
            onReread={(disabled) => reread(ocr.original, disabled)}
            pending={false}
          />
        ) : null}
        <ReviewForm
          extraction={result.extraction}
          suggestions={result.suggestions}
          parents={parents}
          onRestart={() => setPhase({ step: "choose", error: null })}
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
      <div className="grid gap-4 md:grid-cols-2">
        <form
          onSubmit={onFile}
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
          aria-label="Tải tệp lên"
        >
          <h2 className="font-semibold">Tải tệp lên</h2>
          <label className="block text-sm font-semibold">
            Tệp văn bản (.docx, .pdf, .md, .txt)
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
            Word, Markdown, văn bản: tối đa 2 MB. PDF có lớp chữ (xuất từ Word): tối đa 20 MB, 60 trang; bản quét (ảnh
            chụp) chưa đọc được.
          </p>
          <button
            disabled={phase.step === "reading"}
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
            disabled={phase.step === "reading"}
            className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            Đọc nội dung đã dán
          </button>
        </form>
      </div>
    </div>
  );
}
