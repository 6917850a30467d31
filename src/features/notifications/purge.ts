import "server-only";
import type { ScopedDb } from "@/server/db/scoped";

/** Notifications are kept one year (issue 16): older ones are deleted by the daily job. */
export const RETENTION_DAYS = 365;

/** Deletes notifications older than the retention; recorded in the audit trail as the job's. Returns how many. */
export async function purgeOldNotifications(db: ScopedDb, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - RETENTION_DAYS * 86_400_000);
  const { count } = await db.notification.deleteMany({ where: { createdAt: { lt: before } } });
  if (count > 0)
    await db.auditLog.create({
      data: {
        userId: null,
        action: "notifications.purge",
        entityType: "Notification",
        entityId: "*",
        after: { deleted: count, createdBefore: before.toISOString() },
      },
    });
  return count;
}
