import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "../../src/server/db/scope";
import { scanOfPdf } from "../../scripts/lib/scan-pdf";
import { tiffOfPdf } from "../../scripts/lib/scan-tiff";
import { createTestDatabase } from "./database";

// A scanned plan read by OCR as a background job, end to end on the real database (row-level
// security on, as app_user), the real pg-boss queue and the real Tesseract (.ci/run installs it):
// the first two pages of the Ea Súp plan printed to PDF, rendered to a 200 dpi image-only scan, go
// through the job to 2/2 pages and then to a draft plan; a second scan is cancelled while it runs
// and stops; a user of another unit neither reads nor cancels the job.

const PDF = path.resolve(import.meta.dirname, "../fixtures/import/pdf/ea-sup-ubnd-huyen-ke-hoach-2024.pdf");

describe("scans read by OCR as a job", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let editor: Scope;
  let stranger: Scope;
  let scan: Buffer;
  let boss: typeof import("../../src/server/jobs/boss");
  let jobs: typeof import("../../src/features/import/scan-jobs");
  let scoped: typeof import("../../src/server/db/scoped");
  let worker: typeof import("../../src/features/import/ocr/scan-worker");

  const row = (id: string) => db.adminDb.importJob.findUniqueOrThrow({ where: { id } });
  async function until(id: string, done: (job: Awaited<ReturnType<typeof row>>) => boolean, ms: number) {
    const seen: number[] = [];
    for (const started = Date.now(); Date.now() - started < ms;) {
      const job = await row(id);
      if (!seen.includes(job.pagesDone)) seen.push(job.pagesDone);
      if (done(job)) return { job, seen };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`job ${id} did not get there in ${ms} ms: ${JSON.stringify(await row(id))}`);
  }
  async function start(scope: Scope, pages: Buffer, kind: "PDF" | "IMAGE" = "PDF") {
    const created = await jobs.createScanJob.execute(scope, {
      fileName: kind === "PDF" ? "ke-hoach-quet.pdf" : "ke-hoach-quet.tif",
      kind,
      pagesTotal: 2,
      bytes: new Uint8Array(pages),
    });
    if (created.status !== "ok") throw new Error(JSON.stringify(created));
    await boss.enqueue(worker.SCAN_QUEUE, { importJobId: created.data.id });
    return created.data.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = await db.adminDb.user.findUniqueOrThrow({ where: { username: "xaeasup.editor" } });
    editor = (await scopeForUser(user.id))!;
    const sonLa = await db.adminDb.organization.findFirstOrThrow({
      where: { name: "Tỉnh ủy Sơn La", adminUnit: { level: "PROVINCE" } },
    });
    const other = await db.adminDb.user.create({
      data: {
        username: "sonla.scan.editor",
        displayName: "Biên tập (kiểm thử)",
        passwordHash: "x",
        memberships: { create: { organizationId: sonLa.id, role: "EDITOR" } },
      },
    });
    stranger = (await scopeForUser(other.id))!;
    scan = await scanOfPdf(PDF, { dpi: 200, first: 1, last: 2 });
    boss = await import("../../src/server/jobs/boss");
    jobs = await import("../../src/features/import/scan-jobs");
    scoped = await import("../../src/server/db/scoped");
    worker = await import("../../src/features/import/ocr/scan-worker");
    await boss.startJobs([], db.appUrl, [worker.scanQueue]);
  });
  afterAll(async () => {
    await boss?.stopJobs();
    await db.drop();
  });

  it("is an image-only PDF: the text-layer reader finds no text in it", async () => {
    const { readUpload } = await import("../../src/features/import/read-file");
    const { PDF_MESSAGES } = await import("../../src/features/import/read-pdf");
    expect(await readUpload("quet.pdf", new Uint8Array(scan))).toEqual({ ok: false, error: PDF_MESSAGES.scanned });
  });

  it("reads a two-page scan page by page to 2/2, then to a draft plan", async () => {
    const id = await start(editor, scan);
    const { job, seen } = await until(id, (j) => j.status === "DONE" || j.status === "FAILED", 240_000);
    expect(job).toMatchObject({ status: "DONE", pagesDone: 2, pagesTotal: 2, error: null, file: null });
    // Progress was written after each page (the poll may miss the first only if a page took < 250 ms).
    expect(seen.at(-1)).toBe(2);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    const audit = await db.adminDb.auditLog.findMany({ where: { entityId: id } });
    expect(audit.map((a) => a.action)).toEqual(["import.scan.create"]);

    const view = await scoped.withScope(editor, (tx) => jobs.scanJobView(tx, editor, id));
    expect(view).toMatchObject({ status: "DONE", pagesDone: 2, pagesTotal: 2, fileName: "ke-hoach-quet.pdf" });

    const read = await jobs.readFinishedScan(editor, id);
    if (read?.outcome.status !== "ok") throw new Error(JSON.stringify(read));
    const { extraction } = read.outcome;
    expect(extraction.document.title).toMatch(/Triển khai Nghị quyết số 68\/NQ-CP/);
    expect(extraction.document.tasks.length).toBeGreaterThan(0);
    expect(extraction.ocr?.original.join("\n")).toContain("Thời gian thực hiện");

    const { confirmImport } = await import("../../src/features/import/import-actions");
    const confirmed = await confirmImport.execute(editor, {
      document: JSON.stringify({ ...extraction.document, number: "/KH-UBND" }),
      parentId: "",
    });
    if (confirmed.status !== "ok") throw new Error(JSON.stringify(confirmed));
    const plan = await db.adminDb.plan.findUniqueOrThrow({ where: { id: confirmed.data.planId } });
    expect(plan.status).toBe("DRAFT");
  }, 300_000);

  it("reads a two-page TIFF a page at a time, as a PDF", async () => {
    const { tiffPageCount } = await import("../../src/features/import/ocr/tiff");
    const tiff = await tiffOfPdf(PDF, 1, 2, 150);
    expect(tiffPageCount(tiff)).toBe(2);
    const id = await start(editor, tiff, "IMAGE");
    const { job, seen } = await until(id, (j) => j.status === "DONE" || j.status === "FAILED", 240_000);
    expect(job).toMatchObject({ status: "DONE", pagesDone: 2, pagesTotal: 2, error: null });
    expect(seen.at(-1)).toBe(2);
    const { readScanPages, scanText } = await import("../../src/features/import/ocr/scan-text");
    const pages = readScanPages(job.pages);
    expect(pages).toHaveLength(2);
    // Each page read alone: the title is on the first only.
    const texts = pages.map((p) => scanText([p] as typeof pages).text);
    expect(texts[0]).toContain("KẾ HOẠCH");
    expect(texts[1]).not.toContain("KẾ HOẠCH");
    expect(texts[1]!.length).toBeGreaterThan(500);
  }, 300_000);

  it("stops a scan cancelled while it is read, and keeps what the user may not see from another unit", async () => {
    const id = await start(editor, scan);
    await until(id, (j) => j.status === "RUNNING", 120_000);

    // Another unit's editor: not visible (row-level security besides the query's filter), not cancellable.
    expect(await scoped.withScope(stranger, (tx) => jobs.scanJobView(tx, stranger, id))).toBeNull();
    expect(await scoped.withScope(stranger, (tx) => tx.importJob.findMany({ where: { id } }))).toEqual([]);
    expect(
      await scoped.withScope(stranger, (tx) =>
        tx.importJob.updateMany({ where: { id }, data: { status: "CANCELLED" } }),
      ),
    ).toEqual({ count: 0 });
    expect(await jobs.cancelScanJob.execute(stranger, { id })).toMatchObject({
      status: "error",
      message: jobs.SCAN_JOB_MESSAGES.notFound,
    });
    expect((await row(id)).status).toBe("RUNNING");

    const cancelled = await jobs.cancelScanJob.execute(editor, { id });
    expect(cancelled).toMatchObject({ status: "ok" });
    const { job } = await until(id, (j) => j.status === "CANCELLED", 5_000);
    expect(job.file).toBeNull();
    const pagesAtCancel = job.pagesDone;
    // The worker aborted Tesseract: no page is added after the cancel, and the job stays cancelled.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await row(id)).toMatchObject({ status: "CANCELLED", pagesDone: pagesAtCancel });
    expect(pagesAtCancel).toBeLessThan(2);
    // A second cancel is refused: the job has ended.
    expect(await jobs.cancelScanJob.execute(editor, { id })).toMatchObject({
      status: "error",
      message: jobs.SCAN_JOB_MESSAGES.ended,
    });
    const audit = await db.adminDb.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["import.scan.create", "import.scan.cancel"]);
  }, 180_000);

  it("purges finished jobs older than a week, and only those", async () => {
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const made: Record<string, string> = {};
    for (const [name, status, finishedAt] of [
      ["oldDone", "DONE", daysAgo(8)],
      ["oldFailed", "FAILED", daysAgo(30)],
      ["oldCancelled", "CANCELLED", daysAgo(7.5)],
      ["recentDone", "DONE", daysAgo(6)],
      ["stillQueued", "QUEUED", null],
    ] as const) {
      const created = await jobs.createScanJob.execute(editor, {
        fileName: `${name}.pdf`,
        kind: "PDF",
        pagesTotal: 1,
        bytes: new Uint8Array(scan),
      });
      if (created.status !== "ok") throw new Error(JSON.stringify(created));
      made[name] = created.data.id;
      await db.adminDb.importJob.update({ where: { id: created.data.id }, data: { status, finishedAt } });
    }
    // An old job still running (its process died) is not a finished one.
    await db.adminDb.importJob.update({
      where: { id: made.stillQueued! },
      data: { status: "RUNNING", startedAt: daysAgo(9) },
    });
    const purged = await scoped.withJobScope((tx) => jobs.purgeFinishedScanJobs(tx, now));
    expect(purged).toBe(3);
    const left = await db.adminDb.importJob.findMany({ where: { id: { in: Object.values(made) } } });
    expect(left.map((j) => j.fileName).sort()).toEqual(["recentDone.pdf", "stillQueued.pdf"]);
    const audit = await db.adminDb.auditLog.findFirstOrThrow({ where: { action: "import.scan.purge" } });
    expect(audit).toMatchObject({ userId: null, entityType: "ImportJob", after: { deleted: 3 } });
    // A user's own transaction may not delete jobs (the row policy lets only the job do it).
    const own = await scoped.withScope(editor, (tx) => tx.importJob.deleteMany({ where: { id: made.recentDone! } }));
    expect(own).toEqual({ count: 0 });
    await db.adminDb.importJob.deleteMany({ where: { id: { in: Object.values(made) } } });
  });

  it("refuses a role without plans.edit, and bad input, creating nothing", async () => {
    const before = await db.adminDb.importJob.count();
    const viewer = { ...editor, role: "VIEWER" as const };
    expect(
      await jobs.createScanJob.execute(viewer, {
        fileName: "a.pdf",
        kind: "PDF",
        pagesTotal: 1,
        bytes: new Uint8Array(scan),
      }),
    ).toMatchObject({ status: "error" });
    const bad = await jobs.createScanJob.execute(editor, {
      fileName: "a.pdf",
      kind: "PDF",
      pagesTotal: 61,
      bytes: new Uint8Array(0),
    });
    expect(bad).toMatchObject({
      status: "error",
      fieldErrors: { pagesTotal: "Tệp có hơn 60 trang", bytes: "Tệp trống" },
    });
    expect(await db.adminDb.importJob.count()).toBe(before);
  });
});
