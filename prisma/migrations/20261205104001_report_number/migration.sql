-- AlterTable
ALTER TABLE "reports" ADD COLUMN     "numberSerial" TEXT;
