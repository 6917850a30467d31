import { renderLocalityComparisonWorkbook } from "../src/features/export/comparison-xlsx";
import { renderIndicatorWorkbook } from "../src/features/export/indicators-xlsx";
import { renderReportDocx } from "../src/features/export/report-docx";
import { daLatReport2025, eaSupReport2025, sonLaLocalities2025, wardReport2025 } from "../tests/fixtures/export/demo";
import { signIn } from "./bench/pages";
import { median, ms, timeInterleaved, type Timing } from "./bench/timing";

// `npx tsx scripts/bench-exports.ts [--url http://127.0.0.1:3000]`: times the downloads (goal: under
// 0,5 s). Without --url, the renderers alone on the demo's largest reports (tests/fixtures/export/demo);
// with --url, the route handlers of a running app with the demo data, signed in as `admin`
// (snapshot or comparison read from PostgreSQL, rendered, sent). Medians of 15 runs after 3
// warm-up runs; results are printed, to be copied into docs/performance.md.

const RUNS = 15;
const WARMUP = 3;

function line(label: string, t: Timing, bytes?: number): string {
  const size = bytes ? `, ${Math.round(bytes / 1024)} KB` : "";
  return `| ${label} | ${ms(t.median)} | ${ms(t.min)}–${ms(t.max)}${size} |`;
}

/**
 * Wall time and the process's CPU time per run: on a shared machine the wall time includes waiting
 * for a core, the CPU time is what the render costs (what the wall time is on an idle core).
 */
async function renderers(): Promise<void> {
  const subjects: Record<string, () => Promise<unknown>> = {
    "report.docx, Ea Súp 2025 (90 indicators, 43 tasks)": () => renderReportDocx(eaSupReport2025, { isDraft: true }),
    "report.docx, 25-KH/ĐU 2025 (37 tasks in full)": () => renderReportDocx(wardReport2025, { isDraft: true }),
    "report.docx, 222-KH/ThU 2025": () => renderReportDocx(daLatReport2025),
    "indicators.xlsx, Ea Súp 2025": () => renderIndicatorWorkbook(eaSupReport2025, { isDraft: true }),
    "localities.xlsx, Sơn La 2025 (13 × 39)": () => renderLocalityComparisonWorkbook(sonLaLocalities2025),
  };
  const wall: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (const [label, run] of Object.entries(subjects)) {
      const started = performance.now();
      const usage = process.cpuUsage();
      await run();
      const used = process.cpuUsage(usage);
      if (round < WARMUP) continue;
      (wall[label] ??= []).push(performance.now() - started);
      (cpu[label] ??= []).push((used.user + used.system) / 1000);
    }
  }
  console.log("| renderer | median wall | median CPU |\n| --- | --- | --- |");
  for (const label of Object.keys(subjects)) {
    console.log(`| ${label} | ${ms(median(wall[label]!))} | ${ms(median(cpu[label]!))} |`);
  }
}

async function routes(base: string): Promise<void> {
  const cookie = await signIn(base, "admin", "Demo@2026");
  const planOf = async (number: string) => {
    const html = await (await fetch(`${base}/plans?q=${encodeURIComponent(number)}`, { headers: { cookie } })).text();
    const id = /\/plans\/([0-9a-f-]{36})/.exec(html)?.[1];
    if (!id) throw new Error(`no plan found for “${number}”`);
    return id;
  };
  const ward = await planOf("trên địa bàn phường Mộc Châu");
  const subjects: Record<string, string> = {
    "report.docx, 25-KH/ĐU 2025": `/api/plans/${ward}/export/report.docx?year=2025`,
    "indicators.xlsx, 25-KH/ĐU 2025": `/api/plans/${ward}/export/indicators.xlsx?year=2025`,
    "localities.xlsx, Sơn La 2025": `/api/provinces/14/export/localities.xlsx?year=2025`,
  };
  const sizes: Record<string, number> = {};
  const timings = await timeInterleaved(
    Object.fromEntries(
      Object.entries(subjects).map(([label, path]) => [
        label,
        async () => {
          const response = await fetch(`${base}${path}`, { headers: { cookie } });
          if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
          sizes[label] = (await response.arrayBuffer()).byteLength;
        },
      ]),
    ),
    { runs: RUNS, warmup: WARMUP },
  );
  console.log("| download | median | range, size |\n| --- | --- | --- |");
  for (const [label, t] of Object.entries(timings)) console.log(line(label, t, sizes[label]));
}

const at = process.argv.indexOf("--url");
if (at > 0) await routes(process.argv[at + 1]!.replace(/\/$/, ""));
else await renderers();
