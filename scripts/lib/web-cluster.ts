import cluster, { type Worker } from "node:cluster";
import path from "node:path";

// The production web tier: `workers` app processes (Node's cluster module) sharing one port, each a
// Next server (web-worker.ts). Nothing that matters lives in a worker's memory (sessions are signed
// cookies checked against PostgreSQL, throttling is in PostgreSQL), so any worker may answer any
// request. A worker that dies is replaced; if they keep dying, the launcher gives up and exits
// non-zero, so that a supervisor (systemd) restarts everything.

export type WebCluster = { stop: () => Promise<void>; pids: () => number[] };

export function startWebCluster(options: {
  workers: number;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  onListening?: () => void;
  onGiveUp: (reason: string) => void;
  /** Unexpected exits tolerated within `crashWindowMs` before giving up. */
  maxCrashes?: number;
  crashWindowMs?: number;
}): WebCluster {
  const { log, maxCrashes = 5, crashWindowMs = 60_000 } = options;
  cluster.setupPrimary({
    exec: path.resolve("scripts/lib/web-worker.ts"),
    // Inherit tsx's loader (the worker is TypeScript), nothing else from the launcher's command line.
    // WEB_CPU_PROFILE_DIR: each app process writes a V8 CPU profile there when it stops, to find
    // where the time goes under `npm run load` (Node refuses --cpu-prof in NODE_OPTIONS).
    execArgv: [
      ...process.execArgv,
      ...(process.env.WEB_CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.WEB_CPU_PROFILE_DIR}`] : []),
    ],
    silent: false,
  });
  let stopping = false;
  let announced = false;
  const crashes: number[] = [];
  const fork = () => {
    const worker = cluster.fork(options.env);
    worker.once("listening", () => {
      if (!announced) {
        announced = true;
        options.onListening?.();
      }
    });
    return worker;
  };
  cluster.on("exit", (worker: Worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && crashes[0]! < now - crashWindowMs) crashes.shift();
    const how = signal ?? `mã ${code}`;
    if (crashes.length > maxCrashes) {
      options.onGiveUp(`${crashes.length} tiến trình ứng dụng đã dừng bất thường trong ${crashWindowMs / 1000} giây`);
      return;
    }
    log(`Tiến trình ứng dụng ${worker.process.pid} đã dừng (${how}); khởi động tiến trình thay thế.`);
    // A short pause: if the whole group is being stopped (Ctrl-C), the launcher's handler runs first.
    setTimeout(() => {
      if (!stopping) fork();
    }, 500);
  });
  for (let i = 0; i < options.workers; i++) fork();

  return {
    pids: () => Object.values(cluster.workers ?? {}).flatMap((w) => (w?.process.pid ? [w.process.pid] : [])),
    stop: async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once("exit", () => resolve());
              try {
                worker.send("shutdown");
              } catch {
                worker.process.kill("SIGTERM");
              }
              // A worker that does not leave within 15 s is killed.
              setTimeout(() => worker.process.kill("SIGKILL"), 15_000).unref();
            }),
        ),
      );
    },
  };
}
