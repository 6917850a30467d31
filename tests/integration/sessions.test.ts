import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { seedId } from "../../prisma/seed/ids";
import type { Scope } from "../../src/server/db/scope";
import { session, signIn, signOut, type Jar } from "./auth-client";
import { createTestDatabase } from "./database";

// Sessions can be ended (issue 12): through next-auth's own handler, a session refreshed by
// GET /api/auth/session after a password reset, a deactivation (even once reactivated) or a
// sign-out elsewhere no longer opens anything, and none outlives its absolute lifetime.

const PASSWORD = "Demo@2026";

describe("sessions", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let provinceAdmin: Scope;
  const scopeOf = async (jar: Jar) => {
    const { scopeForSession } = await import("../../src/server/auth/session");
    return scopeForSession(await session(jar));
  };
  const users = () => import("../../src/features/accounts/user-actions");

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    const { scopeForUser } = await import("../../src/server/auth/session");
    provinceAdmin = (await scopeForUser(seedId("user", "sonla.admin")))!;
  });
  afterAll(async () => db.drop());
  afterEach(() => vi.useRealTimers());

  it("signs in and the session opens the user's scope", async () => {
    const jar: Jar = {};
    expect(await signIn(jar, "sonla.viewer", PASSWORD)).toBeNull();
    expect(await scopeOf(jar)).toMatchObject({ username: "sonla.viewer" });
  });

  it("after a password reset, the old cookie refreshed by /api/auth/session opens nothing", async () => {
    const jar: Jar = {};
    expect(await signIn(jar, "sonla.editor", PASSWORD)).toBeNull();
    const { resetPassword } = await users();
    expect(
      (
        await resetPassword.execute(provinceAdmin, {
          userId: seedId("user", "sonla.editor"),
          password: "MatKhauMoi2026",
        })
      ).status,
    ).toBe("ok");
    // The old cookie is still decoded and re-issued by next-auth …
    await session(jar);
    // … but it opens nothing, now or later.
    expect(await scopeOf(jar)).toBeNull();
    expect(await scopeOf(jar)).toBeNull();
    // The new password opens a new session.
    const fresh: Jar = {};
    expect(await signIn(fresh, "sonla.editor", "MatKhauMoi2026")).toBeNull();
    expect(await scopeOf(fresh)).not.toBeNull();
  });

  it("deactivating ends sessions, and reactivating does not bring them back", async () => {
    const jar: Jar = {};
    expect(await signIn(jar, "sonla.approver", PASSWORD)).toBeNull();
    const { setUserActive } = await users();
    const userId = seedId("user", "sonla.approver");
    expect((await setUserActive.execute(provinceAdmin, { userId, active: "false" })).status).toBe("ok");
    expect(await scopeOf(jar)).toBeNull();
    expect((await setUserActive.execute(provinceAdmin, { userId, active: "true" })).status).toBe("ok");
    expect(await scopeOf(jar)).toBeNull();
  });

  it("signing out ends every session of the user: a copied cookie stops working, on another device too", async () => {
    const browser: Jar = {};
    const otherDevice: Jar = {};
    expect(await signIn(browser, "mocchau.viewer", PASSWORD)).toBeNull();
    expect(await signIn(otherDevice, "mocchau.viewer", PASSWORD)).toBeNull();
    const copied: Jar = { ...browser };
    expect(await scopeOf(copied)).not.toBeNull();
    await signOut(browser);
    expect(browser["kh.session"]).toBeUndefined();
    expect(await scopeOf(copied)).toBeNull();
    expect(await scopeOf(otherDevice)).toBeNull();
    // A stale copy signing out again changes nothing for the next session.
    const next: Jar = {};
    expect(await signIn(next, "mocchau.viewer", PASSWORD)).toBeNull();
    await signOut(copied);
    expect(await scopeOf(next)).not.toBeNull();
  });

  it("a session used all day long still ends at its absolute lifetime", async () => {
    const { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } = await import("../../src/server/auth/options");
    const jar: Jar = {};
    expect(await signIn(jar, "phuongmocchau.viewer", PASSWORD)).toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    // Used every half idle period: the cookie is refreshed each time and never idles out.
    const step = (SESSION_IDLE_SECONDS * 1000) / 2;
    let at = start;
    while (at + step < start + SESSION_ABSOLUTE_SECONDS * 1000) {
      at += step;
      vi.setSystemTime(at);
      expect(await scopeOf(jar), `after ${(at - start) / 3_600_000} h`).not.toBeNull();
    }
    vi.setSystemTime(start + SESSION_ABSOLUTE_SECONDS * 1000 + 60_000);
    expect(await scopeOf(jar)).toBeNull();
    // And next-auth was told to clear the cookie.
    expect(jar["kh.session"]).toBeUndefined();
  });
});
