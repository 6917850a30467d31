import { normalizeName } from "@/domain/vietnamese-text";

// A plan that was typed or imported instead of copied from its parent has no links to the parent's
// items, so the parent's rollup cannot place its results and nobody hears of the parent's changes.
// This finds, for each indicator of such a plan, the parent's indicator it localises: the same name
// (ignoring case, diacritics, spacing and dashes), else the same code with a name that shares most of
// its words (OCR output, "Tỉ lệ" for "Tỷ lệ", a unit moved into the name); and for each task, the
// parent's task whose text it mostly repeats (local plans copy the parent's tasks and adapt them:
// "của tỉnh" becomes "của huyện", agencies change). Each of the parent's items is matched at most
// once, groups only with groups; what matches nothing stays the plan's own.

export type MatchableIndicator = { code: string; name: string; isGroup?: boolean };

/** The words of a name, normalised (no case, no diacritics). */
function wordsOf(s: string): Set<string> {
  return new Set(
    normalizeName(s)
      .split(/[\s\-,;:.()/]+/)
      .filter(Boolean),
  );
}

/** Words shared over words in both, of two word sets. */
function overlap(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Words shared over words in either name, of the normalised names. */
export function nameSimilarity(a: string, b: string): number {
  return overlap(wordsOf(a), wordsOf(b));
}

/** Below this, a same-code pair is two different indicators that happen to share a number. */
export const SAME_CODE_SIMILARITY = 0.6;
/** Below this, two tasks are different work, however alike their openings. */
export const TASK_SIMILARITY = 0.6;

export type MatchableTask = { title?: string | null; body: string };

/**
 * A matcher over the parent's task tree: call it with each of the child's tasks, in document order;
 * it answers the parent's task whose heading and text share the most words with it (at least
 * TASK_SIMILARITY), or undefined. Word sets are computed once: a plan of 150 tasks against a parent
 * of 150 is 22,000 comparisons, inside the import's transaction.
 */
export function parentTaskMatcher<T extends { children: readonly T[] }>(
  parentTree: readonly T[],
  describe: (node: T) => MatchableTask,
): (task: MatchableTask) => T | undefined {
  const wordsOfTask = (t: MatchableTask) => wordsOf(`${t.title ?? ""} ${t.body}`);
  const all: { node: T; words: Set<string> }[] = [];
  const walk = (nodes: readonly T[]) =>
    nodes.forEach((node) => (all.push({ node, words: wordsOfTask(describe(node)) }), walk(node.children)));
  walk(parentTree);
  const used = new Set<T>();
  return (task) => {
    const words = wordsOfTask(task);
    let best: { node: T; score: number } | undefined;
    for (const p of all) {
      if (used.has(p.node)) continue;
      const score = overlap(p.words, words);
      if (score >= TASK_SIMILARITY && (!best || score > best.score)) best = { node: p.node, score };
    }
    if (best) used.add(best.node);
    return best?.node;
  };
}

const codeKey = (code: string) => code.trim().replace(/\.$/, "");

/** Where a child's indicator sits: at the top, or under a group or an indicator, and what that one matched. */
export type IndicatorContainer<T> = { isGroup: boolean; match: T | undefined } | null;

/**
 * A matcher over the parent's indicator tree (`describe` tells a node's code, name and whether it is
 * a group): call it with each of the child's indicators, in document order, and where it sits; it
 * answers the parent's node or undefined. The part of the tree searched follows the child's:
 * - under an indicator (its "Nam", "Nữ" rows): only under what that indicator matched, nothing if it
 *   matched nothing; such rows have names that mean nothing elsewhere;
 * - under a group: under what the group matched first, then anywhere (plans regroup indicators);
 * - at the top: anywhere.
 * Names that normalise to nothing ("-") never match.
 */
export function parentIndicatorMatcher<T extends { children: readonly T[] }>(
  parentTree: readonly T[],
  describe: (node: T) => MatchableIndicator,
): (indicator: MatchableIndicator, container?: IndicatorContainer<T>) => T | undefined {
  type Entry = { node: T; code: string; name: string; words: Set<string>; group: boolean };
  const entries = new Map<T, Entry>();
  const walk = (nodes: readonly T[]) =>
    nodes.forEach((node) => {
      const d = describe(node);
      entries.set(node, {
        node,
        code: codeKey(d.code),
        name: normalizeName(d.name),
        words: wordsOf(d.name),
        group: d.isGroup ?? false,
      });
      walk(node.children);
    });
  walk(parentTree);
  const all = [...entries.values()];
  const below = (node: T): Entry[] => node.children.flatMap((child) => [entries.get(child)!, ...below(child)]);
  const used = new Set<T>();
  const find = (candidates: Entry[], indicator: MatchableIndicator): Entry | undefined => {
    const group = indicator.isGroup ?? false;
    const name = normalizeName(indicator.name);
    const words = wordsOf(indicator.name);
    const code = codeKey(indicator.code);
    const free = candidates.filter((p) => !used.has(p.node) && p.group === group && p.name !== "");
    return (
      free.find((p) => p.name === name) ??
      free.find((p) => p.code !== "" && p.code === code && overlap(p.words, words) >= SAME_CODE_SIMILARITY)
    );
  };
  return (indicator, container = null) => {
    if (normalizeName(indicator.name) === "") return undefined;
    let found: Entry | undefined;
    if (container && !container.isGroup) found = container.match ? find(below(container.match), indicator) : undefined;
    else found = (container?.match ? find(below(container.match), indicator) : undefined) ?? find(all, indicator);
    if (found) used.add(found.node);
    return found?.node;
  };
}
