import { setMaxListeners } from "node:events";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { currentReportYear } from "../src/domain/vietnam-time";
import { signIn, startApp, type App } from "./bench/pages";
import { BENCH_APP_PASSWORD, BENCH_DATA_DIR, BENCH_DATABASE, prepareBenchDatabase } from "./bench/prepare";
import { DEFAULT_DATASET } from "./bench/dataset";
import { withCredentials, withDatabase } from "./lib/database";
import { findFreePort, overLocalSocket, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { createLoadAccounts, LOAD_PASSWORD } from "./load/accounts";
import { listeningPids, readCpu, type CpuProbe } from "./load/cpu";
import { Ledger, reconcile } from "./load/ledger";
import { actionId, getPage, readActionIds } from "./load/next-client";
import { parseLoadOptions, viewersFor, type LoadOptions } from "./load/options";
import { ceilingLine, runLines, stageTable, writeLoadSection, type LoadRun } from "./load/report";
import { ceiling, stageStats, type Sample } from "./load/stats";
import { readStoredState } from "./load/stored";
import { ACTION_ORDER, runOfficial, runViewer, seededRandom, type LoadContext } from "./load/users";

// `npm run load`: the 15/12 peak on loopback. Virtual officials, each signed in with an account of
// their own, enter results, write and send their report; provincial viewers read the rollup and the
// plans' dashboards; everyone thinks between actions. Reports p50/p95/p99 per action, errors and
// throughput per stage, then counts in PostgreSQL what was acknowledged against what is stored.
// Bounded: every stage lasts a fixed time, the whole run a fixed number of requests.
//
// By default it works on a copy (`kehoach_load`) of the bench's database (.data/bench, the national
// data set of `npm run bench`, generated on first use: about 4 minutes), where it creates its own
// accounts, and starts the production build of this checkout on it through scripts/start.ts.
//
//   --officials N          officials (default 200), with one provincial viewer per ten (--viewer-share 0.1)
//   --stages A,B,C         several stages of increasing officials, to find the ceiling (e.g. 50,100,200,300)
//   --duration S           seconds measured per stage (default 120), after --ramp S (default 30) of users starting
//   --think MIN-MAX        seconds between two actions of a user (default 5-15)
//   --max-requests N       stop after N requests in all (default 100000); --timeout S per request (default 30)
//   --submit-after N       rounds of writing before an official sends the report (default 3)
//   --limit MS             the p95 goal per action (default 500)
//   --url URL --database-url URL   measure an already running server on this machine, whose database is
//                          reachable at the given (privileged) URL: accounts are created there; the action
//                          ids come from this checkout's .next, which must be the build that server runs
//   --port N               port of the app started by the script (default 3210)
//   --fresh                regenerate the bench's data set; --no-write leaves docs/performance.md alone

const LOAD_DATABASE = "kehoach_load";
const APP_LOG = `${BENCH_DATA_DIR}/load-server.log`;
const log = (line: string) => console.log(`▸ ${line}`);

type Target = { base: string; adminUrl: string; describe: string; cpu: CpuProbe; stop: () => Promise<void> };

/** The processes to watch: whatever listens on the app's port and on the database's, with what runs under them. */
function probeFor(appUrl: string, databaseUrl: string): CpuProbe {
  const db = new URL(databaseUrl);
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(db.hostname);
  return {
    app: listeningPids(Number(new URL(appUrl).port || 80)),
    database: local ? listeningPids(Number(db.port || 5432)) : [],
  };
}

async function startTarget(options: LoadOptions): Promise<Target> {
  if (options.url && options.databaseUrl)
    return {
      base: options.url,
      adminUrl: options.databaseUrl,
      describe: `${options.url} (already running)`,
      cpu: probeFor(options.url, options.databaseUrl),
      stop: async () => {},
    };
  log(`Khởi động PostgreSQL nhúng của phép đo (${BENCH_DATA_DIR}/postgres)…`);
  const server: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: `${BENCH_DATA_DIR}/postgres`,
    port: await findFreePort(54359),
    quiet: true,
  });
  let app: App | null = null;
  try {
    await prepareBenchDatabase(server.adminUrl, { fresh: options.fresh, log, dataset: DEFAULT_DATASET });
    log(`Sao chép cơ sở dữ liệu đo sang ${LOAD_DATABASE} (mỗi lần chạy bắt đầu từ cùng dữ liệu)…`);
    const copyStarted = Date.now();
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${LOAD_DATABASE}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${LOAD_DATABASE}" TEMPLATE "${BENCH_DATABASE}" STRATEGY FILE_COPY`);
    } finally {
      await client.end();
    }
    log(`Đã sao chép sau ${((Date.now() - copyStarted) / 1000).toFixed(0)} giây.`);
    const adminUrl = withDatabase(server.adminUrl, LOAD_DATABASE);
    const appUrl = overLocalSocket(withCredentials(adminUrl, "app_user", BENCH_APP_PASSWORD));
    // As deployed (docs/deployment.md): nginx compresses, the app processes do not.
    process.env.HTTP_COMPRESSION ??= "off";
    app = await startApp({ adminUrl, appUrl }, { port: options.port, log, logFile: APP_LOG });
    log(`Nhật ký của máy chủ: ${APP_LOG}`);
    const started = app;
    return {
      base: app.base,
      adminUrl,
      describe: `the production build of this checkout started by \`scripts/start.ts\` on ${app.base} (compression left to the reverse proxy, HTTP_COMPRESSION=${process.env.HTTP_COMPRESSION}, as in docs/deployment.md; PostgreSQL through its Unix socket), on a copy of the bench's national data set`,
      cpu: probeFor(app.base, adminUrl),
      stop: async () => {
        await started.stop();
        await server.stop();
      },
    };
  } catch (error) {
    if (app) await app.stop();
    await server.stop();
    throw error;
  }
}

