import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { BACKUP_FORMAT, type BackupManifest } from "./manifest";

// With DATABASE_URL (a PostgreSQL the operator runs), backups are pg_dump's custom format and
// restores pg_restore's, with a client at least as new as the server (pg_dump refuses older ones).

function clientMajor(binary: string): number | null {
  const result = spawnSync(binary, ["--version"], { encoding: "utf8" });
  const match = result.status === 0 ? /(\d+)(?:\.\d+)?/.exec(result.stdout) : null;
  return match ? Number(match[1]) : null;
}

/** pg_dump / pg_restore of at least `major`: PG_BIN_DIR, then Debian's per-version folders, then PATH. */
export function findClient(tool: "pg_dump" | "pg_restore", major: number, binDir?: string): string {
  const candidates = [
    ...(binDir ? [path.join(binDir, tool)] : []),
    ...(existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin/${tool}`)
      : []),
    tool,
  ];
  for (const candidate of candidates) {
    const found = clientMajor(candidate);
    if (found !== null && found >= major) return candidate;
  }
  throw new Error(
    `Cần ${tool} phiên bản ${major} trở lên (máy chủ PostgreSQL là bản ${major}). Trên Debian/Ubuntu: cài gói ` +
      `postgresql-client-${major} từ kho apt.postgresql.org, hoặc đặt PG_BIN_DIR tới thư mục chứa ${tool} đó.`,
  );
}

async function serverInfo(url: string): Promise<{ versionNum: number; migrations: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    const { rows: migrations } = await client
      .query<{ name: string }>(
        `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`,
      )
      .catch(() => ({ rows: [] as { name: string }[] }));
    return { versionNum: Number(rows[0]!.v), migrations: migrations.map((m) => m.name) };
  } finally {
    await client.end();
  }
}

export async function backupWithPgDump(adminUrl: string, destination: string, binDir?: string) {
  const info = await serverInfo(adminUrl);
  const pgDump = findClient("pg_dump", Math.floor(info.versionNum / 10000), binDir);
  const partial = `${destination}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true, mode: 0o700 });
  const result = spawnSync(pgDump, ["--format=custom", `--file=${path.join(partial, "database.dump")}`, adminUrl], {
    stdio: "inherit",
  });
  if (result.status !== 0) {
    await rm(partial, { recursive: true, force: true });
    throw new Error("pg_dump thất bại (xem lỗi ở trên).");
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    kind: "pg_dump",
    createdAt: new Date().toISOString(),
    serverVersionNum: info.versionNum,
    migrations: info.migrations,
  };
  await writeFile(path.join(partial, "backup.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(partial, destination);
  return manifest;
}

/** Replaces the database's objects with the dump's, in one transaction (roles are not in a dump). */
export async function restoreWithPgRestore(adminUrl: string, backupDir: string, binDir?: string) {
  const info = await serverInfo(adminUrl);
  const pgRestore = findClient("pg_restore", Math.floor(info.versionNum / 10000), binDir);
  const result = spawnSync(
    pgRestore,
    [
      "--clean",
      "--if-exists",
      "--single-transaction",
      "--exit-on-error",
      `--dbname=${adminUrl}`,
      path.join(backupDir, "database.dump"),
    ],
    { stdio: "inherit" },
  );
  if (result.status !== 0) throw new Error("pg_restore thất bại (xem lỗi ở trên); cơ sở dữ liệu không thay đổi.");
}
