import "server-only";
import { withJobScope } from "@/server/db/scoped";
import { serverEnv } from "@/server/env";
import type { JobDefinition } from "@/server/jobs/boss";
import { sendDailyDigests } from "./digest";
import { purgeOldNotifications } from "./purge";
import { runDueReminders } from "./reminders";

// The scheduled work of notifications (started with the server: src/instrumentation.ts). Times are
// read in Vietnam. Each is idempotent: reminders by their dedupe keys, the purge by its cutoff, the
// digest by its record per user and day.

/** Now, or 10:00 in Vietnam on REMINDERS_TODAY when it is set (demonstrations, browser tests). */
export function remindersNow(day = serverEnv().REMINDERS_TODAY): Date {
  return day ? new Date(`${day}T03:00:00.000Z`) : new Date();
}

export const notificationJobs: JobDefinition[] = [
  {
    name: "notifications-reminders",
    cron: "5 * * * *",
    atStart: true,
    run: () => withJobScope((db) => runDueReminders(db, remindersNow())),
  },
  { name: "notifications-purge", cron: "30 2 * * *", run: () => withJobScope((db) => purgeOldNotifications(db)) },
  { name: "notifications-digest", cron: "0 7 * * *", run: () => sendDailyDigests() },
];
