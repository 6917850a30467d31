import type { Metadata } from "next";
import { dateTimeInVietnam } from "@/domain/vietnam-time";
import { MarkAllRead, NotificationList } from "@/features/notifications/notification-list";
import { listNotifications, PAGE_SIZE } from "@/features/notifications/queries";
import { withScope } from "@/server/db/scoped";
import { requirePage } from "@/server/routes";
import { Pager } from "@/ui/pager";

export const metadata: Metadata = { title: "Thông báo" };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const scope = await requirePage("/notifications");
  const raw = (await searchParams).page;
  const requested = Number(typeof raw === "string" ? raw : "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  const list = await withScope(scope, (db) => listNotifications(db, scope, page));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Thông báo</h1>
          <p className="text-sm text-stone-600">
            {list.unread > 0 ? `${list.unread} thông báo chưa đọc` : "Không có thông báo chưa đọc"} · thông báo được giữ
            trong 1 năm
          </p>
        </div>
        <MarkAllRead unread={list.unread} />
      </div>
      {list.total === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-700">
          <p className="font-semibold">Chưa có thông báo nào.</p>
          <p className="mt-2">Thông báo sẽ xuất hiện ở đây khi:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-6">
            <li>
              báo cáo năm của đơn vị còn 30, 7 và 1 ngày đến hạn, hoặc đã quá hạn (cán bộ nhập liệu và lãnh đạo duyệt);
            </li>
            <li>cấp trên chấp nhận hoặc trả lại báo cáo của đơn vị;</li>
            <li>một đơn vị cấp dưới gửi báo cáo cho đơn vị xem xét;</li>
            <li>văn bản cấp trên mà kế hoạch của đơn vị thực hiện vừa được ban hành hoặc sửa đổi;</li>
            <li>kế hoạch thực hiện mà cấp trên yêu cầu ban hành trước một ngày sắp đến hạn hoặc đã quá hạn.</li>
          </ul>
          <p className="mt-2">
            Nếu tài khoản có địa chỉ thư điện tử và hệ thống đã cấu hình máy chủ thư, mỗi ngày bạn nhận một thư tóm tắt
            các thông báo chưa đọc.
          </p>
        </div>
      ) : (
        <>
          <NotificationList
            items={list.items.map((n) => ({
              id: n.id,
              title: n.title,
              body: n.body,
              link: n.link,
              createdAt: dateTimeInVietnam(n.createdAt),
              read: n.readAt !== null,
            }))}
          />
          <Pager
            path="/notifications"
            params={{}}
            page={list.page}
            total={list.total}
            size={PAGE_SIZE}
            noun="thông báo"
          />
        </>
      )}
    </div>
  );
}
