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

/**
 * pg-boss creates a queue (its row, then a partition table attached to the job table) under no lock
 * of its own: processes creating the same new queue at once deadlock (40P01), and the one PostgreSQL
 * picks to fail has no queue (seen at the first `npm start`, one process per core). So the queues and
 * schedules are declared by one process at a time, under a session advisory lock held on a
 * connection of their own; the others then find them there (creation does nothing for a queue that
 * exists). Ending the connection releases the lock, whatever happens.
 */
async function oneProcessAtATime(connectionString: string, declare: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: "kehoach-jobs" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('kehoach.jobs.declare'))");
    await declare();
  } finally {
    await client.end();
  }
}

/**
 * One process's queue: pg-boss installed and started, the jobs' and queues' definitions in
 * PostgreSQL, and their workers. A start that fails part way stops what it started.
 */
export async function startQueue(
  definitions: readonly JobDefinition[],
  connectionString: string,
  queues: readonly QueueDefinition[] = [],
): Promise<PgBoss> {
  await installJobSchema(connectionString);
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 2, application_name: "kehoach-jobs" });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  try {
    await oneProcessAtATime(connectionString, async () => {
      for (const job of definitions) {
        await boss.createQueue(job.name, { name: job.name, policy: "singleton", retryLimit: 3, retryDelay: 60 });
        await boss.schedule(job.name, job.cron, {}, { tz: VIETNAM_TIME_ZONE });
      }
      for (const queue of queues)
        await boss.createQueue(queue.name, {
          name: queue.name,
          policy: "standard",
          retryLimit: queue.retryLimit,
          retryDelay: 5,
          expireInSeconds: queue.expireInSeconds,
        });
    });
    for (const job of definitions)
      await boss.work(job.name, { pollingIntervalSeconds: 5 }, async () => {
        const started = Date.now();
        const result = await job.run();
        logger.info({ job: job.name, ms: Date.now() - started, result }, "job done");
        return result;
      });
    for (const queue of queues)
      await boss.work(queue.name, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
        if (!job) return null;
        const started = Date.now();
        const result = await queue.work(job.data, job.id);
        logger.info({ job: queue.name, id: job.id, ms: Date.now() - started }, "job done");
        return result;
      });
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw error;
  }
  return boss;
}

/**
 * Starts this process's queue (startQueue), once: the promise is kept. A start that failed is
 * forgotten, so that the next call starts again.
 */
export function startJobs(
  definitions: readonly JobDefinition[],
  connectionString = serverEnv().DATABASE_URL,
  queues: readonly QueueDefinition[] = [],
): Promise<PgBoss> {
  if (!globalForJobs.jobs) {
    const starting = startQueue(definitions, connectionString, queues);
    globalForJobs.jobs = starting;
    starting.catch(() => {
      if (globalForJobs.jobs === starting) globalForJobs.jobs = undefined;
    });
  }
  return globalForJobs.jobs;
}

/**
 * startJobs in the background, tried again `retryMs` apart while it fails (PostgreSQL not there yet
 * when the server starts, or gone for a while): the server serves meanwhile, and the jobs start
 * once PostgreSQL answers. Resolves with the queue when it has started.
 */
export async function startJobsUntilStarted(
  definitions: readonly JobDefinition[],
  queues: readonly QueueDefinition[] = [],
  { connectionString = serverEnv().DATABASE_URL, retryMs = 30_000 } = {},
): Promise<PgBoss> {
  for (;;) {
    try {
      return await startJobs(definitions, connectionString, queues);
    } catch (error) {
      logger.error({ err: error, retryInSeconds: retryMs / 1000 }, "job queue did not start; trying again");
      await new Promise((resolve) => setTimeout(resolve, retryMs).unref());
    }
  }
}

/** The jobs marked atStart, run here and now (src/instrumentation-node.ts awaits this before the server serves). */
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
