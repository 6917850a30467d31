import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { APP_DATABASE } from "../database";
import { startEmbeddedPostgres } from "../embedded-postgres";
import { credentialsFileFor, readOrCreateCredentials } from "../local-credentials";
import { copyDataDirectory, copyTree } from "./files";
import { BACKUP_FORMAT, type BackupManifest } from "./manifest";

// A physical backup of the embedded PostgreSQL with PostgreSQL's low-level base backup API
// (https://www.postgresql.org/docs/18/continuous-archiving.html#BACKUP-LOWLEVEL-BASE-BACKUP):
// pg_backup_start, a copy of the data folder while the server keeps running, pg_backup_stop, its
// backup_label, and the WAL written meanwhile, which a temporary replication slot keeps from being
// recycled. Restoring starts PostgreSQL on the copy: it replays that WAL to a consistent state
// (ADR 0018). The embedded package ships no pg_dump, and Debian's is older than the server.

export type EmbeddedTarget = { dataDir: string; port: number };

function superuserUrl(password: string, port: number) {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Backs up the running embedded server (or starts it for the time of the backup). */
export async function backupEmbedded(
  target: EmbeddedTarget,
  destination: string,
  log: (line: string) => void,
): Promise<BackupManifest> {
  const credentialsFile = credentialsFileFor(target.dataDir);
  if (!existsSync(path.join(target.dataDir, "PG_VERSION")))
    throw new Error(`Không có dữ liệu PostgreSQL nhúng ở ${target.dataDir}.`);
  const credentials = await readOrCreateCredentials(credentialsFile);
  const url = superuserUrl(credentials.superuserPassword, target.port);
  const started = (await reachable(url))
    ? null
    : await startEmbeddedPostgres({ dataDir: target.dataDir, port: target.port, quiet: true });
  const partial = `${destination}.partial`;
  await rm(partial, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: started?.adminUrl ?? url });
  await client.connect();
  try {
    const label = path.basename(destination);
    const slot = `backup_${randomBytes(6).toString("hex")}`;
    // The slot (dropped with this session) keeps every WAL segment from now on until we have copied it.
    await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [slot]);
    const { rows: version } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    const { rows: begin } = await client.query<{ lsn: string }>("SELECT pg_backup_start($1, true)::text AS lsn", [
      label,
    ]);
    log(`Bắt đầu sao lưu tại WAL ${begin[0]!.lsn}; sao chép thư mục dữ liệu…`);
    const dataCopy = path.join(partial, "pgdata");
    const bytes = await copyDataDirectory(target.dataDir, dataCopy);
    const { rows: end } = await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null }>(
      "SELECT lsn::text AS lsn, labelfile, spcmapfile FROM pg_backup_stop(false)",
    );
    await writeFile(path.join(dataCopy, "backup_label"), end[0]!.labelfile, { mode: 0o600 });
    if (end[0]!.spcmapfile) await writeFile(path.join(dataCopy, "tablespace_map"), end[0]!.spcmapfile);
    // pg_backup_stop has switched to a new segment: every segment up to the end of the backup is
    // complete on disk. Later records in the copied segments are replayed too (a consistent, later point).
    const walSource = path.join(target.dataDir, "pg_wal");
    const walTarget = path.join(dataCopy, "pg_wal");
    await mkdir(path.join(walTarget, "archive_status"), { recursive: true, mode: 0o700 });
    for (const name of await readdir(walSource)) {
      if (/^[0-9A-F]{24}$/.test(name) || name.endsWith(".history"))
        await copyFile(path.join(walSource, name), path.join(walTarget, name));
    }
    const migrations = await appliedMigrations((started?.adminUrl ?? url).replace(/\/postgres$/, `/${APP_DATABASE}`));
    await copyFile(credentialsFile, path.join(partial, "postgres-credentials.json"));
    await chmod(path.join(partial, "postgres-credentials.json"), 0o600);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      kind: "embedded-base-backup",
      createdAt: new Date().toISOString(),
      serverVersionNum: Number(version[0]!.v),
      startLsn: begin[0]!.lsn,
      stopLsn: end[0]!.lsn,
      bytes,
      migrations,
    };
    await writeFile(path.join(partial, "backup.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(partial, destination);
    return manifest;
  } catch (error) {
    await client.query("SELECT pg_backup_stop(false)").catch(() => {});
    await rm(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
    await started?.stop();
  }
}

async function appliedMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  } catch {
    return [];
  } finally {
    await client.end().catch(() => {});
  }
}

function running(dataDir: string): boolean {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    return pid > 0 && process.kill(pid, 0);
  } catch {
    return false;
  }
}

/**
 * Puts a backup in place of the data folder (the current one is moved aside, not deleted), then starts
 * PostgreSQL once on it so that it replays the WAL and reaches a consistent state, and stops it.
 */
export async function restoreEmbedded(
  target: EmbeddedTarget,
  backupDir: string,
  log: (line: string) => void,
): Promise<{ previous: string | null }> {
  if (running(target.dataDir))
    throw new Error("PostgreSQL nhúng đang chạy trên thư mục này: hãy dừng npm start trước khi khôi phục.");
  const dataCopy = path.join(backupDir, "pgdata");
  if (!existsSync(path.join(dataCopy, "backup_label")))
    throw new Error(`${backupDir} không phải bản sao lưu của PostgreSQL nhúng (thiếu pgdata/backup_label).`);
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const previous = existsSync(target.dataDir) ? `${target.dataDir}.before-restore-${stamp}` : null;
  const credentialsFile = credentialsFileFor(target.dataDir);
  const previousCredentials = existsSync(credentialsFile) ? `${credentialsFile}.before-restore-${stamp}` : null;
  if (previous) await rename(target.dataDir, previous);
  if (previousCredentials) await rename(credentialsFile, previousCredentials);
  try {
    await copyTree(dataCopy, target.dataDir);
    await chmod(target.dataDir, 0o700);
    // As root the server runs as the `postgres` user, which must own its files.
    if (process.getuid?.() === 0) {
      const chown = spawnSync("chown", ["-R", "postgres:postgres", target.dataDir], { stdio: "inherit" });
      if (chown.status !== 0) throw new Error("chown -R postgres:postgres thất bại.");
    }
    await copyFile(path.join(backupDir, "postgres-credentials.json"), credentialsFile);
    await chmod(credentialsFile, 0o600);
    log("Khởi động PostgreSQL trên bản sao lưu (phát lại WAL)…");
    const server = await startEmbeddedPostgres({ dataDir: target.dataDir, port: target.port, quiet: true });
    await server.stop();
    return { previous };
  } catch (error) {
    // Leave things as they were.
    await rm(target.dataDir, { recursive: true, force: true });
    if (previous) await rename(previous, target.dataDir);
    if (previousCredentials) await rename(previousCredentials, credentialsFile);
    throw error;
  }
}

export async function readManifest(backupDir: string): Promise<BackupManifest> {
  return JSON.parse(await readFile(path.join(backupDir, "backup.json"), "utf8")) as BackupManifest;
}
