import { notFound } from "next/navigation";
import { requireScope } from "./auth/session";
import type { Scope } from "./db/scope";
import { roleHolds, type Permission } from "./permissions";

// Every page and route handler and the permission it needs, declared in one list that the
// authorisation matrix test walks. Pages call requirePage(path) with their own path.

export const ROUTES = {
  "/plans": { permission: "plans.read" },
  "/plans/[id]": { permission: "plans.read", subject: "plan" },
  "/admin/users": { permission: "users.manage" },
  "/admin/audit": { permission: "audit.read" },
  // Public by nature: signing in.
  "/sign-in": { permission: null },
  "/api/auth/[...nextauth]": { permission: null },
} as const satisfies Record<string, { permission: Permission | null; subject?: "plan" }>;

export type RoutePath = keyof typeof ROUTES;

export function routeAllows(scope: Scope, path: RoutePath): boolean {
  const permission = ROUTES[path].permission;
  return permission === null || roleHolds(scope.role, permission, scope.isSystemAdmin);
}

/** For pages: the scope if the route's permission is held; otherwise "not found". */
export async function requirePage(path: RoutePath): Promise<Scope> {
  const scope = await requireScope();
  if (!routeAllows(scope, path)) notFound();
  return scope;
}
