import { copyFile, mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";

// Copying a live PostgreSQL data folder, as PostgreSQL's documentation for the low-level backup API
// and pg_basebackup describe it: files may change or vanish while they are read (the WAL replayed at
// restore repairs what changed), and runtime-only files are left out.

/** Folders whose contents are recreated at start, never copied (pg_basebackup's list). */
const EMPTY_DIRS = new Set([
  "pg_wal",
  "pg_dynshmem",
  "pg_notify",
  "pg_replslot",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
/** Files of the running server, or written by the backup itself. */
const SKIP_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "backup_label",
  "tablespace_map",
  "backup_label.old",
  "tablespace_map.old",
  "postgresql.auto.conf.tmp",
  "current_logfiles.tmp",
  "pg_internal.init",
]);

export async function copyDataDirectory(from: string, to: string, top = true): Promise<number> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  let bytes = 0;
  let entries;
  try {
    entries = await readdir(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0; // dropped while we copied
    throw error;
  }
  for (const entry of entries) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.name.startsWith("pgsql_tmp")) continue;
    if (entry.isDirectory()) {
      if (top && EMPTY_DIRS.has(entry.name)) await mkdir(target, { recursive: true, mode: 0o700 });
      else bytes += await copyDataDirectory(source, target, false);
    } else if (entry.isFile()) {
      if (SKIP_FILES.has(entry.name)) continue;
      try {
        await copyFile(source, target);
        bytes += (await stat(target)).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
  return bytes;
}

/** A plain recursive copy (a backup folder back into place). */
export async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target);
    else if (entry.isFile()) await copyFile(source, target);
  }
}
