import { LIMIT_MESSAGES } from "./limits";
import { layOutPages, type LaidPage, type Piece } from "./page-layout";

// A PDF's text layer → the lines the parser reads. pdf.js (pdfjs-dist, Mozilla's maintained
// reader) gives each page's pieces of text with their position; page-layout.ts rebuilds reading
// order, paragraphs and tables from the geometry and drops running headers, footers and page
// numbers. This runs inside the importer's worker thread (read-in-worker.ts), so a hostile PDF
// costs that thread its heap and time limits, nothing else. pdf.js is set up for reading only:
// no eval (font programs are never compiled to code), no fonts loaded, no images decoded, no
// network, and its "worker" is its own code run in this same thread.

/** Bytes and pages a PDF may have (a scanned 60-page plan at 200 dpi is about 15–20 MB). */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
export const MAX_PDF_PAGES = 60;
/** Pieces of text in the whole document (a 60-page plan has about 20,000). */
const MAX_PDF_PIECES = 200_000;
/** Fewer letters than this per page on average: the pages are images (a scan) without a text layer. */
const MIN_LETTERS_PER_PAGE = 40;

export const PDF_MESSAGES = {
  tooLarge: `Tệp PDF lớn hơn ${MAX_PDF_BYTES / 1024 / 1024} MB. Hãy bỏ các trang phụ lục, ảnh không cần thiết, hoặc lưu lại PDF ở chất lượng thấp hơn rồi thử lại.`,
  tooManyPages: `Tệp PDF có hơn ${MAX_PDF_PAGES} trang. Hãy tách riêng phần nội dung kế hoạch (bỏ phụ lục dài) rồi tải lên lại.`,
  notPdf:
    "Tệp có đuôi .pdf nhưng nội dung không phải PDF (có thể đã bị đổi tên hoặc hỏng). Hãy mở tệp gốc và lưu lại dạng PDF hoặc Word, rồi thử lại. Không có gì được tạo.",
  broken:
    "Không mở được tệp PDF này: tệp bị hỏng hoặc không đúng chuẩn PDF. Hãy mở bằng trình đọc PDF, in/lưu lại thành PDF mới rồi thử lại, hoặc dùng bản Word.",
  encrypted:
    "Tệp PDF được đặt mật khẩu hoặc khóa nội dung nên không đọc được. Hãy dùng bản không khóa, hoặc bản Word của văn bản.",
  scanned:
    "Tệp PDF này là ảnh chụp (bản quét), không có lớp chữ: cần nhận dạng chữ (OCR). Hãy tải lên ở trang Nhập văn bản, hoặc dùng bản Word, PDF xuất từ Word, hoặc dán nội dung.",
} as const;

export type PdfRead = { ok: true; text: string; pages: number; footnotes: number } | { ok: false; error: string };

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let loaded: Promise<PdfJs> | null = null;

/** pdf.js with its worker code in this thread (it looks for `globalThis.pdfjsWorker` first). */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    lib.GlobalWorkerOptions.workerSrc ||= "pdf.worker.mjs";
    return lib;
  })();
  return loaded;
}

/** The PDF header must come in the first kilobyte (the format allows some bytes before it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

type TextItem = { str: string; transform: number[]; width: number; height: number };

export async function pdfToText(bytes: Uint8Array): Promise<PdfRead> {
  if (bytes.length > MAX_PDF_BYTES) return { ok: false, error: PDF_MESSAGES.tooLarge };
  if (!looksLikePdf(bytes)) return { ok: false, error: PDF_MESSAGES.notPdf };
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdf.js takes the array over (detaches it); the caller keeps its bytes.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as { name?: string } | null)?.name;
    return { ok: false, error: name === "PasswordException" ? PDF_MESSAGES.encrypted : PDF_MESSAGES.broken };
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) return { ok: false, error: PDF_MESSAGES.tooManyPages };
    const pages: LaidPage[] = [];
    let letters = 0;
    let count = 0;
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent({ disableNormalization: false });
      const pieces: Piece[] = [];
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== "string" || !item.str.trim()) continue;
        // Into the page's top-down coordinates, rotation included.
        const [a, b, c, d, e, f] = lib.Util.transform(viewport.transform, item.transform);
        const size = Math.hypot(c!, d!) || item.height;
        // Text that is not horizontal (a stamp, a margin note) is not part of the reading order.
        if (Math.abs(b!) > Math.abs(a!) * 0.1) continue;
        const width = item.width * (viewport.scale || 1);
        const text = item.str.normalize("NFC");
        letters += (text.match(/\p{L}/gu) ?? []).length;
        pieces.push({ text, x: e!, y: f! - size, width, height: size });
        if (++count > MAX_PDF_PIECES) return { ok: false, error: LIMIT_MESSAGES.tooManyLines };
      }
      pages.push({ width: viewport.width, height: viewport.height, pieces });
      page.cleanup();
    }
    if (letters < MIN_LETTERS_PER_PAGE * document.numPages) return { ok: false, error: PDF_MESSAGES.scanned };
    const laid = layOutPages(pages);
    const text = laid.lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    return { ok: true, text, pages: document.numPages, footnotes: laid.footnotes };
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    return { ok: false, error: name === "PasswordException" ? PDF_MESSAGES.encrypted : PDF_MESSAGES.broken };
  } finally {
    await document.destroy();
  }
}
