import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { launcherEnv } from "../src/server/env";
import { prepareDatabase } from "./lib/database";
import { MIGRATIONS_DIR } from "./lib/migrations";
import { diffSchemas } from "./lib/schema-engine";

// Database chores: `migrate`, `seed` (idempotent), `reset` (drop everything, migrate, seed),
// `new-migration NAME` (writes the SQL from the last migrated schema to prisma/schema.prisma),
// `backup [--keep N]` and `restore FOLDER|latest` (scripts/lib/backup, ADR 0018).

const SNAPSHOT = path.join(MIGRATIONS_DIR, "schema-at-last-migration.prisma.txt");

async function main() {
  const [command, name] = process.argv.slice(2);
  const env = launcherEnv();
  // Backups work on the running server (or start it themselves): no prepareDatabase here.
  if (command === "backup") return backup(process.argv.slice(3));
  if (command === "restore") return restore(name);
  const database = await prepareDatabase(env, { quiet: true, log: console.log });
  try {
    switch (command) {
      case "migrate":
        console.log("Cơ sở dữ liệu đã ở phiên bản mới nhất.");
        break;
      case "seed":
        await seed(database.adminUrl);
        break;
      case "reset":
        await dropEverything(database.adminUrl);
        await database.stop();
        return main2();
      case "new-migration":
        await newMigration(database.adminUrl, name);
        break;
      default:
        console.error(
          "Dùng: tsx scripts/db.ts migrate | seed | reset | new-migration TÊN | backup [--keep N] | restore THƯ_MỤC|latest",
        );
        process.exitCode = 2;
    }
  } finally {
    await database.stop();
  }
}

// After a reset the migrations must run again in a fresh connection pool.
async function main2() {
  const database = await prepareDatabase(launcherEnv(), { quiet: true, log: console.log });
  try {
    await seed(database.adminUrl);
  } finally {
    await database.stop();
  }
}

async function seed(adminUrl: string) {
  const { seedDemoData } = await import("../prisma/seed/seed");
  await seedDemoData(adminUrl, { log: console.log });
}

async function dropEverything(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    console.log("Đã xóa toàn bộ dữ liệu.");
  } finally {
    await client.end();
  }
}

async function newMigration(adminUrl: string, name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name))
    throw new Error("Đặt tên migration bằng chữ thường và dấu gạch dưới, ví dụ add_report_deadline");
  const current = await readFile("prisma/schema.prisma", "utf8");
  const previous = existsSync(SNAPSHOT) ? await readFile(SNAPSHOT, "utf8") : null;
  const sql = await diffSchemas(adminUrl, previous, current);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("schema.prisma không thay đổi so với migration cuối: không tạo migration.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(SNAPSHOT, current);
  console.log(`Đã tạo ${path.relative(process.cwd(), dir)}/migration.sql (xem lại trước khi commit).`);
}

async function backup(args: string[]) {
  const keepAt = args.indexOf("--keep");
  const keep = keepAt >= 0 ? Number(args[keepAt + 1]) : undefined;
  if (keep !== undefined && (!Number.isInteger(keep) || keep < 1))
    throw new Error("--keep cần một số nguyên dương: số bản sao lưu mới nhất được giữ lại.");
  const { createBackup } = await import("./lib/backup");
  const result = await createBackup(launcherEnv(), { keep, log: console.log });
  console.log(`Đã sao lưu vào ${result.path}`);
  for (const old of result.removed) console.log(`Đã xóa bản sao lưu cũ ${old}`);
}

async function restore(which: string | undefined) {
  if (!which) throw new Error("Dùng: npm run db:restore -- THƯ_MỤC_SAO_LƯU (hoặc latest)");
  const { restoreBackup } = await import("./lib/backup");
  const result = await restoreBackup(launcherEnv(), which, { log: console.log });
  console.log(`Đã khôi phục từ ${result.path}.`);
  if (result.previous)
    console.log(`Dữ liệu trước khi khôi phục được giữ ở ${result.previous} (xóa khi không cần nữa).`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
