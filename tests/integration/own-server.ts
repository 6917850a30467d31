import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import {
  APP_DATABASE,
  enableAppLogin,
  ensureDatabaseExists,
  withCredentials,
  withDatabase,
} from "../../scripts/lib/database";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrations";
import { launcherEnv } from "../../src/server/env";

// A PostgreSQL of a test's own, for what cannot be done to the shared test server: killing it,
// restoring a backup over it. Migrated, with just what account administration needs: one province,
// its Party committee, and a system administrator.

export type OwnServer = {
  root: string;
  dataDir: string;
  server: EmbeddedDatabase;
  adminUrl: string;
  appUrl: string;
  organizationId: string;
  adminUserId: string;
  remove: () => Promise<void>;
};

export async function startOwnServer(): Promise<OwnServer> {
  const root = path.resolve(launcherEnv().DATA_DIR, "test-own", randomBytes(4).toString("hex"));
  const dataDir = path.join(root, "postgres");
  const server = await startEmbeddedPostgres({ dataDir, quiet: true });
  await ensureDatabaseExists(server.adminUrl, APP_DATABASE);
  const adminUrl = withDatabase(server.adminUrl, APP_DATABASE);
  await applyMigrations(adminUrl);
  await enableAppLogin(adminUrl, server.appPassword);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const { rows: unit } = await client.query<{ id: string }>(
    `INSERT INTO admin_units (id, era, level, code, name, "fullName", "provinceCode")
     VALUES (gen_random_uuid(), 'FROM_2025', 'PROVINCE', '99', 'Thử nghiệm', 'Tỉnh Thử nghiệm', '99') RETURNING id`,
  );
  const { rows: organization } = await client.query<{ id: string }>(
    `INSERT INTO organizations (id, name, "normalizedName", kind, track, "adminUnitId", "provinceCode")
     VALUES (gen_random_uuid(), 'Tỉnh ủy Thử nghiệm', 'tinh uy thu nghiem', 'PARTY_COMMITTEE', 'PARTY', $1, '99') RETURNING id`,
    [unit[0]!.id],
  );
  const { rows: admin } = await client.query<{ id: string }>(
    `INSERT INTO users (id, username, "displayName", "passwordHash", "isSystemAdmin", "updatedAt")
     VALUES (gen_random_uuid(), 'own.admin', 'Quản trị thử nghiệm', 'x', true, now()) RETURNING id`,
  );
  await client.end();
  return {
    root,
    dataDir,
    server,
    adminUrl,
    appUrl: withCredentials(adminUrl, "app_user", server.appPassword),
    organizationId: organization[0]!.id,
    adminUserId: admin[0]!.id,
    remove: async () => {
      await server.stop().catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Users created by the writers, each with whether it has its membership and its audit record. */
export async function writtenUsers(adminUrl: string, prefix: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ username: string; memberships: number; audits: number }>(
      `SELECT u.username,
              (SELECT count(*)::int FROM memberships m WHERE m."userId" = u.id) AS memberships,
              (SELECT count(*)::int FROM audit_logs a WHERE a."entityId" = u.id AND a.action = 'user.create') AS audits
       FROM users u WHERE u.username LIKE $1 || '%'`,
      [prefix],
    );
    const { rows: orphans } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_logs a WHERE a.action = 'user.create' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = a."entityId")`,
    );
    return { users: rows, orphanAudits: orphans[0]!.n };
  } finally {
    await client.end();
  }
}
