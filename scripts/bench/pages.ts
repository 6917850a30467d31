import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { timeInterleaved, type Timing } from "./timing";

// The pages over HTTP: the production build of this checkout (scripts/start.ts builds it when the
// sources changed) started against the bench database, signed in through next-auth's credentials
// callback like a browser would, then each page fetched in full (body read) several times.

export type App = { base: string; stop: () => Promise<void> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startApp(
  urls: { adminUrl: string; appUrl: string },
  options: { port: number; log: (line: string) => void; logFile?: string },
): Promise<App> {
  const base = `http://127.0.0.1:${options.port}`;
  if (await reachable(`${base}/sign-in`))
    throw new Error(`Cổng ${options.port} đang có ứng dụng khác chạy; hãy dừng nó hoặc chọn cổng khác (--port).`);
  const child: ChildProcess = spawn(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"],
    {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: urls.appUrl,
        DATABASE_ADMIN_URL: urls.adminUrl,
        SEED_DEMO: "false",
        PORT: String(options.port),
        HOST: "127.0.0.1",
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        DATA_DIR: ".data/bench",
      },
    },
  );
  let exited: number | null = null;
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) output.push(line);
    while (output.length > 60) output.shift();
  };
  // The server's own output (its JSON log lines) is kept in a file when asked, for reading after a run.
  const file = options.logFile ? createWriteStream(options.logFile, { flags: "w" }) : null;
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  if (file) {
    child.stdout?.pipe(file);
    child.stderr?.pipe(file);
  }
  child.on("exit", (code) => {
    exited = code ?? 0;
  });
  const stop = async () => {
    if (exited !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    for (let i = 0; i < 50 && exited === null; i++) await sleep(200);
    if (exited === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  options.log("Khởi động ứng dụng (next build nếu mã nguồn đã đổi, rồi next start)…");
  const started = Date.now();
  while (!(await reachable(`${base}/sign-in`))) {
    if (exited !== null) throw new Error(`Ứng dụng dừng (mã ${exited}) trước khi sẵn sàng:\n${output.join("\n")}`);
    if (Date.now() - started > 15 * 60_000) {
      await stop();
      throw new Error(`Ứng dụng không sẵn sàng sau 15 phút:\n${output.join("\n")}`);
    }
    await sleep(1000);
  }
  options.log(`Ứng dụng sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(0)} giây.`);
  return { base, stop };
}

async function reachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { redirect: "manual" });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in through next-auth's credentials callback, as the sign-in form does; returns the Cookie header. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfResponse);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/plans`, json: "true" }),
  });
  await response.arrayBuffer();
  const session = cookiesOf(response).find((c) => c.startsWith("kh.session=") || c.startsWith("__Secure-kh.session="));
  if (!session) throw new Error(`Không đăng nhập được với ${username} (HTTP ${response.status})`);
  return session;
}

export type PageSubject = { label: string; path: string; cookie: string | null; expect: string; status?: number };
export type PageMeasurement = PageSubject & { timing: Timing; bytes: number };

async function fetchPage(base: string, subject: PageSubject): Promise<{ status: number; html: string }> {
  const response = await fetch(`${base}${subject.path}`, {
    redirect: "manual",
    headers: subject.cookie ? { cookie: subject.cookie } : {},
  });
  return { status: response.status, html: await response.text() };
}

export async function measurePages(
  base: string,
  subjects: PageSubject[],
  options: { runs: number; warmup: number; log: (line: string) => void },
): Promise<PageMeasurement[]> {
  const sizes = new Map<string, number>();
  for (const subject of subjects) {
    const { status, html } = await fetchPage(base, subject);
    if (status !== (subject.status ?? 200) || !html.includes(subject.expect)) {
      throw new Error(
        `${subject.label} (${subject.path}): HTTP ${status}, ${html.includes(subject.expect) ? "" : `thiếu “${subject.expect}”`}\n${html.slice(0, 800)}`,
      );
    }
    sizes.set(subject.label, Buffer.byteLength(html));
  }
  const timings = await timeInterleaved(
    Object.fromEntries(
      subjects.map((s) => [
        s.label,
        async () => {
          const { status } = await fetchPage(base, s);
          if (status !== (s.status ?? 200)) throw new Error(`${s.label}: HTTP ${status}`);
        },
      ]),
    ),
    options,
  );
  return subjects.map((s) => ({ ...s, timing: timings[s.label]!, bytes: sizes.get(s.label) ?? 0 }));
}

export type JsSize = {
  files: number;
  bytes: number;
  gzip: number;
  /** The page's own chunks (its entry in the build's client reference manifest, less the layout's). */
  own: { files: number; bytes: number; gzip: number } | null;
  lazy: { files: number; bytes: number; gzip: number };
};

/** The client chunks the build lists for an app route's page, less those of its layout, from `.next`. */
function ownChunks(route: string): string[] | null {
  const manifest = path.resolve(`.next/server/app${route}/page_client-reference-manifest.js`);
  if (!existsSync(manifest)) return null;
  const sandbox: { self: Record<string, unknown>; globalThis?: unknown } = { self: {} };
  sandbox.globalThis = sandbox.self;
  vm.runInNewContext(readFileSync(manifest, "utf8"), sandbox);
  const all = (sandbox.self.__RSC_MANIFEST ?? {}) as Record<string, { entryJSFiles?: Record<string, string[]> }>;
  const entry = Object.values(all)[0]?.entryJSFiles ?? {};
  const pageKey = Object.keys(entry).find((k) => k.endsWith(`${route}/page`));
  if (!pageKey) return null;
  const shared = new Set(
    Object.entries(entry)
      .filter(([k]) => k !== pageKey)
      .flatMap(([, files]) => files),
  );
  return entry[pageKey]!.filter((f) => !shared.has(f));
}

/**
 * The JavaScript a page makes the browser load: the script files its HTML references, each gzipped
 * (Node's zlib, default level), summed. Chunks it loads later on demand (the chart bundle, fetched
 * when the first chart scrolls into view) are found in the build as the chunks holding Recharts.
 */
export async function javascriptOf(base: string, subject: PageSubject, route: string): Promise<JsSize> {
  const { html } = await fetchPage(base, subject);
  const sources = [
    ...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"))),
  ];
  let bytes = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += body.length;
    gzip += gzipSync(body).length;
  }
  const initial = new Set(sources.map((s) => path.basename(new URL(s, base).pathname)));
  const chunks = path.resolve(".next/static/chunks");
  const lazy = { files: 0, bytes: 0, gzip: 0 };
  if (existsSync(chunks)) {
    for (const file of readdirSync(chunks, { recursive: true }) as string[]) {
      if (!file.endsWith(".js") || initial.has(path.basename(file))) continue;
      const body = readFileSync(path.join(chunks, file));
      if (!body.includes("recharts")) continue;
      lazy.files += 1;
      lazy.bytes += body.length;
      lazy.gzip += gzipSync(body).length;
    }
  }
  const ownFiles = ownChunks(route);
  let own: JsSize["own"] = null;
  if (ownFiles) {
    own = { files: ownFiles.length, bytes: 0, gzip: 0 };
    for (const file of ownFiles) {
      const body = readFileSync(path.resolve(".next", file));
      own.bytes += body.length;
      own.gzip += gzipSync(body).length;
    }
  }
  return { files: sources.length, bytes, gzip, own, lazy };
}
