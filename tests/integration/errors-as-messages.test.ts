import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// Errors that answered 500 and should be messages (issue 12): a search for "\0", wildcards in the
// plan search, two people saving the same empty cell at once, two administrators creating the
// same username at once. (A document nested 20,000 levels deep is in import-limits.test.ts.)

describe("errors that are messages", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const scopes = {} as Record<"editor" | "approver" | "sonla" | "admin" | "provinceAdmin", Scope>;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    const scope = async (username: string) => {
      const user = await db.adminDb.user.findUniqueOrThrow({ where: { username } });
      return (await scopeForUser(user.id))!;
    };
    scopes.editor = await scope("phuongmocchau.editor");
    scopes.approver = await scope("phuongmocchau.approver");
    scopes.sonla = await scope("sonla.viewer");
    scopes.admin = await scope("phuongmocchau.admin");
    scopes.provinceAdmin = await scope("sonla.admin");
  });
  afterAll(async () => db.drop());

  const search = async (q: string) => {
    const { withScope } = await import("../../src/server/db/scoped");
    const { listPlans } = await import("../../src/features/plans/queries");
    return withScope(scopes.sonla, (tx) => listPlans(tx, scopes.sonla, { q }));
  };

  it("a search with a NUL character finds nothing instead of failing", async () => {
    await expect(search("\u0000")).resolves.toEqual([]);
    await expect(search("Sơn\u0000 La")).resolves.toBeInstanceOf(Array);
  });

  it("% and _ in a search are literal characters, not wildcards", async () => {
    expect((await search("Sơn La")).length).toBeGreaterThan(0);
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
    expect(await search("S_n La")).toEqual([]);
    expect(await search("Sơn%La")).toEqual([]);
    // A title that has them is found by them.
    const plan = (await search("Sơn La"))[0]!;
    await db.adminDb.plan.update({ where: { id: plan.id }, data: { title: "Kế hoạch 100% xã_phường" } });
    expect((await search("100%")).map((p) => p.id)).toEqual([plan.id]);
    expect((await search("xã_phường")).map((p) => p.id)).toEqual([plan.id]);
  });

  it("two people saving the same empty cell at once: one is saved, the other gets the conflict message", async () => {
    const { saveActuals } = await import("../../src/features/results/result-actions");
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    const planId = (await db.adminDb.plan.findFirstOrThrow({ where: { issuerId: ward.id } })).id;
    const year = new Date().getFullYear();
    const empty = await db.adminDb.indicator.findMany({
      where: { planId, isGroup: false, actuals: { none: { year } } },
      take: 5,
    });
    expect(empty.length).toBeGreaterThan(0);
    // Several cells, so that the two saves meet in the database at least once.
    for (const indicator of empty) {
      const save = (scope: Scope, text: string) =>
        saveActuals.execute(scope, { planId, year, rows: [{ indicatorId: indicator.id, text, version: null }] });
      const results = await Promise.all([save(scopes.editor, "1"), save(scopes.approver, "2")]);
      expect(results.map((r) => r.status).sort()).toEqual(["error", "ok"]);
      const lost = results.find((r) => r.status === "error")!;
      expect(lost.status === "error" && lost.message).toMatch(/vừa được người khác cập nhật/);
    }
  });

  it("two administrators creating the same username at once: one account, and a message beside the field", async () => {
    const { createUser } = await import("../../src/features/accounts/user-actions");
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    for (let i = 0; i < 3; i++) {
      const input = {
        organizationId: ward.id,
        username: `trung.ten.${i}`,
        displayName: "Cán bộ",
        role: "VIEWER",
        password: "MatKhau2026",
      };
      const results = await Promise.all([
        createUser.execute(scopes.admin, input),
        createUser.execute(scopes.provinceAdmin, input),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["error", "ok"]);
      expect(results.find((r) => r.status === "error")).toMatchObject({
        fieldErrors: { username: "Tên đăng nhập này đã có người dùng" },
      });
    }
  });
});
