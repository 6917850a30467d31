import "server-only";
import pg from "pg";
import PgBoss from "pg-boss";
import { VIETNAM_TIME_ZONE } from "@/domain/vietnam-time";
import { serverEnv } from "../env";
import { logger } from "../log/logger";

// Scheduled work in PostgreSQL (pg-boss, ADR 0026): every app process starts the queue with the
// server (src/instrumentation.ts); pg-boss lets one process per cron minute put a scheduled job in
// the queue, and hands each job to one worker, so several instances never run it twice. The jobs
// themselves are idempotent besides (dedupe keys, the digest's day), so a retry changes nothing.

export const JOB_SCHEMA = "pgboss";

export type JobDefinition = {
  name: string;
  /** Cron, read in Vietnam's time zone. */
  cron: string;
  /**
   * Also run once in each process as the server starts, before it serves (the reminders: the demo's
   * are there at the first sign-in). Only for idempotent work; a failure is logged, not fatal.
   */
  atStart?: boolean;
  run: () => Promise<unknown>;
};

/**
 * pg-boss installs itself with CREATE SCHEMA IF NOT EXISTS, which PostgreSQL refuses to a role without
 * CREATE on the database even when the schema exists. The application role has no such right; it owns
 * the schema a migration made for it (20261206100000_notifications). So its tables are created here,
 * as that role, from pg-boss's own construction plan less that one statement, under pg-boss's own
 * advisory lock; later pg-boss versions migrate them themselves (the role owns them).
 */
export async function installJobSchema(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const installed = async () =>
      (await client.query<{ name: string | null }>(`SELECT to_regclass('${JOB_SCHEMA}.version')::text AS name`)).rows[0]
        ?.name != null;
    if (await installed()) return;
    const plan = PgBoss.getConstructionPlans(JOB_SCHEMA).replace(
      new RegExp(`CREATE SCHEMA IF NOT EXISTS ${JOB_SCHEMA}`, "i"),
      "SELECT 1",
    );
    try {
      await client.query(plan);
    } catch (error) {
      // Another instance installed it meanwhile (it held the lock first): nothing left to do.
      await client.query("ROLLBACK").catch(() => undefined);
      if (!(await installed())) throw error;
    }
  } finally {
    await client.end();
  }
}

/**
 * Work sent on demand rather than on a schedule (an uploaded scan to read, ADR 0032): every process
 * works the queue, one job at a time each, and pg-boss gives each job to one of them. A job whose
 * process died is handed out again after `expireInSeconds`, up to `retryLimit` times.
 */
export type QueueDefinition = {
  name: string;
  expireInSeconds: number;
  retryLimit: number;
  work: (data: unknown, jobId: string) => Promise<unknown>;
};

const globalForJobs = globalThis as unknown as { jobs?: Promise<PgBoss> };

/** Starts the queue, schedules the jobs and works them. Once per process; the promise is kept. */
export function startJobs(
  definitions: readonly JobDefinition[],
  connectionString = serverEnv().DATABASE_URL,
  queues: readonly QueueDefinition[] = [],
) {
  globalForJobs.jobs ??= (async () => {
    await installJobSchema(connectionString);
    const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 2, application_name: "kehoach-jobs" });
    boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
    await boss.start();
    for (const job of definitions) {
      await boss.createQueue(job.name, { name: job.name, policy: "singleton", retryLimit: 3, retryDelay: 60 });
      await boss.schedule(job.name, job.cron, {}, { tz: VIETNAM_TIME_ZONE });
      await boss.work(job.name, { pollingIntervalSeconds: 5 }, async () => {
        const started = Date.now();
        const result = await job.run();
        logger.info({ job: job.name, ms: Date.now() - started, result }, "job done");
        return result;
      });
    }
    for (const queue of queues) {
      await boss.createQueue(queue.name, {
        name: queue.name,
        policy: "standard",
        retryLimit: queue.retryLimit,
        retryDelay: 5,
        expireInSeconds: queue.expireInSeconds,
      });
      await boss.work(queue.name, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
        if (!job) return null;
        const started = Date.now();
        const result = await queue.work(job.data, job.id);
        logger.info({ job: queue.name, id: job.id, ms: Date.now() - started }, "job done");
        return result;
      });
    }
    return boss;
  })();
  return globalForJobs.jobs;
}

/** The jobs marked atStart, run here and now (src/instrumentation.ts awaits this before the server serves). */
export async function runAtStart(definitions: readonly JobDefinition[]): Promise<void> {
  for (const job of definitions.filter((j) => j.atStart))
    try {
      await job.run();
    } catch (error) {
      logger.warn({ err: error, job: job.name }, "job at start failed; the schedule will run it");
    }
}

/** Puts one job in a queue worked by startJobs's `queues`; the queue must have been started in this process. */
export async function enqueue(name: string, data: object): Promise<string> {
  const jobs = globalForJobs.jobs;
  if (!jobs) throw new Error("the job queue is not started in this process");
  const id = await (await jobs).send(name, data);
  if (!id) throw new Error(`pg-boss did not take the job for ${name}`);
  return id;
}

/** Stops the queue (tests, shutdown), letting running jobs finish. */
export async function stopJobs(): Promise<void> {
  const jobs = globalForJobs.jobs;
  globalForJobs.jobs = undefined;
  if (jobs) await (await jobs).stop({ graceful: true, wait: true });
}
