import pg from "pg";

// Each app process watches whether PostgreSQL answers, with one connection and a trivial query once a
// second, so that while the database is down (killed, restarting, recovering) pages answer a clear
// 503 at once instead of each request waiting for its own connection error.

export type DatabaseAvailability = { readonly available: boolean; stop: () => Promise<void> };

export function watchDatabase(
  connectionString: string,
  options: { intervalMs?: number; onChange?: (available: boolean) => void } = {},
): DatabaseAvailability {
  const intervalMs = options.intervalMs ?? 1000;
  let available = true;
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const set = (next: boolean) => {
    if (next !== available) {
      available = next;
      options.onChange?.(next);
    }
  };
  const drop = async () => {
    const old = client;
    client = null;
    await old?.end().catch(() => {});
  };
  const probe = async () => {
    try {
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
      set(true);
    } catch {
      await drop();
      set(false);
    }
    if (!stopped) timer = setTimeout(probe, intervalMs).unref();
  };
  void probe();
  return {
    get available() {
      return available;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await drop();
    },
  };
}
