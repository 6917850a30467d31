import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { layOutPages, type Piece } from "./page-layout";
import { READ_MESSAGES, readUpload } from "./read-file";
import { MAX_PDF_BYTES, PDF_MESSAGES } from "./read-pdf";

// PDFs with a text layer (issue 17): the seed plans printed to PDF by LibreOffice
// (tests/fixtures/import/pdf, scripts/build-pdf-fixtures.ts) read back into the parser's lines, and
// the files that are not what they claim refused with a message.

const PDFS = path.resolve(import.meta.dirname, "../../../tests/fixtures/import/pdf");
const encoder = new TextEncoder();

async function readPdf(file: string): Promise<string> {
  const read = await readUpload(file, new Uint8Array(readFileSync(path.join(PDFS, file))));
  if (!read.ok) throw new Error(read.error);
  expect(read.format).toBe("pdf");
  return read.text;
}

/** A PDF of empty pages (no text layer, like a scan), written by hand; pdf.js rebuilds its xref. */
function emptyPages(count: number): Uint8Array {
  const kids = Array.from({ length: count }, (_, i) => `${i + 3} 0 R`).join(" ");
  const pages = Array.from(
    { length: count },
    (_, i) => `${i + 3} 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n`,
  ).join("");
  return encoder.encode(
    `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [${kids}] /Count ${count}>> endobj\n${pages}trailer <</Root 1 0 R>>\n%%EOF\n`,
  );
}

describe("PDF with a text layer", () => {
  it("reads the Ea Súp plan: paragraphs whole, the appendix as table rows, margins and page numbers dropped", async () => {
    const text = await readPdf("ea-sup-ubnd-huyen-ke-hoach-2024.pdf");
    const lines = text.split("\n");
    // A paragraph wrapped over several lines of the page is one line again.
    expect(lines).toContain(
      "Cơ quan phối hợp thực hiện (cơ quan PHTH): Các cơ quan, đơn vị, ngành của huyện; UBND các xã, thị trấn.",
    );
    // A table row whose name cell wraps over many lines, one line with its cells.
    expect(lines).toContain(
      "1.1\tTỉ lệ người có công và gia đình có mức sống từ trung bình khá trở lên so với mức sống của cộng đồng dân cư nơi cư trú\t%\t-\t100\tX",
    );
    // The page numbers at the top of each page and the running footer are gone.
    expect(lines.filter((l) => /^\d{1,2}$/.test(l.trim()))).toEqual([]);
    expect(text).not.toContain("Bản lưu hành nội bộ");
  });

  it("sets the footnote aside instead of letting it cut the text or become a task", async () => {
    const text = await readPdf("son-la-tinh-uy-ke-hoach-42-NQ-TW-2024.pdf");
    const notes = text.split("\n").filter((l) => l.startsWith("Chú thích"));
    expect(notes).toEqual([
      "Chú thích 1: Nghị quyết số 42-NQ/TW ngày 24/11/2023 Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII.",
    ]);
    expect(text.indexOf("Chú thích 1")).toBeGreaterThan(text.indexOf("Nơi nhận"));
  });

  it("joins a word cut at a hyphen at the end of a line without a space", () => {
    const piece = (text: string, x: number, y: number, width: number): Piece => ({ text, x, y, width, height: 12 });
    const laid = layOutPages([
      {
        width: 595,
        height: 842,
        pieces: [
          piece("Thực hiện Chương trình hành động số 81-", 70, 100, 460),
          piece("CTr/TU của Tỉnh ủy về phát triển kinh tế - xã hội bền vững.", 70, 115, 300),
        ],
      },
    ]);
    expect(laid.lines[0]).toBe(
      "Thực hiện Chương trình hành động số 81-CTr/TU của Tỉnh ủy về phát triển kinh tế - xã hội bền vững.",
    );
  });
});

describe("PDFs that cannot be read", () => {
  it("refuses a .pdf that is not a PDF, an image named .pdf, and a PDF under another name", async () => {
    expect(await readUpload("ke-hoach.pdf", encoder.encode("Kế hoạch số 12/KH-UBND"))).toEqual({
      ok: false,
      error: PDF_MESSAGES.notPdf,
    });
    expect(await readUpload("scan.pdf", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({
      ok: false,
      error: READ_MESSAGES.image,
    });
    expect(await readUpload("ke-hoach.docx", emptyPages(1))).toEqual({ ok: false, error: READ_MESSAGES.pdfRenamed });
  });

  it("refuses a broken PDF, a scan without a text layer, too many pages and too many bytes", async () => {
    expect(await readUpload("hong.pdf", encoder.encode("%PDF-1.7\n garbage"))).toEqual({
      ok: false,
      error: PDF_MESSAGES.broken,
    });
    expect(await readUpload("scan.pdf", emptyPages(2))).toEqual({ ok: false, error: PDF_MESSAGES.scanned });
    expect(await readUpload("dai.pdf", emptyPages(61))).toEqual({ ok: false, error: PDF_MESSAGES.tooManyPages });
    const large = new Uint8Array(MAX_PDF_BYTES + 1);
    large.set(encoder.encode("%PDF-1.7\n"));
    expect(await readUpload("lon.pdf", large)).toEqual({ ok: false, error: PDF_MESSAGES.tooLarge });
  });
});
