import { documentBeyondLimits } from "./document-shape";
import { LIMIT_MESSAGES } from "./limits";
import { extractText } from "./extract-text";
import { isEmptyExtraction, type Extraction } from "./parse-document";
import { readUpload, textBeyondLimits, type UploadFormat } from "./read-file";

// Everything the importer does with an upload before the database is involved: the file read into
// text, the text parsed into a plan, both checked against the importer's bounds. It runs in a
// worker thread (parse-worker.ts), so it is written to return a message for anything that goes
// wrong, never to throw.

export type ReadJob = (
  { kind: "file"; name: string; bytes: Uint8Array; key: string } | { kind: "paste"; text: string; key: string }
) & {
  /** Texts whose words repair OCR output (plans in the system, Central documents); see extract-text.ts. */
  vocabulary?: string[];
  /** Repairs the user turned off in the review screen. */
  disabledRepairs?: number[];
  /** Text read from a scan by the OCR job (scan-jobs.ts): its uncertain words, see extract-text.ts. */
  scan?: { uncertainWords: string[] };
};

export type ReadOutcome =
  | { status: "ok"; extraction: Extraction; format: UploadFormat | "paste"; parseMs: number }
  | { status: "error"; message: string; /** For the log, never shown. */ detail?: string };

export const NOT_A_PLAN =
  "Không nhận ra nội dung kế hoạch trong văn bản (không thấy trích yếu, nhiệm vụ hay chỉ tiêu). Hãy kiểm tra lại tệp; không có gì được tạo.";

export async function readDocument(job: ReadJob): Promise<ReadOutcome> {
  try {
    let text: string;
    let format: UploadFormat | "paste";
    if (job.kind === "file") {
      const read = await readUpload(job.name, job.bytes);
      if (!read.ok) return { status: "error", message: read.error };
      text = read.text;
      format = read.format;
    } else {
      text = job.text.normalize("NFC");
      format = "paste";
    }
    const tooLarge = textBeyondLimits(text);
    if (tooLarge) return { status: "error", message: tooLarge };
    const started = performance.now();
    const extraction = extractText(text, {
      key: job.key,
      vocabulary: job.vocabulary,
      disabledRepairs: job.disabledRepairs,
      scan: job.scan,
    });
    const parseMs = Math.round(performance.now() - started);
    const beyond = documentBeyondLimits(extraction.document);
    if (beyond) return { status: "error", message: beyond };
    if (isEmptyExtraction(extraction)) return { status: "error", message: NOT_A_PLAN };
    return { status: "ok", extraction, format, parseMs };
  } catch (error) {
    // A stack overflow on a pathological document is a RangeError like any other: a message.
    return { status: "error", message: LIMIT_MESSAGES.failed, ...debugDetail(error) };
  }
}

/** The error kept beside the message for the server's log, never shown. */
function debugDetail(error: unknown): { detail?: string } {
  return { detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
