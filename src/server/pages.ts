import "server-only";
import { notFound } from "next/navigation";
import type { Scope } from "./db/scope";
import { withScope, type ScopedDb } from "./db/scoped";
import { NotFoundError } from "./errors";
import { isUuid } from "./params";
import { requirePage, type PlanRoutePath } from "./routes";

// The steps every page about one plan takes, in one place: check the id, require the route's
// permission, read inside the scope, and answer "not found" for a malformed id, a role without the
// permission, or a plan the scope may not see (existence does not leak).

/** The scope for a page about the plan `id` (a route whose subject is a plan, src/server/routes.ts). */
export async function requirePlanPage(path: PlanRoutePath, id: string): Promise<Scope> {
  if (!isUuid(id)) notFound();
  return requirePage(path);
}

/** The page's data, or "not found" when the reading says the object is not visible. */
export async function orNotFound<T>(reading: Promise<T>): Promise<T> {
  try {
    return await reading;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** A page about one plan: its scope and what `read` returns for it, read in one scoped transaction. */
export async function planPage<T>(
  path: PlanRoutePath,
  id: string,
  read: (db: ScopedDb, scope: Scope) => Promise<T>,
): Promise<{ scope: Scope; data: T }> {
  const scope = await requirePlanPage(path, id);
  return { scope, data: await orNotFound(withScope(scope, (db) => read(db, scope))) };
}
