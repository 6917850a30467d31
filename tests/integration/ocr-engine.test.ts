import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ocrAvailability, pdfPageCount, recognizeImage, renderPdfPage } from "../../src/features/import/ocr/engine";
import { scanPagesOf, scanText } from "../../src/features/import/ocr/scan-text";
import { tiffPageCount } from "../../src/features/import/ocr/tiff";
import { tiffOfPdf } from "../../scripts/lib/scan-tiff";

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
      const pages = scanPagesOf(await recognizeImage(image));
      expect(pages).toHaveLength(1);
      const [page] = pages;
      expect(page!.width).toBeGreaterThan(1000);
      expect(page!.words.length).toBeGreaterThan(100);
      for (const [, x, y, width, height, confidence] of page!.words) {
        expect(Math.min(x, y, width, height, confidence)).toBeGreaterThanOrEqual(0);
        expect(x + width).toBeLessThanOrEqual(page!.width);
      }
      const { text } = scanText(pages);
      expect(text).toContain("KẾ HOẠCH");
      expect(text).toMatch(/Triển khai Nghị quyết số 68\/NQ-CP/);
    } finally {
      await dispose();
    }
  }, 120_000);

  it("counts the pages of a multi-page TIFF and reads one of them alone", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "kehoach-tiff-test-"));
    try {
      const tiff = await tiffOfPdf(PDF, 1, 2, 150);
      expect(tiffPageCount(tiff)).toBe(2);
      const file = path.join(dir, "scan.tif");
      await writeFile(file, tiff);
      const first = scanText(scanPagesOf(await recognizeImage(file, { page: 0 }))).text;
      const second = scanText(scanPagesOf(await recognizeImage(file, { page: 1 }))).text;
      expect(first).toContain("KẾ HOẠCH");
      expect(second).not.toContain("KẾ HOẠCH");
      expect(second.length).toBeGreaterThan(500);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("stops when asked (a cancelled import)", async () => {
    const controller = new AbortController();
    const rendering = renderPdfPage(PDF, 1, { dpi: 600, signal: controller.signal });
    controller.abort();
    await expect(rendering).rejects.toThrow();
  });
});
