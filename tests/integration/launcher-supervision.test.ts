import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { launcherEnv } from "../../src/server/env";
import { ensureBuild, startApp, waitFor, type AppServer } from "./app-servers";

// `npm start` with its embedded PostgreSQL, whose postmaster is killed: pages answer the Vietnamese
// 503 page (never a page served without a database), readiness says why, the launcher starts
// PostgreSQL again and service resumes by itself.

describe("npm start when its embedded PostgreSQL dies", () => {
  let app: AppServer;
  let dataDir: string;

  beforeAll(async () => {
    ensureBuild();
    dataDir = path.resolve(launcherEnv().DATA_DIR, "test-own", `launcher-${randomBytes(4).toString("hex")}`);
    app = await startApp({
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await findFreePort()),
      WEB_CONCURRENCY: "1",
    });
  }, 900_000);
  afterAll(async () => {
    expect(await app?.stop()).toBe(0);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers 503 in Vietnamese while it is down, restarts it, and serves again", async () => {
    expect((await fetch(`${app.url}/sign-in`)).status).toBe(200);
    const postmaster = Number(
      (await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0],
    );
    process.kill(postmaster, "SIGKILL");

    const outage = await waitFor(
      "the 503 page",
      async () => {
        const response = await fetch(`${app.url}/sign-in`);
        return response.status === 503 ? response : undefined;
      },
      2000,
    );
    expect(outage.headers.get("retry-after")).toBe("10");
    expect(await outage.text()).toContain("Hệ thống tạm thời gián đoạn");

    await waitFor("service to resume", async () => {
      const [page, ready] = await Promise.all([fetch(`${app.url}/sign-in`), fetch(`${app.url}/api/health/ready`)]);
      return page.status === 200 && ready.status === 200 ? true : undefined;
    });
    expect(app.output()).toMatch(/PostgreSQL đã chạy lại/);
    const restarted = Number((await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    expect(restarted).not.toBe(postmaster);
  }, 180_000);
});
