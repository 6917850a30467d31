import type { Instrumentation } from "next";

// Runs once when the server starts (Next.js instrumentation): the security headers of every response
// (with the request's CSP nonce), structured request logs, the scheduled jobs, and every error
// Next.js catches while rendering a page, running an action or a route handler, logged with its
// stack and the request's id (src/server/log). All of it is Node.js code, in instrumentation-node.ts,
// imported only under the Node.js runtime so that Next's Edge build of this file stays empty.

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./instrumentation-node")).registerNode();
}

export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./instrumentation-node")).logRequestError(...args);
};
