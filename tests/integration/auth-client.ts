import { createRequire } from "node:module";
import path from "node:path";
import type { NextAuthOptions } from "next-auth";
import type { SessionClaims } from "../../src/server/auth/options";

// A browser's side of next-auth, without a browser: next-auth's own request handler (the one the
// route /api/auth/[...nextauth] runs) called with a cookie jar, so that the integration tests go
// through the real sign-in, session and sign-out code on the real database.

export type Jar = Record<string, string>;

type Cookie = { name: string; value: string; options?: { maxAge?: number } };
type AuthHandlerType = (params: {
  req: Record<string, unknown>;
  options: NextAuthOptions;
}) => Promise<{ body?: unknown; redirect?: string; cookies?: Cookie[] }>;
// next-auth does not export its core handler as a subpath; it is the file the route handler calls.
const { AuthHandler } = createRequire(import.meta.url)(
  path.resolve(import.meta.dirname, "../../node_modules/next-auth/core/index.js"),
) as { AuthHandler: AuthHandlerType };

async function call(
  jar: Jar,
  action: "csrf" | "callback" | "session" | "signout",
  init: { method?: string; body?: Record<string, string>; providerId?: string; address?: string } = {},
) {
  const { authOptions } = await import("../../src/server/auth/options");
  const response = await AuthHandler({
    req: {
      action,
      method: init.method ?? "GET",
      cookies: { ...jar },
      headers: { host: "localhost:3000", ...(init.address ? { "x-forwarded-for": init.address } : {}) },
      body: init.body,
      providerId: init.providerId,
      query: {},
    },
    options: authOptions(),
  });
  for (const cookie of response.cookies ?? []) {
    if (cookie.value === "" || cookie.options?.maxAge === 0) delete jar[cookie.name];
    else jar[cookie.name] = cookie.value;
  }
  return response;
}

async function csrf(jar: Jar): Promise<string> {
  return ((await call(jar, "csrf")).body as { csrfToken: string }).csrfToken;
}

/** Signs in through the credentials form; the error code (INVALID, LOCKED) or null on success. */
export async function signIn(jar: Jar, username: string, password: string, address = "127.0.0.1") {
  const csrfToken = await csrf(jar);
  const response = await call(jar, "callback", {
    method: "POST",
    providerId: "credentials",
    body: { csrfToken, username, password, json: "true" },
    address,
  });
  const error = response.redirect
    ? new URL(response.redirect, "http://localhost:3000").searchParams.get("error")
    : null;
  return error;
}

/** GET /api/auth/session: the session's claims (refreshing the cookie, as next-auth does), or null. */
export async function session(jar: Jar): Promise<Partial<SessionClaims> | null> {
  const body = (await call(jar, "session")).body as Partial<SessionClaims> & { user?: unknown };
  return body && body.uid ? body : null;
}

export async function signOut(jar: Jar) {
  const csrfToken = await csrf(jar);
  await call(jar, "signout", { method: "POST", body: { csrfToken } });
}
