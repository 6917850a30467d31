import pino from "pino";
import { logEnv } from "../env";
import { requestContext } from "./context";

// The server's log: one JSON object per line on stdout (pino), for journald, Docker or any log
// shipper. Every line of a request carries its id and, once known, the user's id; errors carry
// their stack under "err". The level comes from LOG_LEVEL (src/server/env.ts).
//
// Never log what a user typed, a password, a session cookie or a name: log ids. The redaction
// below is a safety net for the obvious keys, not a licence.

type ErrorListener = (line: string) => void;
const KEY = Symbol.for("kehoach.logger");
// On globalThis: Next.js bundles instrumentation and the routes separately, and both must log alike.
const holder = globalThis as unknown as { [KEY]?: { logger?: pino.Logger; listeners: Set<ErrorListener> } };
const shared = (holder[KEY] ??= { listeners: new Set() });

function describe(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "err" in value) {
    const err = (value as { err: unknown }).err;
    if (err instanceof Error) return err.stack ?? err.message;
  }
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): pino.Logger {
  return pino(
    {
      level: options.level ?? logEnv().LOG_LEVEL,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const context = requestContext();
        return context ? { reqId: context.id, userId: context.userId ?? undefined } : {};
      },
      redact: {
        paths: ["password", "*.password", "passwordHash", "*.passwordHash", "cookie", "*.cookie", "headers.cookie"],
        censor: "[redacted]",
      },
      hooks: {
        // Errors are also told to whoever listens: the tests fail on an error logged, as on console.error.
        logMethod(args, method, level) {
          if (level >= 50 && shared.listeners.size) {
            const line = args.map(describe).join(" ");
            for (const listener of shared.listeners) listener(line);
          }
          return method.apply(this, args);
        },
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

export const logger: pino.Logger = (shared.logger ??= createLogger());

/** Calls `listener` with every line logged at level error or fatal; returns the function that stops it. */
export function onErrorLogged(listener: ErrorListener): () => void {
  shared.listeners.add(listener);
  return () => shared.listeners.delete(listener);
}
