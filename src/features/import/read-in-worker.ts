import { Worker, type ResourceLimits } from "node:worker_threads";
import { runningInNext } from "@/server/env";
import { LIMIT_MESSAGES, READ_MEMORY_LIMIT_MB, READ_TIME_LIMIT_MS } from "./limits";
import type { ReadJob, ReadOutcome } from "./read-document";

// Reading an upload off the request's event loop (issue 12): each document is read and parsed in a
// worker thread of its own, with its own heap and stack limits and a time limit after which it is
// terminated. A hostile file then costs one thread and ends with a message; the server, and every
// other user, carry on. A fresh thread per document means nothing one document did can reach the
// next. At most MAX_PARALLEL run at once per process (the machine has two cores), and a few more
// wait; beyond that the user is asked to try again. The queue is only this process's: it protects
// this process's CPU and memory, and holds nothing that matters across instances.
//
// In the production build Next (Turbopack) bundles the worker's entry from the
// `new Worker(new URL("./parse-worker.ts", import.meta.url))` expression (its support for
// node:worker_threads; tests/e2e/import-hostile.spec.ts proves it on the built app). When the sources
// run as TypeScript (tests, scripts under tsx), the entry is TypeScript too, so the thread first
// registers tsx's loader.

const MAX_PARALLEL = 2;
const MAX_WAITING = 8;

export type ReadLimits = { timeMs: number; memoryMb: number };
const DEFAULT_LIMITS: ReadLimits = { timeMs: READ_TIME_LIMIT_MS, memoryMb: READ_MEMORY_LIMIT_MB };

let running = 0;
const waiting: (() => void)[] = [];

function startWorker(limits: ReadLimits): Worker {
  const resourceLimits: ResourceLimits = {
    maxOldGenerationSizeMb: limits.memoryMb,
    maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(limits.memoryMb / 8))),
    stackSizeMb: 4,
  };
  if (runningInNext()) return new Worker(new URL("./parse-worker.ts", import.meta.url), { resourceLimits });
  // Written so that the bundler does not take it for an asset to publish.
  const entry = import.meta.url.replace(/read-in-worker\.ts$/, "parse-worker.ts");
  return new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true, resourceLimits },
  );
}

function runOnce(job: ReadJob, limits: ReadLimits): Promise<ReadOutcome> {
  return new Promise((resolve) => {
    const worker = startWorker(limits);
    let settled = false;
    const finish = (outcome: ReadOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (outcome.status === "error" && outcome.detail)
        console.warn(`[import] document refused: ${outcome.message} (${outcome.detail})`);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ status: "error", message: LIMIT_MESSAGES.timeout, detail: `over ${limits.timeMs} ms` }),
      limits.timeMs,
    );
    worker.on("message", (outcome: ReadOutcome) => finish(outcome));
    worker.on("error", (error: Error & { code?: string }) =>
      finish({
        status: "error",
        message: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? LIMIT_MESSAGES.memory : LIMIT_MESSAGES.failed,
        detail: `${error.code ?? error.name}: ${error.message}`,
      }),
    );
    worker.on("exit", (code) =>
      finish({ status: "error", message: LIMIT_MESSAGES.failed, detail: `worker exited with ${code}` }),
    );
    if (job.kind === "file") {
      // The bytes move to the thread rather than being copied.
      const bytes = job.bytes.slice();
      worker.postMessage({ ...job, bytes }, [bytes.buffer]);
    } else worker.postMessage(job);
  });
}

/** Reads and parses one document in a worker thread; always resolves, with a draft or a message. */
export async function readInWorker(job: ReadJob, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadOutcome> {
  if (running >= MAX_PARALLEL) {
    if (waiting.length >= MAX_WAITING) return { status: "error", message: LIMIT_MESSAGES.busy };
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else running++;
  try {
    return await runOnce(job, limits);
  } finally {
    // The slot passes to the next in line, or is freed.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
