import { createHash } from "node:crypto";

/** A UUID derived from a key, so that seeding twice writes the same rows (and skips them the second time). */
export function seedId(...parts: (string | number)[]): string {
  const hex = createHash("sha1").update(parts.join("\u0001")).digest("hex");
  // Shape it as an RFC 4122 version-5 UUID.
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** A small deterministic pseudo-random generator (mulberry32) for illustrative figures. */
export function seededRandom(key: string): () => number {
  let state = parseInt(createHash("sha1").update(key).digest("hex").slice(0, 8), 16);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
