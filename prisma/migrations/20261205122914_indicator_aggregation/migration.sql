-- CreateEnum
CREATE TYPE "IndicatorAggregation" AS ENUM ('NONE', 'SUM', 'WEIGHTED_AVERAGE');

-- AlterTable
ALTER TABLE "indicators" ADD COLUMN     "aggregation" "IndicatorAggregation" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "aggregationWeightId" TEXT;

-- CreateIndex
CREATE INDEX "indicators_aggregationWeightId_idx" ON "indicators"("aggregationWeightId");

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_aggregationWeightId_fkey" FOREIGN KEY ("aggregationWeightId") REFERENCES "indicators"("id") ON DELETE SET NULL ON UPDATE CASCADE;
