import { readFile, writeFile } from "node:fs/promises";
import type { CompileMeasurement } from "./compile";
import type { DatasetInfo } from "./dataset";
import type { JsSize, PageMeasurement } from "./pages";
import { OTHER_NATIONAL, OTHER_PROVINCE, type RollupMeasurement, type RollupMeasurements } from "./rollups";
import { ms, ratio } from "./timing";

// Writes the bench's results into docs/performance.md (replacing the previous run's section and the
// status column of the goals) and returns the same lines for the console.

export type BenchResults = {
  date: string;
  node: string;
  cpus: number;
  load: { before: number; after: number };
  runs: number;
  dataset: DatasetInfo & { reused: boolean };
  /** The share of communes with plans (--scale; 1: all). */
  scale: number;
  statusCheck: { checked: number; agree: number };
  rollups: RollupMeasurements | null;
  /** Issue 16: the province's report compiled from its localities (Sơn La, then the largest province). */
  compile: CompileMeasurement[] | null;
  pages: {
    measurements: PageMeasurement[];
    js: JsSize;
    rollupJs: JsSize;
    /** Issue 18: the first load of the other main pages (plan list, plan page, results grid). */
    mainJs: { label: string; js: JsSize }[];
  } | null;
};

// The pages the goals name (scripts/bench.ts measures them, with the rollup pages and the plan list).
export const TRIVIAL_PAGE = "Trivial page: signed in, no plan data (404 through the layout)";
export const SIGN_IN_PAGE = "Sign-in page (anonymous: no session, no layout)";
export const DASHBOARD_PAGE = "Plan dashboard page, a commune plan";
export const DASHBOARD_ALL_GROUPS = "Plan dashboard page, the same plan, every group at once";
export const LARGEST_ROLLUP_PAGE = "Rollup page, largest province";
export const PLAN_LIST_PAGE = "Plan list, national";
export const PLAN_PAGE = "Plan page, a commune plan";
export const RESULTS_GRID_PAGE = "Results grid, a commune plan";

const kib = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
const n = (value: number) => value.toLocaleString("en-US");
const verdict = (ok: boolean) => (ok ? "**met**" : "**not met**");

