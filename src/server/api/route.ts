import "server-only";
import { createHash } from "node:crypto";
import { currentScope, scopeForUser } from "../auth/session";
import { rawDatabase } from "../db/client";
import type { Scope } from "../db/scope";
import { isDatabaseUnavailable } from "../db/unavailable";
import { ForbiddenError, NotFoundError } from "../errors";
import { noteRequestUser } from "../log/context";
import { logger } from "../log/logger";
import { takeRateLimit } from "../rate-limit";
import { routeAllows, type RoutePath } from "../routes";
import { bearerSecret, hashTokenSecret, looksLikeTokenSecret } from "./token-secret";

// The wall every /api/v1 handler stands behind (ADR 0035): who is calling (an API token, or the
// signed-in session where the route allows it), the route's permission, the shared rate limit, one
// log line per call (token id, never its secret), and errors as JSON with a code and a Vietnamese
// message.

export type ApiToken = { id: string; prefix: string; canWriteResults: boolean };
export type ApiCaller = { scope: Scope; token: ApiToken | null };

export type ApiErrorBody = {
  error: { code: string; message: string; rows?: { row: number; field: string; message: string }[] };
};

export function apiError(status: number, code: string, message: string, extra: Partial<ApiErrorBody["error"]> = {}) {
  return Response.json({ error: { code, message, ...extra } } satisfies ApiErrorBody, {
    status,
    headers: { "Cache-Control": "no-store" },
  });
}

const INVALID_TOKEN = "Mã truy cập API không hợp lệ, đã bị thu hồi hoặc đã hết hạn.";

/**
 * The scope of a token: what its body's users may read, as the token's creator's membership in
 * that body, and no more (not the creator's system-administrator rights, not their other bodies).
 * A token with the write scope acts as an editor of the body (results only: the API writes nothing
 * else); a read token as a viewer. A token whose creator left the body or was deactivated stops.
 */
export async function tokenCaller(secret: string): Promise<ApiCaller | null> {
  if (!looksLikeTokenSecret(secret)) return null;
  const [token] = await rawDatabase().$queryRaw<
    { id: string; organizationId: string; createdById: string; canWriteResults: boolean; usable: boolean }[]
  >`SELECT * FROM app_api_token_use(${hashTokenSecret(secret)})`;
  if (!token?.usable) return null;
  const user = await scopeForUser(token.createdById, { organizationId: token.organizationId });
  if (!user || user.organizationId !== token.organizationId || !user.role) return null;
  const membership = user.memberships.find((m) => m.organizationId === token.organizationId)!;
  const scope: Scope = {
    ...user,
    isSystemAdmin: false,
    allProvinces: user.provinceCode === null,
    role: token.canWriteResults ? "EDITOR" : "VIEWER",
    memberships: [{ ...membership, role: token.canWriteResults ? "EDITOR" : "VIEWER" }],
  };
  return { scope, token: { id: token.id, prefix: secret.slice(0, 11), canWriteResults: token.canWriteResults } };
}

type Options = {
  /** Writes take a token only: a signed-in browser's cookie must not be usable by another site's form. */
  tokenOnly?: boolean;
};

/** Runs a /api/v1 handler for its route path (registered in src/server/routes.ts). */
export async function apiRoute(
  path: RoutePath,
  request: Request,
  handler: (caller: ApiCaller) => Promise<Response>,
  options: Options = {},
): Promise<Response> {
  const started = Date.now();
  let caller: ApiCaller | null = null;
  const finish = (response: Response) => {
    logger.info(
      {
        api: path,
        method: request.method,
        status: response.status,
        tokenId: caller?.token?.id ?? null,
        userId: caller?.scope.userId ?? null,
        ms: Date.now() - started,
      },
      "api call",
    );
    return response;
  };
  try {
    const header = request.headers.get("authorization");
    if (header !== null) {
      const secret = bearerSecret(header);
      caller = secret ? await tokenCaller(secret) : null;
      if (!caller) return finish(apiError(401, "invalid_token", INVALID_TOKEN));
    } else if (!options.tokenOnly) {
      const scope = await currentScope();
      caller = scope ? { scope, token: null } : null;
    }
    if (!caller)
      return finish(
        apiError(
          401,
          "unauthenticated",
          options.tokenOnly
            ? "Cần mã truy cập API có quyền ghi (Authorization: Bearer khtt_…)."
            : "Cần đăng nhập hoặc mã truy cập API (Authorization: Bearer khtt_…).",
        ),
      );
    noteRequestUser(caller.scope.userId);
    const verdict = await takeRateLimit(
      "api",
      caller.token ? `token:${caller.token.id}` : `user:${caller.scope.userId}`,
    );
    if (!verdict.allowed) {
      const response = apiError(429, "rate_limited", verdict.message);
      response.headers.set("Retry-After", String(verdict.retryAfterSeconds));
      return finish(response);
    }
    if (!routeAllows(caller.scope, path))
      return finish(
        caller.token
          ? apiError(403, "insufficient_scope", "Mã truy cập này chỉ được đọc; cần mã có quyền ghi kết quả.")
          : apiError(404, "not_found", "Không tìm thấy."),
      );
    return finish(await handler(caller));
  } catch (error) {
    if (error instanceof NotFoundError)
      return finish(apiError(404, "not_found", "Không tìm thấy (có thể đã bị xóa hoặc bạn không có quyền xem)."));
    if (error instanceof ForbiddenError) return finish(apiError(403, "forbidden", error.message));
    if (isDatabaseUnavailable(error))
      return finish(apiError(503, "unavailable", "Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau."));
    logger.error({ err: error, api: path }, "api call failed");
    return finish(apiError(500, "internal", "Đã có lỗi phía máy chủ; vui lòng thử lại."));
  }
}

/**
 * A JSON answer with a strong ETag of its bytes: a client that sends the same tag back in
 * If-None-Match gets 304 and no body. Private: answers depend on who asks.
 */
export function jsonWithEtag(request: Request, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  return withEtag(request, text, { "Content-Type": "application/json; charset=utf-8", ...headers });
}

export function withEtag(request: Request, text: string, headers: Record<string, string>): Response {
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;
  const common = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Authorization, Cookie" };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag))
    return new Response(null, { status: 304, headers: common });
  return new Response(text, { status: 200, headers: { ...common, ...headers } });
}
