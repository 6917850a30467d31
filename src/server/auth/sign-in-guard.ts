import { rawDatabase } from "../db/client";

// Repeated failures are slowed, then locked for a while, per account name and per address. The
// counting is by the name typed, whether or not such an account exists, so the answers never tell
// an attacker which accounts exist.

export const LOCK_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export type GuardVerdict = { locked: boolean; delayMs: number };

export async function checkSignInAllowed(username: string, address: string): Promise<GuardVerdict> {
  const since = new Date(Date.now() - LOCK_WINDOW_MINUTES * 60_000);
  const db = rawDatabase();
  const [byAccount, byAddress] = await Promise.all([
    db.signInAttempt.count({ where: { username, succeeded: false, at: { gte: since } } }),
    db.signInAttempt.count({ where: { address, succeeded: false, at: { gte: since } } }),
  ]);
  const locked = byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS;
  // 0, 0.25, 0.5, 1, 2 s …: harmless for a typo, costly for guessing.
  const failures = Math.max(byAccount, Math.floor(byAddress / 3));
  return { locked, delayMs: failures === 0 ? 0 : Math.min(250 * 2 ** (failures - 1), 4000) };
}

export async function recordSignInAttempt(username: string, address: string, succeeded: boolean) {
  const db = rawDatabase();
  await db.signInAttempt.create({ data: { username, address, succeeded } });
  // A success clears the account's slate, not the address's.
  if (succeeded) await db.signInAttempt.deleteMany({ where: { username, succeeded: false } });
}
