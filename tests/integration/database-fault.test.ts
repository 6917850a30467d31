import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "../../src/server/db/scope";
import { startOwnServer, writtenUsers, type OwnServer } from "./own-server";

// PostgreSQL killed (kill -9 of the postmaster) while officials save: the launcher's supervisor
// (EmbeddedDatabase.supervise, what `npm start` runs) starts it again, every write the application
// acknowledged is still there, nothing half-written is (each account comes with its membership and
// its audit record, in one transaction), writes refused meanwhile got the Vietnamese "database
// unavailable" message with the typed values, and saving works again by itself.

const WRITERS = 4;
const PREFIX = "fault.";

describe("the embedded PostgreSQL dies during writes", () => {
  let own: OwnServer;
  let scope: Scope;
  let actions: typeof import("../../src/features/accounts/user-actions");
  let unavailableMessage: string;
  const restarted: Promise<void>[] = [];
  let markRestarted: () => void;

  beforeAll(async () => {
    own = await startOwnServer();
    process.env.DATABASE_URL = own.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    restarted.push(new Promise<void>((resolve) => (markRestarted = resolve)));
    own.server.supervise({
      log: () => {},
      onRestarted: () => markRestarted(),
      onGiveUp: (error) => {
        throw error;
      },
    });
    const { scopeForUser } = await import("../../src/server/auth/session");
    scope = (await scopeForUser(own.adminUserId))!;
    actions = await import("../../src/features/accounts/user-actions");
    unavailableMessage = (await import("../../src/server/actions")).DATABASE_UNAVAILABLE_ERROR;
  });
  afterAll(async () => {
    const { rawDatabase } = await import("../../src/server/db/client");
    await rawDatabase().$disconnect();
    await own?.remove();
  });

  it("restarts it, keeps every acknowledged write, keeps no partial one, and serves again", async () => {
    const acknowledged = new Set<string>();
    const refused: { username: string; message: string; values: Record<string, string> }[] = [];
    let killed = false;
    let back = false;
    let afterRestart = 0;

    const writer = async (w: number) => {
      // Bounded: stops once writes succeed again after the restart, or after 400 attempts.
      for (let i = 0; i < 400 && afterRestart < WRITERS * 3; i++) {
        const username = `${PREFIX}${w}.${i}`;
        const result = await actions.createUser.execute(scope, {
          organizationId: own.organizationId,
          username,
          displayName: `Cán bộ ${w}.${i}`,
          role: "EDITOR",
          password: "Matkhau@2026",
        });
        if (result.status === "ok") {
          acknowledged.add(username);
          if (back) afterRestart++;
        } else if (result.status === "error") {
          refused.push({ username, message: result.message, values: result.values });
          if (!killed) throw new Error(`refused before the fault: ${result.message}`);
          // Not a busy loop while PostgreSQL is down.
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };
    const killer = async () => {
      while (acknowledged.size < 12) await new Promise((resolve) => setTimeout(resolve, 20));
      const pid = own.server.pid()!;
      killed = true;
      process.kill(pid, "SIGKILL");
      await restarted[0];
      back = true;
    };
    await Promise.all([killer(), ...Array.from({ length: WRITERS }, (_, w) => writer(w))]);

    expect(killed).toBe(true);
    expect(afterRestart).toBeGreaterThanOrEqual(WRITERS * 3);
    // Some saves were in flight or attempted during the outage, and each got the clear message
    // with what the user typed.
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.message).toBe(unavailableMessage);
      expect(r.values.username).toBe(r.username);
    }

    const { users, orphanAudits } = await writtenUsers(own.adminUrl, PREFIX);
    const stored = new Map(users.map((u) => [u.username, u]));
    // No acknowledged write lost.
    for (const username of acknowledged) expect(stored.has(username), username).toBe(true);
    // No partial write kept: every account has its membership and exactly one audit record.
    for (const user of users) {
      expect(user.memberships, user.username).toBe(1);
      expect(user.audits, user.username).toBe(1);
    }
    expect(orphanAudits).toBe(0);
    // A refused save may have committed just before the connection died (its answer lost): it is
    // then complete, never partial, as checked above. All others are absent.
    const refusedAndStored = refused.filter((r) => stored.has(r.username));
    expect(refusedAndStored.length).toBeLessThanOrEqual(WRITERS);
  });
});
