import { parseTarget } from "@/domain/target-notation";
import { normalizeName } from "@/domain/vietnamese-text";
import type { DocumentIndicator, DocumentTask, PlanDocument } from "@/features/plans/plan-document";
import { fold } from "./text";

// How much of a hand-checked PlanDocument an extraction got right, item by item. Used by the
// accuracy tests (src/features/import/accuracy.test.ts) and reported in docs/import.md.
//
// - Tasks are matched by their place in the tree (the numbering of the task and its ancestors;
//   an unnumbered task by its position among its siblings); a task is correct when its title and
//   text match too (word overlap ≥ 90%, so a stray space or quote does not count as an error).
// - Agencies: every agency the expected document assigns to a task, in its role, found among the
//   extracted task's agencies of that role (names compared by normalizeName).
// - Timeframes: every expected task with a timeframe whose extracted timeframe is the same text.
// - Indicators are matched by name (word overlap ≥ 50%, best pairs first), because prose
//   indicators were given codes by theme when checked by hand; rows of an appendix table also
//   count their code. Targets: exact text (case and spacing aside), or the same meaning when both
//   read the same (kind, bounds, percent) with parseTarget.

export type Score = { correct: number; total: number; extra: number };
export type AccuracyReport = {
  tasks: Score;
  agencies: Score;
  timeframes: Score;
  indicators: Score;
  targetsExact: Score;
  targetsMeaning: Score;
  /**
   * Wrong indicators of the extraction (one found by no expected indicator, or one with a wrong
   * target) and how many of them carry a "cần kiểm tra" mark: `correct` counts the marked ones.
   * Only measured when the extraction's marks are given.
   */
  wrongMarked: Score;
  /**
   * Targets right in meaning, or wrong but marked for checking (a misread digit the reviewer is told
   * to check is caught, not wrong: issue 17's measure for scans). Only measured when marks are given.
   */
  targetsCaught: Score;
  /** What was missed or wrong, for reading when a rate drops. */
  misses: string[];
};

const ROLES = ["lead", "coordinating", "directing", "advising"] as const;

function words(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9%]+/g, " ")
    .split(" ")
    .filter(Boolean)
    .map((w) => w.replace(/y$/, "i"));
}

/** Dice coefficient of the two texts' word multisets (0–1). */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 && wb.length === 0) return 1;
  if (wa.length === 0 || wb.length === 0) return 0;
  const counts = new Map<string, number>();
  wa.forEach((w) => counts.set(w, (counts.get(w) ?? 0) + 1));
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

type FlatTask = { key: string; task: DocumentTask };

function flattenTasks(tasks: DocumentTask[], prefix = ""): FlatTask[] {
  return tasks.flatMap((task, index) => {
    const key = `${prefix}/${task.numbering ? fold(task.numbering).replace(/\.$/, "") : `#${index}`}`;
    return [{ key, task }, ...flattenTasks(task.children ?? [], key)];
  });
}

type FlatIndicator = { label: string; indicator: DocumentIndicator; prose: boolean; path: string };

function flattenIndicators(
  indicators: DocumentIndicator[],
  parent: DocumentIndicator | null = null,
  prefix = "indicators",
): FlatIndicator[] {
  return indicators.flatMap((indicator, i) => {
    const path = `${prefix}.${i}`;
    const own: FlatIndicator[] = indicator.isGroup
      ? []
      : [
          {
            label: parent && !parent.isGroup ? `${parent.name} › ${indicator.name}` : indicator.name,
            indicator,
            prose: Boolean(indicator.sourceText),
            path,
          },
        ];
    return [...own, ...flattenIndicators(indicator.children ?? [], indicator, `${path}.children`)];
  });
}

function sameTimeframe(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string | null | undefined) =>
    (s ?? "")
      .replace(/[\s.;,]+$/, "")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase();
  return norm(a) === norm(b);
}

function sameTargetText(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/\s+/g, " ")
      .replace(/[.;]+$/, "")
      .trim()
      .toLocaleLowerCase("vi");
  return norm(a) === norm(b);
}

function sameTargetMeaning(a: string, b: string): boolean {
  if (sameTargetText(a, b)) return true;
  const pa = parseTarget(a);
  const pb = parseTarget(b);
  if (!pa.ok || !pb.ok) return false;
  const ta = pa.target;
  const tb = pb.target;
  if (ta.kind === "QUALITATIVE" || tb.kind === "QUALITATIVE")
    return ta.kind === tb.kind && normalizeName(ta.qualitative ?? "") === normalizeName(tb.qualitative ?? "");
  return (
    ta.kind === tb.kind &&
    ta.lower === tb.lower &&
    ta.upper === tb.upper &&
    (ta.isPercent === tb.isPercent || ta.kind === "NONE")
  );
}

