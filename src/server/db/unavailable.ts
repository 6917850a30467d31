// Whether an error means "PostgreSQL cannot be reached right now" (down, restarting, recovering, the
// connection cut) rather than a fault in what was asked. Such errors reach us wrapped differently
// by node-postgres, Prisma's pg adapter and Prisma's client, so the whole chain of causes is read.

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"]);
// Prisma: can't reach the server, timed out reaching it, server closed the connection, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
// Prisma's pg adapter's kinds for the same.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
// SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now (starting up, in recovery).
const SQLSTATES = new Set(["57P01", "57P02", "57P03"]);
const MESSAGES =
  /Connection terminated|connection error and is not queryable|Can't reach database server|the database system is (starting up|in recovery mode|shutting down)|terminating connection due to (administrator command|crash of another server process)|server closed the connection unexpectedly/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [error];
  while (stack.length) {
    const current = stack.pop();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as Record<string, unknown>;
    const code = typeof e.code === "string" ? e.code : undefined;
    if (code && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATES.has(code) || code.startsWith("08")))
      return true;
    if (typeof e.originalCode === "string" && (SQLSTATES.has(e.originalCode) || e.originalCode.startsWith("08")))
      return true;
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    stack.push(e.cause, e.meta, e.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : []));
  }
  return false;
}
