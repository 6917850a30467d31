import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { LauncherEnv } from "../../../src/server/env";
import { backupEmbedded, readManifest, restoreEmbedded } from "./base-backup";
import type { BackupManifest } from "./manifest";
import { backupWithPgDump, restoreWithPgRestore } from "./pg-dump";

// `npm run db:backup` and `npm run db:restore`: one folder per backup, named by its time
// (kehoach-YYYYMMDD-HHMMSS), under BACKUP_DIR; `--keep N` deletes all but the newest N afterwards.

const NAME = /^kehoach-\d{8}-\d{6}$/;

export function backupRoot(env: LauncherEnv): string {
  return path.resolve(env.BACKUP_DIR ?? path.join(env.DATA_DIR, "backups"));
}

function embeddedTarget(env: LauncherEnv) {
  return { dataDir: path.resolve(env.DATA_DIR, "postgres"), port: env.EMBEDDED_PG_PORT };
}

export async function listBackups(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const names = (await readdir(root, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && NAME.test(e.name))
    .map((e) => e.name);
  return names.sort().map((name) => path.join(root, name));
}

export async function createBackup(
  env: LauncherEnv,
  options: { keep?: number; log?: (line: string) => void } = {},
): Promise<{ path: string; manifest: BackupManifest; removed: string[] }> {
  const log = options.log ?? (() => {});
  const root = backupRoot(env);
  const now = new Date();
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  let destination = path.join(root, `kehoach-${stamp.slice(0, 8)}-${stamp.slice(8)}`);
  // Two backups in the same second: wait for the next name rather than overwrite.
  while (existsSync(destination)) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const next = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    destination = path.join(root, `kehoach-${next.slice(0, 8)}-${next.slice(8)}`);
  }
  const manifest = env.DATABASE_URL
    ? await backupWithPgDump(env.DATABASE_ADMIN_URL ?? env.DATABASE_URL, destination, env.PG_BIN_DIR)
    : await backupEmbedded(embeddedTarget(env), destination, log);
  const removed: string[] = [];
  if (options.keep !== undefined) {
    const all = await listBackups(root);
    for (const old of all.slice(0, Math.max(0, all.length - options.keep))) {
      await rm(old, { recursive: true, force: true });
      removed.push(old);
    }
  }
  return { path: destination, manifest, removed };
}

/** `which`: a backup folder, or "latest". */
export async function restoreBackup(
  env: LauncherEnv,
  which: string,
  options: { log?: (line: string) => void } = {},
): Promise<{ path: string; previous: string | null }> {
  const log = options.log ?? (() => {});
  const chosen = which === "latest" ? (await listBackups(backupRoot(env))).at(-1) : path.resolve(which);
  if (!chosen || !existsSync(path.join(chosen, "backup.json")))
    throw new Error(`Không tìm thấy bản sao lưu ${which === "latest" ? `trong ${backupRoot(env)}` : which}.`);
  const manifest = await readManifest(chosen);
  if (env.DATABASE_URL) {
    if (manifest.kind !== "pg_dump")
      throw new Error("Bản sao lưu này là của PostgreSQL nhúng, không dùng với DATABASE_URL.");
    await restoreWithPgRestore(env.DATABASE_ADMIN_URL ?? env.DATABASE_URL, chosen, env.PG_BIN_DIR);
    return { path: chosen, previous: null };
  }
  if (manifest.kind !== "embedded-base-backup")
    throw new Error("Bản sao lưu này được tạo bằng pg_dump: khôi phục nó với DATABASE_URL.");
  const { previous } = await restoreEmbedded(embeddedTarget(env), chosen, log);
  return { path: chosen, previous };
}
