import type { Instrumentation } from "next";

// Runs once when the server starts (Next.js instrumentation): the security headers of every response
// (with the request's CSP nonce), structured request logs, the scheduled jobs, and every
// error Next.js catches while rendering a page, running an action or a route handler, logged with
// its stack and the request's id (src/server/log).

export async function register() {
  const { logRequests } = await import("./server/log/requests");
  const { sendSecurityHeaders } = await import("./server/http/security-headers");
  logRequests();
  sendSecurityHeaders();
  if (process.env.NEXT_RUNTIME === "nodejs") await startScheduledWork();
}

// The job queue (pg-boss, ADR 0026) starts with every app process, which also works the scans
// uploaded for OCR (ADR 0032); the reminders also run once now,
// before the server serves, so the reminders due today (the demo's among them) are there at the
// first sign-in. Neither stops the server from starting when PostgreSQL is not there yet.
async function startScheduledWork() {
  const { logger } = await import("./server/log/logger");
  const { startJobs, runAtStart } = await import("./server/jobs/boss");
  const { notificationJobs } = await import("./features/notifications/jobs");
  const { scanQueue, scanJobsPurge } = await import("./features/import/ocr/scan-worker");
  startJobs([...notificationJobs, scanJobsPurge], undefined, [scanQueue]).catch((error: unknown) =>
    logger.error({ err: error }, "job queue did not start"),
  );
  await runAtStart(notificationJobs);
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
