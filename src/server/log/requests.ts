import { randomUUID } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { requestStorage, type RequestContext } from "./context";
import { logger } from "./logger";

// One log line per HTTP request: id, user, method, route, status, duration. Next.js 16 has no hook
// that sees a request from its start to its response (proxy.ts runs before the route and cannot see
// the status; instrumentation's onRequestError sees failures only), so this listens to Node's own
// HTTP server through its diagnostics channel "http.server.request.start", published for every
// request just before the server hands it to Next.js. Entering the request's context there makes it
// the async context of everything Next.js then does for that request, so that every log line of
// the request carries its id, and the session code can add the user's id (noteRequestUser).

type RequestStart = { request: IncomingMessage; response: ServerResponse };

/** An id handed over by a reverse proxy is kept when it looks like one (no spaces, quotes or line breaks). */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{8,128}$/.test(value) ? value : randomUUID();
}

/** The path without its query (which may hold what a user searched for). */
export function routeOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0]!;
  return path.length > 300 ? `${path.slice(0, 300)}…` : path;
}

const STATIC = /^\/(_next\/static|_next\/image|favicon\.ico|fonts\/)/;

const KEY = Symbol.for("kehoach.requestLog");

export function logRequests() {
  const holder = globalThis as unknown as { [KEY]?: boolean };
  if (holder[KEY]) return;
  holder[KEY] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as RequestStart;
    const context: RequestContext = { id: requestIdFrom(request.headers["x-request-id"]), userId: null };
    const started = performance.now();
    response.setHeader("X-Request-Id", context.id);
    requestStorage.enterWith(context);
    response.once("close", () => {
      const route = routeOf(request.url);
      const line = {
        reqId: context.id,
        userId: context.userId ?? undefined,
        method: request.method,
        route,
        action: request.headers["next-action"] ? true : undefined,
        status: response.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        aborted: response.writableFinished ? undefined : true,
      };
      if (STATIC.test(route)) logger.debug(line, "request");
      else if (response.statusCode >= 500) logger.warn(line, "request");
      else logger.info(line, "request");
    });
  });
}
