"use client";

import "./globals.css";
import { digestOf } from "@/ui/error-digest";

// The last resort, when even the root layout fails: it replaces the whole document.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  return (
    <html lang="vi">
      <body className="min-h-screen font-sans">
        <div className="mx-auto max-w-xl space-y-3 p-8 text-center" role="alert">
          <h1 className="text-2xl font-semibold">Hệ thống tạm thời chưa hiển thị được</h1>
          <p className="text-stone-600">
            Hãy thử lại sau ít phút; nếu lỗi còn lặp lại, báo cho quản trị hệ thống
            {digest ? ` kèm mã lỗi ${digest}` : ""}.
          </p>
          <button
            type="button"
            onClick={() => retry()}
            className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white"
          >
            Thử lại
          </button>
        </div>
      </body>
    </html>
  );
}
