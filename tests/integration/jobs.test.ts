import net from "node:net";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeReportedErrors } from "../setup/fail-on-console-error";
import { createTestDatabase } from "./database";

// The job queue as several app processes start it on one database (npm start runs one per core, a
// deployment several instances): each declares the same queues and schedules at the same moment, and
// every one of them must start, the queues created once.

describe("job queue started by several processes at once", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let boss: typeof import("../../src/server/jobs/boss");

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    boss = await import("../../src/server/jobs/boss");
    await boss.installJobSchema(db.appUrl);
  });
  afterAll(async () => db?.drop());

  it("starts in every process when they create the same new queues together", async () => {
    const noop = async () => null;
    for (let round = 0; round < 4; round++) {
      // New names every round: each round creates its queues, as a first start or an upgrade does.
      const jobs = ["a", "b", "c"].map((k) => ({ name: `race-${round}-job-${k}`, cron: "0 7 * * *", run: noop }));
      const queues = ["a", "b", "c"].map((k) => ({
        name: `race-${round}-queue-${k}`,
        expireInSeconds: 60,
        retryLimit: 1,
        work: noop,
      }));
      const starts = await Promise.allSettled([1, 2, 3].map(() => boss.startQueue(jobs, db.appUrl, queues)));
      const started = starts.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
      await Promise.all(started.map((b: PgBoss) => b.stop({ graceful: false, wait: true })));
      expect(
        starts.flatMap((s) => (s.status === "rejected" ? [String(s.reason)] : [])),
        `round ${round}`,
      ).toEqual([]);
      const created = await db.adminDb.$queryRawUnsafe<{ name: string }[]>(
        `SELECT name FROM pgboss.queue WHERE name LIKE 'race-${round}-%' ORDER BY name`,
      );
      expect(created.map((q) => q.name)).toEqual([...jobs, ...queues].map((d) => d.name).sort());
      const schedules = await db.adminDb.$queryRawUnsafe<{ name: string }[]>(
        `SELECT name FROM pgboss.schedule WHERE name LIKE 'race-${round}-%' ORDER BY name`,
      );
      expect(schedules.map((s) => s.name)).toEqual(jobs.map((d) => d.name).sort());
    }
  });

  it("forgets a start that failed, so that the next call starts again", async () => {
    const unreachable = db.appUrl.replace(/:\/\/([^@]*)@([^/:]+):\d+/, "://$1@$2:1");
    await expect(boss.startJobs([], unreachable)).rejects.toThrow();
    const queue = await boss.startJobs([], db.appUrl);
    expect(await queue.isInstalled()).toBe(true);
    await boss.stopJobs();
  });

  it("keeps trying while PostgreSQL is not there, and starts once it answers", async () => {
    // PostgreSQL as the app sees it: a port where nobody listens yet, then a relay to the real server.
    const real = new URL(db.appUrl);
    const free = net.createServer();
    await new Promise<void>((resolve) => free.listen(0, "127.0.0.1", resolve));
    const port = (free.address() as net.AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    const later = new URL(db.appUrl);
    later.hostname = "127.0.0.1";
    later.port = String(port);
    later.search = "";

    let settled = false;
    const starting = boss.startJobsUntilStarted([], [], { connectionString: later.toString(), retryMs: 200 });
    void starting.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(settled).toBe(false);
    // Each failed attempt is logged as an error, with what to look at.
    const logged = takeReportedErrors();
    expect(logged.length).toBeGreaterThanOrEqual(2);
    for (const line of logged) expect(line).toMatch(/ECONNREFUSED[\s\S]*job queue did not start; trying again/);

    const relay = net.createServer((socket) => {
      const upstream = net.connect(Number(real.port || 5432), real.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on("error", () => upstream.destroy());
      upstream.on("error", () => socket.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve));
    try {
      const queue = await starting;
      expect(await queue.isInstalled()).toBe(true);
      takeReportedErrors(); // the attempts between the check above and the relay
      await boss.stopJobs();
    } finally {
      relay.close();
    }
  });
});
