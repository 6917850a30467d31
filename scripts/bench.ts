import os from "node:os";
import path from "node:path";
import pg from "pg";
import { seedId } from "../prisma/seed/ids";
import { DEMO_PASSWORD } from "../prisma/seed/users";
import { findFreePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { BENCH_USER, DEFAULT_DATASET, resolutionIdOf, type DatasetOptions } from "./bench/dataset";
import { javascriptOf, measurePages, signIn, startApp, type PageSubject } from "./bench/pages";
import {
  DASHBOARD_ALL_GROUPS,
  DASHBOARD_PAGE,
  LARGEST_ROLLUP_PAGE,
  PLAN_LIST_PAGE,
  PLAN_PAGE,
  RESULTS_GRID_PAGE,
  resultLines,
  SIGN_IN_PAGE,
  TRIVIAL_PAGE,
  writePerformanceDoc,
  type BenchResults,
} from "./bench/report";
import { prepareBenchDatabase } from "./bench/prepare";
import { measureCompile } from "./bench/compile";
import { measureRollups } from "./bench/rollups";
import { ms, ratio } from "./bench/timing";
import { verifyRollupFigures, verifyStamps, verifyStatuses } from "./bench/verify";

// `npm run bench`: a synthetic national data set in its own embedded PostgreSQL (.data/bench), then,
// in one run, the province rollup, the national rollup and the dashboard pages, each against its floor
// measured in the same run (the bare aggregate SQL; a trivial page of the same app). The medians and
// ratios go to docs/performance.md and to the console.
//   --fresh            regenerate the data set even if the bench database already has it
//   --runs N           measured runs per subject (default 15), after 3 warm-up runs
//   --skip-pages       only the data set and the rollups (no build, no server)
//   --port N           the app's port (default 3200)
//   --no-write         do not touch docs/performance.md
//   --resolutions N    cascades in the data set: 3 (default: 42-NQ/TW, 57-NQ/TW, 68-NQ/TW) or 1 (42-NQ/TW only)
//   --scale X          the share of communes with plans (default 1; 0.1 for a quick run on a shared machine)
//   --only scan        only the scan round trip of the importer (scripts/bench/scan.ts; --fresh reads every page again)
//   --psm N            with --only scan: Tesseract's page segmentation mode to measure (default: the engine's)

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const RUNS = option("--runs", 15);
const WARMUP = 3;
const PORT = option("--port", 3200);
const DATASET: DatasetOptions = {
  resolutions: ([1, 2, 3] as const).find((n) => n === option("--resolutions", DEFAULT_DATASET.resolutions)) ?? 3,
  scale: Math.min(1, Math.max(0.01, option("--scale", DEFAULT_DATASET.scale))),
};

const log = (line: string) => console.log(`▸ ${line}`);

async function pageSubjects(adminUrl: string, base: string): Promise<PageSubject[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  let communePlan: string;
  try {
    // A commune plan of the largest province, as that province's leader would open it from the rollup.
    const { rows } = await client.query<{ id: string }>(
      `SELECT p.id FROM plans p JOIN memberships m ON m."userId" = $1 JOIN organizations o ON o.id = m."organizationId"
       JOIN plans pp ON pp."issuerId" = o.id AND p."parentId" = pp.id AND pp."resolutionId" = $2
       WHERE p.status = 'ISSUED' ORDER BY p.id LIMIT 1`,
      [seedId("user", BENCH_USER), resolutionIdOf("42")],
    );
    communePlan = rows[0]!.id;
  } finally {
    await client.end();
  }
  const province = await signIn(base, BENCH_USER, DEMO_PASSWORD);
  const admin = await signIn(base, "admin", DEMO_PASSWORD);
  const sonLa = await signIn(base, "sonla.approver", DEMO_PASSWORD);
  const r42 = resolutionIdOf("42");
  return [
    // The floor of the dashboard page (ADR 0011): a page of the app as a signed-in user gets it, with
    // the session read and the layout drawn, that reads no plan data. /sign-in, the one page without a
    // session, is measured beside it.
    { label: TRIVIAL_PAGE, path: "/plans/not-a-plan", cookie: province, expect: "Không tìm thấy", status: 404 },
    { label: SIGN_IN_PAGE, path: "/sign-in", cookie: null, expect: "Đăng nhập" },
    { label: DASHBOARD_PAGE, path: `/plans/${communePlan}/dashboard`, cookie: province, expect: "Bảng theo dõi" },
    {
      label: DASHBOARD_ALL_GROUPS,
      path: `/plans/${communePlan}/dashboard?group=*`,
      cookie: province,
      expect: `id="nhom-9"`,
    },
    // 42-NQ/TW's rollups, named in the URL: with three cascades of the same size the default would be
    // the most recent resolution (ADR 0033).
    {
      label: LARGEST_ROLLUP_PAGE,
      path: `/dashboard?resolution=${r42}`,
      cookie: province,
      expect: "Tổng hợp các địa phương",
    },
    {
      label: "Rollup page, Sơn La",
      path: `/dashboard?resolution=${r42}`,
      cookie: sonLa,
      expect: "Tổng hợp các địa phương",
    },
    {
      label: "Rollup page, national",
      path: `/dashboard?resolution=${r42}`,
      cookie: admin,
      expect: "Tổng hợp các địa phương",
    },
    { label: PLAN_LIST_PAGE, path: "/plans", cookie: admin, expect: "Danh sách kế hoạch" },
    { label: PLAN_PAGE, path: `/plans/${communePlan}`, cookie: province, expect: "Chỉ tiêu" },
    {
      label: RESULTS_GRID_PAGE,
      path: `/plans/${communePlan}/results`,
      cookie: province,
      expect: "Kết quả thực hiện năm",
    },
  ];
}

async function scanOnly() {
  const { measureScans, scanLines } = await import("./bench/scan");
  const started = Date.now();
  const result = await measureScans({
    fresh: flag("--fresh"),
    psm: args.includes("--psm") ? option("--psm", 3) : undefined,
    log,
  });
  for (const line of scanLines(result)) console.log(line);
  if (flag("--misses")) for (const miss of result.misses) console.log(`  – ${miss}`);
  log(`Xong trong ${Math.round((Date.now() - started) / 1000)} s.`);
}

async function main() {
  const onlyAt = args.indexOf("--only");
  if (onlyAt >= 0) {
    if (args[onlyAt + 1] !== "scan") throw new Error("--only nhận: scan");
    return scanOnly();
  }
  const loadBefore = os.loadavg()[0]!;
  const started = Date.now();
  log("Khởi động PostgreSQL nhúng cho phép đo (.data/bench/postgres)…");
  const server = await startEmbeddedPostgres({
    dataDir: ".data/bench/postgres",
    port: await findFreePort(54359),
    quiet: true,
  });
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    const { adminUrl, appUrl, dataset } = await prepareBenchDatabase(server.adminUrl, {
      fresh: flag("--fresh"),
      log,
      dataset: DATASET,
    });
    log(`Bộ dữ liệu: ${dataset.plans} kế hoạch, ${dataset.indicators} chỉ tiêu, ${dataset.actuals} kết quả thực hiện.`);
    const statusCheck = await verifyStatuses(adminUrl);
    log(`Kiểm tra trạng thái tổng hợp bằng mã miền: ${statusCheck.agree}/${statusCheck.checked} khớp.`);
    const stale = await verifyStamps(adminUrl);
    if (stale.length)
      throw new Error(
        `Dữ liệu đo có dòng mang dấu quyền xem (visibleTo) khác với kế hoạch của nó, ở: ${stale.join(", ")}. Chạy lại với --fresh.`,
      );

    // The application's modules read their configuration at first use.
    process.env.DATABASE_URL = appUrl;
    process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
    // A compiled report takes a second or so: a few runs suffice.
    log("Đo tổng hợp báo cáo năm từ các địa phương (5 lần mỗi tỉnh, sau 1 lần khởi động)…");
    const compile = await measureCompile({ runs: 5, warmup: 1, log });
    const figures = await verifyRollupFigures(adminUrl);
    log(
      `Số liệu tổng hợp sẵn (rollup_figures): ${figures.figures} dòng, ${figures.differing} dòng khác với tổng hợp từ kết quả.`,
    );
    if (figures.differing)
      throw new Error("Số liệu tổng hợp sẵn (rollup_figures) không khớp với kết quả thực hiện. Chạy lại với --fresh.");

    // A rollup takes tens of milliseconds: three times the runs cost seconds and steady the medians
    // against bursts of load from other work on the machine.
    const rollupRuns = RUNS * 3;
    log(`Đo tổng hợp (${rollupRuns} lần mỗi loại, sau ${WARMUP} lần khởi động)…`);
    const rollups = await measureRollups(
      { adminUrl, appUrl },
      { runs: rollupRuns, warmup: WARMUP, log, otherResolution: dataset.resolutions > 1 ? resolutionIdOf("57") : null },
    );

    let pages: BenchResults["pages"] = null;
    if (!flag("--skip-pages")) {
      app = await startApp({ adminUrl, appUrl }, { port: PORT, log });
      const subjects = await pageSubjects(adminUrl, app.base);
      log(`Đo các trang (${RUNS} lần mỗi trang)…`);
      const measurements = await measurePages(app.base, subjects, { runs: RUNS, warmup: WARMUP, log });
      const dashboard = subjects.find((s) => s.label === DASHBOARD_PAGE)!;
      const js = await javascriptOf(app.base, dashboard, "/(app)/plans/[id]/dashboard");
      const rollupJs = await javascriptOf(
        app.base,
        subjects.find((s) => s.label === "Rollup page, largest province")!,
        "/(app)/dashboard",
      );
      const subject = (label: string) => subjects.find((s) => s.label === label)!;
      const mainJs = [
        { label: "plan list (`/plans`)", js: await javascriptOf(app.base, subject(PLAN_LIST_PAGE), "/(app)/plans") },
        { label: "plan page", js: await javascriptOf(app.base, subject(PLAN_PAGE), "/(app)/plans/[id]") },
        {
          label: "results grid",
          js: await javascriptOf(app.base, subject(RESULTS_GRID_PAGE), "/(app)/plans/[id]/results"),
        },
      ];
      pages = { measurements, js, rollupJs, mainJs };
    }

    const results: BenchResults = {
      date: new Intl.DateTimeFormat("vi-VN", {
        timeZone: "Asia/Ho_Chi_Minh",
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
      }).format(new Date()),
      node: process.versions.node,
      cpus: os.cpus().length,
      load: { before: loadBefore, after: os.loadavg()[0]! },
      runs: RUNS,
      dataset,
      scale: DATASET.scale,
      statusCheck,
      rollups,
      compile,
      pages,
    };
    if (!flag("--no-write")) {
      await writePerformanceDoc(path.resolve("docs/performance.md"), results);
      log("Đã ghi kết quả vào docs/performance.md.");
    }
    const { goals, measured } = resultLines(results);
    console.log(["", "Mục tiêu:", ...goals, "", ...measured.slice(4)].join("\n"));
    console.log(
      `\nTóm tắt: tổng hợp tỉnh ${ms(rollups.province.app.median)} / SQL ${ms(rollups.province.bare.median)} = ${ratio(rollups.province.app.median, rollups.province.bare.median)}; ` +
        `toàn quốc ${ms(rollups.national.app.median)} / SQL ${ms(rollups.national.bare.median)} = ${ratio(rollups.national.app.median, rollups.national.bare.median)}` +
        (pages
          ? `; trang theo dõi kế hoạch ${ms(pages.measurements.find((m) => m.label === DASHBOARD_PAGE)!.timing.median)} / trang tối thiểu ${ms(pages.measurements.find((m) => m.label === TRIVIAL_PAGE)!.timing.median)}; JS ${(pages.js.gzip / 1024).toFixed(0)} KiB gzip`
          : "") +
        `. Tổng thời gian ${((Date.now() - started) / 1000).toFixed(0)} giây.`,
    );
    // Issue 7's speed goal: a 45 KB plan document is parsed well under a second (see docs/import.md).
    const { benchParse, benchPdf } = await import("../src/features/import/bench");
    const parse = benchParse();
    log(
      `Đọc văn bản kế hoạch ${(parse.bytes / 1024).toFixed(1)} KB: lần đầu ${parse.firstMs} ms, trung vị ${parse.medianMs} ms, p95 ${parse.p95Ms} ms (${parse.runs} lần).`,
    );
    // Issue 17: a PDF's text layer read and laid out, per page.
    const pdf = await benchPdf();
    log(
      `Đọc kế hoạch PDF có lớp chữ (${pdf.pages} trang): lần đầu ${pdf.firstMs} ms, trung vị ${pdf.medianMs} ms, ${pdf.perPageMs} ms mỗi trang (${pdf.runs} lần).`,
    );
  } finally {
    if (app) await app.stop();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(`✗ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
