"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * Asks before a step that cannot be undone (sending a report, issuing a plan), saying what is still
 * empty. A native modal <dialog>: the browser keeps focus inside it, Esc cancels, and focus returns
 * to the button that opened it. The safe choice ("Quay lại") has the focus first.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = "Quay lại",
  tone = "brand",
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: "brand" | "green";
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancel.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  const confirmStyle =
    tone === "green" ? "bg-emerald-700 hover:bg-emerald-800 text-white" : "bg-brand-700 hover:bg-brand-800 text-white";
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-stone-300 p-0 shadow-xl backdrop:bg-stone-900/40"
    >
      <div className="space-y-3 p-4">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={bodyId} className="space-y-2 text-sm">
          {children}
        </div>
        <div className="flex flex-wrap justify-end gap-2 pt-2">
          <button
            ref={cancel}
            type="button"
            onClick={onClose}
            className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100"
          >
            {cancelLabel}
          </button>
          <button
            type="button"
            onClick={() => {
              onConfirm();
              onClose();
            }}
            className={`rounded px-3 py-1.5 text-sm font-semibold ${confirmStyle}`}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}

/** What is still empty, as a list, or a line saying nothing is. */
export function MissingList({ items, complete }: { items: string[]; complete: string }) {
  if (items.length === 0) return <p className="text-emerald-800">{complete}</p>;
  return (
    <>
      <p className="font-semibold text-amber-900">Còn thiếu:</p>
      <ul className="list-disc space-y-0.5 pl-5 text-amber-900" data-testid="missing-list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
