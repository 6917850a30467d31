import "server-only";
import { withJobScope } from "@/server/db/scoped";
import type { JobDefinition } from "@/server/jobs/boss";
import { sendDailyDigests } from "./digest";
import { purgeOldNotifications } from "./purge";
import { runDueReminders } from "./reminders";

// The scheduled work of notifications (started with the server: src/instrumentation.ts). Times are
// read in Vietnam. Each is idempotent: reminders by their dedupe keys, the purge by its cutoff, the
// digest by its record per user and day.

export const notificationJobs: JobDefinition[] = [
  {
    name: "notifications-reminders",
    cron: "5 * * * *",
    atStart: true,
    run: () => withJobScope((db) => runDueReminders(db)),
  },
  { name: "notifications-purge", cron: "30 2 * * *", run: () => withJobScope((db) => purgeOldNotifications(db)) },
  { name: "notifications-digest", cron: "0 7 * * *", run: () => sendDailyDigests() },
];
