import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { launcherEnv } from "../src/server/env";
import { prepareDatabase } from "./lib/database";

// `npm start`: PostgreSQL (embedded under .data/, or DATABASE_URL), pending migrations, the demo data
// on an empty database, a production build when the sources changed, then the server. Ctrl-C stops
// the server and then the database cleanly.
//   --dev    next dev instead of a production build
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
  let stopping = false;
  const stopDatabase = async () => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => {});
  };

  try {
    if (env.SEED_DEMO === "true" && (await isEmpty(database.adminUrl))) {
      log("Nạp dữ liệu mẫu (lần đầu)…");
      const { seedDemoData } = await import("../prisma/seed/seed");
      await seedDemoData(database.adminUrl, { log });
    }
    const secret = env.NEXTAUTH_SECRET ?? (await persistentSecret());
    const dev = args.has("--dev");
    if (!dev) buildIfStale();

    const url = env.NEXTAUTH_URL ?? `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;
    const child = spawn(
      process.execPath,
      [require_next(), dev ? "dev" : "start", "-H", env.HOST, "-p", String(env.PORT)],
      {
        stdio: "inherit",
        env: {
          ...process.env,
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: database.appUrl,
          NEXTAUTH_SECRET: secret,
          NEXTAUTH_URL: url,
          NODE_ENV: dev ? "development" : "production",
          // Every request's X-Forwarded-For ends with its socket's address (client addresses for sign-in throttling).
          NODE_OPTIONS: [
            process.env.NODE_OPTIONS,
            `--import ${pathToFileURL(path.resolve("scripts/lib/peer-address.mjs")).href}`,
          ]
            .filter(Boolean)
            .join(" "),
        },
      },
    );
    log(`Ứng dụng: ${url}`);
    const shutdown = () => {
      child.kill("SIGTERM");
    };
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
    const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 0)));
    await stopDatabase();
    log("Đã dừng ứng dụng và cơ sở dữ liệu.");
    process.exit(code);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

function require_next(): string {
  return path.resolve("node_modules/next/dist/bin/next");
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

const SOURCES = ["src", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function buildIfStale() {
  const marker = ".next/BUILD_ID";
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  if (built && Math.max(...SOURCES.map(newestMtime)) <= built) return;
  log("Biên dịch ứng dụng (next build)…");
  const result = spawnSync(process.execPath, [require_next(), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build thất bại (xem lỗi ở trên).");
}

main().catch((error) => {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
