import { createHash, randomBytes } from "node:crypto";

// API token secrets (ADR 0035): "khtt_" and 32 random bytes in base64url. Only the SHA-256 of the
// whole secret is stored; a secret is long and random enough that a plain hash is safe (no slow
// password hash needed, and the lookup by hash is one index probe per request).

export const TOKEN_PREFIX = "khtt_";

/** How many characters of the secret the token list shows, to tell tokens apart. */
const SHOWN = TOKEN_PREFIX.length + 6;

export function newTokenSecret(): { secret: string; hash: string; prefix: string } {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashTokenSecret(secret), prefix: secret.slice(0, SHOWN) };
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The secret of an `Authorization: Bearer …` header, or null when the header is absent or of another kind. */
export function bearerSecret(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/** A secret of the right shape (so that garbage never reaches the database). */
export function looksLikeTokenSecret(secret: string): boolean {
  return /^khtt_[A-Za-z0-9_-]{43}$/.test(secret);
}
