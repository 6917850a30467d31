-- AlterTable
ALTER TABLE "users" DROP COLUMN "sessionsValidAfter",
ADD COLUMN     "sessionGeneration" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "sign_in_attempts_username_address_at_idx" ON "sign_in_attempts"("username", "address", "at");
