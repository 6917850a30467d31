import { LIMIT_MESSAGES, MAX_DEPTH, MAX_INDICATORS, MAX_TASKS } from "./limits";

// The size and depth of a document's trees, measured without recursion (a tree 20,000 levels deep
// must not overflow the stack of the code that measures it), against the importer's bounds. Used
// on what the parser read and again on what the browser sends back to be confirmed, before zod
// (whose recursive schemas would overflow on such a tree) looks at it.

type Tree = { children?: unknown };

/** Nodes and deepest level of a list of trees ({ children?: [...] }), stopping early once past the bounds. */
export function measureTrees(roots: unknown, maxNodes: number, maxDepth = MAX_DEPTH): { nodes: number; depth: number } {
  let nodes = 0;
  let depth = 0;
  const stack: [unknown, number][] = [[roots, 1]];
  while (stack.length) {
    const [list, level] = stack.pop()!;
    if (!Array.isArray(list)) continue;
    depth = Math.max(depth, level);
    if (depth > maxDepth) break;
    nodes += list.length;
    if (nodes > maxNodes) break;
    for (const item of list)
      if (item && typeof item === "object" && "children" in item) stack.push([(item as Tree).children, level + 1]);
  }
  return { nodes, depth };
}

/** A message when a document's tasks or indicators are too many or too deep, else null. */
export function documentBeyondLimits(document: unknown): string | null {
  if (!document || typeof document !== "object") return null;
  const { tasks, indicators } = document as { tasks?: unknown; indicators?: unknown };
  const t = measureTrees(tasks, MAX_TASKS);
  const i = measureTrees(indicators, MAX_INDICATORS);
  if (t.depth > MAX_DEPTH || i.depth > MAX_DEPTH) return LIMIT_MESSAGES.tooDeep;
  if (t.nodes > MAX_TASKS) return LIMIT_MESSAGES.tooManyTasks;
  if (i.nodes > MAX_INDICATORS) return LIMIT_MESSAGES.tooManyIndicators;
  return null;
}

/** The deepest nesting of arrays and objects in a parsed JSON value, counted without recursion. */
export function jsonDepth(value: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [item, level] = stack.pop()!;
    if (!item || typeof item !== "object") continue;
    deepest = Math.max(deepest, level);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(item)) if (child && typeof child === "object") stack.push([child, level + 1]);
  }
  return deepest;
}
