import { AsyncLocalStorage } from "node:async_hooks";

// What the logger knows about the request being served: its id (also sent back in `X-Request-Id`)
// and, once the session has been read, the user's id (never a name, an address or anything typed).
// Kept on globalThis: Next.js bundles instrumentation and the routes separately, and both must
// reach the same storage.

export type RequestContext = { id: string; userId: string | null };

const KEY = Symbol.for("kehoach.requestContext");
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };
export const requestStorage: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage());

export function requestContext(): RequestContext | undefined {
  return requestStorage.getStore();
}

/** Called where the session is read: later log lines of this request carry the user's id. */
export function noteRequestUser(userId: string | null) {
  const context = requestStorage.getStore();
  if (context) context.userId = userId;
}
