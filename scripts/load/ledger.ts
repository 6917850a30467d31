// What the load's virtual users were told was saved, against what PostgreSQL holds afterwards.
//
// Every write carries a token that no other write carries (in an actual's note, a task progress's
// summary, the report's "results" section; a submission is known by its report and number). A user
// is the only writer of its entities and writes one at a time, so for each entity the last
// acknowledged write is the one the database must hold. Counted:
//   lost        an acknowledged write with no audit record, or an entity whose stored value is not
//               its last acknowledged write (nor a later write that failed on the client's side);
//   duplicated  an acknowledged write recorded twice, or more than one row for one entity;
//   kept without acknowledgement  a write the client saw fail (a time-out, a lost connection) that
//               committed all the same: not an error of the server's bookkeeping, shown apart.

export type WriteKind = "actual" | "progress" | "narrative" | "submission";

export type Write = { kind: WriteKind; entity: string; token: string };

/** The ledger a run keeps: writes sent, and those acknowledged, in the order they were acknowledged. */
export class Ledger {
  readonly sent: Write[] = [];
  readonly acknowledged: Write[] = [];

  send(write: Write) {
    this.sent.push(write);
  }

  acknowledge(write: Write) {
    this.acknowledged.push(write);
  }
}

export type StoredState = {
  /** How many audit records carry each token, per kind ("actual:token"). */
  audited: Map<string, number>;
  /** Per entity ("actual:entity"): the tokens of the rows stored for it now (one row expected). */
  current: Map<string, (string | null)[]>;
};

export type Reconciliation = {
  acknowledged: number;
  sent: number;
  lost: { write: Write; why: string }[];
  duplicated: { write: Write; why: string }[];
  keptWithoutAcknowledgement: number;
  byKind: Record<WriteKind, { acknowledged: number; lost: number; duplicated: number }>;
};

const key = (kind: WriteKind, value: string) => `${kind}:${value}`;

export function reconcile(ledger: { sent: Write[]; acknowledged: Write[] }, stored: StoredState): Reconciliation {
  const byKind = Object.fromEntries(
    (["actual", "progress", "narrative", "submission"] as const).map((k) => [
      k,
      { acknowledged: 0, lost: 0, duplicated: 0 },
    ]),
  ) as Reconciliation["byKind"];
  const lost: Reconciliation["lost"] = [];
  const duplicated: Reconciliation["duplicated"] = [];
  const acknowledgedTokens = new Set(ledger.acknowledged.map((w) => key(w.kind, w.token)));

  for (const write of ledger.acknowledged) {
    byKind[write.kind].acknowledged += 1;
    const records = stored.audited.get(key(write.kind, write.token)) ?? 0;
    if (records === 0) {
      lost.push({ write, why: "acknowledged, but no audit record carries its token" });
      byKind[write.kind].lost += 1;
    } else if (records > 1) {
      duplicated.push({ write, why: `${records} audit records carry its token` });
      byKind[write.kind].duplicated += 1;
    }
  }

  // Per entity, the last acknowledged write must be what is stored, in exactly one row.
  const lastAcknowledged = new Map<string, Write>();
  for (const write of ledger.acknowledged) lastAcknowledged.set(key(write.kind, write.entity), write);
  const sentAfter = new Map<string, Set<string>>();
  for (const write of ledger.sent) {
    const entity = key(write.kind, write.entity);
    const last = lastAcknowledged.get(entity);
    if (!last) continue;
    if (!sentAfter.has(entity)) sentAfter.set(entity, new Set());
    if (write.token === last.token) sentAfter.get(entity)!.clear();
    else sentAfter.get(entity)!.add(write.token);
  }
  let keptWithoutAcknowledgement = 0;
  for (const [entity, write] of lastAcknowledged) {
    const rows = stored.current.get(entity) ?? [];
    if (rows.length > 1) {
      duplicated.push({ write, why: `${rows.length} rows stored for ${write.kind} ${write.entity}` });
      byKind[write.kind].duplicated += 1;
      continue;
    }
    const token = rows[0] ?? null;
    if (token === write.token) continue;
    if (token !== null && sentAfter.get(entity)?.has(token)) {
      keptWithoutAcknowledgement += 1;
      continue;
    }
    lost.push({
      write,
      why: token === null ? `nothing stored for ${write.kind} ${write.entity}` : `stored value is ${token}`,
    });
    byKind[write.kind].lost += 1;
  }

  // Writes that failed on the client's side but were recorded anyway.
  for (const write of ledger.sent) {
    const k = key(write.kind, write.token);
    if (
      !acknowledgedTokens.has(k) &&
      (stored.audited.get(k) ?? 0) > 0 &&
      !lastAcknowledged.has(key(write.kind, write.entity))
    )
      keptWithoutAcknowledgement += 1;
  }
  // A submission's number is known only from its answer: one stored but never acknowledged was sent
  // by a request the client saw fail.
  for (const [entity, rows] of stored.current)
    if (entity.startsWith("submission:") && !lastAcknowledged.has(entity)) keptWithoutAcknowledgement += rows.length;

  return {
    acknowledged: ledger.acknowledged.length,
    sent: ledger.sent.length,
    lost,
    duplicated,
    keptWithoutAcknowledgement,
    byKind,
  };
}

/** The token a text carries, as the load writes it: "[load:…]". */
export function tokenIn(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = /\[load:[^\]\s]+\]/.exec(text);
  return match ? match[0] : null;
}
