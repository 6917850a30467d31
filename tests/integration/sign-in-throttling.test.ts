import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type Jar } from "./auth-client";
import { createTestDatabase } from "./database";

// Sign-in throttling under concurrency (issue 12), through next-auth's own handler on the real
// database. Addresses are given as the launcher's request hook leaves them: the client's header
// (anything), then the socket's peer (scripts/lib/peer-address.mjs); no proxy is trusted here.

const PASSWORD = "Demo@2026";
const via = (peer: string, claimed?: string) => (claimed ? `${claimed}, ${peer}` : peer);
const attempt = (username: string, password: string, address: string) => signIn({} as Jar, username, password, address);
const tally = (results: (string | null)[]) => ({
  checked: results.filter((r) => r !== "LOCKED").length,
  locked: results.filter((r) => r === "LOCKED").length,
  ok: results.filter((r) => r === null).length,
});

describe("sign-in throttling", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    process.env.NEXTAUTH_URL = "http://localhost:3000";
  });
  afterAll(async () => db.drop());

  it("40 simultaneous wrong passwords on one account from one address: only 5 are checked", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt("sonla.viewer", `sai-${i}`, via("10.0.0.1"))),
    );
    expect(tally(results)).toEqual({ checked: 5, locked: 35, ok: 0 });
    expect(await db.adminDb.signInAttempt.count({ where: { username: "sonla.viewer", succeeded: false } })).toBe(40);
  });

  it("in a burst, the right password gets no more chances than the limit allows", async () => {
    const passwords = [...Array.from({ length: 19 }, (_, i) => `sai-${i}`), PASSWORD];
    const results = await Promise.all(passwords.map((p) => attempt("sonla.editor", p, via("10.0.0.2"))));
    // Whatever order they were counted in, at most 5 were checked; the right one only if among them.
    expect(tally(results).checked).toBe(5);
    expect(tally(results).ok).toBeLessThanOrEqual(1);
  });

  it("a forged X-Forwarded-For changes nothing: the address is the socket's peer", async () => {
    for (let i = 0; i < 5; i++)
      expect(await attempt("sonla.approver", "sai", via("10.0.0.3", `203.0.113.${i}`))).toBe("INVALID");
    expect(await attempt("sonla.approver", PASSWORD, via("10.0.0.3", "198.51.100.7"))).toBe("LOCKED");
    // Nor can it be aimed at someone else's address: the victim, at 10.0.0.4, signs in.
    for (let i = 0; i < 5; i++) await attempt("sonla.admin", "sai", via("10.0.0.5", "10.0.0.4"));
    expect(await attempt("sonla.admin", PASSWORD, via("10.0.0.4"))).toBeNull();
  });

  it("wrong guesses with made-up names from an office's address do not lock its real users out", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(`khong.co.${i}`, "sai", via("10.0.0.6"))),
    );
    expect(tally(results)).toMatchObject({ locked: 0, ok: 0 });
    // Slowed down, not locked: a real user at the same address signs in.
    expect(await attempt("mocchau.viewer", PASSWORD, via("10.0.0.6"))).toBeNull();
  });

  it("an attack on one account from many addresses does not lock its owner out of their usual address", async () => {
    // The owner has signed in from their office before.
    expect(await attempt("mocchau.editor", PASSWORD, via("10.1.0.1"))).toBeNull();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt("mocchau.editor", "sai", via(`10.2.0.${i + 1}`))),
    );
    expect(tally(results).ok).toBe(0);
    // The account is closed to addresses it was never used from …
    expect(await attempt("mocchau.editor", PASSWORD, via("10.3.0.1"))).toBe("LOCKED");
    // … and stays open to its owner at the office.
    expect(await attempt("mocchau.editor", PASSWORD, via("10.1.0.1"))).toBeNull();
  });
});

describe("client addresses", () => {
  it("come from the header only through configured trusted proxies", async () => {
    const { clientAddress, trustedProxies } = await import("../../src/server/auth/client-address");
    const none = trustedProxies([]);
    const proxy = trustedProxies(["127.0.0.1", "10.0.0.0/8"]);
    const h = (value: string) => ({ "x-forwarded-for": value });
    expect(clientAddress(h("203.0.113.9"), none)).toBe("203.0.113.9");
    expect(clientAddress(h("1.2.3.4, 203.0.113.9"), none)).toBe("203.0.113.9");
    expect(clientAddress(h("1.2.3.4, 198.51.100.2, 127.0.0.1"), proxy)).toBe("198.51.100.2");
    expect(clientAddress(h("1.2.3.4, 198.51.100.2, 10.1.2.3, 127.0.0.1"), proxy)).toBe("198.51.100.2");
    expect(clientAddress(h("198.51.100.2"), proxy)).toBe("198.51.100.2");
    expect(clientAddress({}, none)).toBe("unknown");
  });
});
