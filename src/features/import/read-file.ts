import mammoth from "mammoth";
import { DocxPackageError, readDocxPackage, writeDocxPackage } from "./docx-package";
import { LIMIT_MESSAGES, MAX_LINE_CHARS, MAX_LINES } from "./limits";
import { looksLikePdf, MAX_PDF_BYTES, PDF_MESSAGES, pdfToText } from "./read-pdf";
import { numberingAsText } from "./word-numbering";

// From an uploaded file to the text the parser reads. PDFs with a text layer go through pdf.js
// and the page layout (read-pdf.ts, page-layout.ts), up to 20 MB and 60 pages. Word files go through mammoth's HTML (its
// documented output), turned into lines: one per paragraph, a table row as tab-separated cells
// (layout tables of one or two columns, such as the header and the signature block, cell by cell),
// footnote references removed and footnotes listed at the end. Text files must be UTF-8 (or
// UTF-16 with its byte-order mark); anything else is refused with a message that says what to do.
// A Word file is unpacked within a budget first (docx-package.ts), and the text must fit the
// importer's bounds (limits.ts) before the parser sees it.

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** The most any upload may weigh: a PDF (read-pdf.ts); other files are held to MAX_UPLOAD_BYTES. */
export const MAX_ANY_UPLOAD_BYTES = MAX_PDF_BYTES;

export type UploadFormat = "docx" | "pdf" | "markdown" | "text";

export type ReadResult = { ok: true; text: string; format: UploadFormat } | { ok: false; error: string };

const fail = (error: string): ReadResult => ({ ok: false, error });

const MESSAGES = {
  empty: "Tệp trống: không có nội dung để đọc.",
  tooLarge: `Tệp lớn hơn ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Hãy bỏ ảnh và phụ lục không cần thiết, hoặc dán phần nội dung kế hoạch.`,
  type: "Chỉ nhận tệp Word (.docx), PDF (.pdf), Markdown (.md) hoặc văn bản (.txt). Với ảnh chụp văn bản, hãy dùng bản Word hoặc PDF, hoặc dán nội dung.",
  oldWord:
    "Đây là tệp Word cũ (.doc). Hãy mở bằng Word và lưu lại dạng .docx (Lưu thành… → Word Document), rồi tải lên lại.",
  pdfRenamed:
    "Nội dung tệp là PDF nhưng tên tệp có đuôi khác. Hãy đổi đuôi tên tệp thành .pdf rồi tải lên lại. Không có gì được tạo.",
  image:
    "Tệp này là ảnh (JPEG, PNG hoặc TIFF), không phải văn bản: cần nhận dạng chữ (OCR). Hãy tải lên ở trang Nhập văn bản, hoặc dùng bản Word, PDF có chữ, hoặc dán nội dung.",
  binary:
    "Tệp không phải là văn bản (có thể là ảnh, tệp nén hoặc chương trình). Hãy chọn tệp .docx, .pdf, .md hoặc .txt.",
  brokenDocx:
    "Không mở được tệp Word này: tệp bị hỏng hoặc không phải định dạng .docx. Hãy mở bằng Word, lưu lại rồi thử lại.",
  noText:
    "Tệp Word không có chữ (có thể chỉ chứa ảnh chụp văn bản). Hãy dùng bản Word có chữ, hoặc dán nội dung vào ô bên dưới.",
  encoding:
    "Không đọc được bảng mã của tệp: tệp văn bản phải lưu ở dạng Unicode UTF-8. Nếu văn bản gõ bằng bảng mã cũ (TCVN3, VNI), hãy chuyển mã sang Unicode (ví dụ bằng Unikey) hoặc lưu lại từ Word dạng .docx.",
  legacyFont:
    "Văn bản có vẻ được gõ bằng phông chữ cũ (TCVN3/ABC hoặc VNI): các chữ có dấu hiện thành ký hiệu lạ. Hãy chuyển mã sang Unicode (ví dụ bằng Unikey) rồi tải lên lại.",
} as const;

export const READ_MESSAGES = MESSAGES;

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Characters that TCVN3 (ABC) and VNI text shows in place of Vietnamese letters when read as Unicode. */
export function looksLikeLegacyVietnamese(text: string): boolean {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const odd = (text.match(/[¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿]/g) ?? []).length;
  return letters > 0 && odd >= 10 && odd / letters > 0.02;
}

