"use client";

import { useRef, useState } from "react";
import { fileNameFromDisposition } from "./content-disposition";

// Downloads a generated file without blocking the page: the file is fetched in the background with
// its progress shown (the server sends Content-Length), then handed to the browser to save.

type State =
  | { kind: "idle" }
  | { kind: "working"; received: number; total: number | null }
  | { kind: "done"; name: string }
  | { kind: "failed"; message: string };

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

export function DownloadButton({ href, label, fallbackName }: { href: string; label: string; fallbackName: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function download() {
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: "working", received: 0, total: null });
    try {
      const response = await fetch(href, { signal: controller.signal, credentials: "same-origin" });
      if (!response.ok) {
        setState({
          kind: "failed",
          message:
            response.status === 404
              ? "Không tìm thấy dữ liệu để xuất (hoặc bạn không có quyền xem)."
              : response.status === 429
                ? // Too many downloads in a short time: the server says how long to wait.
                  await response.text()
                : "Máy chủ chưa tạo được tệp; hãy thử lại sau.",
        });
        return;
      }
      const total = Number(response.headers.get("Content-Length")) || null;
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      const reader = response.body?.getReader();
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.byteLength;
          setState({ kind: "working", received, total });
        }
      } else {
        const buffer = new Uint8Array(await response.arrayBuffer());
        chunks.push(buffer);
      }
      const name = fileNameFromDisposition(response.headers.get("Content-Disposition")) ?? fallbackName;
      const blob = new Blob(chunks, { type: response.headers.get("Content-Type") ?? "application/octet-stream" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: "done", name });
    } catch (error) {
      if ((error as Error).name === "AbortError") setState({ kind: "idle" });
      else setState({ kind: "failed", message: "Không kết nối được máy chủ; hãy thử lại." });
    } finally {
      abort.current = null;
    }
  }

  const working = state.kind === "working";
  const percent = working && state.total ? Math.min(100, Math.round((state.received / state.total) * 100)) : null;
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        onClick={() => void download()}
        disabled={working}
        className="inline-flex items-center gap-2 rounded border border-stone-300 bg-white px-3 py-1.5 font-semibold hover:bg-stone-50 disabled:opacity-70"
        aria-busy={working}
      >
        {working ? (
          <span
            className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-stone-400 border-t-transparent"
            aria-hidden
          />
        ) : null}
        {label}
      </button>
      <span aria-live="polite">
        {working ? (
          <span className="inline-flex items-center gap-2 text-stone-600">
            Đang tạo tệp…
            {percent !== null ? (
              <>
                <progress max={100} value={percent} className="h-2 w-24" aria-label="Tiến độ tải tệp" /> {percent}%
              </>
            ) : state.received ? (
              ` ${size(state.received)}`
            ) : null}
            <button type="button" onClick={() => abort.current?.abort()} className="text-brand-700 underline">
              Hủy
            </button>
          </span>
        ) : null}
        {state.kind === "done" ? <span className="text-emerald-700">Đã tải: {state.name}</span> : null}
        {state.kind === "failed" ? <span className="text-red-700">{state.message}</span> : null}
      </span>
    </span>
  );
}
