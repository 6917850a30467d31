import type { Instrumentation } from "next";
import { startJobsUntilStarted, runAtStart } from "./server/jobs/boss";
import { sendSecurityHeaders } from "./server/http/security-headers";
import { logger } from "./server/log/logger";
import { logRequests, routeOf } from "./server/log/requests";
import { notificationJobs } from "./features/notifications/jobs";
import { scanQueue, scanJobsPurge } from "./features/import/ocr/scan-worker";

// What src/instrumentation.ts does in the Node.js runtime, the only one this app serves from. Kept
// apart so that the Edge build of the instrumentation, which Next.js makes anyway, imports none of it
// (Next's "importing runtime-specific code").

/** The security headers and request logs where requests enter Node's HTTP server, then the scheduled work. */
export async function registerNode() {
  logRequests();
  sendSecurityHeaders();
  // The job queue (pg-boss, ADR 0026) starts with every app process, which also works the scans
  // uploaded for OCR (ADR 0032); the reminders also run once now, before the server serves, so the
  // reminders due today (the demo's among them) are there at the first sign-in. Neither stops the
  // server from starting when PostgreSQL is not there yet: the queue is tried again until it starts.
  void startJobsUntilStarted([...notificationJobs, scanJobsPurge], [scanQueue]);
  await runAtStart(notificationJobs);
}

/** Every error Next.js catches while rendering a page, running an action or a route handler, with the request's id. */
export function logRequestError(...[error, request, context]: Parameters<Instrumentation.onRequestError>) {
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
}
