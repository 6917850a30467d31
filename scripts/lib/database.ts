import pg from "pg";
import type { LauncherEnv } from "../../src/server/env";
import { overLocalSocket, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { applyMigrations } from "./migrations";

export type PreparedDatabase = {
  /** Privileged: migrations and the demo seed. */
  adminUrl: string;
  /** What the application connects as (not a superuser, so row-level security applies). */
  appUrl: string;
  embedded: boolean;
  /** The embedded server, to supervise it; null with DATABASE_URL. */
  server: EmbeddedDatabase | null;
  stop: () => Promise<void>;
};

export const APP_DATABASE = "kehoach";
export const APP_ROLE = "app_user";

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

export async function ensureDatabaseExists(serverUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE "${template}"` : "";
      await client.query(`CREATE DATABASE "${database}"${from} ENCODING 'UTF8'`);
    }
  } finally {
    await client.end();
  }
}

/** Starts (or reaches) PostgreSQL, applies pending migrations, and returns both connections. */
export async function prepareDatabase(
  env: LauncherEnv,
  options: { quiet?: boolean; log?: (line: string) => void } = {},
): Promise<PreparedDatabase> {
  const log = options.log ?? (() => {});
  if (env.DATABASE_URL) {
    const adminUrl = env.DATABASE_ADMIN_URL ?? env.DATABASE_URL;
    const applied = await applyMigrations(adminUrl);
    if (applied.length) log(`Đã áp dụng ${applied.length} migration: ${applied.join(", ")}`);
    return { adminUrl, appUrl: env.DATABASE_URL, embedded: false, server: null, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: `${env.DATA_DIR}/postgres`,
    port: env.EMBEDDED_PG_PORT,
    quiet: options.quiet,
  });
  try {
    await ensureDatabaseExists(server.adminUrl, APP_DATABASE);
    const adminUrl = withDatabase(server.adminUrl, APP_DATABASE);
    const applied = await applyMigrations(adminUrl);
    if (applied.length) log(`Đã áp dụng ${applied.length} migration: ${applied.join(", ")}`);
    // Set at every start: a data folder from before generated passwords had the fixed "app_user".
    await enableAppLogin(adminUrl, server.appPassword);
    return {
      adminUrl,
      appUrl: overLocalSocket(withCredentials(adminUrl, APP_ROLE, server.appPassword)),
      embedded: true,
      server,
      stop: server.stop,
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The migrations create the application role without a login; an embedded server gives it one. */
export async function enableAppLogin(adminUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    if (rowCount) await client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${password.replace(/'/g, "''")}'`);
  } finally {
    await client.end();
  }
}

export { withCredentials, withDatabase };
