import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { launcherEnv } from "../../src/server/env";
import { enableAppLogin, ensureDatabaseExists, withDatabase } from "../../scripts/lib/database";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrations";

// Integration tests run on a real PostgreSQL: the embedded one (its own data folder, a free port),
// or TEST_DATABASE_URL's server. A template database is migrated and seeded once per run; each test
// file copies it (CREATE DATABASE … TEMPLATE), so files never see each other's writes.

export const TEMPLATE = "kehoach_test_template";

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external && !/localhost|127\.0\.0\.1|\[::1\]/.test(external)) {
    throw new Error("TEST_DATABASE_URL phải trỏ tới máy cục bộ: các bài kiểm thử xóa và tạo lại cơ sở dữ liệu.");
  }
  const server = external
    ? { adminUrl: external, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(launcherEnv().DATA_DIR, "test-postgres"), quiet: true });

  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname LIKE 'kehoach_test_%' AND pid <> pg_backend_pid()`,
  );
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'kehoach_test_%'`,
  );
  for (const { datname } of rows) {
    await admin.query(`ALTER DATABASE "${datname}" IS_TEMPLATE false`).catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS "${datname}"`);
  }
  await admin.end();

  await ensureDatabaseExists(server.adminUrl, TEMPLATE);
  const templateUrl = withDatabase(server.adminUrl, TEMPLATE);
  await applyMigrations(templateUrl);
  // Roles belong to the server: one generated password for the application role per run.
  const appPassword = randomBytes(18).toString("base64url");
  await enableAppLogin(templateUrl, appPassword);
  const { seedDemoData } = await import("../../prisma/seed/seed");
  await seedDemoData(templateUrl, { log: () => {} });

  project.provide("serverAdminUrl", server.adminUrl);
  project.provide("appPassword", appPassword);
  return async () => {
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    serverAdminUrl: string;
    appPassword: string;
  }
}
