import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../src/server/db/client";
import { RATE_LIMITS, takeRateLimit } from "../../src/server/rate-limit";
import { createTestDatabase } from "./database";

// Rate limits are counted in PostgreSQL, so that every app instance shares them: two clients with
// their own pools stand for two instances.

describe("rate limits shared by every instance", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let instanceA: ReturnType<typeof createPrismaClient>;
  let instanceB: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    db = await createTestDatabase();
    instanceA = createPrismaClient(db.appUrl);
    instanceB = createPrismaClient(db.appUrl);
  });
  afterAll(async () => {
    await instanceA.$disconnect();
    await instanceB.$disconnect();
    await db.drop();
  });

  it("lets exactly the limit through when requests race on two instances, then refuses in Vietnamese", async () => {
    // The production limit, over a day-long window so that no window ends during the test.
    const rule = { limit: RATE_LIMITS.export.limit, windowSeconds: 86_400 };
    const { limit, windowSeconds } = rule;
    const verdicts = await Promise.all(
      Array.from({ length: limit + 6 }, (_, i) =>
        takeRateLimit("export", "user-a", i % 2 ? instanceA : instanceB, rule),
      ),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(limit);
    const refused = verdicts.filter((v) => !v.allowed);
    expect(refused).toHaveLength(6);
    for (const verdict of refused) {
      expect(verdict.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(windowSeconds);
      expect(verdict.message).toMatch(
        /^Bạn đã tải tệp báo cáo \d+ lần trong \d+ giây, quá mức cho phép\. Vui lòng đợi \d+ giây/,
      );
    }
    // Another user, and another limit of the same user, are counted apart.
    expect(await takeRateLimit("export", "user-b", instanceA, rule)).toEqual({ allowed: true });
    expect(await takeRateLimit("importExtraction", "user-a", instanceB, rule)).toEqual({ allowed: true });
  });

  it("counts again from one when the window has moved on", async () => {
    const { limit } = RATE_LIMITS.importExtraction;
    for (let i = 0; i < limit; i++) await takeRateLimit("importExtraction", "user-c", instanceA);
    expect((await takeRateLimit("importExtraction", "user-c", instanceB)).allowed).toBe(false);
    await db.adminDb
      .$executeRaw`UPDATE rate_limit_counters SET "windowStart" = "windowStart" - interval '1 hour' WHERE key = 'importExtraction:user-c'`;
    expect(await takeRateLimit("importExtraction", "user-c", instanceB)).toEqual({ allowed: true });
    const [row] = await db.adminDb.$queryRaw<
      { count: number }[]
    >`SELECT count FROM rate_limit_counters WHERE key = 'importExtraction:user-c'`;
    expect(row!.count).toBe(1);
  });
});
