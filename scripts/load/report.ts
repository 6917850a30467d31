import { readFile, writeFile } from "node:fs/promises";
import type { Reconciliation } from "./ledger";
import type { LoadOptions } from "./options";
import type { Ceiling, StageStats } from "./stats";

// The load run as Markdown: written into docs/performance.md between markers (the latest run) and
// printed to the console.

export type LoadRun = {
  date: string;
  node: string;
  cpus: number;
  target: string;
  options: LoadOptions;
  load: { before: number; after: number };
  signIn: { users: number; seconds: number };
  stages: StageStats[];
  ceiling: Ceiling | null;
  reconciliation: Reconciliation;
  errors: [string, { count: number; examples: string[] }][];
  seconds: number;
};

const START = "<!-- load:start -->";
const END = "<!-- load:end -->";

const ms = (value: number) => `${Math.round(value)} ms`;
const rate = (value: number) => `${value.toFixed(1)} req/s`;

export function stageTable(stage: StageStats, limitMs: number): string[] {
  const lines = [
    `| action | requests | errors | p50 | p95 | p99 | max |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const a of stage.actions)
    lines.push(
      `| ${a.action} | ${a.count} | ${a.errors} | ${ms(a.p50)} | ${a.p95 >= limitMs ? `**${ms(a.p95)}**` : ms(a.p95)} | ${ms(a.p99)} | ${ms(a.max)} |`,
    );
  lines.push(`| **all** | ${stage.requests} | ${stage.errors} | | ${ms(stage.worstP95)} (worst) | | |`);
  return lines;
}

/** CPU per request and how busy the machine's cores were, from the app's and PostgreSQL's processes. */
export function cpuLine(stage: StageStats, cores: number): string {
  if (!stage.cpu || stage.requests === 0) return "";
  const { appMs, databaseMs, clientMs } = stage.cpu;
  const busy = (value: number) => `${Math.round((100 * value) / (stage.seconds * 1000))}%`;
  const client = clientMs === undefined ? "" : `, and this load generator, on the same machine, ${busy(clientMs)}`;
  return ` CPU per request: app ${ms(appMs / stage.requests)}, PostgreSQL ${ms(databaseMs / stage.requests)}; over the stage the app used ${busy(appMs)} of one core and PostgreSQL ${busy(databaseMs)}${client} (${cores} cores).`;
}

export function ceilingLine(ceiling: Ceiling | null, limitMs: number): string {
  if (!ceiling) return "no stage measured";
  if (ceiling.kind === "above")
    return `not reached: the worst p95 stayed under ${limitMs} ms up to ${rate(ceiling.throughput)} (${ceiling.stage.officials} officials)`;
  if (ceiling.kind === "below")
    return `below the first stage: ${ceiling.stage.officials} officials already gave a worst p95 of ${ms(ceiling.stage.worstP95)} at ${rate(ceiling.throughput)}`;
  return `about ${rate(ceiling.throughput)}: worst p95 ${ms(ceiling.below.worstP95)} at ${rate(ceiling.below.throughput)} (${ceiling.below.officials} officials), ${ms(ceiling.above.worstP95)} at ${rate(ceiling.above.throughput)} (${ceiling.above.officials} officials)`;
}

export function runLines(run: LoadRun): string[] {
  const o = run.options;
  const r = run.reconciliation;
  const lines = [
    `### \`npm run load\`, ${run.date}`,
    "",
    `Target: ${run.target}. Node.js ${run.node}, ${run.cpus} cores, load average ${run.load.before.toFixed(1)} before and ${run.load.after.toFixed(1)} after. ` +
      `Think time ${o.think.minMs / 1000}–${o.think.maxMs / 1000} s between actions; each stage's users start over ${o.ramp} s, then ${o.duration} s are measured; ` +
      `one provincial viewer per ${Math.round(1 / Math.max(o.viewerShare, 0.0001))} officials; reports sent after ${o.submitAfterRounds} rounds; seed ${o.seed}. ` +
      `${run.signIn.users} users signed in (through next-auth's credentials callback) in ${run.signIn.seconds.toFixed(0)} s before the first stage. Whole run ${Math.round(run.seconds)} s.`,
    "",
  ];
  for (const stage of run.stages) {
    const verdict = stage.errors === 0 && stage.worstP95 < o.limitMs ? "goal met" : "goal not met";
    lines.push(
      `**${stage.officials} officials + ${stage.viewers} provincial viewers**: ${stage.requests} requests in ${stage.seconds.toFixed(0)} s, ${rate(stage.throughput)}, ${stage.errors} errors, worst p95 ${ms(stage.worstP95)} (${verdict}: every action's p95 under ${o.limitMs} ms, no error).${cpuLine(stage, run.cpus)}`,
      "",
      ...stageTable(stage, o.limitMs),
      "",
    );
  }
  if (run.stages.length > 1)
    lines.push(
      `Ceiling (requests/s where the worst p95 reaches ${o.limitMs} ms): ${ceilingLine(run.ceiling, o.limitMs)}.`,
      "",
    );
  lines.push(
    `Acknowledged against stored (PostgreSQL, after the run): ${r.acknowledged} writes acknowledged (${r.byKind.actual.acknowledged} actuals, ${r.byKind.progress.acknowledged} task progress rows, ${r.byKind.narrative.acknowledged} report drafts, ${r.byKind.submission.acknowledged} submissions) of ${r.sent + r.byKind.submission.acknowledged} sent; **${r.lost.length} lost, ${r.duplicated.length} duplicated**; ${r.keptWithoutAcknowledgement} kept without acknowledgement (a request the client saw fail that committed).`,
  );
  if (run.errors.length) {
    lines.push("", "Errors:");
    for (const [action, e] of run.errors)
      lines.push(`- ${action}: ${e.count} (${e.examples.map((x) => `“${x}”`).join("; ")})`);
  }
  for (const item of [...r.lost, ...r.duplicated].slice(0, 10))
    lines.push(`- ${item.write.kind} ${item.write.entity}: ${item.why}`);
  return lines;
}

export async function writeLoadSection(file: string, run: LoadRun): Promise<void> {
  const text = await readFile(file, "utf8");
  const block = [START, ...runLines(run), END].join("\n");
  if (!text.includes(START)) throw new Error(`${file} không có chỗ ghi kết quả (${START} … ${END})`);
  await writeFile(file, text.replace(new RegExp(`${START}[\\s\\S]*?${END}`), block));
}
