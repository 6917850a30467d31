import "server-only";
import type { ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";

// The user's own notifications. Filtered by user here, and by row-level security in PostgreSQL (a
// user reads only their own rows), so a forgotten filter still shows nobody else's.

/** The header's badge: one COUNT on the (userId, readAt) index. */
export async function unreadCount(db: ScopedDb, scope: Scope): Promise<number> {
  return db.notification.count({ where: { userId: scope.userId, readAt: null } });
}

export const PAGE_SIZE = 50;

/** Newest first, a page at a time. */
export async function listNotifications(db: ScopedDb, scope: Scope, page: number) {
  const where = { userId: scope.userId };
  const [items, total, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return { items, total, unread, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export type NotificationPage = Awaited<ReturnType<typeof listNotifications>>;
