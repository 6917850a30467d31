import { Worker, type ResourceLimits } from "node:worker_threads";
import { runningInNext } from "@/server/env";
import { LIMIT_MESSAGES, READ_MEMORY_LIMIT_MB, READ_TIME_LIMIT_MS } from "./limits";
import type { ReadJob, ReadOutcome } from "./read-document";

// Reading an upload off the request's event loop (issue 12): each document is read and parsed in a
// worker thread, with its own heap and stack limits and a time limit after which the thread is
// terminated. A hostile file then costs one thread and ends with a message; the server, and every
// other user, carry on. A thread whose document hit a limit or threw is discarded; one whose
// document ended normally (a draft, or an ordinary refusal such as "not a Word file") stays warm
// for the next document, so that a document does not pay for starting a thread and loading mammoth
// (up to MAX_JOBS_PER_WORKER documents, and while idle for at most IDLE_MS). At most MAX_PARALLEL
// run at once per process (the machine has two cores), and a few more wait; beyond that the user is
// asked to try again. The queue and the warm threads are only this process's: they protect its CPU
// and memory, and hold nothing that matters across instances.
//
// In the production build Next (Turbopack) bundles the worker's entry from the
// `new Worker(new URL("./parse-worker.ts", import.meta.url))` expression (its support for
// node:worker_threads; tests/e2e/import-hostile.spec.ts proves it on the built app). When the sources
// run as TypeScript (tests, scripts under tsx), the entry is TypeScript too, so the thread first
// registers tsx's loader.

const MAX_PARALLEL = 2;
const MAX_WAITING = 8;
const MAX_JOBS_PER_WORKER = 50;
const IDLE_MS = 60_000;

export type ReadLimits = { timeMs: number; memoryMb: number };
const DEFAULT_LIMITS: ReadLimits = { timeMs: READ_TIME_LIMIT_MS, memoryMb: READ_MEMORY_LIMIT_MB };

let running = 0;
const waiting: (() => void)[] = [];

type Warm = { worker: Worker; jobs: number; limits: ReadLimits; idleTimer?: NodeJS.Timeout };
const warm: Warm[] = [];

function takeWorker(limits: ReadLimits): Warm {
  const index = warm.findIndex((w) => w.limits.timeMs === limits.timeMs && w.limits.memoryMb === limits.memoryMb);
  if (index >= 0) {
    const [slot] = warm.splice(index, 1);
    clearTimeout(slot!.idleTimer);
    return slot!;
  }
  const worker = startWorker(limits);
  // A warm thread waiting for work does not keep the process alive.
  worker.unref();
  return { worker, jobs: 0, limits };
}

function giveBack(slot: Warm) {
  if (slot.jobs >= MAX_JOBS_PER_WORKER || warm.length >= MAX_PARALLEL) {
    void slot.worker.terminate();
    return;
  }
  slot.idleTimer = setTimeout(() => {
    const index = warm.indexOf(slot);
    if (index >= 0) warm.splice(index, 1);
    void slot.worker.terminate();
  }, IDLE_MS);
  slot.idleTimer.unref();
  warm.push(slot);
}

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
    const slot = takeWorker(limits);
    const { worker } = slot;
    slot.jobs++;
    let settled = false;
    const finish = (outcome: ReadOutcome, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (outcome.status === "error" && outcome.detail)
        console.warn(`[import] document refused: ${outcome.message} (${outcome.detail})`);
      if (reusable) giveBack(slot);
      else void worker.terminate();
      resolve(outcome);
    };
    const onMessage = (outcome: ReadOutcome) =>
      // An outcome with a detail is an exception inside the thread: not worth keeping that thread.
      finish(outcome, outcome.status === "ok" || !outcome.detail);
    const onError = (error: Error & { code?: string }) =>
      finish(
        {
          status: "error",
          message: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? LIMIT_MESSAGES.memory : LIMIT_MESSAGES.failed,
          detail: `${error.code ?? error.name}: ${error.message}`,
        },
        false,
      );
    const onExit = (code: number) =>
      finish({ status: "error", message: LIMIT_MESSAGES.failed, detail: `worker exited with ${code}` }, false);
    const timer = setTimeout(
      () => finish({ status: "error", message: LIMIT_MESSAGES.timeout, detail: `over ${limits.timeMs} ms` }, false),
      limits.timeMs,
    );
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
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
