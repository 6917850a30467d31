import "server-only";
import { z } from "zod";
import { defineAction, FieldError } from "@/server/actions";
import { randomBytes } from "node:crypto";
import type { Scope } from "@/server/db/scope";
import { withScope, type ScopedDb } from "@/server/db/scoped";
import { ownOrganization } from "./import-actions";
import { repairVocabulary } from "./queries";
import type { ReadOutcome } from "./read-document";
import { readInWorker } from "./read-in-worker";
import { MAX_PDF_BYTES, MAX_PDF_PAGES } from "./read-pdf";
import { readScanPages, scanText, type ScanStatus } from "./ocr/scan-text";

// Import jobs for scans (ADR 0032): created when an upload has no text to read (a scanned PDF, an
// image), cancelled by their uploader, read by the import page while they run. Writes go through
// defineAction (permission, zod, one transaction with the audit record); reads filter on the user
// and unit on top of the row-level policy (only the uploader reads a job).

/** Jobs one user may have waiting or running at once: each holds a worker for minutes. */
export const MAX_ACTIVE_SCANS = 3;

export const SCAN_JOB_MESSAGES = {
  tooMany: `Bạn đang có ${MAX_ACTIVE_SCANS} bản quét chờ nhận dạng. Hãy đợi một bản xong hoặc hủy bớt rồi tải lên lại.`,
  notFound: "Không tìm thấy lượt nhận dạng này (có thể đã bị xóa hoặc không phải của bạn).",
  ended: "Lượt nhận dạng này đã kết thúc nên không hủy được nữa.",
} as const;

export const createScanJobInput = z.object({
  fileName: z.string().trim().min(1, "Thiếu tên tệp").max(255, "Tên tệp quá dài"),
  kind: z.enum(["PDF", "IMAGE"]),
  pagesTotal: z.number().int().min(1, "Tệp không có trang nào").max(MAX_PDF_PAGES, `Tệp có hơn ${MAX_PDF_PAGES} trang`),
  bytes: z
    .instanceof(Uint8Array, { message: "Thiếu tệp" })
    .refine((b) => b.length > 0, "Tệp trống")
    .refine((b) => b.length <= MAX_PDF_BYTES, `Tệp lớn hơn ${MAX_PDF_BYTES / 1024 / 1024} MB`),
});

export const createScanJob = defineAction({
  name: "import.scan.create",
  permission: "plans.edit",
  input: createScanJobInput,
  subject: (db, _input, scope) => ownOrganization(db, scope.organizationId),
  async run({ db, scope, input, audit }) {
    const active = await db.importJob.count({
      where: { userId: scope.userId, status: { in: ["QUEUED", "RUNNING"] } },
    });
    if (active >= MAX_ACTIVE_SCANS) throw new FieldError("_form", SCAN_JOB_MESSAGES.tooMany);
    const job = await db.importJob.create({
      data: {
        userId: scope.userId,
        organizationId: scope.organizationId!,
        provinceCode: scope.provinceCode,
        fileName: input.fileName,
        kind: input.kind,
        // A copy of its own (an ArrayBuffer, not a view of a larger buffer), as Prisma takes bytes.
        file: new Uint8Array(input.bytes),
        pagesTotal: input.pagesTotal,
      },
      select: { id: true },
    });
    await audit({
      action: "import.scan.create",
      entityType: "ImportJob",
      entityId: job.id,
      after: { fileName: input.fileName, kind: input.kind, pagesTotal: input.pagesTotal, bytes: input.bytes.length },
    });
    return { id: job.id };
  },
  echo: [],
});

export const cancelScanJobInput = z.object({ id: z.string().uuid(SCAN_JOB_MESSAGES.notFound) });

/**
 * Cancelling compares the status, not the version: the worker writes the row after every page (and
 * bumps its version), so a version read a second ago would refuse every cancel. What must not be
 * lost is a job that ended meanwhile, and the status condition keeps that.
 */
