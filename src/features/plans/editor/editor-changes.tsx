"use client";

import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ActionState } from "@/server/actions";
import { saveChangesAction } from "../server-actions";

// One save for the draft editor's changes. Each task and indicator row is a form of its own (its
// fields, its reading of timeframes and targets) without a save button: it tells this provider when
// what it shows differs from what was saved, and the bar at the bottom of the page sends every changed
// row in one action (plans.saveChanges). Refusals come back per row and field, and are shown beside
// the fields; what was typed stays on the screen (nothing is reset: the rows are not submitted).

export type RowKind = "task" | "indicator";

/** What a row gives the provider: how to read its current values, and what to do once saved. */
export type RowHandle = {
  kind: RowKind;
  id: string;
  /** The row's label, to name it in messages ("Nhiệm vụ 1.2"). */
  label: string;
  read: () => Record<string, string>;
  saved: (version: number) => void;
};

type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving"; count: number }
  | { kind: "saved"; count: number }
  | { kind: "failed"; message: string };

type EditorChanges = {
  register: (key: string, handle: RowHandle) => () => void;
  setDirty: (key: string, dirty: boolean) => void;
  /** The refusals of the last save for one row, by field. */
  errorsOf: (key: string) => Record<string, string>;
  dirtyCount: number;
  status: SaveStatus;
  save: () => Promise<void>;
  /** Lines for the issue confirmation: the changes not saved yet. */
  unsaved: () => string[];
};

const Context = createContext<EditorChanges | null>(null);

export const rowKey = (kind: RowKind, id: string) => `${kind}:${id}`;

export function useEditorChanges(): EditorChanges | null {
  return use(Context);
}

/** The order rows are sent in: the page shows indicators before tasks. */
const ORDER: RowKind[] = ["indicator", "task"];

