-- CreateEnum
CREATE TYPE "ParentChangeKind" AS ENUM ('ADDED', 'REMOVED', 'RETARGETED');

-- CreateEnum
CREATE TYPE "IndicatorStatus" AS ENUM ('MET', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'NO_DATA');

-- AlterTable
ALTER TABLE "indicators" ADD COLUMN     "parentTargetsSeen" JSONB;

-- AlterTable
ALTER TABLE "indicator_actuals" ADD COLUMN     "status" "IndicatorStatus" NOT NULL DEFAULT 'NO_DATA',
DROP COLUMN "qualitativeStatus",
ADD COLUMN     "qualitativeStatus" "IndicatorStatus";

-- CreateTable
CREATE TABLE "inheritance_decisions" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "itemType" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" "ParentChangeKind" NOT NULL,
    "accepted" BOOLEAN NOT NULL,
    "parentSnapshot" JSONB,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,

    CONSTRAINT "inheritance_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "inheritance_decisions_planId_itemType_itemId_kind_key" ON "inheritance_decisions"("planId", "itemType", "itemId", "kind");

-- CreateIndex
CREATE INDEX "indicator_actuals_year_status_idx" ON "indicator_actuals"("year", "status");

-- AddForeignKey
ALTER TABLE "inheritance_decisions" ADD CONSTRAINT "inheritance_decisions_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant wall, as for every plan-owned table (see 20261123170000_row_level_security).
ALTER TABLE inheritance_decisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON inheritance_decisions TO app_user
  USING ("planId" IN (SELECT id FROM plans))
  WITH CHECK (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")));
