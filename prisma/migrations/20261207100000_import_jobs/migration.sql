-- Scanned plans read by OCR as a background job (issue 17 part 2, ADR 0032).

-- CreateEnum
CREATE TYPE "ImportJobKind" AS ENUM ('PDF', 'IMAGE');

-- CreateEnum
CREATE TYPE "ImportJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "import_jobs" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "provinceCode" TEXT,
    "fileName" TEXT NOT NULL,
    "kind" "ImportJobKind" NOT NULL,
    "file" BYTEA,
    "status" "ImportJobStatus" NOT NULL DEFAULT 'QUEUED',
    "pagesTotal" INTEGER NOT NULL,
    "pagesDone" INTEGER NOT NULL DEFAULT 0,
    "pages" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_jobs_userId_createdAt_idx" ON "import_jobs"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "import_jobs_status_idx" ON "import_jobs"("status");

-- AddForeignKey
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security. A job is its uploader's: only they read it, and only they create or cancel
-- one for themselves (the upload is theirs, and may be a draft nobody else should see yet). The OCR
-- worker runs with app.job = 'on' (withJobScope) and reads and writes every job; nothing else sets
-- app.job. The unit is checked besides in the queries (src/features/import/scan-jobs.ts).
ALTER TABLE import_jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_jobs_read ON import_jobs FOR SELECT TO app_user
  USING ("userId" = (SELECT current_setting('app.user_id', true)) OR (SELECT app_is_job()));
CREATE POLICY import_jobs_insert ON import_jobs FOR INSERT TO app_user
  WITH CHECK ("userId" = (SELECT current_setting('app.user_id', true)));
CREATE POLICY import_jobs_update ON import_jobs FOR UPDATE TO app_user
  USING ("userId" = (SELECT current_setting('app.user_id', true)) OR (SELECT app_is_job()))
  WITH CHECK ("userId" = (SELECT current_setting('app.user_id', true)) OR (SELECT app_is_job()));
CREATE POLICY import_jobs_purge ON import_jobs FOR DELETE TO app_user USING ((SELECT app_is_job()));
