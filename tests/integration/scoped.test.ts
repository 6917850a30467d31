import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// withScope runs a transaction again when PostgreSQL ended it to break a deadlock (ADR 0010), and
// only then.

describe("withScope", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let scope: Scope;
  let scoped: typeof import("../../src/server/db/scoped");

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = await db.adminDb.user.findUniqueOrThrow({ where: { username: "sonla.editor" } });
    scope = (await scopeForUser(user.id))!;
    scoped = await import("../../src/server/db/scoped");
  });
  afterAll(async () => db.drop());

  const fail = (code: string) => `DO $$ BEGIN RAISE EXCEPTION 'mô phỏng' USING ERRCODE = '${code}'; END $$`;

  it("runs the work again after a deadlock, from a fresh transaction, and returns what it returns", async () => {
    let attempts = 0;
    const result = await scoped.withScope(scope, async (tx) => {
      attempts++;
      await tx.$executeRaw`CREATE TEMP TABLE IF NOT EXISTS retry_probe (n int) ON COMMIT DROP`;
      await tx.$executeRaw`INSERT INTO retry_probe VALUES (1)`;
      if (attempts === 1) await tx.$executeRawUnsafe(fail("40P01"));
      return (await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM retry_probe`)[0]!.n;
    });
    expect(attempts).toBe(2);
    // The first attempt's row was rolled back with it.
    expect(Number(result)).toBe(1);
  });

  it("gives up after three attempts, and does not retry other errors", async () => {
    let attempts = 0;
    await expect(
      scoped.withScope(scope, async (tx) => (attempts++, tx.$executeRawUnsafe(fail("40001")))),
    ).rejects.toThrow();
    expect(attempts).toBe(3);
    attempts = 0;
    await expect(
      scoped.withScope(scope, async (tx) => (attempts++, tx.$executeRawUnsafe(fail("23505")))),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });
});