export function resultLines(r: BenchResults): { goals: string[]; measured: string[] } {
  const goals: string[] = [];
  const measured: string[] = [];
  const pages = r.pages;
  const page = (label: string) => pages?.measurements.find((m) => m.label === label);
  const floor = page(TRIVIAL_PAGE);
  const signIn = page(SIGN_IN_PAGE);
  const dashboard = page(DASHBOARD_PAGE);
  const allGroups = page(DASHBOARD_ALL_GROUPS);

  if (r.rollups) {
    const p = r.rollups.province;
    const s = r.rollups.sonLa;
    goals.push(
      `| Province rollup (the province-wide summary of its localities' results) | within 1.5× the time of bare SQL computing the same result | ${verdict(p.app.median <= 1.5 * p.bare.median)} for the largest province (${p.rows} localities × ${p.columns} indicators): ${ms(p.app.median)} against ${ms(p.bare.median)} for the bare aggregate, ${ratio(p.app.median, p.bare.median)}; ${ratio(p.app.median, p.bareWhole.median)} against bare SQL for the whole result (lookup and aggregate, ${ms(p.bareWhole.median)}). ${verdict(s.app.median <= 1.5 * s.bare.median)} for the demo province Sơn La (${s.rows} localities), where the same fixed costs weigh more: ${ms(s.app.median)} against ${ms(s.bare.median)}, ${ratio(s.app.median, s.bare.median)}; ${ratio(s.app.median, s.bareWhole.median)} against the whole result (${r.date}) |`,
    );
    // Issue 18: the figures the rollups read are prepared on write (rollup_figures, ADR 0031).
    const nat = r.rollups.national;
    const atMost = (m: RollupMeasurement) => m.app.median <= m.bare.median;
    goals.push(
      `| Rollups read prepared figures (issue 18) | national and province rollups at or below the time of their bare aggregate SQL (≤ 1.0×), same counts | ${verdict(atMost(nat) && atMost(p) && atMost(s) && nat.sameCounts && p.sameCounts && s.sameCounts)}: national ${ms(nat.app.median)} against ${ms(nat.bare.median)}, ${ratio(nat.app.median, nat.bare.median)}; largest province ${ratio(p.app.median, p.bare.median)}; Sơn La ${ratio(s.app.median, s.bare.median)}; same counts: ${nat.sameCounts && p.sameCounts && s.sameCounts ? "yes" : "**no**"} (${r.date}) |`,
    );
    // Issue 18 part 3: several resolutions' cascades in one data set.
    const others = r.rollups.others ?? [];
    const otherNational = others.find((m) => m.label === OTHER_NATIONAL);
    const otherProvince = others.find((m) => m.label === OTHER_PROVINCE);
    goals.push(
      r.dataset.resolutions > 1 && otherNational
        ? `| Several resolutions (issue 18) | three cascades (about 10,000 plans, 6 M actuals); a resolution's rollup does not slow down because others exist | ${verdict(r.scale === 1 && [nat, p, otherNational, otherProvince].every((m) => !m || atMost(m)))}${r.scale === 1 ? "" : ` (reduced data set, --scale ${r.scale}: not the goal's size)`}: ${r.dataset.resolutions} cascades, ${n(r.dataset.benchPlans)} plans, ${n(r.dataset.actuals)} actuals; 42-NQ/TW national ${ms(nat.app.median)} (${ratio(nat.app.median, nat.bare.median)} its bare SQL), largest province ${ms(p.app.median)} (${ratio(p.app.median, p.bare.median)}); 57-NQ/TW in the same run, national ${ms(otherNational.app.median)} (${ratio(otherNational.app.median, otherNational.bare.median)})${otherProvince ? `, largest province ${ms(otherProvince.app.median)} (${ratio(otherProvince.app.median, otherProvince.bare.median)})` : ""} (${r.date}) |`
        : "| Several resolutions (issue 18) | three cascades (about 10,000 plans, 6 M actuals); a resolution's rollup does not slow down because others exist | not measured in the last run (a data set of one cascade) |",
    );
  } else {
    goals.push(
      "| Province rollup (the province-wide summary of its localities' results) | within 1.5× the time of bare SQL computing the same result | not measured in the last run |",
    );
    goals.push(
      "| Several resolutions (issue 18) | three cascades (about 10,000 plans, 6 M actuals); a resolution's rollup does not slow down because others exist | not measured in the last run |",
    );
    goals.push(
      "| Rollups read prepared figures (issue 18) | national and province rollups at or below the time of their bare aggregate SQL (≤ 1.0×), same counts | not measured in the last run |",
    );
  }
  const [sonLaReport, largestReport] = r.compile ?? [];
  goals.push(
    sonLaReport && largestReport
      ? `| A province's yearly report compiled from its localities (issue 16) | Sơn La under 2 s, the largest province under 5 s | ${verdict(sonLaReport.word.median < 2000 && largestReport.word.median < 5000)}: Sơn La (${sonLaReport.localities} localities) ${ms(sonLaReport.snapshot.median)} to compile, ${ms(sonLaReport.word.median)} with its Word file; the largest province (${largestReport.localities} localities) ${ms(largestReport.snapshot.median)}, ${ms(largestReport.word.median)} with its Word file (${r.date}) |`
      : "| A province's yearly report compiled from its localities (issue 16) | Sơn La under 2 s, the largest province under 5 s | not measured in the last run |",
  );
  if (floor && dashboard) {
    const d = dashboard.timing.median;
    const besides = [
      signIn
        ? `${ratio(d, signIn.timing.median)} against \`/sign-in\` (${ms(signIn.timing.median)}), the one page without a session or the layout`
        : null,
      allGroups
        ? `every group's cards at once (\`?group=*\`): ${ms(allGroups.timing.median)}, ${ratio(allGroups.timing.median, floor.timing.median)}`
        : null,
    ].filter(Boolean);
    goals.push(
      `| Dashboard page | within 2× the time of a trivial page of the app (a signed-in page that reads no plan data, [ADR 0011](decisions/0011-dashboard-page-floor.md)) | ${verdict(d <= 2 * floor.timing.median)}: ${ms(d)} against ${ms(floor.timing.median)}, ${ratio(d, floor.timing.median)}${besides.length ? `; ${besides.join("; ")}` : ""} (${r.date}) |`,
    );
    const slowest = [...pages!.measurements].sort((a, b) => b.timing.median - a.timing.median)[0]!;
    goals.push(
      `| Every page, at national scale (all provinces and communes with their plans and results), on 2 cores | under 1 s | ${verdict(slowest.timing.median < 1000)}: slowest median ${ms(slowest.timing.median)} (${slowest.label}); slowest single run ${ms(Math.max(...pages!.measurements.map((m) => m.timing.max)))} (${r.date}) |`,
    );
    // Issue 18: the plan list and a large province's rollup page stay small whatever the country's size.
    const list = page(PLAN_LIST_PAGE);
    const largest = page(LARGEST_ROLLUP_PAGE);
    if (list && largest)
      goals.push(
        `| HTML of the list pages (issue 18) | plan list of the national administrator under 100 KiB; rollup page of the largest province under 400 KiB | ${verdict(list.bytes < 100 * 1024 && largest.bytes < 400 * 1024)}: plan list ${kib(list.bytes)} (one page of 25 of ${n(r.dataset.plans)} plans); rollup page ${kib(largest.bytes)} (25 of ${r.rollups?.province.rows ?? "its"} localities a page) (${r.date}) |`,
      );
    const own = (js: JsSize) => (js.own ? `, of which ${kib(js.own.gzip)} the page's own` : "");
    goals.push(
      `| JavaScript sent to the browser for a dashboard page | measured and tracked (no limit set yet) | plan dashboard: ${kib(pages!.js.gzip)} gzipped at first load (${pages!.js.files} files${own(pages!.js)}), plus the chart bundle, ${kib(pages!.js.lazy.gzip)} gzipped, when a chart scrolls into view; rollup page: ${kib(pages!.rollupJs.gzip)} gzipped (${pages!.rollupJs.files} files${own(pages!.rollupJs)}) (${r.date}) |`,
    );
  } else {
    goals.push("| Dashboard page | within 2× the time of a trivial page | not measured in the last run |");
    goals.push(
      "| Every page, at national scale (all provinces and communes with their plans and results), on 2 cores | under 1 s | not measured in the last run |",
    );
    goals.push(
      "| HTML of the list pages (issue 18) | plan list of the national administrator under 100 KiB; rollup page of the largest province under 400 KiB | not measured in the last run |",
    );
    goals.push(
      "| JavaScript sent to the browser for a dashboard page | measured and tracked (no limit set yet) | not measured in the last run |",
    );
  }

  const d = r.dataset;
  measured.push(`### \`npm run bench\`, ${r.date}`);
  measured.push("");
  measured.push(
    `Node.js ${r.node}, ${r.cpus} cores, load average ${r.load.before.toFixed(1)} before and ${r.load.after.toFixed(1)} after (other work was running on the machine). ` +
      `Medians of ${r.runs} runs (${r.runs * 3} for the rollups) after a warm-up, the subjects of each comparison interleaved in one loop so that load from other work hits them alike.`,
  );
  measured.push("");
  measured.push(
    `Data set (${d.reused ? "reused from an earlier run of the same generator" : `generated in ${d.seconds.toFixed(0)} s`}): the demo data plus one plan for every province and every commune of today ` +
      `${d.resolutions > 1 ? `in each of ${d.resolutions} resolutions' cascades (42-NQ/TW, then ${d.resolutions === 3 ? "57-NQ/TW and 68-NQ/TW" : "57-NQ/TW"}, each with its Central document) ` : ""}` +
      `${r.scale < 1 ? `(reduced: --scale ${r.scale}, that share of the communes) ` : ""}` +
      `(${n(d.benchPlans)} plans, ${n(d.plans)} plans in all), ${n(d.indicators)} indicators, ${n(d.targets)} targets, ${n(d.actuals)} actuals (2024–2030, with their status), ` +
      `${n(d.tasks)} tasks, ${n(d.taskProgress)} task progress rows, ${n(d.reports)} reports. The largest province: ${d.largestProvince.name} (${d.largestProvince.communes} communes). ` +
      `Statuses of the synthetic actuals are computed in SQL; a sample of ${n(r.statusCheck.checked)} checked against the domain code (\`statusesByYear\`): ${n(r.statusCheck.agree)} agree.`,
  );
  measured.push("");
  measured.push("| what | median | floor (median) | ratio | goal | notes |");
  measured.push("| --- | --- | --- | --- | --- | --- |");
  if (r.rollups) {
    for (const [m, goal] of [
      [r.rollups.province, "≤ 1.5× (issue 18: ≤ 1.0×)"],
      [r.rollups.sonLa, "≤ 1.5× (issue 18: ≤ 1.0×)"],
      [r.rollups.national, "≤ 1.0× (issue 18)"],
      ...(r.rollups.others ?? []).map((m) => [m, "≤ 1.0×, as 42-NQ/TW's (issue 18)"] as const),
    ] as const) {
      const what =
        {
          "Tổng hợp toàn quốc": "National rollup",
          "Tổng hợp tỉnh Sơn La": "Province rollup, Sơn La (demo province)",
          [OTHER_NATIONAL]: "National rollup of 57-NQ/TW, the other cascades present",
          [OTHER_PROVINCE]: "Province rollup of 57-NQ/TW, largest province",
        }[m.label] ?? "Province rollup, largest province";
      measured.push(
        `| ${what} (\`getRollup\` in \`withScope\`, as app_user) | ${ms(m.app.median)} | ${ms(m.bare.median)} bare aggregate SQL; ${ms(m.bareWhole.median)} bare lookup + aggregate | ${ratio(m.app.median, m.bare.median)}; ${ratio(m.app.median, m.bareWhole.median)} | ${goal} | ${m.rows} rows × ${m.columns} columns, year ${m.year}; same counts as the bare SQL: ${m.sameCounts ? "yes" : "**no**"}; app min–max ${ms(m.app.min)}–${ms(m.app.max)} |`,
      );
    }
  }
  for (const [m, goal] of [
    [sonLaReport, "< 2 s"],
    [largestReport, "< 5 s"],
  ] as const)
    if (m)
      measured.push(
        `| Yearly report compiled from the localities, ${m.label === "Sơn La" ? "Sơn La (demo province)" : "largest province"} (\`buildReportSnapshot\` in \`withScope\`, as app_user; then \`renderReportDocx\`) | ${ms(m.snapshot.median)} compiled; ${ms(m.word.median)} with the Word file | — | — | ${goal} | ${m.localities} localities, ${m.indicators} indicator rows; ${m.snapshot.runs} runs, Word min–max ${ms(m.word.min)}–${ms(m.word.max)} |`,
      );
  if (pages && floor) {
    for (const m of pages.measurements) {
      const isFloor = m.label === TRIVIAL_PAGE;
      measured.push(
        `| ${m.label} (\`${m.path.replace(/[0-9a-f-]{36}/, "{id}")}\`) | ${ms(m.timing.median)} | ${isFloor ? "—" : `${ms(floor.timing.median)} trivial page`} | ${isFloor ? "—" : ratio(m.timing.median, floor.timing.median)} | ${m.label === DASHBOARD_PAGE ? "≤ 2×, < 1 s" : "< 1 s"} | HTML ${kib(m.bytes)}; min–max ${ms(m.timing.min)}–${ms(m.timing.max)} |`,
      );
    }
    const ownNote = (js: JsSize) =>
      js.own
        ? `; the page's own chunks (its entry in the client reference manifest, less the layouts'): ${js.own.files} file(s), ${(js.own.gzip / 1024).toFixed(1)} KiB gzipped`
        : "";
    measured.push(
      `| JavaScript of the plan dashboard page | ${kib(pages.js.gzip)} gzipped | — | — | tracked | ${pages.js.files} script files referenced by its HTML, ${kib(pages.js.bytes)} raw${ownNote(pages.js)}; plus ${pages.js.lazy.files} chart chunk(s), ${kib(pages.js.lazy.gzip)} gzipped (${kib(pages.js.lazy.bytes)} raw), loaded when the first chart scrolls into view |`,
    );
    measured.push(
      `| JavaScript of the rollup page (\`/dashboard\`) | ${kib(pages.rollupJs.gzip)} gzipped | — | — | tracked | ${pages.rollupJs.files} script files referenced by its HTML, ${kib(pages.rollupJs.bytes)} raw${ownNote(pages.rollupJs)}; no chart |`,
    );
    for (const { label, js } of pages.mainJs)
      measured.push(
        `| JavaScript of the ${label} | ${kib(js.gzip)} gzipped | — | — | tracked | ${js.files} script files referenced by its HTML, ${kib(js.bytes)} raw${ownNote(js)} |`,
      );
  }
  return { goals, measured };
}

const GOALS_START = "| goal | target | status |";
const MEASURED_START = "<!-- bench:start -->";
const MEASURED_END = "<!-- bench:end -->";

/** Replaces the goals' status column and the bench section; the rest of the file is kept as written. */
export async function writePerformanceDoc(file: string, r: BenchResults): Promise<void> {
  let text = await readFile(file, "utf8");
  const { goals, measured } = resultLines(r);
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(GOALS_START));
  if (start >= 0) {
    let end = start + 2;
    while (end < lines.length && lines[end]!.startsWith("|")) end++;
    lines.splice(start + 2, end - start - 2, ...goals);
    text = lines.join("\n");
  }
  const block = [MEASURED_START, ...measured, MEASURED_END].join("\n");
  if (text.includes(MEASURED_START))
    text = text.replace(new RegExp(`${MEASURED_START}[\\s\\S]*?${MEASURED_END}`), block);
  else text = text.replace("## Measured\n", `## Measured\n\n${block}\n`);
  await writeFile(file, text);
}
