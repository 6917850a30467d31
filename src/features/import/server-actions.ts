"use server";

import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { currentScope } from "@/server/auth/session";
import { takeRateLimit } from "@/server/rate-limit";
import type { Scope } from "@/server/db/scope";
import { withScope } from "@/server/db/scoped";
import { enqueue } from "@/server/jobs/boss";
import { logger } from "@/server/log/logger";
import { roleHolds } from "@/server/permissions";
import { confirmImport } from "./import-actions";
import type { Extraction } from "./parse-document";
import { repairVocabulary, suggestParents, type ParentSuggestion } from "./queries";
import type { ReadJob } from "./read-document";
import { looksLikeImage, MAX_ANY_UPLOAD_BYTES, READ_MESSAGES, type UploadFormat } from "./read-file";
import { MAX_PDF_PAGES, PDF_MESSAGES } from "./read-pdf";
import { readInWorker } from "./read-in-worker";
import { ocrAvailability, pdfPageCount } from "./ocr/engine";
import { SCAN_QUEUE } from "./ocr/scan-worker";
import { tiffPageCount } from "./ocr/tiff";
import { cancelScanJob, createScanJob, readFinishedScan, scanJobView, type ScanJobView } from "./scan-jobs";

// The "use server" entry points of the importer. Reading a file writes nothing, so it is a plain
// server action that checks the session and the permission itself; confirming goes through
// defineAction (import-actions.ts). The file is read and parsed in a worker thread with time and
// memory limits (read-in-worker.ts), never on the thread that serves everyone's requests.

export type ExtractState =
  | {
      status: "ok";
      extraction: Extraction;
      suggestions: ParentSuggestion[];
      fileName: string | null;
      format: UploadFormat | "paste" | "scan";
      parseMs: number;
      /** Read from a scan by an OCR job: re-reading with repairs turned off goes through the job. */
      scanJobId?: string;
    }
  /** A scan: an OCR job was started; the page follows its progress. */
  | { status: "scan"; job: ScanJobView }
  | { status: "error"; message: string };

/** The parents to suggest: the documents the plan implements first, then the others it cites. */
function suggestionsFor(db: Parameters<typeof suggestParents>[0], scope: Scope, extraction: Extraction) {
  return suggestParents(
    db,
    scope,
    extraction.cited
      .filter((c) => c.implements)
      .concat(extraction.cited.filter((c) => !c.implements))
      .map((c) => ({ ...c.parsed, issuedOn: c.issuedOn })),
  );
}

const MAX_PASTE_CHARS = 1_000_000;

// The repairs the user turned off in the review screen (ocr-repairs-panel.tsx), as a JSON list of ids.
const disabledRepairsInput = z
  .string()
  .max(400_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "Danh sách chỗ sửa không đọc được" });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.number().int().positive()).max(50_000));

/**
 * Word documents and Markdown are typed, not scanned: no vocabulary is loaded for them (should one
 * still look like OCR, it is repaired with the fixed words of plans only).
 */
const TYPED = /\.(?:docx|md|markdown)$/i;

/** The signed-in user, when they may import (the reads check this themselves; the writes through defineAction). */
async function importer(): Promise<Scope | { status: "error"; message: string }> {
  const scope = await currentScope();
  if (!scope) return { status: "error", message: "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại." };
  if (!roleHolds(scope.role, "plans.edit", scope.isSystemAdmin))
    return { status: "error", message: "Vai trò của bạn không được nhập kế hoạch." };
  return scope;
}

export async function extractPlanAction(formData: FormData): Promise<ExtractState> {
  const scope = await importer();
  if ("status" in scope) return scope;
  const verdict = await takeRateLimit("importExtraction", scope.userId);
  if (!verdict.allowed) return { status: "error", message: verdict.message };

  const file = formData.get("file");
  const pasted = formData.get("text");
  const key = `import-${randomBytes(6).toString("hex")}`;
  let job: ReadJob;
  let fileName: string | null = null;
  if (file instanceof File && (file.size > 0 || file.name)) {
    // The exact bound per kind of file is checked in the worker; nothing larger than a PDF may be is read.
    if (file.size > MAX_ANY_UPLOAD_BYTES)
      return { status: "error", message: /\.pdf$/i.test(file.name) ? PDF_MESSAGES.tooLarge : READ_MESSAGES.tooLarge };
    job = { kind: "file", name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), key };
    fileName = file.name;
    // An image is a scan whatever its name says: read by OCR in the background.
    if (job.bytes.length > 0 && looksLikeImage(job.bytes)) return startScan(scope, file.name, job.bytes, "IMAGE");
  } else if (typeof pasted === "string" && pasted.trim()) {
    if (pasted.length > MAX_PASTE_CHARS)
      return { status: "error", message: "Nội dung dán vào quá dài (quá 1 triệu ký tự)." };
    job = { kind: "paste", text: pasted, key };
  } else {
    return { status: "error", message: "Hãy chọn một tệp hoặc dán nội dung kế hoạch." };
  }

  const disabled = formData.get("disabledRepairs");
  if (typeof disabled === "string" && disabled) {
    const parsed = disabledRepairsInput.safeParse(disabled);
    if (!parsed.success) return { status: "error", message: "Danh sách chỗ sửa không hợp lệ. Hãy đọc lại văn bản." };
    job.disabledRepairs = parsed.data;
  }
  if (!(job.kind === "file" && TYPED.test(job.name)))
    job.vocabulary = await withScope(scope, (db) => repairVocabulary(db, scope));

  const read = await readInWorker(job);
  // A PDF with no text layer is a scan: read by OCR in the background.
  if (read.status === "error" && read.message === PDF_MESSAGES.scanned && job.kind === "file")
    return startScan(scope, job.name, job.bytes, "PDF");
  if (read.status === "error") return { status: "error", message: read.message };
  const { extraction, format, parseMs } = read;
  const suggestions = await withScope(scope, (db) => suggestionsFor(db, scope, extraction));
  return { status: "ok", extraction, suggestions, fileName, format, parseMs };
}

