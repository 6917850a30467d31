import { performance } from "node:perf_hooks";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type Timing = { median: number; min: number; max: number; runs: number };

function summary(samples: number[]): Timing {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

/**
 * Times several functions in one loop, interleaved (a, b, a, b …) so that a burst of load from
 * other work on the machine hits them alike; `warmup` rounds are run and discarded first.
 */
export async function timeInterleaved<K extends string>(
  subjects: Record<K, () => Promise<unknown>>,
  options: { runs: number; warmup: number },
): Promise<Record<K, Timing>> {
  const keys = Object.keys(subjects) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < options.warmup + options.runs; round++) {
    for (const key of keys) {
      const started = performance.now();
      await subjects[key]();
      const elapsed = performance.now() - started;
      if (round >= options.warmup) samples[key].push(elapsed);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, summary(samples[k])])) as Record<K, Timing>;
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
