"use server";

import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/server/actions";
import { currentScope } from "@/server/auth/session";
import { takeRateLimit } from "@/server/rate-limit";
import { withScope } from "@/server/db/scoped";
import { roleHolds } from "@/server/permissions";
import { confirmImport } from "./import-actions";
import { extractPlan, isEmptyExtraction, type Extraction } from "./parse-document";
import { suggestParents, type ParentSuggestion } from "./queries";
import { MAX_UPLOAD_BYTES, READ_MESSAGES, readUpload } from "./read-file";

// The "use server" entry points of the importer. Reading a file writes nothing, so it is a plain
// server action that checks the session and the permission itself; confirming goes through
// defineAction (import-actions.ts).

export type ExtractState =
  | {
      status: "ok";
      extraction: Extraction;
      suggestions: ParentSuggestion[];
      fileName: string | null;
      format: "docx" | "markdown" | "text" | "paste";
      parseMs: number;
    }
  | { status: "error"; message: string };

const MAX_PASTE_CHARS = 1_000_000;

export async function extractPlanAction(formData: FormData): Promise<ExtractState> {
  const scope = await currentScope();
  if (!scope) return { status: "error", message: "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại." };
  if (!roleHolds(scope.role, "plans.edit", scope.isSystemAdmin))
    return { status: "error", message: "Vai trò của bạn không được nhập kế hoạch." };
  const verdict = await takeRateLimit("importExtraction", scope.userId);
  if (!verdict.allowed) return { status: "error", message: verdict.message };

  const file = formData.get("file");
  const pasted = formData.get("text");
  let text: string;
  let fileName: string | null = null;
  let format: "docx" | "markdown" | "text" | "paste";
  if (file instanceof File && (file.size > 0 || file.name)) {
    if (file.size > MAX_UPLOAD_BYTES) return { status: "error", message: READ_MESSAGES.tooLarge };
    const read = await readUpload(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) return { status: "error", message: read.error };
    text = read.text;
    fileName = file.name;
    format = read.format;
  } else if (typeof pasted === "string" && pasted.trim()) {
    if (pasted.length > MAX_PASTE_CHARS)
      return { status: "error", message: "Nội dung dán vào quá dài (quá 1 triệu ký tự)." };
    text = pasted.normalize("NFC");
    format = "paste";
  } else {
    return { status: "error", message: "Hãy chọn một tệp hoặc dán nội dung kế hoạch." };
  }

  const started = performance.now();
  const extraction = extractPlan(text, { key: `import-${randomBytes(6).toString("hex")}` });
  const parseMs = Math.round(performance.now() - started);
  if (isEmptyExtraction(extraction)) {
    return {
      status: "error",
      message:
        "Không nhận ra nội dung kế hoạch trong văn bản (không thấy trích yếu, nhiệm vụ hay chỉ tiêu). Hãy kiểm tra lại tệp; không có gì được tạo.",
    };
  }
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

export async function confirmImportAction(
  previous: ActionState<{ planId: string }>,
  formData: FormData,
): Promise<ActionState<{ planId: string }>> {
  const result = await confirmImport.formAction(previous, formData);
  if (result.status === "ok") revalidatePath("/plans");
  // The document is sent back as it was typed by the browser, not echoed in `values` (it can be large).
  if (result.status === "error") return { ...result, values: { parentId: result.values.parentId ?? "" } };
  return result;
}