export const cancelScanJob = defineAction({
  name: "import.scan.cancel",
  permission: "plans.edit",
  input: cancelScanJobInput,
  subject: async () => null,
  async run({ db, scope, input, audit }) {
    const job = await db.importJob.findFirst({
      where: { id: input.id, userId: scope.userId, organizationId: scope.organizationId ?? "" },
      select: { id: true, status: true, pagesDone: true },
    });
    if (!job) throw new FieldError("_form", SCAN_JOB_MESSAGES.notFound);
    const { count } = await db.importJob.updateMany({
      where: { id: job.id, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "CANCELLED", file: null, finishedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw new FieldError("_form", SCAN_JOB_MESSAGES.ended);
    await audit({
      action: "import.scan.cancel",
      entityType: "ImportJob",
      entityId: job.id,
      before: { status: job.status, pagesDone: job.pagesDone },
      after: { status: "CANCELLED" },
    });
    return { id: job.id };
  },
  echo: [],
});

export type ScanJobView = {
  id: string;
  fileName: string;
  status: ScanStatus;
  pagesTotal: number;
  pagesDone: number;
  error: string | null;
  createdAt: string;
};

const VIEW = {
  id: true,
  fileName: true,
  status: true,
  pagesTotal: true,
  pagesDone: true,
  error: true,
  createdAt: true,
} as const;

const mine = (scope: Scope) => ({ userId: scope.userId, organizationId: scope.organizationId ?? "" });

function view(row: {
  id: string;
  fileName: string;
  status: ScanStatus;
  pagesTotal: number;
  pagesDone: number;
  error: string | null;
  createdAt: Date;
}): ScanJobView {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** One job of the user's, for the import page's progress. */
export async function scanJobView(db: ScopedDb, scope: Scope, id: string): Promise<ScanJobView | null> {
  const row = await db.importJob.findFirst({ where: { id, ...mine(scope) }, select: VIEW });
  return row ? view(row) : null;
}

/** The user's latest job still waiting or running (the import page takes it up again after a reload). */
export async function activeScanJob(db: ScopedDb, scope: Scope): Promise<ScanJobView | null> {
  const row = await db.importJob.findFirst({
    where: { ...mine(scope), status: { in: ["QUEUED", "RUNNING"] } },
    orderBy: { createdAt: "desc" },
    select: VIEW,
  });
  return row ? view(row) : null;
}

/** A finished job's text and uncertain words, for the parser; null unless it is the user's and done. */
export async function scanJobText(db: ScopedDb, scope: Scope, id: string) {
  const row = await db.importJob.findFirst({
    where: { id, ...mine(scope), status: "DONE" },
    select: { fileName: true, pages: true },
  });
  return row ? { fileName: row.fileName, ...scanText(readScanPages(row.pages)) } : null;
}

/**
 * A finished scan's text read like any other upload, in the importer's worker thread: repaired with
 * the vocabulary of the plans the user may read, doubtful items marked, Tesseract's uncertain words
 * among them (extract-text.ts). `disabledRepairs`: repairs the user turned off. Null when the job is
 * not the user's or not done.
 */
export async function readFinishedScan(
  scope: Scope,
  id: string,
  disabledRepairs: number[] = [],
): Promise<{ fileName: string; outcome: ReadOutcome } | null> {
  const done = await withScope(scope, (db) => scanJobText(db, scope, id));
  if (!done) return null;
  const vocabulary = await withScope(scope, (db) => repairVocabulary(db, scope));
  const outcome = await readInWorker({
    kind: "paste",
    text: done.text,
    key: `import-${randomBytes(6).toString("hex")}`,
    vocabulary,
    disabledRepairs,
    scan: { uncertainWords: done.uncertainWords },
  });
  return { fileName: done.fileName, outcome };
}

/**
 * Finished jobs are kept a week (the user may come back to the review screen from the address),
 * then deleted by the daily job (scan-worker.ts): their pages of words are of no use once the plan is
 * imported, and a job left unread holds its words forever otherwise. Jobs still waiting or running
 * are never touched. Recorded in the audit trail as the job's. Returns how many were deleted.
 */
export const FINISHED_SCAN_RETENTION_DAYS = 7;

export async function purgeFinishedScanJobs(db: ScopedDb, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - FINISHED_SCAN_RETENTION_DAYS * 86_400_000);
  const { count } = await db.importJob.deleteMany({
    where: { status: { in: ["DONE", "FAILED", "CANCELLED"] }, finishedAt: { lt: before } },
  });
  if (count > 0)
    await db.auditLog.create({
      data: {
        userId: null,
        action: "import.scan.purge",
        entityType: "ImportJob",
        entityId: "*",
        after: { deleted: count, finishedBefore: before.toISOString() },
      },
    });
  return count;
}
