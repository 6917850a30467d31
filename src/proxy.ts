import { NextResponse, type NextRequest } from "next/server";
import { securityEnv } from "@/server/env";
import {
  contentSecurityPolicy,
  createNonce,
  NONCE_HEADER,
  staticSecurityHeaders,
} from "@/server/http/security-headers";

// Runs before every page, server action and route handler (Next.js 16's proxy, on Node.js): a
// nonce for the request's Content-Security-Policy, given to Next.js through the request's headers
// (as Next's CSP guide does it) and sent to the browser with the other security headers. Static
// files get the same headers, less the CSP, from next.config.ts.

export function proxy(request: NextRequest) {
  const { development, https } = securityEnv();
  const nonce = createNonce();
  const policy = contentSecurityPolicy({ nonce, development, https });
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(staticSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static files carry no script to protect; they get the other headers from next.config.ts.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
