import { rawDatabase, type Database } from "./db/client";

// Limits on costly requests (building a Word or Excel file, reading an uploaded document), counted in
// PostgreSQL so that every app instance shares them: a fixed window per limit and subject, advanced
// by one atomic statement (an upsert that restarts the count when the window has moved on). A
// request over the limit is refused with a Vietnamese message and the seconds to wait.

export const RATE_LIMITS = {
  /** The report (.docx), its appendix (.xlsx) and the province's localities workbook (.xlsx), per user. */
  export: { limit: 20, windowSeconds: 60 },
  /** Reading an uploaded or pasted plan document (the importer's extraction), per user. */
  importExtraction: { limit: 10, windowSeconds: 60 },
  /** Calls to /api/v1, per API token (or per signed-in user), ADR 0035. */
  api: { limit: 120, windowSeconds: 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; message: string };

const WHAT: Record<RateLimitName, string> = {
  export: "tải tệp báo cáo",
  importExtraction: "đọc văn bản để nhập",
  api: "gọi API",
};

export type RateRule = { limit: number; windowSeconds: number };

export function tooManyMessage(
  name: RateLimitName,
  retryAfterSeconds: number,
  rule: RateRule = RATE_LIMITS[name],
): string {
  const { limit, windowSeconds } = rule;
  return `Bạn đã ${WHAT[name]} ${limit} lần trong ${windowSeconds} giây, quá mức cho phép. Vui lòng đợi ${retryAfterSeconds} giây rồi thử lại.`;
}

/** Counts one request of `subject` (a user id) against the limit; one statement, safe under concurrency. */
export async function takeRateLimit(
  name: RateLimitName,
  subject: string,
  db: Pick<Database, "$queryRaw"> = rawDatabase(),
  /** The limit's rule; tests pass a long window so that none ends while they run. */
  rule: RateRule = RATE_LIMITS[name],
): Promise<RateVerdict> {
  const { limit, windowSeconds } = rule;
  const [row] = await db.$queryRaw<{ count: number; retryAfter: number }[]>`
    INSERT INTO rate_limit_counters (key, "windowStart", count)
    VALUES (${`${name}:${subject}`}, date_bin(make_interval(secs => ${windowSeconds}), (now() AT TIME ZONE 'UTC'), TIMESTAMP '2000-01-01'), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_counters."windowStart" = EXCLUDED."windowStart" THEN rate_limit_counters.count + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING count,
      ceil(extract(epoch FROM "windowStart" + make_interval(secs => ${windowSeconds}) - (now() AT TIME ZONE 'UTC')))::int AS "retryAfter"`;
  if (!row || row.count <= limit) return { allowed: true };
  const retryAfterSeconds = Math.max(1, row.retryAfter);
  return { allowed: false, retryAfterSeconds, message: tooManyMessage(name, retryAfterSeconds, rule) };
}

/** The answer of a route handler to a request over its limit. */
export function tooManyRequests(verdict: Extract<RateVerdict, { allowed: false }>): Response {
  return new Response(verdict.message, {
    status: 429,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Retry-After": String(verdict.retryAfterSeconds),
      "Cache-Control": "no-store",
    },
  });
}
