import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { launcherEnv } from "../../src/server/env";
import { answeringPids, ensureBuild, signIn, startApp, waitFor, type AppServer } from "./app-servers";
import { createTestDatabase } from "./database";

// Two app instances (`npm start`'s launcher; one with two cluster workers, one with one) on one
// database, then Debian's nginx in front of both, as docs/deployment.md describes: a user signed in
// on one is served by the other, a write through one is read through the other, an app process
// that dies is replaced, and nginx spreads requests over both and passes health checks through.

const PASSWORD = "Demo@2026";

async function serverActionId(exportedName: string): Promise<string> {
  const manifest = JSON.parse(await readFile(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`server action ${exportedName} not in the build`);
  return found[0];
}

/** Calls a server action the way React's client does for plain (non-FormData) arguments. */
async function callServerAction(base: string, page: string, cookie: string, id: string, args: unknown[]) {
  const response = await fetch(`${base}${page}`, {
    method: "POST",
    headers: {
      Cookie: cookie,
      "Next-Action": id,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
    },
    body: JSON.stringify(args),
  });
  return { status: response.status, body: await response.text() };
}

describe("several app instances on one database", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: AppServer;
  let b: AppServer;
  let proxyPort: number;
  let nginx: ChildProcess | undefined;
  let nginxDir: string;

  beforeAll(async () => {
    ensureBuild();
    db = await createTestDatabase();
    proxyPort = await findFreePort();
    const common = {
      DATABASE_URL: db.appUrl,
      DATABASE_ADMIN_URL: db.adminUrl,
      NEXTAUTH_URL: `http://127.0.0.1:${proxyPort}`,
    };
    [a, b] = await Promise.all([
      startApp({ ...common, WEB_CONCURRENCY: "2" }),
      startApp({ ...common, WEB_CONCURRENCY: "1" }),
    ]);
  }, 900_000);
  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      nginx.kill("SIGQUIT");
      await new Promise((resolve) => nginx!.once("exit", resolve));
    }
    if (nginxDir) await rm(nginxDir, { recursive: true, force: true });
    expect(await a?.stop()).toBe(0);
    expect(await b?.stop()).toBe(0);
    await db?.drop();
  });

  it("serves a user signed in on one instance from the other", async () => {
    const cookie = await signIn(a.url, "sonla.editor", PASSWORD);
    const user = await db.adminDb.user.findUniqueOrThrow({ where: { username: "sonla.editor" } });
    for (const server of [b, a]) {
      const response = await fetch(`${server.url}/plans`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(response.status, server.url).toBe(200);
      expect(await response.text()).toContain(user.displayName);
    }
    // Without the cookie, the other instance sends to the sign-in page.
    const anonymous = await fetch(`${b.url}/plans`, { redirect: "manual" });
    expect(anonymous.status).toBe(307);
  });

  it("reads through one instance what was saved through the other", async () => {
    const cookie = await signIn(b.url, "phuongmocchau.editor", PASSWORD);
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    const plan = await db.adminDb.plan.findFirstOrThrow({ where: { issuerId: ward.id } });
    const year = new Date().getFullYear();
    const indicator = await db.adminDb.indicator.findFirstOrThrow({
      where: { planId: plan.id, isGroup: false, direction: "HIGHER_BETTER", actuals: { none: { year } } },
    });
    const page = `/plans/${plan.id}/results?year=${year}`;
    const typed = "4321,75";
    const before = await fetch(`${b.url}${page}`, { headers: { Cookie: cookie } });
    expect(before.status).toBe(200);
    expect(await before.text()).not.toContain(typed);

    const result = await callServerAction(a.url, page, cookie, await serverActionId("saveActualsAction"), [
      {
        planId: plan.id,
        year,
        rows: [{ indicatorId: indicator.id, text: typed, note: "", source: "", version: null }],
      },
    ]);
    expect(result.status).toBe(200);
    expect(result.body).toContain('"status":"ok"');

    const after = await fetch(`${b.url}${page}`, { headers: { Cookie: cookie } });
    expect(await after.text()).toContain(typed);
  });

  it("replaces an app process that dies", async () => {
    const before = await answeringPids(a.url, 12);
    expect(before.size).toBe(2);
    const [victim] = [...before];
    process.kill(victim!, "SIGKILL");
    const after = await waitFor(
      "a replacement app process",
      async () => {
        const pids = await answeringPids(a.url, 6);
        return pids.size === 2 && !pids.has(victim!) ? pids : undefined;
      },
      400,
    ).catch((error) => {
      throw new Error(`${error.message}\n${a.output()}`);
    });
    expect([...after].filter((pid) => before.has(pid))).toHaveLength(1);
    expect(a.output()).toMatch(/đã dừng \(SIGKILL\); khởi động tiến trình thay thế/);
  }, 180_000);

  it("behind nginx: requests reach both instances, health checks and sessions pass through", async () => {
    nginxDir = path.resolve(launcherEnv().DATA_DIR, "test-own", `nginx-${proxyPort}`);
    await mkdir(nginxDir, { recursive: true });
    const config = path.join(nginxDir, "nginx.conf");
    // The upstream block of docs/deployment.md, on loopback ports.
    await writeFile(
      config,
      `daemon off;
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${nginxDir}/access.log;
  client_body_temp_path ${nginxDir}/body;
  proxy_temp_path ${nginxDir}/proxy;
  fastcgi_temp_path ${nginxDir}/fastcgi;
  uwsgi_temp_path ${nginxDir}/uwsgi;
  scgi_temp_path ${nginxDir}/scgi;
  upstream kehoach {
    server 127.0.0.1:${a.port} max_fails=3 fail_timeout=10s;
    server 127.0.0.1:${b.port} max_fails=3 fail_timeout=10s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${proxyPort};
    client_max_body_size 4m;
    location / {
      proxy_pass http://kehoach;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
`,
    );
    nginx = spawn("nginx", ["-c", config, "-p", nginxDir], { stdio: "inherit" });
    const proxy = `http://127.0.0.1:${proxyPort}`;
    await waitFor("nginx", async () => ((await fetch(`${proxy}/api/health`)).ok ? true : undefined));

    const pidsA = await answeringPids(a.url, 12);
    const pidsB = await answeringPids(b.url, 4);
    const throughProxy = await answeringPids(proxy, 24);
    expect([...throughProxy].some((pid) => pidsA.has(pid))).toBe(true);
    expect([...throughProxy].some((pid) => pidsB.has(pid))).toBe(true);

    const ready = await fetch(`${proxy}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });

    // Signed in through the proxy; every following page, whichever instance answers, knows the user.
    const cookie = await signIn(proxy, "lamdong.approver", PASSWORD);
    const user = await db.adminDb.user.findUniqueOrThrow({ where: { username: "lamdong.approver" } });
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${proxy}/plans`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(user.displayName);
    }
  });
});
