import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { buildIfStale } from "../../scripts/lib/build";
import { findFreePort } from "../../scripts/lib/embedded-postgres";

// Real app servers for integration tests: `npm start`'s launcher (scripts/start.ts) in a child
// process, on the production build (built here when stale; parallel test files wait for one build).

export const TEST_SECRET = "a-secret-for-tests-only-0123456789abcdef";

export type AppServer = {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
};

export function ensureBuild() {
  buildIfStale((line) => console.log(line));
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, attempts = 480): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`gave up waiting for ${what}`);
}

export async function startApp(env: Record<string, string>): Promise<AppServer> {
  const port = env.PORT ? Number(env.PORT) : await findFreePort();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !["DATABASE_URL", "DATABASE_ADMIN_URL", "NODE_ENV"].includes(key)),
  );
  // tsx's own CLI passes SIGTERM on to the launcher (npx would not).
  const childEnv: Record<string, string | undefined> = {
    ...inherited,
    NEXTAUTH_SECRET: TEST_SECRET,
    SEED_DEMO: "false",
    HOST: "127.0.0.1",
    ...env,
    PORT: String(port),
  };
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const server: AppServer = {
    url,
    port,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
  try {
    await waitFor(`${url} to be ready`, async () => {
      if (child.exitCode !== null) throw new Error(`the launcher exited (${child.exitCode}):\n${output}`);
      const response = await fetch(`${url}/api/health/ready`);
      return response.status === 200 ? true : undefined;
    });
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return server;
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the Cookie header. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("kh.session="));
  if (!session) throw new Error(`sign-in of ${username} on ${base} failed (${response.status})`);
  return session;
}

/**
 * Liveness answers carry the answering process's id. Each request on a new connection: the cluster
 * hands out connections, not requests, and fetch would keep one connection alive.
 */
export async function answeringPids(base: string, requests: number): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < requests; i++) {
    const body = await new Promise<string>((resolve, reject) => {
      // A connection handed to a process that just died is never answered: give up on it.
      http
        .get(`${base}/api/health`, { agent: false, timeout: 3000 }, (response) => {
          let text = "";
          response.on("data", (chunk) => (text += chunk));
          response.on("end", () => resolve(text));
        })
        .on("timeout", function (this: http.ClientRequest) {
          this.destroy(new Error("no answer"));
        })
        .on("error", reject);
    });
    pids.add((JSON.parse(body) as { pid: number }).pid);
  }
  return pids;
}
