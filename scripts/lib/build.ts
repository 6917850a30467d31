import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// `next build` when anything it depends on is newer than the last build. Several processes may ask
// at once (integration tests that start app servers run in parallel): one builds, the others wait.

const SOURCES = ["src", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const LOCK = ".next-build.lock";

export function nextBin(): string {
  return path.resolve("node_modules/next/dist/bin/next");
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export function buildIsStale(): boolean {
  const marker = ".next/BUILD_ID";
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  return !built || Math.max(...SOURCES.map(newestMtime)) > built;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function buildIfStale(log: (line: string) => void = () => {}): void {
  if (!buildIsStale()) return;
  // mkdir is atomic: whoever creates the lock builds; a lock left by a dead process is taken over.
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, "pid"), String(process.pid));
      break;
    } catch {
      const owner = Number(existsSync(path.join(LOCK, "pid")) ? readFileSync(path.join(LOCK, "pid"), "utf8") : 0);
      if (owner && !alive(owner)) rmSync(LOCK, { recursive: true, force: true });
      else sleep(500);
    }
  }
  try {
    if (!buildIsStale()) return;
    log("Biên dịch ứng dụng (next build)…");
    const result = spawnSync(process.execPath, [nextBin(), "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (result.status !== 0) throw new Error("next build thất bại (xem lỗi ở trên).");
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
