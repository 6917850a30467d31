-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AdminLevel" AS ENUM ('CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "AdminEra" AS ENUM ('PRE_2025', 'FROM_2025');

-- CreateEnum
CREATE TYPE "Track" AS ENUM ('PARTY', 'STATE', 'OTHER');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('PARTY_COMMITTEE', 'PARTY_STANDING_COMMITTEE', 'PARTY_BOARD', 'PEOPLES_COUNCIL', 'PEOPLES_COMMITTEE', 'GOVERNMENT', 'DEPARTMENT', 'PUBLIC_SERVICE_UNIT', 'FATHERLAND_FRONT', 'SOCIO_POLITICAL', 'COLLECTIVE', 'OTHER');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('RESOLUTION', 'PROGRAMME', 'PLAN', 'DECISION', 'DIRECTIVE', 'CONCLUSION', 'GUIDANCE', 'REPORT', 'NOTICE', 'LETTER');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'ISSUED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "NumberNotation" AS ENUM ('PARTY', 'STATE');

-- CreateEnum
CREATE TYPE "InheritanceState" AS ENUM ('LOCAL', 'INHERITED', 'DROPPED');

-- CreateEnum
CREATE TYPE "TimeframeKind" AS ENUM ('RECURRING', 'FROM_YEAR', 'BY_DATE', 'BY_QUARTER', 'BY_YEAR', 'PERIOD', 'UNSPECIFIED');

-- CreateEnum
CREATE TYPE "AssignmentRole" AS ENUM ('LEAD', 'COORDINATING', 'DIRECTING', 'ADVISING');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('HIGHER_BETTER', 'LOWER_BETTER', 'WITHIN_RANGE', 'QUALITATIVE');

-- CreateEnum
CREATE TYPE "TargetKind" AS ENUM ('EXACT', 'BELOW', 'ABOVE', 'AT_LEAST', 'AT_MOST', 'RANGE', 'APPROXIMATELY', 'QUALITATIVE', 'NONE');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'BEHIND');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'EDITOR', 'APPROVER', 'ADMIN');

