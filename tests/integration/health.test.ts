import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import packageJson from "../../package.json";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { createTestDatabase } from "./database";

// /api/health (liveness: no database) and /api/health/ready (readiness: PostgreSQL answers and every
// migration folder is applied), called as Next calls the route handlers. The same routes through a
// real server and nginx: several-instances.test.ts.

const MIGRATIONS = readdirSync("prisma/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).length;

async function call(route: "health" | "health/ready") {
  const { GET } =
    route === "health"
      ? await import("../../src/app/api/health/route")
      : await import("../../src/app/api/health/ready/route");
  const response = await GET();
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** The next import of the routes gets a fresh environment and database client. */
async function freshClient(databaseUrl: string) {
  const holder = globalThis as { prismaClient?: { $disconnect: () => Promise<void> } };
  await holder.prismaClient?.$disconnect();
  delete holder.prismaClient;
  process.env.DATABASE_URL = databaseUrl;
  vi.resetModules();
}

describe("health routes", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    await freshClient(db.appUrl);
  });
  afterAll(async () => {
    await freshClient(db.appUrl);
    await db.drop();
  });

  it("readiness: 200 when PostgreSQL answers and every migration is applied", async () => {
    const result = await call("health/ready");
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: "ready", version: packageJson.version, migrations: MIGRATIONS });
    expect(result.headers.get("cache-control")).toBe("no-store");
  });

  it("readiness: 503 naming the migrations not yet applied", async () => {
    const [last] = await db.adminDb.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    await db.adminDb.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`,
      last!.migration_name,
    );
    try {
      const result = await call("health/ready");
      expect(result.status).toBe(503);
      expect(result.body).toMatchObject({ status: "unavailable", reason: "migrations-pending" });
      expect(result.body.pending).toEqual([last!.migration_name]);
    } finally {
      await db.adminDb.$executeRawUnsafe(
        `UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = $1`,
        last!.migration_name,
      );
    }
    expect((await call("health/ready")).status).toBe(200);
  });

  it("readiness: 503 when PostgreSQL cannot be reached; liveness stays 200 without it", async () => {
    const closed = await findFreePort();
    await freshClient(`postgresql://app_user:x@127.0.0.1:${closed}/kehoach`);
    const ready = await call("health/ready");
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: "unavailable", reason: "database-unreachable" });
    expect(ready.headers.get("retry-after")).toBe("5");
    const live = await call("health");
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: "ok", version: packageJson.version, pid: process.pid });
  });
});
