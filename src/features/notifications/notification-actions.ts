import "server-only";
import { z } from "zod";
import { defineAction } from "@/server/actions";
import { NotFoundError } from "@/server/errors";

// Marking one's own notifications read. The object is the user's own, not a body's: subject null,
// and the row is looked up with the user's id (and row-level security admits only the user's rows),
// so another user's notification is "not found". Marking read twice changes nothing and is not a
// conflict: readAt keeps the first time, so there is no version to compare.

// The page refreshes; the header badge is in the (app) layout, rendered again with it.
const pages = () => ["/notifications"];

export const markNotificationRead = defineAction({
  name: "notifications.markRead",
  permission: "notifications.read",
  input: z.object({ notificationId: z.string().uuid("Thông báo không hợp lệ") }),
  subject: async () => null,
  async run({ db, scope, input, audit }) {
    const notification = await db.notification.findFirst({
      where: { id: input.notificationId, userId: scope.userId },
      select: { id: true, readAt: true },
    });
    if (!notification) throw new NotFoundError("Không tìm thấy thông báo");
    const readAt = notification.readAt ?? new Date();
    if (!notification.readAt)
      await db.notification.updateMany({ where: { id: notification.id, readAt: null }, data: { readAt } });
    await audit({
      action: "notification.markRead",
      entityType: "Notification",
      entityId: notification.id,
      before: { readAt: notification.readAt },
      after: { readAt },
    });
    return { notificationId: notification.id };
  },
  revalidate: pages,
});

export const markAllNotificationsRead = defineAction({
  name: "notifications.markAllRead",
  permission: "notifications.read",
  input: z.object({}),
  subject: async () => null,
  async run({ db, scope, audit }) {
    const { count } = await db.notification.updateMany({
      where: { userId: scope.userId, readAt: null },
      data: { readAt: new Date() },
    });
    await audit({
      action: "notification.markAllRead",
      entityType: "User",
      entityId: scope.userId,
      after: { marked: count },
    });
    return { marked: count };
  },
  revalidate: pages,
});
