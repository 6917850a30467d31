"use server";

import { randomBytes } from "node:crypto";
import { z } from "zod";
import { currentScope } from "@/server/auth/session";
import { takeRateLimit } from "@/server/rate-limit";
import { withScope } from "@/server/db/scoped";
import { roleHolds } from "@/server/permissions";
import { confirmImport } from "./import-actions";
import type { Extraction } from "./parse-document";
import { repairVocabulary, suggestParents, type ParentSuggestion } from "./queries";
import type { ReadJob } from "./read-document";
import { MAX_ANY_UPLOAD_BYTES, READ_MESSAGES, type UploadFormat } from "./read-file";
import { PDF_MESSAGES } from "./read-pdf";
import { readInWorker } from "./read-in-worker";

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
      format: UploadFormat | "paste";
      parseMs: number;
    }
  | { status: "error"; message: string };

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

export async function extractPlanAction(formData: FormData): Promise<ExtractState> {
  const scope = await currentScope();
  if (!scope) return { status: "error", message: "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại." };
  if (!roleHolds(scope.role, "plans.edit", scope.isSystemAdmin))
    return { status: "error", message: "Vai trò của bạn không được nhập kế hoạch." };
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
  if (read.status === "error") return { status: "error", message: read.message };
  const { extraction, format, parseMs } = read;
  const suggestions = await withScope(scope, (db) =>
    suggestParents(
      db,
      scope,
      extraction.cited
        .filter((c) => c.implements)
        .concat(extraction.cited.filter((c) => !c.implements))
        .map((c) => ({ ...c.parsed, issuedOn: c.issuedOn })),
    ),
  );
  return { status: "ok", extraction, suggestions, fileName, format, parseMs };
}

export const confirmImportAction = confirmImport.formAction;
