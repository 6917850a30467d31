import "server-only";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// Scanned plans read by Debian's Tesseract with its Vietnamese model, pages rendered by poppler's
// pdftoppm (issue 17, part 2). Both are system programs that `.ci/run` installs; where they are
// missing the importer says what to install and everything else works as before.

const run = promisify(execFile);

/** What a server without the OCR programs is told (the import page shows it). */
export const OCR_INSTALL_HINT =
  "Máy chủ chưa có chương trình đọc bản chụp (Tesseract tiếng Việt và poppler). Quản trị viên cài bằng lệnh: apt install tesseract-ocr tesseract-ocr-vie poppler-utils";

export type OcrAvailability = { available: true } | { available: false; message: string };

/** Whether Tesseract with the Vietnamese model and pdftoppm are installed. */
export async function ocrAvailability(): Promise<OcrAvailability> {
  try {
    const { stdout, stderr } = await run("tesseract", ["--list-langs"], { timeout: 10_000 });
    if (!/^vie$/m.test(`${stdout}\n${stderr}`)) return { available: false, message: OCR_INSTALL_HINT };
    await run("pdftoppm", ["-v"], { timeout: 10_000 });
    return { available: true };
  } catch {
    return { available: false, message: OCR_INSTALL_HINT };
  }
}

let known: { at: number; answer: Promise<OcrAvailability> } | null = null;

/** ocrAvailability(), asked again at most once a minute (the import page shows it on every view). */
export function ocrAvailabilityCached(now = Date.now()): Promise<OcrAvailability> {
  if (!known || now - known.at > 60_000) known = { at: now, answer: ocrAvailability() };
  return known.answer;
}

/** The number of pages of a PDF (poppler's pdfinfo). */
export async function pdfPageCount(pdfPath: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [pdfPath], { timeout: 30_000 });
  const pages = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!pages) throw new Error("pdfinfo did not give a page count");
  return Number(pages[1]);
}

/**
 * Page `page` (from 1) of a PDF as a greyscale PNG at `dpi` in a folder of its own; the caller
 * removes it with the returned `dispose`.
 */
export async function renderPdfPage(
  pdfPath: string,
  page: number,
  options: { dpi?: number; signal?: AbortSignal } = {},
): Promise<{ image: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kehoach-ocr-"));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const dpi = String(options.dpi ?? 300);
    await run(
      "pdftoppm",
      ["-f", String(page), "-l", String(page), "-r", dpi, "-gray", "-png", pdfPath, path.join(dir, "p")],
      {
        timeout: 120_000,
        signal: options.signal,
      },
    );
    const [file] = (await readdir(dir)).filter((f) => f.endsWith(".png"));
    if (!file) throw new Error(`pdftoppm rendered no image for page ${page}`);
    return { image: path.join(dir, file), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/**
 * Tesseract's page segmentation mode: 3, its automatic layout. The words' boxes are what the
 * importer uses, not Tesseract's reading order (scan-text.ts lays them out).
 */
export const SCAN_PSM = 3;

/**
 * One image read by Tesseract (Vietnamese model, automatic page segmentation), as its TSV: every
 * word with its box and confidence (tsv.ts reads it; page-layout.ts puts the words in reading
 * order). The raw TSV is what is returned so that a page read once can be laid out again without
 * reading it again (the accuracy bench keeps it). One thread: the server has other work, and
 * Tesseract's own threads slow it down on two cores rather than speed it up.
 */
export async function recognizeImage(
  image: string,
  options: {
    signal?: AbortSignal;
    psm?: number;
    /** The page (from 0) of a multi-page image (a TIFF) to read alone; all pages without it. */
    page?: number;
  } = {},
): Promise<string> {
  const psm = String(options.psm ?? SCAN_PSM);
  const page = options.page === undefined ? [] : ["-c", `tessedit_page_number=${options.page}`];
  const { stdout } = await run("tesseract", [image, "stdout", "-l", "vie", "--psm", psm, ...page, "tsv"], {
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
    signal: options.signal,
    env: { ...process.env, OMP_THREAD_LIMIT: "1" },
  });
  return stdout;
}
