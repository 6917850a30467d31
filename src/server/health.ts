import { readdirSync } from "node:fs";
import path from "node:path";
import packageJson from "../../package.json";
import { rawDatabase } from "./db/client";
import { isDatabaseUnavailable } from "./db/unavailable";

// Health for load balancers and supervisors. Liveness says the process answers (no database, so a
// database outage never gets healthy app processes killed); readiness says this instance can serve:
// PostgreSQL answers and every migration folder of this build is applied.

export const VERSION: string = packageJson.version;

export type Liveness = { status: "ok"; version: string; pid: number; uptimeSeconds: number };
export type Readiness =
  | { status: "ready"; version: string; pid: number; migrations: number }
  | {
      status: "unavailable";
      version: string;
      pid: number;
      reason: "database-unreachable" | "migrations-pending" | "database-error";
      message: string;
      pending?: string[];
    };

export function liveness(): Liveness {
  return { status: "ok", version: VERSION, pid: process.pid, uptimeSeconds: Math.round(process.uptime()) };
}

/** The migration folders this build expects (read once: they ship with the build). */
let expected: string[] | undefined;
function expectedMigrations(): string[] {
  expected ??= readdirSync(path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations"), {
    withFileTypes: true,
  })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return expected;
}

const READINESS_TIMEOUT_MS = 3000;

export async function readiness(): Promise<Readiness> {
  const base = { version: VERSION, pid: process.pid };
  try {
    const rows = await withTimeout(
      rawDatabase().$queryRawUnsafe<{ name: string }[]>("SELECT app_applied_migrations() AS name"),
      READINESS_TIMEOUT_MS,
    );
    const applied = new Set(rows.map((row) => row.name));
    const pending = expectedMigrations().filter((name) => !applied.has(name));
    if (pending.length)
      return {
        ...base,
        status: "unavailable",
        reason: "migrations-pending",
        message: `Cơ sở dữ liệu chưa được cập nhật: ${pending.length} migration chưa áp dụng.`,
        pending,
      };
    return { ...base, status: "ready", migrations: applied.size };
  } catch (error) {
    if (isDatabaseUnavailable(error) || error instanceof TimeoutError)
      return {
        ...base,
        status: "unavailable",
        reason: "database-unreachable",
        message: "Không kết nối được cơ sở dữ liệu.",
      };
    // e.g. the function is missing: the migration that creates it is not applied.
    return { ...base, status: "unavailable", reason: "database-error", message: (error as Error).message };
  }
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
