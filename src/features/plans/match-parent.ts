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

/** Words shared over words in either name, of the normalised names. */
export function nameSimilarity(a: string, b: string): number {
  const words = (s: string) => new Set(normalizeName(s).split(/[\s\-,;:.()/]+/).filter(Boolean));
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Below this, a same-code pair is two different indicators that happen to share a number. */
export const SAME_CODE_SIMILARITY = 0.6;
/** Below this, two tasks are different work, however alike their openings. */
export const TASK_SIMILARITY = 0.6;

export type MatchableTask = { title?: string | null; body: string };

/**
 * A matcher over the parent's task tree: call it with each of the child's tasks, in document order;
 * it answers the parent's task whose heading and text share the most words with it (at least
 * TASK_SIMILARITY), or undefined.
 */
export function parentTaskMatcher<T extends { children: readonly T[] }>(parentTree: readonly T[], describe: (node: T) => MatchableTask): (task: MatchableTask) => T | undefined {
  const text = (t: MatchableTask) => `${t.title ?? ""} ${t.body}`;
  const all: { node: T; text: string }[] = [];
  const walk = (nodes: readonly T[]) => nodes.forEach((node) => (all.push({ node, text: text(describe(node)) }), walk(node.children)));
  walk(parentTree);
  const used = new Set<T>();
  return (task) => {
    let best: { node: T; score: number } | undefined;
    for (const p of all) {
      if (used.has(p.node)) continue;
      const score = nameSimilarity(p.text, text(task));
      if (score >= TASK_SIMILARITY && (!best || score > best.score)) best = { node: p.node, score };
    }
    if (best) used.add(best.node);
    return best?.node;
  };
}

const codeKey = (code: string) => code.trim().replace(/\.$/, "");

/**
 * A matcher over the parent's indicator tree (`describe` tells a node's code, name and whether it is
 * a group): call it with each of the child's indicators, in document order; it answers the parent's
 * node or undefined.
 */
export function parentIndicatorMatcher<T extends { children: readonly T[] }>(parentTree: readonly T[], describe: (node: T) => MatchableIndicator): (indicator: MatchableIndicator) => T | undefined {
  const all: { node: T; code: string; name: string; group: boolean }[] = [];
  const walk = (nodes: readonly T[]) =>
    nodes.forEach((node) => {
      const d = describe(node);
      all.push({ node, code: codeKey(d.code), name: normalizeName(d.name), group: d.isGroup ?? false });
      walk(node.children);
    });
  walk(parentTree);
  const used = new Set<T>();
  return (indicator) => {
    const group = indicator.isGroup ?? false;
    const name = normalizeName(indicator.name);
    const code = codeKey(indicator.code);
    const free = all.filter((p) => !used.has(p.node) && p.group === group);
    const found =
      free.find((p) => p.name === name) ??
      free.find((p) => p.code !== "" && p.code === code && nameSimilarity(p.name, name) >= SAME_CODE_SIMILARITY);
    if (found) used.add(found.node);
    return found?.node;
  };
}