/** Runs tasks with at most `limit` at a time. */
async function inBatches<T, R>(items: T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index]!);
      }
    }),
  );
  return results;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

async function main() {
  const options = parseLoadOptions(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!;
  const year = currentReportYear();
  const officialsWanted = options.stages.at(-1)!;
  const viewersWanted = viewersFor(officialsWanted, options.viewerShare);
  const target = await startTarget(options);
  const abort = new AbortController();
  // Every waiting user listens to it.
  setMaxListeners(0, abort.signal);
  const users: Promise<void>[] = [];
  try {
    // Read once the app has started (and been rebuilt if its sources changed): the ids change with each build.
    const ids = readActionIds();
    const actionIds = {
      saveActuals: actionId(ids, "src/features/results/server-actions.ts#saveActualsAction"),
      saveTaskProgress: actionId(ids, "src/features/results/server-actions.ts#saveTaskProgressAction"),
      saveNarrative: actionId(ids, "src/features/reporting/server-actions.ts#saveNarrativeAction"),
      submitReport: actionId(ids, "src/features/reporting/server-actions.ts#submitReportAction"),
    };
    log(`Tạo ${officialsWanted} tài khoản cán bộ xã và ${viewersWanted} tài khoản cán bộ tỉnh thử tải…`);
    const accounts = await createLoadAccounts(target.adminUrl, {
      officials: officialsWanted,
      viewers: viewersWanted,
      year,
    });
    const runSince = new Date(Date.now() - 1000);

    log(`Đăng nhập ${accounts.officials.length + accounts.viewers.length} người dùng…`);
    const signInStarted = Date.now();
    const officialCookies = await inBatches(accounts.officials, 4, (o) =>
      signIn(target.base, o.username, LOAD_PASSWORD),
    );
    const viewerCookies = await inBatches(accounts.viewers, 4, (v) => signIn(target.base, v.username, LOAD_PASSWORD));
    const signInSeconds = (Date.now() - signInStarted) / 1000;

    // A fresh server compiles each page's code on its first request: open each page a few times
    // before anything is measured.
    log("Làm nóng máy chủ (mở mỗi trang vài lần, không tính)…");
    for (let round = 0; round < 3; round++) {
      for (const [i, official] of accounts.officials.slice(0, 3).entries()) {
        await getPage(target.base, `/plans/${official.planId}/results?year=${year}`, officialCookies[i]!);
        await getPage(target.base, `/plans/${official.planId}/reports/${year}`, officialCookies[i]!);
      }
      for (const [i, viewer] of accounts.viewers.slice(0, 1).entries()) {
        await getPage(target.base, "/dashboard", viewerCookies[i]!);
        await getPage(
          target.base,
          `/plans/${viewer.communePlanIds[round] ?? viewer.communePlanIds[0]}/dashboard`,
          viewerCookies[i]!,
        );
      }
    }

    const samples: Sample[] = [];
    const ledger = new Ledger();
    const ctx: LoadContext = {
      base: target.base,
      year,
      runId: Date.now().toString(36),
      ids: actionIds,
      ledger,
      samples,
      errors: new Map(),
      budget: { left: options.maxRequests },
      timeoutMs: options.timeoutMs,
      think: options.think,
      submitAfterRounds: options.submitAfterRounds,
      stop: abort.signal,
      random: seededRandom(options.seed),
    };

    const stages: LoadRun["stages"] = [];
    let officialsRunning = 0;
    let viewersRunning = 0;
    for (const officials of options.stages) {
      const viewers = viewersFor(officials, options.viewerShare);
      const newcomers = officials - officialsRunning + (viewers - viewersRunning);
      log(
        `Giai đoạn ${officials} cán bộ xã + ${viewers} cán bộ tỉnh: ${newcomers} người bắt đầu trong ${options.ramp} giây…`,
      );
      const gap = newcomers > 0 ? (options.ramp * 1000) / newcomers : 0;
      const rampStarted = Date.now();
      let k = 0;
      for (; officialsRunning < officials; officialsRunning++, k++) {
        const i = officialsRunning;
        await sleep(Math.max(0, rampStarted + k * gap - Date.now()), abort.signal);
        users.push(runOfficial(ctx, { ...accounts.officials[i]!, cookie: officialCookies[i]!, index: i + 1 }));
      }
      for (; viewersRunning < viewers; viewersRunning++, k++) {
        const i = viewersRunning;
        await sleep(Math.max(0, rampStarted + k * gap - Date.now()), abort.signal);
        users.push(runViewer(ctx, { ...accounts.viewers[i]!, cookie: viewerCookies[i]! }));
      }
      await sleep(Math.max(0, rampStarted + options.ramp * 1000 - Date.now()), abort.signal);
      const from = Date.now();
      const cpuBefore = readCpu(target.cpu);
      const clientBefore = process.cpuUsage();
      log(`Đo trong ${options.duration} giây…`);
      await sleep(options.duration * 1000, abort.signal);
      const cpuAfter = readCpu(target.cpu);
      const client = process.cpuUsage(clientBefore);
      const stage = stageStats(samples, { from, to: Date.now(), officials, viewers }, ACTION_ORDER);
      stage.cpu = target.cpu.app.length
        ? {
            appMs: cpuAfter.appMs - cpuBefore.appMs,
            databaseMs: cpuAfter.databaseMs - cpuBefore.databaseMs,
            clientMs: (client.user + client.system) / 1000,
          }
        : null;
      stages.push(stage);
      console.log(["", ...stageTable(stage, options.limitMs), ""].join("\n"));
      log(
        `${officials} cán bộ: ${stage.throughput.toFixed(1)} yêu cầu/giây, ${stage.errors} lỗi, p95 cao nhất ${Math.round(stage.worstP95)} ms.`,
      );
      if (ctx.budget.left <= 0) {
        log(`Đã hết ${options.maxRequests} yêu cầu cho phép: dừng.`);
        break;
      }
    }

    log("Dừng người dùng ảo (chờ các yêu cầu đang chạy)…");
    abort.abort();
    await Promise.race([Promise.all(users), sleep(options.timeoutMs + 5000)]);

    log("Đối chiếu với PostgreSQL…");
    const stored = await readStoredState(target.adminUrl, {
      userIds: [...accounts.officials, ...accounts.viewers].map((u) => u.userId),
      planIds: accounts.officials.map((o) => o.planId),
      year,
      since: runSince,
    });
    const reconciliation = reconcile(ledger, stored);
    const run: LoadRun = {
      date: new Intl.DateTimeFormat("vi-VN", {
        timeZone: "Asia/Ho_Chi_Minh",
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
      }).format(new Date()),
      node: process.versions.node,
      cpus: os.cpus().length,
      target: target.describe,
      options,
      load: { before: loadBefore, after: os.loadavg()[0]! },
      signIn: { users: officialCookies.length + viewerCookies.length, seconds: signInSeconds },
      stages,
      ceiling: ceiling(stages, options.limitMs),
      reconciliation,
      errors: [...ctx.errors.entries()],
      seconds: (Date.now() - started) / 1000,
    };
    console.log(["", ...runLines(run), ""].join("\n"));
    if (stages.length > 1) log(`Trần: ${ceilingLine(run.ceiling, options.limitMs)}`);
    if (options.write) {
      await writeLoadSection(path.resolve("docs/performance.md"), run);
      log("Đã ghi kết quả vào docs/performance.md.");
    }
    const failed = reconciliation.lost.length > 0 || reconciliation.duplicated.length > 0;
    if (failed) process.exitCode = 2;
  } finally {
    abort.abort();
    await target.stop();
  }
}

main().catch((error) => {
  console.error(`✗ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
