import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { planDocumentSchema, type PlanDocument } from "../../src/features/plans/plan-document";
import { compareExtraction, rate, type AccuracyReport, type Score } from "../../src/features/import/accuracy";
import { extractText } from "../../src/features/import/extract-text";
import { pdfPageCount, recognizeImage, renderPdfPage, SCAN_PSM } from "../../src/features/import/ocr/engine";
import { SCAN_DPI, scanPagesOf, scanText, type ScanPage } from "../../src/features/import/ocr/scan-text";
import daLat from "../../prisma/seed/plans/da-lat.json";
import eaSup from "../../prisma/seed/plans/ea-sup.json";
import sonLa from "../../prisma/seed/plans/son-la.json";
import { writeScanOfPdf } from "../lib/scan-pdf";

// The scan round trip of issue 17 (`npm run bench -- --only scan`): each seed plan's text PDF
// (LibreOffice, tests/fixtures/import/pdf, made by scripts/build-pdf-fixtures.ts) rendered to an
// image-only scan at 200 dpi (pdftoppm, the JPEG pages wrapped back into a PDF), every page read by
// the same engine the OCR job uses (rendered at SCAN_DPI, Tesseract -l vie), the pages joined and
// read by the same path (extractText with the OCR repair, a vocabulary of the other two plans, the
// uncertain words), then compared with the hand-checked extraction. Scans and pages read are cached
// under .data/scan-bench (a page's text and its time), so a re-run after a change to the parser takes
// seconds; --fresh reads every page again.

const FIXTURES = path.resolve("tests/fixtures/import");
const CACHE = path.resolve(".data/scan-bench");
const SCAN_INPUT_DPI = 200;
const CASES = [
  { base: "ea-sup-ubnd-huyen-ke-hoach-2024", expected: eaSup },
  { base: "da-lat-thanh-uy-ke-hoach-222-KH-ThU-2024", expected: daLat },
  { base: "son-la-tinh-uy-ke-hoach-42-NQ-TW-2024", expected: sonLa },
] as const;

/** A page as Tesseract read it (its TSV, so that a change to the layout needs no OCR) and its time. */
type CachedPage = { tsv: string; ms: number };

export type ScanBenchResult = {
  pages: number;
  /** Time per page read now (not from the cache): render + Tesseract, in ms. */
  pageMs: number[];
  totals: Record<"indicators" | "targetsMeaning" | "targetsCaught" | "wrongMarked", Score>;
  misses: string[];
};

async function readPages(base: string, fresh: boolean, psm: number, log: (line: string) => void) {
  await mkdir(path.join(CACHE, base), { recursive: true });
  const scan = path.join(CACHE, `${base}.scan-${SCAN_INPUT_DPI}.pdf`);
  if (fresh || !existsSync(scan))
    await writeScanOfPdf(path.join(FIXTURES, "pdf", `${base}.pdf`), scan, { dpi: SCAN_INPUT_DPI });
  const count = await pdfPageCount(scan);
  const pages: ScanPage[] = [];
  const pageMs: number[] = [];
  for (let n = 1; n <= count; n++) {
    const cached = path.join(CACHE, base, `p${n}-${SCAN_DPI}dpi-psm${psm}.tsv.json`);
    if (!fresh && existsSync(cached)) {
      pages.push(...scanPagesOf((JSON.parse(await readFile(cached, "utf8")) as CachedPage).tsv));
      continue;
    }
    const started = performance.now();
    const { image, dispose } = await renderPdfPage(scan, n, { dpi: SCAN_DPI });
    try {
      const page: CachedPage = {
        tsv: await recognizeImage(image, { psm }),
        ms: Math.round(performance.now() - started),
      };
      await writeFile(cached, JSON.stringify(page));
      pages.push(...scanPagesOf(page.tsv));
      pageMs.push(page.ms);
      log(`${base}: trang ${n}/${count} trong ${(page.ms / 1000).toFixed(1)} s`);
    } finally {
      await dispose();
    }
  }
  return { pages, pageMs };
}

const zero = (): Score => ({ correct: 0, total: 0, extra: 0 });
const add = (a: Score, b: Score): Score => ({
  correct: a.correct + b.correct,
  total: a.total + b.total,
  extra: a.extra + b.extra,
});

export async function measureScans(options: {
  fresh: boolean;
  /** Tesseract's page segmentation mode (the engine's own by default), to compare others. */
  psm?: number;
  log: (line: string) => void;
}): Promise<ScanBenchResult> {
  const texts = await Promise.all(CASES.map((c) => readFile(path.join(FIXTURES, `${c.base}.md`), "utf8")));
  const result: ScanBenchResult = {
    pages: 0,
    pageMs: [],
    totals: { indicators: zero(), targetsMeaning: zero(), targetsCaught: zero(), wrongMarked: zero() },
    misses: [],
  };
  for (const [i, { base, expected }] of CASES.entries()) {
    const { pages, pageMs } = await readPages(base, options.fresh, options.psm ?? SCAN_PSM, options.log);
    result.pages += pages.length;
    result.pageMs.push(...pageMs);
    const { text, uncertainWords } = scanText(pages);
    const extraction = extractText(text, {
      key: "import-bench",
      vocabulary: texts.filter((_, j) => j !== i),
      scan: { uncertainWords },
    });
    const report: AccuracyReport = compareExtraction(
      planDocumentSchema.parse(expected) as PlanDocument,
      extraction.document,
      extraction.unclear,
    );
    for (const key of Object.keys(result.totals) as (keyof ScanBenchResult["totals"])[])
      result.totals[key] = add(result.totals[key], report[key]);
    result.misses.push(...report.misses.map((m) => `${base}: ${m}`));
  }
  return result;
}

export function scanLines(result: ScanBenchResult): string[] {
  const pct = (s: Score) => `${s.correct}/${s.total} (${(rate(s) * 100).toFixed(1).replace(".", ",")} %)`;
  const sorted = [...result.pageMs].sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : null;
  return [
    `Bản quét ${SCAN_INPUT_DPI} dpi, đọc ở ${SCAN_DPI} dpi, ${result.pages} trang của 3 văn bản:`,
    median === null
      ? "  thời gian mỗi trang: (mọi trang lấy từ bộ nhớ đệm; chạy với --fresh để đo)"
      : `  thời gian mỗi trang (vẽ + Tesseract): trung vị ${(median / 1000).toFixed(1)} s, chậm nhất ${(sorted.at(-1)! / 1000).toFixed(1)} s (${sorted.length} trang đo)`,
    `  chỉ tiêu: ${pct(result.totals.indicators)}`,
    `  mục tiêu đúng nghĩa: ${pct(result.totals.targetsMeaning)}`,
    `  mục tiêu đúng hoặc được đánh dấu cần kiểm tra: ${pct(result.totals.targetsCaught)}`,
    `  chỉ tiêu sai được đánh dấu: ${pct(result.totals.wrongMarked)}`,
  ];
}
