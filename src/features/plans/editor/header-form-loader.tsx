"use client";

import dynamic from "next/dynamic";

// The header form reads the browser's backup of unsaved text when it starts, so it is rendered in
// the browser only.
export const HeaderFormInBrowser = dynamic(() => import("./header-form").then((m) => m.HeaderForm), {
  ssr: false,
  loading: () => (
    <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-500">Đang mở thông tin chung…</p>
  ),
});
