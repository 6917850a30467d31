import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import type { Scope } from "../../src/server/db/scope";
import { startOwnServer, writtenUsers, type OwnServer } from "./own-server";

// `npm run db:backup` while officials keep saving, then changes, then `npm run db:restore`: the data
// is exactly the backed-up state. Every write acknowledged before the backup started is there (even
// those deleted afterwards), none begun after it finished is, and each account is whole (membership
// and audit record together). Runs the real commands on a server of the test's own.

const PREFIX = "backup.";

function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    // The embedded server's commands: no DATABASE_URL (this process set one for its actions).
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !["DATABASE_URL", "DATABASE_ADMIN_URL", "BACKUP_DIR"].includes(key),
      ),
    );
    const child = spawn("npx", ["tsx", "scripts/db.ts", command, ...args], {
      env: { ...inherited, ...env } as NodeJS.ProcessEnv,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited ${code}:\n${output}`)),
    );
  });
}

describe("backup and restore of the embedded PostgreSQL", () => {
  let own: OwnServer;
  let scope: Scope;
  let actions: typeof import("../../src/features/accounts/user-actions");
  let env: Record<string, string>;

  beforeAll(async () => {
    own = await startOwnServer();
    process.env.DATABASE_URL = own.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    scope = (await scopeForUser(own.adminUserId))!;
    actions = await import("../../src/features/accounts/user-actions");
    env = { DATA_DIR: own.root, EMBEDDED_PG_PORT: String(own.server.port) };
  });
  afterAll(async () => {
    await own?.remove();
  });

  it("restores exactly the state the backup took while users wrote", async () => {
    type Write = { username: string; startedAt: number; ackedAt: number };
    const writes: Write[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; i < 500 && !stop; i++) {
        const username = `${PREFIX}${w}.${i}`;
        const startedAt = performance.now();
        const result = await actions.createUser.execute(scope, {
          organizationId: own.organizationId,
          username,
          displayName: `Cán bộ ${w}.${i}`,
          role: "VIEWER",
          password: "Matkhau@2026",
        });
        if (result.status === "error") throw new Error(result.message);
        writes.push({ username, startedAt, ackedAt: performance.now() });
      }
    };
    const writers = [0, 1, 2].map(writer);
    // A writer's failure is reported by the Promise.all below, not as an unhandled rejection.
    writers.forEach((w) => w.catch(() => (stop = true)));
    while (writes.length < 9) await new Promise((resolve) => setTimeout(resolve, 20));

    const backupStarted = performance.now();
    const output = await run("backup", [], env);
    const backupFinished = performance.now();
    expect(output).toMatch(/Đã sao lưu vào/);
    // Keep writing after the backup: these must not come back.
    const countAtFinish = writes.length;
    while (writes.length < countAtFinish + 6) await new Promise((resolve) => setTimeout(resolve, 20));
    stop = true;
    await Promise.all(writers);

    const before = writes.filter((w) => w.ackedAt < backupStarted).map((w) => w.username);
    const after = writes.filter((w) => w.startedAt > backupFinished).map((w) => w.username);
    expect(before.length).toBeGreaterThanOrEqual(9);
    expect(after.length).toBeGreaterThan(0);

    // Changes after the backup: three accounts deleted.
    const admin = new pg.Client({ connectionString: own.adminUrl });
    await admin.connect();
    await admin.query(`DELETE FROM users WHERE username = ANY($1)`, [before.slice(0, 3)]);
    await admin.end();

    const { rawDatabase } = await import("../../src/server/db/client");
    await rawDatabase().$disconnect();
    await own.server.stop();
    const restored = await run("restore", ["latest"], env);
    expect(restored).toMatch(/Đã khôi phục từ/);

    const server = await startEmbeddedPostgres({ dataDir: own.dataDir, port: own.server.port, quiet: true });
    try {
      const { users, orphanAudits } = await writtenUsers(own.adminUrl, PREFIX);
      const stored = new Set(users.map((u) => u.username));
      for (const username of before) expect(stored.has(username), username).toBe(true);
      for (const username of after) expect(stored.has(username), username).toBe(false);
      for (const user of users) {
        expect(user.memberships, user.username).toBe(1);
        expect(user.audits, user.username).toBe(1);
      }
      expect(orphanAudits).toBe(0);

      // Retention: with --keep 1 only the newest backup is left.
      await run("backup", ["--keep", "1"], env);
      const folders = (await readdir(path.join(own.root, "backups"))).filter((n) => n.startsWith("kehoach-"));
      expect(folders).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});
