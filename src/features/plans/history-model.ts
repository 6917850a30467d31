import { asTree } from "@/domain/tree";

// The pure parts of a plan's history page: versions counted in the order they were kept, and a kept
// text read back in the plan's own order.

/** What a kept version holds (planSnapshot in plan-actions.ts): enough to show it and to order it. */
export type VersionSnapshot = {
  title: string;
  numberSerial: string | null;
  issuedOn: string | null;
  signerName: string | null;
  tasks: {
    id: string;
    parentTaskId: string | null;
    position: number;
    numbering: string;
    title: string | null;
    body: string;
  }[];
  indicators: {
    id: string;
    parentIndicatorId: string | null;
    position: number;
    code: string;
    name: string;
    isGroup: boolean;
    targets: { year: number; text: string }[];
  }[];
};

/** The kept versions, newest first, each with its ordinal ("Bản 1" is the first text kept). */
export function numberVersions<V extends { version: number; createdAt: Date }>(
  versions: readonly V[],
): (V & { ordinal: number })[] {
  const oldestFirst = [...versions].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.version - b.version,
  );
  return oldestFirst.map((v, i) => ({ ...v, ordinal: i + 1 })).reverse();
}

/**
 * A kept version's tasks and indicators in the plan's order (a tree by position), whatever order the
 * copy was stored in: texts kept before this rule were ordered by their parent's id.
 */
export function inPlanOrder(snapshot: VersionSnapshot) {
  // Old copies may lack position: fall back on the order stored.
  const positioned = <T extends { position?: number }>(items: T[]) =>
    items.map((item, i) => ({ ...item, position: item.position ?? i }));
  return {
    tasks: asTree(positioned(snapshot.tasks), (t) => t.parentTaskId ?? null),
    indicators: asTree(positioned(snapshot.indicators), (i) => i.parentIndicatorId ?? null),
  };
}
