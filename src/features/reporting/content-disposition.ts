import { stripDiacritics } from "@/domain/vietnamese-text";

// A download's file name, safe for every browser: an ASCII fallback (filename=) and the Vietnamese
// name in RFC 5987 form (filename*=UTF-8''…), which current browsers prefer.

/** A file name without characters that are not allowed in file names ("25-KH/ĐU" → "25-KH-ĐU"). */
export function safeFileName(name: string): string {
  return name
    .normalize("NFC")
    .replace(/[/\\:*?"<>|\u0000-\u001f]+/g, "-")
    .replace(/\s+/g, " ")
    .replace(/-{2,}/g, "-")
    .trim();
}

function asciiFallback(name: string): string {
  return stripDiacritics(name)
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\;]/g, "_")
    .replace(/\s+/g, "_");
}

/** RFC 5987 percent-encoding: encodeURIComponent leaves a few characters that the attr-char set excludes. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(fileName: string): string {
  const name = safeFileName(fileName);
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** The file name a Content-Disposition header gives (filename* preferred), or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1]!.trim() : null;
}

export const CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The response of a generated file: its length known up front, so the browser can show progress. */
export function fileResponse(body: Buffer | Uint8Array, fileName: string, kind: keyof typeof CONTENT_TYPES): Response {
  const bytes = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  return new Response(bytes, {
    headers: {
      "Content-Type": CONTENT_TYPES[kind],
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
