import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { securityEnv } from "../env";

// The security headers of every response. The Content-Security-Policy carries a nonce made for the
// request (Next.js reads it from the request's own CSP header and puts it on every script it
// writes), so no inline script runs unless the server wrote it for this very response:
// 'strict-dynamic' lets those scripts load the app's chunks, and nothing else is trusted.
//
// Next's CSP guide sets them in proxy.ts. Measured under `npm run load`, running a proxy costs
// about 8–10 ms of CPU on every request (a quarter of a results save), so they are set instead
// where the request enters Node's HTTP server, before Next.js sees it (ADR 0020): the nonce is put
// in the request's CSP header, where Next.js looks for it, exactly as the guide's proxy does.
// Styles: stylesheets from the app only; style attributes are allowed (the report's A4 layout,
// indentation of tree rows and the charts set them; an attribute cannot run script).

export const NONCE_HEADER = "x-nonce";

type RequestStart = { request: IncomingMessage; response: ServerResponse };

/** 128 random bits, base64: a fresh one per request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(options: { nonce: string; development: boolean; https: boolean }): string {
  const { nonce, development, https } = options;
  return [
    "default-src 'self'",
    // React uses eval in development only, to rebuild server error stacks in the browser.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers that do not depend on the request (set on pages, route handlers and static files alike). */
export function staticSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Nothing in the app uses these; a page that someone manages to inject into cannot either.
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Gives every request its nonce and every response its security headers (once per process). */
export function sendSecurityHeaders() {
  const holder = globalThis as unknown as { [KEY]?: boolean };
  if (holder[KEY]) return;
  holder[KEY] = true;
  const { development, https } = securityEnv();
  const fixed = Object.entries(staticSecurityHeaders({ https }));
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as RequestStart;
    const nonce = createNonce();
    const policy = contentSecurityPolicy({ nonce, development, https });
    // Whatever a client sent under these names is replaced.
    request.headers["content-security-policy"] = policy;
    request.headers[NONCE_HEADER] = nonce;
    delete request.headers["content-security-policy-report-only"];
    response.setHeader("Content-Security-Policy", policy);
    for (const [name, value] of fixed) response.setHeader(name, value);
  });
}

const KEY = Symbol.for("kehoach.securityHeaders");
