import "server-only";
import nodemailer from "nodemailer";
import { dateTimeInVietnam, todayInVietnam } from "@/domain/vietnam-time";
import { formatDate } from "@/domain/reporting-calendar";
import { mailEnv, type MailEnv } from "@/server/env";
import { withJobScope } from "@/server/db/scoped";
import { logger } from "@/server/log/logger";

// The daily digest: each active user with an e-mail address and unread notifications gets one
// message a day listing them. Nothing is sent without an SMTP server configured (mailEnv). The day
// is claimed in digest_deliveries (primary key user + day) in the same transaction as the sending:
// a second run that day, on any instance, finds the row and sends nothing; a failed send rolls the
// claim back, so the next run tries again.

const MAX_LISTED = 20;

export type DigestResult = { sent: number; skipped: "not-configured" | null };

type Unread = { title: string; body: string; link: string | null; createdAt: Date };

export function digestMessage(
  user: { displayName: string },
  unread: Unread[],
  day: string,
  siteUrl: string | null,
): { subject: string; text: string } {
  const subject = `[Theo dõi kế hoạch] ${unread.length} thông báo chưa đọc - ngày ${formatDate(day)}`;
  const lines = unread
    .slice(0, MAX_LISTED)
    .flatMap((n) => [
      `- ${n.title} (${dateTimeInVietnam(n.createdAt)})`,
      `  ${n.body}`,
      ...(n.link && siteUrl ? [`  ${siteUrl}${n.link}`] : []),
    ]);
  const more = unread.length > MAX_LISTED ? [`… và ${unread.length - MAX_LISTED} thông báo khác.`] : [];
  const text = [
    `Kính gửi ${user.displayName},`,
    "",
    `Bạn có ${unread.length} thông báo chưa đọc:`,
    "",
    ...lines,
    ...more,
    "",
    siteUrl
      ? `Xem tất cả thông báo: ${siteUrl}/notifications`
      : "Xem tất cả thông báo tại trang Thông báo của hệ thống.",
    "",
    "Thư này được gửi tự động mỗi ngày một lần khi có thông báo chưa đọc; vui lòng không trả lời.",
  ].join("\n");
  return { subject, text };
}

/** Sends today's digests; returns how many were sent. */
export async function sendDailyDigests(now: Date = new Date(), env: MailEnv = mailEnv()): Promise<DigestResult> {
  if (!env.transport) return { sent: 0, skipped: "not-configured" };
  const day = todayInVietnam(now);
  const transporter = nodemailer.createTransport(env.transport as never);
  try {
    const recipients = await withJobScope((db) =>
      db.user.findMany({
        where: {
          isActive: true,
          email: { not: null },
          notifications: { some: { readAt: null } },
        },
        select: { id: true, email: true, displayName: true },
      }),
    );
    let sent = 0;
    for (const user of recipients) {
      try {
        const done = await withJobScope(async (db) => {
          const claimed = await db.$executeRaw`
            INSERT INTO digest_deliveries ("userId", "day", "notificationCount")
            SELECT ${user.id}, ${day}::date, count(*)::int FROM notifications
             WHERE "userId" = ${user.id} AND "readAt" IS NULL
            ON CONFLICT DO NOTHING`;
          if (claimed === 0) return false;
          const unread = await db.notification.findMany({
            where: { userId: user.id, readAt: null },
            orderBy: { createdAt: "desc" },
            select: { title: true, body: true, link: true, createdAt: true },
          });
          const message = digestMessage(user, unread, day, env.siteUrl);
          await transporter.sendMail({ from: env.from, to: user.email!, ...message });
          return true;
        });
        if (done) sent++;
      } catch (error) {
        // One address the server refuses does not stop the others; the next run tries this one again.
        logger.error({ err: error, userId: user.id }, "digest not sent");
      }
    }
    return { sent, skipped: null };
  } finally {
    transporter.close();
  }
}
