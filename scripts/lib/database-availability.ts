import pg from "pg";

// Each app process watches whether PostgreSQL answers, with one connection and a trivial query: once
// a second in the background, and before a page request when the last answer is older than
// `freshMs`. While the database is down (killed, restarting, recovering) pages then answer a clear
// 503 at once instead of failing one by one on their own connection errors.

export type DatabaseAvailability = {
  readonly available: boolean;
  /** Whether PostgreSQL answers, asking it again when the last answer is stale. */
  check: () => Promise<boolean>;
  stop: () => Promise<void>;
};

export function watchDatabase(
  connectionString: string,
  options: { intervalMs?: number; freshMs?: number; onChange?: (available: boolean, reason?: string) => void } = {},
): DatabaseAvailability {
  const intervalMs = options.intervalMs ?? 1000;
  const freshMs = options.freshMs ?? 250;
  let available = true;
  let lastAt = 0;
  let client: pg.Client | null = null;
  let inflight: Promise<boolean> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const set = (next: boolean, reason?: string) => {
    if (next !== available) {
      available = next;
      options.onChange?.(next, reason);
    }
  };
  const drop = async () => {
    const old = client;
    client = null;
    await old?.end().catch(() => {});
  };
  const attempt = async () => {
    if (!client) {
      const fresh = new pg.Client({ connectionString, connectionTimeoutMillis: 5000, query_timeout: 5000 });
      // An idle connection cut by a restart reports here; the next probe reconnects.
      fresh.on("error", () => {
        if (client === fresh) void drop();
      });
      await fresh.connect();
      client = fresh;
    }
    await client.query("SELECT 1");
  };
  const probe = async (): Promise<boolean> => {
    try {
      await attempt();
      set(true);
    } catch {
      await drop();
      // Once more on a new connection before saying "down": a slow answer on a busy machine, or a
      // connection the server closed, is not an outage. A stopped server refuses both at once.
      try {
        await attempt();
        set(true);
      } catch (error) {
        await drop();
        set(false, (error as Error).message);
      }
    }
    lastAt = Date.now();
    return available;
  };
  const probeOnce = () => (inflight ??= probe().finally(() => (inflight = null)));
  const loop = async () => {
    await probeOnce();
    if (!stopped) timer = setTimeout(loop, intervalMs).unref();
  };
  void loop();
  return {
    get available() {
      return available;
    },
    check: () => (Date.now() - lastAt < freshMs ? Promise.resolve(available) : probeOnce()),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await drop();
    },
  };
}
