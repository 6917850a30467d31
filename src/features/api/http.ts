import "server-only";
import type { z } from "zod";
import { apiError } from "@/server/api/route";
import { queryErrors } from "./schemas";

// Reading a request of /api/v1: its path and query parameters through the zod schemas the OpenAPI
// document is generated from; a parameter that does not parse is a 400 with the Vietnamese message
// of each field.

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

export function parseParams<S extends z.ZodType>(schema: S, raw: unknown): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields = queryErrors(parsed.error);
  return {
    ok: false,
    response: apiError(400, "invalid_request", `Tham số không hợp lệ: ${Object.values(fields).join("; ")}`, {
      rows: Object.entries(fields).map(([field, message]) => ({ row: 0, field, message })),
    }),
  };
}

export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}

/** Links to the same list with another page, keeping the other query parameters. */
export function pageLinks(request: Request, page: number, pageSize: number, total: number) {
  const url = new URL(request.url);
  const at = (p: number) => {
    const next = new URL(url);
    next.searchParams.set("page", String(p));
    next.searchParams.set("pageSize", String(pageSize));
    return `${next.pathname}${next.search}`;
  };
  const last = Math.max(1, Math.ceil(total / pageSize));
  return { self: at(page), next: page < last ? at(page + 1) : null, prev: page > 1 ? at(page - 1) : null };
}

/** The RFC 8288 Link header of those links. */
export function linkHeader(links: { next: string | null; prev: string | null }): Record<string, string> {
  const parts = [
    links.next ? `<${links.next}>; rel="next"` : null,
    links.prev ? `<${links.prev}>; rel="prev"` : null,
  ].filter(Boolean);
  return parts.length ? { Link: parts.join(", ") } : {};
}

export function csvResponse(text: string, filename: string): Response {
  const ascii = filename.replace(/[^A-Za-z0-9._-]+/g, "-");
  return new Response(text, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
