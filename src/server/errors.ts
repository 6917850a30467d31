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
