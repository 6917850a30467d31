import Link from "next/link";
import { MAIN_ID, SkipLink } from "@/ui/skip-link";

// The public pages (ADR 0034): no sign-in, outside the (app) group and its session guard. They read
// through the public scope only (src/features/public/cache.ts), never a user's.

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/public" className="font-semibold text-brand-700">
            Công khai kết quả thực hiện kế hoạch
          </Link>
          <nav aria-label="Chính" className="ml-auto text-sm">
            <Link href="/sign-in" className="text-brand-700 hover:underline">
              Đăng nhập dành cho cán bộ
            </Link>
          </nav>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {children}
      </main>
      <footer className="mx-auto max-w-7xl px-4 pb-8 text-sm text-stone-600">
        Chỉ các kế hoạch đã được cơ quan ban hành công bố và số liệu của chúng được hiển thị ở đây. Số liệu được cập
        nhật sau tối đa một phút.
      </footer>
    </div>
  );
}
