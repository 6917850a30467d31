/** The server's error digest, when what was thrown carries one (a value thrown in the browser may be anything). */
export function digestOf(error: unknown): string | null {
  return typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
    ? error.digest
    : null;
}
