import "server-only";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { withJobScope } from "@/server/db/scoped";
import type { JobDefinition, QueueDefinition } from "@/server/jobs/boss";
import { logger } from "@/server/log/logger";
import { OCR_INSTALL_HINT, ocrAvailability, recognizeImage, renderPdfPage } from "./engine";
import { purgeFinishedScanJobs } from "../scan-jobs";
import { hasWordBoxes, readScanPages, SCAN_DPI, scanPagesOf, type ScanPage } from "./scan-text";

// The OCR job's worker (ADR 0032): one scan, page by page. Each page is rendered by pdftoppm (an
// image is read as it is) and read by Tesseract; after each page its words with their boxes and
// confidence (laid out into text only at the end, scan-text.ts), and
// the count of pages done, are written to the job's row, which is what the import page polls. The
// user cancels by setting the row's status; the worker looks before each page and, while a page is
// being read, every CANCEL_POLL_MS, aborting pdftoppm or Tesseract through the AbortSignal. A job
// handed out again (its process died) resumes after the pages already written.

export const SCAN_QUEUE = "import-ocr";
const CANCEL_POLL_MS = 1_000;

export const SCAN_MESSAGES = {
  failed:
    "Không nhận dạng được bản quét này (tệp hỏng hoặc trang không đọc được). Hãy quét lại rõ hơn, hoặc dùng bản Word, PDF có chữ, hoặc dán nội dung.",
  missing: OCR_INSTALL_HINT,
} as const;

const jobData = z.object({ importJobId: z.string().uuid() });

type Outcome = "done" | "cancelled" | "failed" | "skipped";

class Cancelled extends Error {}

async function isCancelled(id: string): Promise<boolean> {
  const row = await withJobScope((db) => db.importJob.findUnique({ where: { id }, select: { status: true } }));
  return !row || row.status === "CANCELLED";
}

/** Ends the job (the bytes are not kept once it has ended); false when it had already ended (cancelled). */
async function finish(id: string, status: "DONE" | "FAILED", error?: string): Promise<boolean> {
  const { count } = await withJobScope((db) =>
    db.importJob.updateMany({
      where: { id, status: "RUNNING" },
      data: { status, error: error ?? null, file: null, finishedAt: new Date(), version: { increment: 1 } },
    }),
  );
  return count > 0;
}

/** Reads one import job to its end; never throws for what the document does (the row says it). */
export async function runScanJob(id: string, options: { dpi?: number } = {}): Promise<Outcome> {
  const job = await withJobScope((db) =>
    db.importJob.findUnique({
      where: { id },
      select: { status: true, kind: true, file: true, pagesTotal: true, pages: true },
    }),
  );
  if (!job || !job.file || !(job.status === "QUEUED" || job.status === "RUNNING")) return "skipped";
  const started = await withJobScope((db) =>
    db.importJob.updateMany({
      where: { id, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "RUNNING", startedAt: new Date(), version: { increment: 1 } },
    }),
  );
  if (started.count === 0) return "skipped";
  if (!(await ocrAvailability()).available)
    return (await finish(id, "FAILED", SCAN_MESSAGES.missing)) ? "failed" : "cancelled";

  const dir = await mkdtemp(path.join(os.tmpdir(), "kehoach-scan-"));
  // A job handed out again resumes after its pages; one begun before the words' boxes were kept
  // (its pages are text) is read again from the start.
  const stored = readScanPages(job.pages);
  const pages: ScanPage[] = hasWordBoxes(stored) ? stored.slice(0, job.pagesTotal) : [];
  try {
    const input = path.join(dir, job.kind === "PDF" ? "scan.pdf" : "scan.img");
    await writeFile(input, job.file);
    for (let page = pages.length + 1; page <= job.pagesTotal; page++) {
      if (await isCancelled(id)) throw new Cancelled();
      // An image of several pages (a TIFF) is read a page at a time, as a PDF is.
      const image = job.kind === "PDF" ? null : { page: job.pagesTotal > 1 ? page - 1 : undefined };
      pages.push(...(await readPage(id, input, image, page, options.dpi ?? SCAN_DPI)));
      const { count } = await withJobScope((db) =>
        db.importJob.updateMany({
          where: { id, status: "RUNNING" },
          data: { pages, pagesDone: page, version: { increment: 1 } },
        }),
      );
      if (count === 0) throw new Cancelled();
    }
    return (await finish(id, "DONE")) ? "done" : "cancelled";
  } catch (error) {
    if (error instanceof Cancelled) return "cancelled";
    logger.warn({ err: error, importJobId: id }, "OCR job failed");
    return (await finish(id, "FAILED", SCAN_MESSAGES.failed)) ? "failed" : "cancelled";
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One page, read while watching for a cancel (which aborts the program that is running). */
async function readPage(
  id: string,
  input: string,
  image: { page: number | undefined } | null,
  page: number,
  dpi: number,
) {
  const controller = new AbortController();
  const watch = setInterval(() => {
    isCancelled(id).then(
      (cancelled) => cancelled && controller.abort(),
      () => undefined,
    );
  }, CANCEL_POLL_MS);
  const rendered = image ? null : await renderPdfPage(input, page, { dpi, signal: controller.signal }).catch(rethrow);
  try {
    return scanPagesOf(
      await recognizeImage(rendered?.image ?? input, { signal: controller.signal, page: image?.page }),
    );
  } catch (error) {
    return rethrow(error);
  } finally {
    clearInterval(watch);
    await rendered?.dispose();
  }

  function rethrow(error: unknown): never {
    clearInterval(watch);
    throw controller.signal.aborted ? new Cancelled() : error;
  }
}

/** The queue every app process works (src/instrumentation.ts). */
export const scanQueue: QueueDefinition = {
  name: SCAN_QUEUE,
  // A 60-page scan takes about 15–20 minutes on two cores; a job not finished in an hour is taken
  // to belong to a process that died, and is handed out again (it resumes after its last page).
  expireInSeconds: 60 * 60,
  retryLimit: 2,
  work: async (data) => {
    const parsed = jobData.safeParse(data);
    if (!parsed.success) return "skipped";
    return runScanJob(parsed.data.importJobId);
  },
};

/** The daily purge of finished jobs older than a week (scan-jobs.ts), with the scheduled jobs. */
export const scanJobsPurge: JobDefinition = {
  name: "import-ocr-purge",
  cron: "45 2 * * *",
  run: () => withJobScope((db) => purgeFinishedScanJobs(db)),
};