export function EditorChangesProvider({ planId, children }: { planId: string; children: ReactNode }) {
  const rows = useRef(new Map<string, RowHandle>());
  const [dirty, setDirtyKeys] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const saving = useRef(false);
  const dirtyRef = useRef(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  const register = useCallback((key: string, handle: RowHandle) => {
    rows.current.set(key, handle);
    return () => {
      rows.current.delete(key);
      setDirtyKeys((current) => {
        if (!current.has(key)) return current;
        const next = new Set(current);
        next.delete(key);
        return next;
      });
    };
  }, []);

  const setDirty = useCallback((key: string, isDirty: boolean) => {
    setDirtyKeys((current) => {
      if (current.has(key) === isDirty) return current;
      const next = new Set(current);
      if (isDirty) next.add(key);
      else next.delete(key);
      return next;
    });
    setStatus((current) => (current.kind === "saved" ? { kind: "idle" } : current));
  }, []);

  const save = useCallback(async () => {
    if (saving.current) return;
    const keys = [...dirtyRef.current].filter((key) => rows.current.has(key));
    if (keys.length === 0) {
      setStatus({ kind: "saved", count: 0 });
      return;
    }
    // Rows in the order of the page: indicators, then tasks, each in the order they registered.
    const ordered = [...rows.current.entries()]
      .filter(([key]) => keys.includes(key))
      .sort(([, a], [, b]) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
    const byIndex: Record<RowKind, string[]> = { task: [], indicator: [] };
    const changes: Record<"tasks" | "indicators", Record<string, string>[]> = { tasks: [], indicators: [] };
    for (const [key, handle] of ordered) {
      byIndex[handle.kind].push(key);
      changes[handle.kind === "task" ? "tasks" : "indicators"].push(handle.read());
    }
    saving.current = true;
    setStatus({ kind: "saving", count: keys.length });
    try {
      const result = (await saveChangesAction({ planId, changes: JSON.stringify(changes) })) as ActionState<{
        tasks: { id: string; version: number }[];
        indicators: { id: string; version: number }[];
      }>;
      if (result.status === "ok") {
        for (const saved of result.data.tasks) rows.current.get(rowKey("task", saved.id))?.saved(saved.version);
        for (const saved of result.data.indicators)
          rows.current.get(rowKey("indicator", saved.id))?.saved(saved.version);
        setErrors({});
        setStatus({ kind: "saved", count: keys.length });
        return;
      }
      if (result.status !== "error") return;
      // "changes.tasks.3.timeframe" → the fourth task sent, its field "timeframe".
      const perRow: Record<string, Record<string, string>> = {};
      for (const [path, message] of Object.entries(result.fieldErrors)) {
        const match = /^changes\.(tasks|indicators)\.(\d+)\.(.+)$/.exec(path);
        const key = match ? byIndex[match[1] === "tasks" ? "task" : "indicator"][Number(match[2])] : undefined;
        if (!key || !match) continue;
        perRow[key] = { ...perRow[key], [match[3]!]: message };
      }
      setErrors(perRow);
      const refused = Object.keys(perRow)
        .map((key) => rows.current.get(key)?.label)
        .filter(Boolean);
      setStatus({
        kind: "failed",
        message: refused.length
          ? `${result.message} Xem ${refused.slice(0, 3).join(", ")}${refused.length > 3 ? "…" : ""}.`
          : result.message,
      });
      // Bring the first refused row into view.
      const first = Object.keys(perRow)[0];
      if (first) document.getElementById(`row-${first}`)?.scrollIntoView({ block: "center" });
    } catch {
      setStatus({ kind: "failed", message: "Không kết nối được máy chủ; nội dung bạn nhập vẫn còn, hãy thử lại." });
    } finally {
      saving.current = false;
    }
  }, [planId]);

  // Ctrl+S saves; leaving the page with unsaved changes asks first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);
  useEffect(() => {
    if (dirty.size === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty.size]);

  const value = useMemo<EditorChanges>(
    () => ({
      register,
      setDirty,
      errorsOf: (key) => errors[key] ?? {},
      dirtyCount: dirty.size,
      status,
      save,
      unsaved: () =>
        dirtyRef.current.size
          ? [
              `${dirtyRef.current.size} chỉ tiêu, nhiệm vụ có thay đổi chưa lưu: hãy “Lưu các thay đổi” trước khi ban hành`,
            ]
          : [],
    }),
    [register, setDirty, errors, dirty.size, status, save],
  );
  return <Context value={value}>{children}</Context>;
}

/** The bar at the bottom of the editor: how many rows changed, the one save, and how it went. */
export function SaveChangesBar({ issueAnchor }: { issueAnchor: string | null }) {
  const changes = useEditorChanges();
  if (!changes) return null;
  const { dirtyCount, status, save } = changes;
  return (
    <div
      role="region"
      aria-label="Lưu các thay đổi"
      className="sticky bottom-0 z-20 flex flex-wrap items-center gap-3 rounded-t-lg border border-stone-300 bg-white/95 px-3 py-2 text-sm shadow-lg"
    >
      <button
        type="button"
        onClick={() => void save()}
        disabled={status.kind === "saving"}
        className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {status.kind === "saving" ? "Đang lưu…" : `Lưu các thay đổi${dirtyCount ? ` (${dirtyCount})` : ""}`}
      </button>
      <p aria-live="polite" data-testid="editor-save-state">
        {status.kind === "saving" ? <span>Đang lưu {status.count} mục…</span> : null}
        {status.kind === "saved" ? (
          <span className="text-emerald-700">
            {status.count ? `Đã lưu ${status.count} mục.` : "Không có thay đổi nào cần lưu."}
          </span>
        ) : null}
        {status.kind === "failed" ? <span className="text-red-700">Chưa lưu được: {status.message}</span> : null}
        {status.kind === "idle" && dirtyCount ? (
          <span className="text-amber-800">{dirtyCount} chỉ tiêu, nhiệm vụ có thay đổi chưa lưu.</span>
        ) : null}
        {status.kind === "idle" && !dirtyCount ? (
          <span className="text-stone-500">Không có thay đổi chưa lưu.</span>
        ) : null}
      </p>
      <span className="ml-auto flex gap-3 text-xs text-stone-500">
        <span>Ctrl+S: lưu</span>
        {issueAnchor ? (
          <a href={issueAnchor} className="text-brand-700 underline">
            Đến phần ban hành
          </a>
        ) : null}
      </span>
    </div>
  );
}

/** A row's own line: changed and not saved, saved, or why not. */
export function RowStatus({ dirty, error, saved }: { dirty: boolean; error?: string; saved: boolean }) {
  return (
    <span aria-live="polite" className="text-sm" data-testid="save-status">
      {error ? <span className="text-red-700">Chưa lưu được: {error}</span> : null}
      {!error && dirty ? <span className="text-amber-800">Có thay đổi chưa lưu</span> : null}
      {!error && !dirty && saved ? <span className="text-emerald-700">Đã lưu</span> : null}
    </span>
  );
}