export function compareExtraction(
  expected: PlanDocument,
  actual: PlanDocument,
  unclear: Record<string, string> | null = null,
): AccuracyReport {
  const misses: string[] = [];
  const report: AccuracyReport = {
    tasks: { correct: 0, total: 0, extra: 0 },
    agencies: { correct: 0, total: 0, extra: 0 },
    timeframes: { correct: 0, total: 0, extra: 0 },
    indicators: { correct: 0, total: 0, extra: 0 },
    targetsExact: { correct: 0, total: 0, extra: 0 },
    targetsMeaning: { correct: 0, total: 0, extra: 0 },
    wrongMarked: { correct: 0, total: 0, extra: 0 },
    targetsCaught: { correct: 0, total: 0, extra: 0 },
    misses,
  };

  const expectedTasks = flattenTasks(expected.tasks);
  const actualTasks = new Map(flattenTasks(actual.tasks).map((t) => [t.key, t.task]));
  const matchedKeys = new Set<string>();
  for (const { key, task } of expectedTasks) {
    report.tasks.total++;
    const found = actualTasks.get(key);
    if (found) matchedKeys.add(key);
    const ok =
      found !== undefined &&
      similarity(task.title ?? "", found.title ?? "") >= 0.9 &&
      similarity(task.body, found.body) >= 0.9;
    if (ok) report.tasks.correct++;
    else
      misses.push(
        `nhiệm vụ ${key}: ${found ? `khác nội dung (“${(found.title ?? found.body).slice(0, 50)}”)` : "không tìm thấy"}`,
      );

    for (const role of ROLES) {
      const want = task[role] ?? [];
      const got = (found?.[role] ?? []).map(normalizeName);
      for (const name of want) {
        report.agencies.total++;
        if (got.includes(normalizeName(name))) report.agencies.correct++;
        else misses.push(`nhiệm vụ ${key}, ${role}: thiếu “${name}”`);
      }
      const wanted = want.map(normalizeName);
      report.agencies.extra += got.filter((name) => !wanted.includes(name)).length;
    }
    if (task.timeframe) {
      report.timeframes.total++;
      if (found && sameTimeframe(task.timeframe, found.timeframe)) report.timeframes.correct++;
      else misses.push(`nhiệm vụ ${key}: thời gian “${found?.timeframe ?? "—"}” thay vì “${task.timeframe}”`);
    } else if (found?.timeframe) report.timeframes.extra++;
  }
  for (const [key, task] of actualTasks) {
    if (matchedKeys.has(key)) continue;
    report.tasks.extra++;
    report.agencies.extra += ROLES.reduce((n, role) => n + (task[role]?.length ?? 0), 0);
    if (task.timeframe) report.timeframes.extra++;
  }

  const want = flattenIndicators(expected.indicators);
  const got = flattenIndicators(actual.indicators);
  const pairs: { i: number; j: number; score: number; sim: number }[] = [];
  want.forEach((w, i) =>
    got.forEach((g, j) => {
      const sim = similarity(w.label, g.label);
      const codeBonus = !w.prose && w.indicator.code !== "-" && w.indicator.code === g.indicator.code ? 0.5 : 0;
      if (sim >= 0.5) pairs.push({ i, j, score: sim + codeBonus, sim });
    }),
  );
  pairs.sort((a, b) => b.score - a.score);
  const matchOf = new Map<number, number>();
  const used = new Set<number>();
  for (const pair of pairs) {
    if (matchOf.has(pair.i) || used.has(pair.j)) continue;
    matchOf.set(pair.i, pair.j);
    used.add(pair.j);
  }
  const wrong = new Set<number>();
  const markedAt = (path: string, year: string) =>
    unclear !== null && (unclear[path] !== undefined || unclear[`${path}.targets.${year}`] !== undefined);
  want.forEach((w, i) => {
    report.indicators.total++;
    const j = matchOf.get(i);
    const match = j === undefined ? undefined : got[j]!.indicator;
    if (match) report.indicators.correct++;
    else misses.push(`chỉ tiêu “${w.label.slice(0, 70)}”: không tìm thấy`);
    for (const [year, text] of Object.entries(w.indicator.targets ?? {})) {
      report.targetsExact.total++;
      report.targetsMeaning.total++;
      report.targetsCaught.total++;
      const found = match?.targets?.[year];
      // An indicator found with no target for the year means "no target", as a "-" in its cell does.
      const meant = match ? (found ?? "") : undefined;
      if (found !== undefined && sameTargetText(text, found)) report.targetsExact.correct++;
      if (meant !== undefined && sameTargetMeaning(text, meant)) {
        report.targetsMeaning.correct++;
        report.targetsCaught.correct++;
        continue;
      }
      if (found !== undefined && markedAt(got[j!]!.path, year)) report.targetsCaught.correct++;
      // A wrong value is what must not look valid; a missing one shows as an empty cell.
      if (found !== undefined) wrong.add(j!);
      if (match) misses.push(`chỉ tiêu “${w.label.slice(0, 50)}”, ${year}: “${found ?? "—"}” thay vì “${text}”`);
    }
  });
  report.indicators.extra = got.length - used.size;
  report.targetsExact.extra = got
    .filter((_, j) => !used.has(j))
    .reduce((n, g) => n + Object.keys(g.indicator.targets ?? {}).length, 0);
  report.targetsMeaning.extra = report.targetsExact.extra;
  if (unclear) {
    got.forEach((_, j) => {
      if (!used.has(j)) wrong.add(j);
    });
    const keys = Object.keys(unclear);
    for (const j of wrong) {
      report.wrongMarked.total++;
      const path = got[j]!.path;
      if (keys.some((k) => k === path || (k.startsWith(`${path}.`) && !k.startsWith(`${path}.children.`))))
        report.wrongMarked.correct++;
      else misses.push(`chỉ tiêu sai không được đánh dấu: “${got[j]!.label.slice(0, 60)}”`);
    }
  }
  return report;
}

export function rate(score: Score): number {
  return score.total === 0 ? 1 : score.correct / score.total;
}
