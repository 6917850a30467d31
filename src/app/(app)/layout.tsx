import Link from "next/link";
import { formatDate } from "@/domain/reporting-calendar";
import { requireScope } from "@/server/auth/session";
import { routeAllows } from "@/server/routes";
import { roleLabels } from "@/ui/labels";
import { SignOutButton } from "@/features/accounts/sign-out-button";
import { switchOrganizationAction } from "@/features/directory/server-actions";
import { inputStyle } from "@/ui/input-style";
import { unreadCount } from "@/features/notifications/queries";
import { withScope } from "@/server/db/scoped";
import { MAIN_ID, SkipLink } from "@/ui/skip-link";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const scope = await requireScope();
  // One indexed COUNT per page (notifications by user and readAt).
  const unread = routeAllows(scope, "/notifications") ? await withScope(scope, (db) => unreadCount(db, scope)) : null;
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/plans" className="font-semibold text-brand-700">
            Theo dõi thực hiện kế hoạch
          </Link>
          <nav aria-label="Chính" className="flex gap-4 text-sm">
            <Link href="/plans" className="hover:underline">
              Kế hoạch
            </Link>
            <Link href="/dashboard" className="hover:underline">
              Tổng hợp
            </Link>
            <Link href="/reports" className="hover:underline">
              Báo cáo
            </Link>
            {routeAllows(scope, "/import") && !scope.organizationEndedOn ? (
              <Link href="/import" className="hover:underline">
                Nhập văn bản
              </Link>
            ) : null}
            {scope.role === "ADMIN" || scope.isSystemAdmin ? (
              <Link href="/admin/users" className="hover:underline">
                Người dùng
              </Link>
            ) : null}
            {scope.role === "ADMIN" || scope.isSystemAdmin ? (
              <Link href="/admin/audit" className="hover:underline">
                Nhật ký
              </Link>
            ) : null}
            {routeAllows(scope, "/admin/api-tokens") && scope.organizationId ? (
              <Link href="/admin/api-tokens" className="hover:underline">
                Mã API
              </Link>
            ) : null}
            {scope.isSystemAdmin ? (
              <Link href="/admin/organizations" className="hover:underline">
                Cơ quan
              </Link>
            ) : null}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            {unread !== null ? (
              <Link
                href="/notifications"
                className="inline-flex items-center gap-1 hover:underline"
                data-testid="notifications-link"
              >
                {/* The name read out contains the visible text (WCAG 2.5.3): "Thông báo: 3 chưa đọc". */}
                Thông báo
                {unread > 0 ? (
                  <>
                    <span className="sr-only">:</span>
                    <span
                      data-testid="notification-count"
                      className="rounded-full bg-brand-700 px-1.5 py-0.5 text-xs font-semibold leading-none text-white"
                    >
                      {unread > 99 ? "99+" : unread}
                    </span>
                    <span className="sr-only"> chưa đọc</span>
                  </>
                ) : (
                  <span className="sr-only">: không có thông báo chưa đọc</span>
                )}
              </Link>
            ) : null}
            <span data-testid="current-user">
              <span className="font-semibold">{scope.displayName}</span>
              {/* An account named after its body (older demo data did) shows the body once. */}
              {scope.organizationName && !scope.displayName.includes(scope.organizationName) ? (
                <span className="text-stone-600"> · {scope.organizationName}</span>
              ) : null}
              {scope.role ? (
                <span className="text-stone-500"> ({roleLabels[scope.role]})</span>
              ) : scope.isSystemAdmin ? (
                <span className="text-stone-500"> (Quản trị hệ thống)</span>
              ) : null}
            </span>
            {scope.memberships.length > 1 ? (
              <form action={switchOrganizationAction} className="flex items-center gap-1">
                <label className="sr-only" htmlFor="acting-for">
                  Làm việc với tư cách
                </label>
                <select
                  id="acting-for"
                  name="organizationId"
                  defaultValue={scope.organizationId ?? ""}
                  className={inputStyle.compact}
                >
                  {scope.memberships.map((m) => (
                    <option key={m.organizationId} value={m.organizationId}>
                      {m.organizationName}
                    </option>
                  ))}
                </select>
                <button className="rounded border border-stone-300 px-2 py-0.5">Đổi</button>
              </form>
            ) : null}
            <SignOutButton />
          </div>
        </div>
      </header>
      {scope.organizationEndedOn ? (
        <p role="note" className="border-b border-amber-300 bg-amber-50" data-testid="ended-body">
          <span className="mx-auto block max-w-7xl px-4 py-2 text-sm text-amber-950">
            {scope.organizationName} đã kết thúc hoạt động ngày {formatDate(scope.organizationEndedOn)}: tài khoản này
            chỉ xem được hồ sơ của cơ quan. Việc cập nhật kế hoạch, kết quả và báo cáo do cơ quan kế thừa thực hiện.
          </span>
        </p>
      ) : null}
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
