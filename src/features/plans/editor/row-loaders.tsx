"use client";

import dynamic from "next/dynamic";

// Editable rows read the browser's backup of unsaved text when they start (useRowBackup), so they
// are rendered in the browser only.
const placeholder = () => <li className="h-24 animate-pulse rounded border border-stone-200 bg-white" aria-hidden />;

export const IndicatorEditorInBrowser = dynamic(() => import("./indicator-editor").then((m) => m.IndicatorEditor), {
  ssr: false,
  loading: placeholder,
});
export const TaskEditorInBrowser = dynamic(() => import("./task-editor").then((m) => m.TaskEditor), {
  ssr: false,
  loading: placeholder,
});