const SCAN_NOT_STARTED =
  "Không bắt đầu nhận dạng được bản quét (máy chủ bận hoặc tệp hỏng). Hãy thử lại sau ít phút; không có gì được tạo.";

/** A scanned PDF or an image: the OCR job created (permission, zod, audit: createScanJob), then queued. */
async function startScan(scope: Scope, name: string, bytes: Uint8Array, kind: "PDF" | "IMAGE"): Promise<ExtractState> {
  const availability = await ocrAvailability();
  if (!availability.available)
    return {
      status: "error",
      message: `${availability.message}. Trong khi chờ, tệp Word, PDF có chữ, Markdown và văn bản vẫn nhập được bình thường.`,
    };
  // An image is one page, except a TIFF of several (a scanner's or a fax's), counted from its header.
  let pagesTotal = kind === "IMAGE" ? (tiffPageCount(bytes, MAX_PDF_PAGES) ?? 1) : 1;
  if (kind === "PDF") {
    const dir = await mkdtemp(path.join(os.tmpdir(), "kehoach-upload-"));
    try {
      const file = path.join(dir, "scan.pdf");
      await writeFile(file, bytes);
      pagesTotal = await pdfPageCount(file);
    } catch (error) {
      logger.warn({ err: error }, "page count of a scanned PDF failed");
      return { status: "error", message: PDF_MESSAGES.broken };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const created = await createScanJob.execute(scope, { fileName: name, kind, pagesTotal, bytes });
  if (created.status !== "ok")
    return { status: "error", message: created.status === "error" ? created.message : SCAN_NOT_STARTED };
  try {
    await enqueue(SCAN_QUEUE, { importJobId: created.data.id });
  } catch (error) {
    logger.error({ err: error }, "OCR job not queued");
    await cancelScanJob.execute(scope, { id: created.data.id });
    return { status: "error", message: SCAN_NOT_STARTED };
  }
  const job = await withScope(scope, (db) => scanJobView(db, scope, created.data.id));
  return job ? { status: "scan", job } : { status: "error", message: SCAN_NOT_STARTED };
}

const jobId = z.string().uuid();

/** A scan job's progress (the import page polls it every second or two). */
export async function scanStatusAction(id: string): Promise<ScanJobView | null> {
  const scope = await importer();
  const parsed = jobId.safeParse(id);
  if ("status" in scope || !parsed.success) return null;
  return withScope(scope, (db) => scanJobView(db, scope, parsed.data));
}

/**
 * A finished scan's text read like any other (repaired with the vocabulary, doubtful items marked,
 * Tesseract's uncertain words among them), for the review screen; `disabled` are repairs turned off.
 */
export async function openScanAction(id: string, disabled: number[] = []): Promise<ExtractState> {
  const scope = await importer();
  if ("status" in scope) return scope;
  const parsedId = jobId.safeParse(id);
  const parsedDisabled = z.array(z.number().int().positive()).max(50_000).safeParse(disabled);
  if (!parsedId.success || !parsedDisabled.success)
    return { status: "error", message: "Lượt nhận dạng không hợp lệ. Hãy tải lại trang." };
  const done = await readFinishedScan(scope, parsedId.data, parsedDisabled.data);
  if (!done)
    return { status: "error", message: "Không tìm thấy kết quả nhận dạng này (có thể chưa xong hoặc đã bị hủy)." };
  const read = done.outcome;
  if (read.status === "error") return { status: "error", message: read.message };
  const suggestions = await withScope(scope, (db) => suggestionsFor(db, scope, read.extraction));
  return {
    status: "ok",
    extraction: read.extraction,
    suggestions,
    fileName: done.fileName,
    format: "scan",
    parseMs: read.parseMs,
    scanJobId: parsedId.data,
  };
}

export const cancelScanAction = cancelScanJob.call;

export const confirmImportAction = confirmImport.formAction;
