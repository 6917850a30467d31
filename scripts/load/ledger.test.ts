import { describe, expect, it } from "vitest";
import { Ledger, reconcile, tokenIn, type StoredState, type Write } from "./ledger";

const actual = (entity: string, token: string): Write => ({ kind: "actual", entity, token });

function stored(audited: Record<string, number>, current: Record<string, (string | null)[]>): StoredState {
  return { audited: new Map(Object.entries(audited)), current: new Map(Object.entries(current)) };
}

function ledgerOf(sent: Write[], acknowledged: Write[]) {
  const ledger = new Ledger();
  for (const w of sent) ledger.send(w);
  for (const w of acknowledged) ledger.acknowledge(w);
  return ledger;
}

describe("reconcile: acknowledged writes against what PostgreSQL holds", () => {
  it("counts nothing lost or duplicated when every acknowledged write is recorded once and the last one is stored", () => {
    const a1 = actual("i1/2026", "[load:r:1:1]");
    const a2 = actual("i1/2026", "[load:r:1:2]");
    const result = reconcile(
      ledgerOf([a1, a2], [a1, a2]),
      stored({ "actual:[load:r:1:1]": 1, "actual:[load:r:1:2]": 1 }, { "actual:i1/2026": ["[load:r:1:2]"] }),
    );
    expect(result).toMatchObject({ acknowledged: 2, sent: 2, lost: [], duplicated: [], keptWithoutAcknowledgement: 0 });
    expect(result.byKind.actual).toEqual({ acknowledged: 2, lost: 0, duplicated: 0 });
  });

  it("finds an acknowledged write with no audit record lost", () => {
    const a1 = actual("i1/2026", "[load:r:1:1]");
    const result = reconcile(ledgerOf([a1], [a1]), stored({}, { "actual:i1/2026": ["[load:r:1:1]"] }));
    expect(result.lost).toHaveLength(1);
    expect(result.lost[0]!.why).toMatch(/no audit record/);
  });

  it("finds an entity whose stored value is an older acknowledged write lost", () => {
    const a1 = actual("i1/2026", "[load:r:1:1]");
    const a2 = actual("i1/2026", "[load:r:1:2]");
    const result = reconcile(
      ledgerOf([a1, a2], [a1, a2]),
      stored({ "actual:[load:r:1:1]": 1, "actual:[load:r:1:2]": 1 }, { "actual:i1/2026": ["[load:r:1:1]"] }),
    );
    expect(result.lost.map((l) => l.write.token)).toEqual(["[load:r:1:2]"]);
    expect(result.byKind.actual.lost).toBe(1);
  });

  it("finds nothing stored for an acknowledged entity lost", () => {
    const a1 = actual("i1/2026", "[load:r:1:1]");
    const result = reconcile(ledgerOf([a1], [a1]), stored({ "actual:[load:r:1:1]": 1 }, {}));
    expect(result.lost).toHaveLength(1);
    expect(result.lost[0]!.why).toMatch(/nothing stored/);
  });

  it("finds a write recorded twice, and two rows for one entity, duplicated", () => {
    const a1 = actual("i1/2026", "[load:r:1:1]");
    const p1: Write = { kind: "progress", entity: "t1/2026", token: "[load:r:1:2]" };
    const result = reconcile(
      ledgerOf([a1, p1], [a1, p1]),
      stored(
        { "actual:[load:r:1:1]": 2, "progress:[load:r:1:2]": 1 },
        { "actual:i1/2026": ["[load:r:1:1]"], "progress:t1/2026": ["[load:r:1:2]", "[load:r:1:2]"] },
      ),
    );
    expect(result.duplicated.map((d) => d.write.kind).sort()).toEqual(["actual", "progress"]);
    expect(result.lost).toEqual([]);
  });

  it("does not count a later write that failed on the client but committed as lost", () => {
    const a1 = actual("i1/2026", "[load:r:1:1]");
    const a2 = actual("i1/2026", "[load:r:1:2]"); // timed out on the client, committed on the server
    const result = reconcile(
      ledgerOf([a1, a2], [a1]),
      stored({ "actual:[load:r:1:1]": 1, "actual:[load:r:1:2]": 1 }, { "actual:i1/2026": ["[load:r:1:2]"] }),
    );
    expect(result.lost).toEqual([]);
    expect(result.keptWithoutAcknowledgement).toBe(1);
  });

  it("counts an earlier unacknowledged write as lost if it is what is stored after a later acknowledged one", () => {
    const a1 = actual("i1/2026", "[load:r:1:1]"); // failed on the client
    const a2 = actual("i1/2026", "[load:r:1:2]");
    const result = reconcile(
      ledgerOf([a1, a2], [a2]),
      stored({ "actual:[load:r:1:1]": 1, "actual:[load:r:1:2]": 1 }, { "actual:i1/2026": ["[load:r:1:1]"] }),
    );
    expect(result.lost.map((l) => l.write.token)).toEqual(["[load:r:1:2]"]);
  });

  it("counts a submission stored but never acknowledged apart, and an acknowledged one missing as lost", () => {
    const s1: Write = { kind: "submission", entity: "r1#1", token: "r1#1" };
    const result = reconcile(
      ledgerOf([], [s1]),
      stored({ "submission:r1#1": 1, "submission:r2#1": 1 }, { "submission:r2#1": ["r2#1"] }),
    );
    expect(result.lost.map((l) => l.write.entity)).toEqual(["r1#1"]);
    expect(result.keptWithoutAcknowledgement).toBe(1);
  });
});

describe("tokenIn", () => {
  it("finds the load's token in a text, or nothing", () => {
    expect(tokenIn("Số liệu thử tải [load:abc:12:7]")).toBe("[load:abc:12:7]");
    expect(tokenIn("Số liệu của xã")).toBeNull();
    expect(tokenIn(null)).toBeNull();
  });
});
