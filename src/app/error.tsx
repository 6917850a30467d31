"use client";

import Link from "next/link";
import { digestOf } from "@/ui/error-digest";

// What a user sees when a page fails on the server: in Vietnamese, with what to do next. The digest
// ties it to the server's log line, for whoever looks into it. `retry` fetches the page again
// (`reset` would only re-render what already failed).
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  return (
    <div className="mx-auto max-w-xl space-y-3 p-8 text-center" role="alert">
      <h1 className="text-2xl font-semibold">Trang này tạm thời chưa hiển thị được</h1>
      <p className="text-stone-600">
        Máy chủ gặp lỗi khi chuẩn bị trang. Dữ liệu đã lưu không bị ảnh hưởng. Hãy thử lại; nếu lỗi còn lặp lại, báo cho
        quản trị hệ thống
        {digest ? (
          <>
            {" "}
            kèm mã lỗi <code className="rounded bg-stone-100 px-1">{digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className="flex justify-center gap-4">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800"
        >
          Thử lại
        </button>
        <Link href="/plans" className="py-1.5 text-brand-700 underline">
          Về danh sách kế hoạch
        </Link>
      </div>
    </div>
  );
}
