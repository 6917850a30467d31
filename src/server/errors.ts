// Errors the walls raise, mapped to what the user sees in one place (src/server/actions.ts and the
// route error boundaries). An object the user may not see is "not found", never "forbidden", so
// that existence does not leak.

export class NotFoundError extends Error {
  readonly status = 404;
}

export class ForbiddenError extends Error {
  readonly status = 403;
}

/** Someone else saved first: the form keeps what this user typed and says so. */
export class ConflictError extends Error {
  readonly status = 409;
}

/**
 * A unique index refused a row: someone created the same thing at the same moment (PostgreSQL 23505,
 * Prisma P2002). Where an action creates rows, this becomes its ConflictError or FieldError.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { code?: unknown } } } };
  return code === "P2002" || meta?.driverAdapterError?.cause?.code === "23505";
}
