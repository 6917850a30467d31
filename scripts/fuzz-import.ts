import { monitorEventLoopDelay } from "node:perf_hooks";
import { mutant, OPERATIONS } from "../src/features/import/fuzz/mutate";
import { loadSeeds } from "../src/features/import/fuzz/seeds";
import type { ReadOutcome } from "../src/features/import/read-document";
import { readInWorker } from "../src/features/import/read-in-worker";

// `npm run fuzz:import [-- --count N --seed S]`: N documents (default 1,000) mutated from the seeds
// in tests/fixtures/import/ (the .md also as .docx), each read exactly as an upload is read
// (readInWorker: a worker thread with its time and memory limits). Every one must end in a message
// or a draft; the time each took (worker start included) and the longest stall of this process's
// event loop (what other users of a server would feel) are printed. Exit 1 if a document got
// neither a message nor a draft. Results are recorded in docs/performance.md.

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const COUNT = option("count", 1000);
const SEED = option("seed", 20261205);
const PARALLEL = 2;
const SLOW_MS = 2000;

type Row = { n: number; name: string; operation: string; ms: number; outcome: ReadOutcome };

async function main() {
  const seeds = await loadSeeds();
  console.log(`${seeds.length} seeds: ${seeds.map((s) => s.name).join(", ")}`);
  // Made first, so that building them (deflating a zip bomb) is not counted as the server's work.
  const documents: Awaited<ReturnType<typeof mutant>>[] = [];
  for (let n = 0; n < COUNT; n++) documents.push(await mutant(seeds, SEED, n));
  console.log(`${COUNT} documents made`);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const rows: Row[] = [];
  const bad: string[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < COUNT) {
      const n = next++;
      const doc = documents[n]!;
      const t0 = performance.now();
      let outcome: ReadOutcome;
      try {
        outcome = await readInWorker({ kind: "file", name: doc.name, bytes: doc.bytes, key: `fuzz-${n}` });
      } catch (error) {
        bad.push(`${doc.name} (${doc.operation}): threw ${String(error)}`);
        continue;
      }
      const ms = performance.now() - t0;
      if (!(outcome.status === "ok" || (outcome.status === "error" && outcome.message.length > 10)))
        bad.push(`${doc.name} (${doc.operation}): ${JSON.stringify(outcome).slice(0, 200)}`);
      rows.push({ n, name: doc.name, operation: doc.operation, ms, outcome });
      if ((n + 1) % 100 === 0) console.log(`… ${n + 1}/${COUNT}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  delay.disable();
  const total = (performance.now() - started) / 1000;

  const percentile = (values: number[], p: number) =>
    values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]! : 0;
  const line = (label: string, subset: Row[]) => {
    const times = subset.map((r) => r.ms);
    const drafts = subset.filter((r) => r.outcome.status === "ok").length;
    return `| ${label} | ${subset.length} | ${drafts} | ${subset.length - drafts} | ${Math.round(percentile(times, 0.5))} | ${Math.round(percentile(times, 0.95))} | ${Math.round(Math.max(0, ...times))} |`;
  };
  console.log(`\n${COUNT} documents, seed ${SEED}, ${PARALLEL} at a time, ${total.toFixed(0)} s in all`);
  console.log("| operation | documents | drafts | messages | p50 ms | p95 ms | max ms |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const operation of OPERATIONS) {
    const subset = rows.filter((r) => r.operation === operation);
    if (subset.length) console.log(line(operation, subset));
  }
  console.log(line("**all**", rows));
  const messages = new Map<string, number>();
  for (const r of rows)
    if (r.outcome.status === "error") messages.set(r.outcome.message, (messages.get(r.outcome.message) ?? 0) + 1);
  console.log("\nMessages given:");
  for (const [message, count] of [...messages].sort((a, b) => b[1] - a[1])) console.log(`  ${count} × ${message}`);
  const slow = rows.filter((r) => r.ms > SLOW_MS);
  console.log(`\nOver ${SLOW_MS} ms: ${slow.length}`);
  for (const r of slow) console.log(`  ${r.name} (${r.operation}): ${Math.round(r.ms)} ms`);
  console.log(`Longest stall of this process's event loop: ${Math.round(delay.max / 1e6)} ms`);
  if (bad.length) {
    console.log(`\nNeither a message nor a draft (${bad.length}):`);
    for (const b of bad) console.log(`  ${b}`);
    process.exit(1);
  }
  console.log("Every document got a message or a draft.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
