-- Notifications ("Thông báo"), the daily digest's record, users' e-mail addresses, and the schema of
-- the job queue (pg-boss). ADR 0026.

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REPORT_DUE', 'REPORT_OVERDUE', 'REPORT_RETURNED', 'REPORT_ACCEPTED', 'LOCALITY_SUBMITTED', 'PARENT_PLAN_CHANGED', 'CHILD_PLAN_DUE', 'CHILD_PLAN_OVERDUE');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "email" TEXT;

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_deliveries" (
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "notificationCount" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "digest_deliveries_pkey" PRIMARY KEY ("userId","day")
);

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_idx" ON "notifications"("userId", "readAt");

-- CreateIndex
CREATE INDEX "notifications_createdAt_idx" ON "notifications"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_userId_dedupeKey_key" ON "notifications"("userId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security. A user reads and marks only their own notifications. Any signed-in action may
-- notify others (a review notifies the reporting body's editors), so inserting needs only a user.
-- The scheduled jobs (reminders, purge, digest) run with app.job = 'on' (withJobScope in
-- src/server/db/scoped.ts): they read every user's notifications, delete the old ones and record
-- digests. Nothing else sets app.job.
CREATE OR REPLACE FUNCTION app_is_job() RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('app.job', true), '') = 'on' $$;

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY notifications_read ON notifications FOR SELECT TO app_user
  USING ("userId" = (SELECT current_setting('app.user_id', true)) OR (SELECT app_is_job()));
CREATE POLICY notifications_insert ON notifications FOR INSERT TO app_user
  WITH CHECK ((SELECT coalesce(current_setting('app.user_id', true), '')) <> '');
CREATE POLICY notifications_update ON notifications FOR UPDATE TO app_user
  USING ("userId" = (SELECT current_setting('app.user_id', true)))
  WITH CHECK ("userId" = (SELECT current_setting('app.user_id', true)));
CREATE POLICY notifications_purge ON notifications FOR DELETE TO app_user USING ((SELECT app_is_job()));

ALTER TABLE digest_deliveries ENABLE ROW LEVEL SECURITY;
CREATE POLICY digest_deliveries_job ON digest_deliveries FOR ALL TO app_user
  USING ((SELECT app_is_job())) WITH CHECK ((SELECT app_is_job()));

-- The job queue lives in its own schema, owned by the application role so that pg-boss can create
-- and migrate its tables there (app_user may not create schemas: src/server/jobs/boss.ts installs
-- pg-boss's tables into this schema at the first start).
CREATE SCHEMA IF NOT EXISTS pgboss AUTHORIZATION app_user;
