import type { Instrumentation } from "next";

// Runs once when the server starts (Next.js instrumentation): the security headers of every response
// (with the request's CSP nonce), structured request logs, and every
// error Next.js catches while rendering a page, running an action or a route handler, logged with
// its stack and the request's id (src/server/log).

export async function register() {
  const { logRequests } = await import("./server/log/requests");
  const { sendSecurityHeaders } = await import("./server/http/security-headers");
  logRequests();
  sendSecurityHeaders();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { logger } = await import("./server/log/logger");
  const { routeOf } = await import("./server/log/requests");
  logger.error(
    {
      err: error,
      method: request.method,
      route: routeOf(request.path),
      routePath: context.routePath,
      routeType: context.routeType,
      digest: typeof error === "object" && error && "digest" in error ? String(error.digest) : undefined,
    },
    "request failed",
  );
};