/** Control characters other than tab, line feed and carriage return: a binary file. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) return true;
  }
  return false;
}

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; null for bytes that are neither. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return fail(MESSAGES.empty);
  let text: string;
  try {
    if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    else if (startsWith(bytes, [0xfe, 0xff]))
      text = new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    else {
      const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
      // UTF-16 without a byte-order mark shows as every other byte being zero.
      const sample = body.subarray(0, 2000);
      const zeros = sample.filter((b) => b === 0).length;
      if (zeros > sample.length / 4) return fail(MESSAGES.encoding);
      if (zeros > 0) return fail(MESSAGES.binary);
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    }
  } catch {
    return fail(MESSAGES.encoding);
  }
  if (hasControlCharacters(text.slice(0, 5000))) return fail(MESSAGES.binary);
  if (looksLikeLegacyVietnamese(text)) return fail(MESSAGES.legacyFont);
  if (text.trim() === "") return fail(MESSAGES.empty);
  return { ok: true, text: text.normalize("NFC"), format: "text" };
}

// ---------------------------------------------------------------------------------------------
// mammoth's HTML → lines

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#")
      return String.fromCodePoint(
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10),
      );
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

type Cell = string[];
type Row = Cell[];

/** The HTML mammoth writes (p, h1–h6, strong, em, sup, sub, a, ol, ul, li, table, tr, td, th, br, img) as lines. */
export function htmlToLines(html: string): string[] {
  const out: string[] = [];
  const footnotes: string[] = [];
  const tokens = html.match(/<[^>]+>|[^<]+/g) ?? [];
  let paragraph: string | null = null;
  const lists: { ordered: boolean; counter: number }[] = [];
  const tables: { rows: Row[] }[] = [];
  let skipDepth = 0; // inside a footnote reference
  let supText: string | null = null;
  let footnote: string | null = null;

  const emit = (line: string) => {
    const text = line.replace(/[ \t]+/g, " ").trim();
    const table = tables[tables.length - 1];
    if (footnote !== null) {
      footnote += (footnote ? " " : "") + text;
      return;
    }
    if (table) {
      const row = table.rows[table.rows.length - 1];
      const cell = row?.[row.length - 1];
      if (cell && text) cell.push(text);
      return;
    }
    if (text) out.push(text, "");
  };
  const append = (text: string) => {
    if (supText !== null) {
      supText += text;
      return;
    }
    if (paragraph === null) paragraph = "";
    paragraph += text;
  };
  const closeParagraph = () => {
    if (paragraph !== null) emit(paragraph);
    paragraph = null;
  };
  const listPrefix = () => {
    const list = lists[lists.length - 1];
    if (!list) return "";
    list.counter++;
    if (!list.ordered) return "- ";
    return `${lists
      .filter((l) => l.ordered)
      .map((l) => l.counter)
      .join(".")}. `;
  };

  for (const token of tokens) {
    if (!token.startsWith("<")) {
      if (skipDepth === 0) append(decodeEntities(token));
      continue;
    }
    const tag = /^<\/?([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase() ?? "";
    const closing = token.startsWith("</");
    switch (tag) {
      case "p":
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
        if (closing) closeParagraph();
        else {
          closeParagraph();
          paragraph = "";
        }
        break;
      case "br":
        if (paragraph !== null) {
          emit(paragraph);
          paragraph = "";
        }
        break;
      case "li":
        if (closing) {
          closeParagraph();
          if (footnote !== null) {
            footnotes.push(footnote);
            footnote = null;
          }
        } else if (/id="(?:footnote|endnote)-/.test(token)) {
          footnote = "";
        } else {
          closeParagraph();
          paragraph = listPrefix();
        }
        break;
      case "ol":
      case "ul":
        if (closing) lists.pop();
        else lists.push({ ordered: tag === "ol", counter: 0 });
        break;
      case "sup":
        if (closing) {
          const text = supText ?? "";
          supText = null;
          // m² and m³ are units; other superscripts are footnote marks.
          if ((text === "2" || text === "3") && /m\s?$/.test(paragraph ?? "")) append(text === "2" ? "²" : "³");
        } else supText = "";
        break;
      case "a":
        if (!closing && /href="#(?:footnote|endnote)-ref-/.test(token)) skipDepth++;
        else if (!closing && /href="#(?:footnote|endnote)-/.test(token)) skipDepth++;
        else if (closing && skipDepth > 0) skipDepth--;
        break;
      case "table":
        if (closing) {
          closeParagraph();
          const table = tables.pop()!;
          writeTable(table.rows, emit);
        } else {
          closeParagraph();
          tables.push({ rows: [] });
        }
        break;
      case "tr":
        if (!closing) tables[tables.length - 1]?.rows.push([]);
        break;
      case "td":
      case "th":
        if (!closing) {
          const row = tables[tables.length - 1]?.rows.at(-1);
          row?.push([]);
        } else closeParagraph();
        break;
      default:
        break;
    }
  }
  closeParagraph();
  if (footnotes.length) {
    out.push("");
    footnotes.forEach((text, i) => out.push(`Chú thích ${i + 1}: ${text.replace(/\s*↑\s*$/, "")}`, ""));
  }
  return out;

  function writeTable(rows: Row[], write: (line: string) => void) {
    const width = Math.max(0, ...rows.map((r) => r.length));
    const parent = tables[tables.length - 1];
    if (width >= 3 && !parent) {
      // A data table: one line per row, cells separated by tabs.
      for (const row of rows) out.push(row.map((cell) => cell.join(" ").replace(/\t/g, " ")).join("\t"));
      out.push("");
      return;
    }
    // A layout table (header, signature) or a nested one: its text, cell by cell.
    for (const row of rows) for (const cell of row) for (const line of cell) write(line);
  }
}

export async function docxToText(bytes: Uint8Array): Promise<ReadResult> {
  if (!startsWith(bytes, [0x50, 0x4b])) return fail(MESSAGES.brokenDocx);
  let html: string;
  try {
    const parts = numberingAsText(await readDocxPackage(bytes));
    // Paragraphs and table rows are counted in the XML before mammoth builds a tree of them all.
    const body = parts.get("word/document.xml")?.toString("utf8") ?? "";
    if ((body.match(/<w:(?:p|tr)[\s>/]/g)?.length ?? 0) > MAX_LINES) return fail(LIMIT_MESSAGES.tooManyLines);
    const result = await mammoth.convertToHtml(
      { buffer: await writeDocxPackage(parts) },
      // Images are not read (their bytes are not even unpacked): the importer reads text.
      { ignoreEmptyParagraphs: true, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    html = result.value;
  } catch (error) {
    if (error instanceof DocxPackageError && error.reason !== "broken") return fail(error.message);
    return fail(MESSAGES.brokenDocx);
  }
  const text = htmlToLines(html)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (!/\p{L}/u.test(text)) return fail(MESSAGES.noText);
  if (looksLikeLegacyVietnamese(text)) return fail(MESSAGES.legacyFont);
  return { ok: true, text: text.normalize("NFC"), format: "docx" };
}

/** The text's size against the parser's bounds (lines that are not blank): a message, or null when it may be parsed. */
export function textBeyondLimits(text: string): string | null {
  let lines = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (end - start > MAX_LINE_CHARS) return LIMIT_MESSAGES.lineTooLong;
    if (end > start && text.slice(start, end).trim() && ++lines > MAX_LINES) return LIMIT_MESSAGES.tooManyLines;
    start = end + 1;
  }
  return null;
}

const IMAGE_SIGNATURES = [
  [0xff, 0xd8, 0xff], // JPEG
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];

/** A JPEG, PNG or TIFF image, by its first bytes (whatever the file is called). */
export function looksLikeImage(bytes: Uint8Array): boolean {
  return IMAGE_SIGNATURES.some((signature) => startsWith(bytes, signature));
}

/** An uploaded file (or pasted text) → text for the parser, or a message saying why not. */
export async function readUpload(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.length === 0) return fail(MESSAGES.empty);
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  // What the bytes are decides, not the name: a file that is not what its name says is refused.
  const pdf = looksLikePdf(bytes);
  const image = looksLikeImage(bytes);
  if (extension === "pdf") {
    if (bytes.length > MAX_PDF_BYTES) return fail(PDF_MESSAGES.tooLarge);
    if (image) return fail(MESSAGES.image);
    if (!pdf) return fail(PDF_MESSAGES.notPdf);
    const read = await pdfToText(bytes);
    if (!read.ok) return read;
    if (looksLikeLegacyVietnamese(read.text)) return fail(MESSAGES.legacyFont);
    return { ok: true, text: read.text, format: "pdf" };
  }
  if (bytes.length > MAX_UPLOAD_BYTES) return fail(MESSAGES.tooLarge);
  if (pdf) return fail(MESSAGES.pdfRenamed);
  if (image) return fail(MESSAGES.image);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return fail(MESSAGES.oldWord);
  if (extension === "docx") return docxToText(bytes);
  if (extension === "doc") return fail(MESSAGES.oldWord);
  if (!["md", "markdown", "txt", "text", ""].includes(extension)) return fail(MESSAGES.type);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return fail(MESSAGES.binary);
  const decoded = decodeText(bytes);
  return decoded.ok
    ? { ...decoded, format: extension === "txt" || extension === "text" ? "text" : "markdown" }
    : decoded;
}
