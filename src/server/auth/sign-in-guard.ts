import { rawDatabase } from "../db/client";

// Throttling sign-in (issue 12). Every attempt is recorded as a failure BEFORE the password is
// checked, under a transaction-level advisory lock on the typed name, and the counts are read in the
// same transaction: simultaneous attempts on one account are counted one after another, so a burst
// cannot slip past the limit, and all instances share the count (it lives in PostgreSQL). Counting
// is by the name typed, whether or not such an account exists, so the answers never tell an
// attacker which accounts exist.
//
// Nobody can lock someone else out:
// - an address is locked out of one account after MAX_FAILURES_PER_PAIR failures on it, and only
//   that address;
// - an account under attack from many addresses (MAX_FAILURES_PER_ACCOUNT) is closed only to
//   addresses it has never signed in from (in KNOWN_ADDRESS_DAYS); its owner, at their usual
//   office, is slowed down, never locked;
// - an address's failures across all names only slow it down (an office behind one address is
//   never locked because someone there, or an attacker, typed made-up names).
// Delays grow from 0.25 s to at most 4 s.

export const LOCK_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_PAIR = 5;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const KNOWN_ADDRESS_DAYS = 90;
const MAX_DELAY_MS = 4000;

export type GuardVerdict = { attemptId: bigint; locked: boolean; delayMs: number };

type Counts = { id: bigint; pair: number; account: number; address: number; known: boolean };

const delayFor = (failures: number) => (failures <= 0 ? 0 : Math.min(250 * 2 ** (failures - 1), MAX_DELAY_MS));

/** The verdict from the failures seen before this attempt (pure, for the tests' reading too). */
export function verdictOf(counts: Omit<Counts, "id">): { locked: boolean; delayMs: number } {
  const locked = counts.pair >= MAX_FAILURES_PER_PAIR || (counts.account >= MAX_FAILURES_PER_ACCOUNT && !counts.known);
  // The account's failures slow everyone trying it, but at most to the delay of a few failures:
  // the owner is kept waiting seconds, not locked.
  const failures = Math.max(counts.pair, Math.min(counts.account, 3), Math.floor(counts.address / 3));
  return { locked, delayMs: delayFor(failures) };
}

/** Records this attempt (as a failure until it succeeds) and says whether to check it, after how long. */
export async function beginSignInAttempt(username: string, address: string): Promise<GuardVerdict> {
  const counts = await rawDatabase().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${username}`}, 0))`;
    const [row] = await tx.$queryRaw<Counts[]>`
      WITH attempt AS (
        INSERT INTO sign_in_attempts (username, address, succeeded) VALUES (${username}, ${address}, false) RETURNING id
      )
      SELECT (SELECT id FROM attempt) AS id,
        (SELECT count(*)::int FROM sign_in_attempts WHERE username = ${username} AND address = ${address}
           AND NOT succeeded AND at > now() - make_interval(mins => ${LOCK_WINDOW_MINUTES})) AS pair,
        (SELECT count(*)::int FROM sign_in_attempts WHERE username = ${username}
           AND NOT succeeded AND at > now() - make_interval(mins => ${LOCK_WINDOW_MINUTES})) AS account,
        (SELECT count(*)::int FROM sign_in_attempts WHERE address = ${address}
           AND NOT succeeded AND at > now() - make_interval(mins => ${LOCK_WINDOW_MINUTES})) AS address,
        EXISTS (SELECT 1 FROM sign_in_attempts WHERE username = ${username} AND address = ${address}
           AND succeeded AND at > now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})) AS known`;
    // Old failures are dropped a few at a time, so that the table stays the size of the window.
    await tx.$executeRaw`DELETE FROM sign_in_attempts WHERE id IN (
      SELECT id FROM sign_in_attempts WHERE NOT succeeded AND at < now() - interval '1 day' LIMIT 50)`;
    return row!;
  });
  // The statement's snapshot does not include its own insert: the counts are of the attempts before it.
  return { attemptId: counts.id, ...verdictOf(counts) };
}

/** A correct password: the attempt becomes a success, and this address's failures on the account are forgiven. */
export async function recordSignInSuccess(attemptId: bigint, username: string, address: string) {
  const db = rawDatabase();
  await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
  await db.signInAttempt.deleteMany({ where: { username, address, succeeded: false } });
  // What is kept: failures of the window, successes that make an address known.
  await db.signInAttempt.deleteMany({
    where: { username, at: { lt: new Date(Date.now() - KNOWN_ADDRESS_DAYS * 86_400_000) } },
  });
}
