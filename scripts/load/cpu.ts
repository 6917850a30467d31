import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

// CPU time used by the server during a stage, from Linux's /proc: the app's processes (whatever
// listens on its port, with every process under it) and PostgreSQL's (the postmaster and its
// backends). Divided by the requests served, it gives the CPU a request costs, which does not
// depend on what else the machine is doing the way latency does; the machine's cores divided by
// it bound the throughput.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

type ProcStat = { pid: number; ppid: number; cpuMs: number };

/** utime + stime, and cutime + cstime (children already reaped), of one process; null once it is gone. */
export function parseStat(text: string): { ppid: number; cpuMs: number } {
  // The command name (field 2) may hold spaces and parentheses: the fields after it start after the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return { ppid: Number(fields[1]), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
}

function allProcesses(): ProcStat[] {
  const found: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      found.push({ pid: Number(entry), ...parseStat(readFileSync(`/proc/${entry}/stat`, "utf8")) });
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/** The processes listening on a TCP port of this machine (ss), or none where that cannot be read. */
export function listeningPids(port: number): number[] {
  try {
    const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    return [...new Set([...out.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))];
  } catch {
    return [];
  }
}

/** CPU milliseconds used so far by these processes and every process under them. */
export function treeCpuMs(roots: readonly number[]): number {
  if (roots.length === 0) return 0;
  const processes = allProcesses();
  const children = new Map<number, ProcStat[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  let total = 0;
  const seen = new Set<number>();
  const walk = (pid: number) => {
    if (seen.has(pid)) return;
    seen.add(pid);
    total += byPid.get(pid)?.cpuMs ?? 0;
    for (const child of children.get(pid) ?? []) walk(child.pid);
  };
  for (const root of roots) walk(root);
  return total;
}

export type CpuProbe = { app: number[]; database: number[] };
export type CpuReading = { appMs: number; databaseMs: number };

export function readCpu(probe: CpuProbe): CpuReading {
  return { appMs: treeCpuMs(probe.app), databaseMs: treeCpuMs(probe.database) };
}
