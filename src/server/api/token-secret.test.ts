import { describe, expect, it } from "vitest";
import { bearerSecret, hashTokenSecret, looksLikeTokenSecret, newTokenSecret, TOKEN_PREFIX } from "./token-secret";

describe("API token secrets", () => {
  it("are prefixed, random, well formed, and stored as their SHA-256 only", () => {
    const a = newTokenSecret();
    const b = newTokenSecret();
    expect(a.secret.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(looksLikeTokenSecret(a.secret)).toBe(true);
    expect(a.secret).not.toBe(b.secret);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashTokenSecret(a.secret));
    expect(a.hash).not.toContain(a.secret.slice(TOKEN_PREFIX.length));
    expect(a.secret.startsWith(a.prefix)).toBe(true);
    expect(a.prefix.length).toBe(TOKEN_PREFIX.length + 6);
  });

  it("reads only a Bearer header", () => {
    expect(bearerSecret("Bearer khtt_abc")).toBe("khtt_abc");
    expect(bearerSecret("bearer   khtt_abc ")).toBe("khtt_abc");
    expect(bearerSecret("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerSecret("Bearer a b")).toBeNull();
    expect(bearerSecret("")).toBeNull();
    expect(bearerSecret(null)).toBeNull();
  });

  it("refuses secrets of the wrong shape", () => {
    expect(looksLikeTokenSecret("khtt_short")).toBe(false);
    expect(looksLikeTokenSecret(`xxxx_${"a".repeat(43)}`)).toBe(false);
    expect(looksLikeTokenSecret(`khtt_${"a".repeat(42)}!`)).toBe(false);
    expect(looksLikeTokenSecret(`khtt_${"a".repeat(43)}`)).toBe(true);
  });
});
