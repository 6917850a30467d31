"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionState } from "@/server/actions";

type ServerAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** A form bound to a server action, with what the user needs to know: saving, saved, or why not. */
export function useSave(action: ServerAction, onSaved?: (state: ActionState & { status: "ok" }) => void) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { status: "idle" });
  const handled = useRef<ActionState | null>(null);
  useEffect(() => {
    if (state.status === "ok" && handled.current !== state) {
      handled.current = state;
      onSaved?.(state);
    }
  }, [state, onSaved]);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return { state, formAction, pending, errors };
}

export function SaveStatus({
  state,
  pending,
  savedText = "Đã lưu",
}: {
  state: ActionState;
  pending: boolean;
  savedText?: string;
}) {
  return (
    <span aria-live="polite" className="text-sm" data-testid="save-status">
      {pending ? <span className="text-stone-600">Đang lưu…</span> : null}
      {!pending && state.status === "ok" ? <span className="text-emerald-700">{savedText}</span> : null}
      {!pending && state.status === "error" ? (
        <span className="text-red-700">Chưa lưu được: {state.message}</span>
      ) : null}
    </span>
  );
}

/**
 * Keeps what is typed in a draft form in the browser until it is saved, so a failed save or a
 * reload loses nothing. Returns the saved-but-unsent values, if any, and a function to forget them.
 */
export function useDraftBackup(key: string) {
  const read = (): Record<string, string> | null => {
    if (typeof window === "undefined") return null;
    try {
      const raw = window.localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as Record<string, string>) : null;
    } catch {
      return null;
    }
  };
  const write = (form: HTMLFormElement) => {
    const values = Object.fromEntries(
      [...new FormData(form).entries()].filter(([, v]) => typeof v === "string"),
    ) as Record<string, string>;
    window.localStorage.setItem(key, JSON.stringify(values));
  };
  const clear = () => window.localStorage.removeItem(key);
  return { read, write, clear };
}

/**
 * For one editable row rendered in the browser only: what was typed but not saved before a reload
 * comes back, provided the row has not been saved (by anyone) since.
 */
export function useRowBackup(key: string, version: number) {
  const backup = useDraftBackup(key);
  const [restored] = useState(() => {
    const saved = backup.read();
    return saved && saved.version === String(version) ? saved : null;
  });
  return {
    restored,
    onChange: (event: React.FormEvent<HTMLFormElement>) => backup.write(event.currentTarget),
    write: backup.write,
    clear: backup.clear,
  };
}

/** A JSON list of names kept in a backup (agency pickers), or the fallback. */
export function restoredList(value: string | undefined, fallback: string[]): string[] {
  try {
    const list = value ? JSON.parse(value) : null;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : fallback;
  } catch {
    return fallback;
  }
}

export function RestoredNote({ show }: { show: boolean }) {
  return show ? (
    <p className="text-xs text-sky-800">Đã khôi phục nội dung bạn nhập nhưng chưa lưu lần trước: bấm Lưu để lưu lại.</p>
  ) : null;
}
