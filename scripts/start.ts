import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { launcherEnv } from "../src/server/env";
import { buildIfStale, nextBin } from "./lib/build";
import { prepareDatabase } from "./lib/database";
import { takeOverShutdownSignals } from "./lib/embedded-postgres";
import { startWebCluster } from "./lib/web-cluster";

// `npm start`: PostgreSQL (embedded under .data/, or DATABASE_URL), pending migrations, the demo data
// on an empty database, a production build when the sources changed, then WEB_CONCURRENCY app
// processes on one port. This process supervises: an embedded PostgreSQL that dies is started again,
// an app process that dies is replaced, and when either cannot be brought back it stops everything
// and exits non-zero for systemd (or another supervisor) to restart. Ctrl-C / SIGTERM stops the app
// processes, then the database.
//   --dev    one `next dev` process instead of a production build
//   --fresh  start from an empty embedded database (used by the browser tests)

const args = new Set(process.argv.slice(2));
const env = launcherEnv();
const log = (line: string) => console.log(`▸ ${line}`);

async function main() {
  if (args.has("--fresh") && !env.DATABASE_URL)
    await rm(path.join(env.DATA_DIR, "postgres"), { recursive: true, force: true });
  log(
    env.DATABASE_URL
      ? "Dùng PostgreSQL theo DATABASE_URL"
      : `Khởi động PostgreSQL nhúng (${env.DATA_DIR}/postgres, cổng ${env.EMBEDDED_PG_PORT})`,
  );
  const database = await prepareDatabase(env, { log });
  let stopWeb: () => Promise<void> = async () => {};
  let stopping = false;
  const stop = async (code: number, reason?: string) => {
    if (stopping) return;
    stopping = true;
    if (reason) console.error(`✗ ${reason}`);
    await stopWeb().catch(() => {});
    await database.stop().catch(() => {});
    log("Đã dừng ứng dụng và cơ sở dữ liệu.");
    process.exit(code);
  };
  takeOverShutdownSignals();
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGHUP", () => void stop(0));

  try {
    if (env.SEED_DEMO === "true" && (await isEmpty(database.adminUrl))) {
      log("Nạp dữ liệu mẫu (lần đầu)…");
      const { seedDemoData } = await import("../prisma/seed/seed");
      await seedDemoData(database.adminUrl, { log });
    }
    const secret = env.NEXTAUTH_SECRET ?? (await persistentSecret());
    const dev = args.has("--dev");
    if (!dev) buildIfStale(log);

    database.server?.supervise({
      log,
      shouldRestart: () => !stopping,
      onGiveUp: (error) =>
        void stop(1, `PostgreSQL nhúng không khởi động lại được: ${error instanceof Error ? error.message : error}`),
    });

    const url = env.NEXTAUTH_URL ?? `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;
    const appEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.appUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: url,
      NODE_ENV: dev ? ("development" as const) : ("production" as const),
      PORT: String(env.PORT),
      HOST: env.HOST,
      // Every request's X-Forwarded-For ends with its socket's address (client addresses for sign-in throttling).
      NODE_OPTIONS: [
        process.env.NODE_OPTIONS,
        `--import ${pathToFileURL(path.resolve("scripts/lib/peer-address.mjs")).href}`,
        // A larger young generation: rendering a page allocates a lot that dies young, and with V8's
        // default (16 MB) the collector took a tenth of an app process's time at the 15/12 peak
        // (docs/performance.md). Costs about 100 MB of memory per process at most.
        process.env.NODE_OPTIONS?.includes("--max-semi-space-size") ? undefined : "--max-semi-space-size=64",
      ]
        .filter(Boolean)
        .join(" "),
    };
    if (dev) {
      const child = spawn(process.execPath, [nextBin(), "dev", "-H", env.HOST, "-p", String(env.PORT)], {
        stdio: "inherit",
        env: appEnv,
      });
      stopWeb = async () => {
        child.kill("SIGTERM");
      };
      child.on("exit", (code) => void stop(code ?? 0));
      log(`Ứng dụng (next dev): ${url}`);
      return;
    }
    const workers = env.WEB_CONCURRENCY ?? availableParallelism();
    const web = startWebCluster({
      workers,
      env: appEnv,
      log,
      onListening: () => log(`Ứng dụng: ${url} (${workers} tiến trình)`),
      onGiveUp: (reason) => void stop(1, reason),
    });
    stopWeb = web.stop;
  } catch (error) {
    await database.stop().catch(() => {});
    throw error;
  }
}

async function isEmpty(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM admin_units");
    return rows[0]?.n === "0";
  } finally {
    await client.end();
  }
}

/** One secret per data folder, so sessions survive a restart without any setup. */
async function persistentSecret(): Promise<string> {
  const file = path.join(env.DATA_DIR, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

main().catch((error) => {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