-- CreateTable
CREATE TABLE "admin_units" (
    "id" TEXT NOT NULL,
    "era" "AdminEra" NOT NULL,
    "level" "AdminLevel" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "parentId" TEXT,
    "provinceCode" TEXT,
    "validFrom" DATE,
    "validTo" DATE,

    CONSTRAINT "admin_units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_successions" (
    "predecessorId" TEXT NOT NULL,
    "successorId" TEXT NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "isVerified" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "admin_successions_pkey" PRIMARY KEY ("predecessorId","successorId")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" "OrganizationKind" NOT NULL,
    "track" "Track" NOT NULL,
    "isCollective" BOOLEAN NOT NULL DEFAULT false,
    "adminUnitId" TEXT NOT NULL,
    "provinceCode" TEXT,
    "parentId" TEXT,
    "validFrom" DATE,
    "validTo" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_successions" (
    "predecessorId" TEXT NOT NULL,
    "successorId" TEXT NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "organization_successions_pkey" PRIMARY KEY ("predecessorId","successorId")
);

-- CreateTable
CREATE TABLE "plans" (
    "id" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "track" "Track" NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "notation" "NumberNotation" NOT NULL,
    "numberSerial" TEXT,
    "typeCode" TEXT NOT NULL,
    "issuerCode" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "provinceCode" TEXT,
    "issuedOn" DATE,
    "place" TEXT,
    "title" TEXT NOT NULL,
    "signerName" TEXT,
    "signerTitle" TEXT,
    "signingForm" TEXT,
    "recipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "purpose" TEXT,
    "requirements" TEXT,
    "generalObjective" TEXT,
    "vision" TEXT,
    "funding" TEXT,
    "implementation" TEXT,
    "hasContent" BOOLEAN NOT NULL DEFAULT true,
    "parentId" TEXT,
    "childPlanDueOn" DATE,
    "childReportDueDay" INTEGER,
    "childReportDueMonth" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_citations" (
    "planId" TEXT NOT NULL,
    "citedPlanId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "plan_citations_pkey" PRIMARY KEY ("planId","citedPlanId")
);

-- CreateTable
CREATE TABLE "plan_versions" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "plan_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "parentTaskId" TEXT,
    "position" INTEGER NOT NULL,
    "numbering" TEXT NOT NULL,
    "title" TEXT,
    "body" TEXT NOT NULL,
    "derivedFromId" TEXT,
    "inheritance" "InheritanceState" NOT NULL DEFAULT 'LOCAL',
    "dropReason" TEXT,
    "timeframeKind" "TimeframeKind" NOT NULL DEFAULT 'UNSPECIFIED',
    "timeframeYear" INTEGER,
    "timeframeEndYear" INTEGER,
    "timeframeQuarter" INTEGER,
    "timeframeDate" DATE,
    "timeframeText" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_assignments" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "role" "AssignmentRole" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "task_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicators" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "parentIndicatorId" TEXT,
    "isGroup" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "direction" "IndicatorDirection" NOT NULL DEFAULT 'HIGHER_BETTER',
    "baselineValue" DECIMAL(65,30),
    "baselineYear" INTEGER,
    "baselineText" TEXT,
    "derivedFromId" TEXT,
    "inheritance" "InheritanceState" NOT NULL DEFAULT 'LOCAL',
    "dropReason" TEXT,
    "markedAsFromParent" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "indicators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_targets" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "TargetKind" NOT NULL,
    "lower" DECIMAL(65,30),
    "upper" DECIMAL(65,30),
    "isPercent" BOOLEAN NOT NULL DEFAULT false,
    "qualitative" TEXT,
    "text" TEXT NOT NULL,

    CONSTRAINT "indicator_targets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_actuals" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(65,30),
    "text" TEXT NOT NULL,
    "qualitativeStatus" TEXT,
    "note" TEXT,
    "source" TEXT,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "enteredById" TEXT,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "indicator_actuals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_progress" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "organizationId" TEXT,
    "year" INTEGER NOT NULL,
    "status" "TaskStatus" NOT NULL,
    "summary" TEXT,
    "isIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "task_progress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "leadership" TEXT,
    "results" TEXT,
    "shortcomings" TEXT,
    "nextYear" TEXT,
    "proposals" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_submissions" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedById" TEXT,
    "outcome" "ReportStatus" NOT NULL DEFAULT 'SUBMITTED',
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewComment" TEXT,

    CONSTRAINT "report_submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "isSystemAdmin" BOOLEAN NOT NULL DEFAULT false,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "sessionsValidAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempts" (
    "id" BIGSERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "organizationId" TEXT,
    "provinceCode" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "admin_units_parentId_idx" ON "admin_units"("parentId");

-- CreateIndex
CREATE INDEX "admin_units_provinceCode_idx" ON "admin_units"("provinceCode");

-- CreateIndex
CREATE UNIQUE INDEX "admin_units_era_level_code_key" ON "admin_units"("era", "level", "code");

-- CreateIndex
CREATE INDEX "admin_successions_successorId_idx" ON "admin_successions"("successorId");

-- CreateIndex
CREATE INDEX "organizations_parentId_idx" ON "organizations"("parentId");

-- CreateIndex
CREATE INDEX "organizations_provinceCode_idx" ON "organizations"("provinceCode");

-- CreateIndex
CREATE UNIQUE INDEX "organizations_adminUnitId_normalizedName_key" ON "organizations"("adminUnitId", "normalizedName");

-- CreateIndex
CREATE INDEX "organization_successions_successorId_idx" ON "organization_successions"("successorId");

-- CreateIndex
CREATE INDEX "plans_issuerId_idx" ON "plans"("issuerId");

-- CreateIndex
CREATE INDEX "plans_parentId_idx" ON "plans"("parentId");

-- CreateIndex
CREATE INDEX "plans_provinceCode_idx" ON "plans"("provinceCode");

-- CreateIndex
CREATE INDEX "plan_citations_citedPlanId_idx" ON "plan_citations"("citedPlanId");

-- CreateIndex
CREATE UNIQUE INDEX "plan_versions_planId_version_key" ON "plan_versions"("planId", "version");

-- CreateIndex
CREATE INDEX "tasks_planId_parentTaskId_position_idx" ON "tasks"("planId", "parentTaskId", "position");

-- CreateIndex
CREATE INDEX "tasks_derivedFromId_idx" ON "tasks"("derivedFromId");

-- CreateIndex
CREATE INDEX "task_assignments_planId_idx" ON "task_assignments"("planId");

-- CreateIndex
CREATE INDEX "task_assignments_organizationId_idx" ON "task_assignments"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "task_assignments_taskId_organizationId_role_key" ON "task_assignments"("taskId", "organizationId", "role");

-- CreateIndex
CREATE INDEX "indicators_planId_parentIndicatorId_position_idx" ON "indicators"("planId", "parentIndicatorId", "position");

-- CreateIndex
CREATE INDEX "indicators_derivedFromId_idx" ON "indicators"("derivedFromId");

-- CreateIndex
CREATE INDEX "indicator_targets_planId_idx" ON "indicator_targets"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_targets_indicatorId_year_key" ON "indicator_targets"("indicatorId", "year");

-- CreateIndex
CREATE INDEX "indicator_actuals_planId_year_idx" ON "indicator_actuals"("planId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_actuals_indicatorId_year_key" ON "indicator_actuals"("indicatorId", "year");

-- CreateIndex
CREATE INDEX "task_progress_planId_year_idx" ON "task_progress"("planId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "task_progress_taskId_year_organizationId_key" ON "task_progress"("taskId", "year", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "reports_planId_year_key" ON "reports"("planId", "year");

-- CreateIndex
CREATE INDEX "report_submissions_planId_idx" ON "report_submissions"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "report_submissions_reportId_number_key" ON "report_submissions"("reportId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE INDEX "memberships_organizationId_idx" ON "memberships"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_userId_organizationId_key" ON "memberships"("userId", "organizationId");

-- CreateIndex
CREATE INDEX "sign_in_attempts_address_at_idx" ON "sign_in_attempts"("address", "at");

-- CreateIndex
CREATE INDEX "sign_in_attempts_username_at_idx" ON "sign_in_attempts"("username", "at");

-- CreateIndex
CREATE INDEX "audit_logs_organizationId_at_idx" ON "audit_logs"("organizationId", "at");

-- CreateIndex
CREATE INDEX "audit_logs_entityType_entityId_idx" ON "audit_logs"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "admin_units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_successions" ADD CONSTRAINT "admin_successions_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "admin_units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_successions" ADD CONSTRAINT "admin_successions_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "admin_units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_adminUnitId_fkey" FOREIGN KEY ("adminUnitId") REFERENCES "admin_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_successions" ADD CONSTRAINT "organization_successions_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_successions" ADD CONSTRAINT "organization_successions_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plans" ADD CONSTRAINT "plans_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plans" ADD CONSTRAINT "plans_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_citations" ADD CONSTRAINT "plan_citations_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_citations" ADD CONSTRAINT "plan_citations_citedPlanId_fkey" FOREIGN KEY ("citedPlanId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parentTaskId_fkey" FOREIGN KEY ("parentTaskId") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_derivedFromId_fkey" FOREIGN KEY ("derivedFromId") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_parentIndicatorId_fkey" FOREIGN KEY ("parentIndicatorId") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_derivedFromId_fkey" FOREIGN KEY ("derivedFromId") REFERENCES "indicators"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
