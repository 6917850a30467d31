import path from "node:path";
import { describe, expect, it } from "vitest";
import { ocrAvailability, pdfPageCount, recognizeImage, renderPdfPage } from "../../src/features/import/ocr/engine";

// The OCR engine on the real programs (.ci/run installs tesseract-ocr, tesseract-ocr-vie and
// poppler-utils): the first page of a seed plan rendered as a scan would be, then read back.

const PDF = path.resolve("tests/fixtures/import/pdf/ea-sup-ubnd-huyen-ke-hoach-2024.pdf");

describe("the OCR engine", () => {
  it("finds Tesseract with its Vietnamese model", async () => {
    expect(await ocrAvailability()).toEqual({ available: true });
  });

  it("renders a page of a PDF and reads it back with Vietnamese diacritics and confidences", async () => {
    expect(await pdfPageCount(PDF)).toBeGreaterThan(1);
    const { image, dispose } = await renderPdfPage(PDF, 1, { dpi: 200 });
    try {
      const page = await recognizeImage(image);
      expect(page.text).toContain("KẾ HOẠCH");
      expect(page.text).toMatch(/Triển khai Nghị quyết số 68\/NQ-CP/);
      expect(page.lines.length).toBeGreaterThan(10);
      for (const line of page.lines) for (const word of line.words) expect(word.confidence).toBeGreaterThanOrEqual(0);
    } finally {
      await dispose();
    }
  }, 120_000);

  it("stops when asked (a cancelled import)", async () => {
    const controller = new AbortController();
    const rendering = renderPdfPage(PDF, 1, { dpi: 600, signal: controller.signal });
    controller.abort();
    await expect(rendering).rejects.toThrow();
  });
});
