import { createHash } from "node:crypto";

// Statements that opt into being prepared: named by a hash of their text, so that node-postgres
// parses each once per connection and PostgreSQL, once it has seen that a generic plan costs no more
// than planning the statement each time, stops planning it. For the dashboards' larger statements
// that is 1–1.5 ms of every request (docs/performance.md).
//
// Opt-in, statement by statement, for two reasons. A generic plan can be far worse than a custom
// one: the rollup's aggregate over `"planId" = ANY($1::text[])` took 1.9 s instead of 12 ms with
// one, because the generic plan cannot see how many plans the array holds. And every distinct text
// stays prepared on every connection for the connection's life: Prisma's own queries (createMany
// writes a new text for every row count) must not, only statements whose texts are a bounded set.

/** The comment a statement's text starts with to be prepared (`prepared()` in the dashboards' sql.ts). */
export const PREPARED_MARK = "/* prepared */";

const names = new Map<string, string>();

/** The name of the prepared statement for this text, or undefined to send it unnamed (not kept). */
export function preparedStatementName(text: string): string | undefined {
  if (!text.startsWith(PREPARED_MARK)) return undefined;
  let name = names.get(text);
  if (name === undefined) {
    name = `p_${createHash("sha1").update(text).digest("base64url")}`;
    names.set(text, name);
  }
  return name;
}
