// Latency percentiles, error counts and throughput of a load run, per action and per stage.

export type Sample = { action: string; startedAt: number; endedAt: number; ok: boolean };

export type ActionStats = {
  action: string;
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

export type StageStats = {
  /** Virtual users running in the stage. */
  officials: number;
  viewers: number;
  seconds: number;
  requests: number;
  errors: number;
  throughput: number;
  actions: ActionStats[];
  /** The highest p95 of any action in the stage: the goal holds when it is under the limit. */
  worstP95: number;
  /** CPU used during the stage: the app's processes, PostgreSQL's, and this load generator's own (it shares the machine). */
  cpu?: { appMs: number; databaseMs: number; clientMs?: number } | null;
};

/** The nearest-rank percentile (p in 0–100) of values, 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Statistics of the samples that ended within [from, to) (milliseconds since the epoch), in the order actions are listed. */
export function stageStats(
  samples: readonly Sample[],
  window: { from: number; to: number; officials: number; viewers: number },
  order: readonly string[] = [],
): StageStats {
  const inside = samples.filter((s) => s.endedAt >= window.from && s.endedAt < window.to);
  const byAction = new Map<string, Sample[]>();
  for (const s of inside) {
    if (!byAction.has(s.action)) byAction.set(s.action, []);
    byAction.get(s.action)!.push(s);
  }
  const names = [...byAction.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || a.localeCompare(b);
  });
  const actions = names.map((action) => {
    const list = byAction.get(action)!;
    const durations = list.map((s) => s.endedAt - s.startedAt);
    return {
      action,
      count: list.length,
      errors: list.filter((s) => !s.ok).length,
      p50: percentile(durations, 50),
      p95: percentile(durations, 95),
      p99: percentile(durations, 99),
      max: Math.max(...durations),
    };
  });
  const seconds = (window.to - window.from) / 1000;
  return {
    officials: window.officials,
    viewers: window.viewers,
    seconds,
    requests: inside.length,
    errors: inside.filter((s) => !s.ok).length,
    throughput: seconds > 0 ? inside.length / seconds : 0,
    actions,
    worstP95: Math.max(0, ...actions.map((a) => a.p95)),
  };
}

export type Ceiling =
  | { kind: "between"; throughput: number; below: StageStats; above: StageStats }
  | { kind: "above"; throughput: number; stage: StageStats }
  | { kind: "below"; throughput: number; stage: StageStats };

/**
 * The throughput at which the worst p95 reaches the limit, interpolated linearly between the last
 * stage under it and the first at or over it; when no stage crosses, the bound the stages give.
 */
export function ceiling(stages: readonly StageStats[], limitMs: number): Ceiling | null {
  if (stages.length === 0) return null;
  const firstOver = stages.findIndex((s) => s.worstP95 >= limitMs);
  if (firstOver < 0) {
    const best = stages.reduce((a, b) => (b.throughput > a.throughput ? b : a));
    return { kind: "above", throughput: best.throughput, stage: best };
  }
  if (firstOver === 0) return { kind: "below", throughput: stages[0]!.throughput, stage: stages[0]! };
  const below = stages[firstOver - 1]!;
  const above = stages[firstOver]!;
  const span = above.worstP95 - below.worstP95;
  const share = span > 0 ? (limitMs - below.worstP95) / span : 0;
  return {
    kind: "between",
    throughput: below.throughput + share * (above.throughput - below.throughput),
    below,
    above,
  };
}
