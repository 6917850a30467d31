"use client";

import "./globals.css";

// The last resort, when even the root layout fails: it replaces the whole document.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body className="min-h-screen font-sans">
        <div className="mx-auto max-w-xl space-y-3 p-8 text-center" role="alert">
          <h1 className="text-2xl font-semibold">Hệ thống tạm thời chưa hiển thị được</h1>
          <p className="text-stone-600">
            Hãy thử lại sau ít phút; nếu lỗi còn lặp lại, báo cho quản trị hệ thống{error.digest ? ` kèm mã lỗi ${error.digest}` : ""}.
          </p>
          <button type="button" onClick={reset} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
            Thử lại
          </button>
        </div>
      </body>
    </html>
  );
}
