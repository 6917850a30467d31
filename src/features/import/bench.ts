import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { extractPlan } from "./parse-document";
import { pdfToText } from "./read-pdf";

// Parsing speed, for `npm run bench`: the 45 KB Ea Súp plan, parsed `runs` times in this process.
// Run alone with `npx tsx src/features/import/bench.ts`.

export const BENCH_FIXTURE = path.resolve(
  import.meta.dirname,
  "../../../tests/fixtures/import/ea-sup-ubnd-huyen-ke-hoach-2024.md",
);

export type ParseBench = {
  bytes: number;
  runs: number;
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
};

export function benchParse(text = readFileSync(BENCH_FIXTURE, "utf8"), runs = 50): ParseBench {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    extractPlan(text);
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    bytes: Buffer.byteLength(text),
    runs,
    firstMs: round(times[0]!),
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(sorted[sorted.length - 1]!),
  };
}

export const PDF_BENCH_FIXTURE = path.resolve(
  import.meta.dirname,
  "../../../tests/fixtures/import/pdf/ea-sup-ubnd-huyen-ke-hoach-2024.pdf",
);

export type PdfBench = { pages: number; runs: number; firstMs: number; medianMs: number; perPageMs: number };

/** Reading the Ea Súp plan printed to PDF (its text layer laid out into lines), `runs` times. */
export async function benchPdf(bytes = readFileSync(PDF_BENCH_FIXTURE), runs = 5): Promise<PdfBench> {
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const read = await pdfToText(new Uint8Array(bytes));
    times.push(performance.now() - started);
    if (!read.ok) throw new Error(read.error);
    pages = read.pages;
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  return {
    pages,
    runs,
    firstMs: Math.round(times[0]!),
    medianMs: Math.round(median),
    perPageMs: Math.round((median / pages) * 10) / 10,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = benchParse();
  console.log(
    `Đọc kế hoạch Ea Súp (${(result.bytes / 1024).toFixed(1)} KB), ${result.runs} lần: lần đầu ${result.firstMs} ms, trung vị ${result.medianMs} ms, p95 ${result.p95Ms} ms, chậm nhất ${result.maxMs} ms`,
  );
  const pdf = await benchPdf();
  console.log(
    `Đọc bản PDF (${pdf.pages} trang), ${pdf.runs} lần: lần đầu ${pdf.firstMs} ms, trung vị ${pdf.medianMs} ms, ${pdf.perPageMs} ms mỗi trang`,
  );
}
