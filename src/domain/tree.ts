// Trees stored flat (tasks, indicators: a parent id and a position among siblings).

/** Rows in document order with their depth, from the flat list the database returns. */
export function asTree<T extends { id: string; position: number }>(
  items: T[],
  parentOf: (item: T) => string | null,
): { item: T; depth: number }[] {
  const byParent = new Map<string | null, T[]>();
  for (const item of items) {
    const key = parentOf(item);
    byParent.set(key, [...(byParent.get(key) ?? []), item]);
  }
  const out: { item: T; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const item of (byParent.get(parent) ?? []).sort((a, b) => a.position - b.position)) {
      out.push({ item, depth });
      walk(item.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
