import "server-only";
import { notFound } from "next/navigation";
import { currentScope, requireScope } from "./auth/session";
import type { Scope } from "./db/scope";
import { roleHolds, type Permission } from "./permissions";

// Every page and route handler and the permission it needs, declared in one list that the
// authorisation matrix test walks. Pages call requirePage(path) (or, about one plan, planPage /
// requirePlanPage in ./pages.ts) with their own path; route handlers routeScope(path). A route whose
// subject is "plan" takes a plan's id; routes.test.ts checks that every page and handler under
// src/app is listed here and guards itself with its own path.

export const ROUTES = {
  "/plans": { permission: "plans.read" },
  "/plans/[id]": { permission: "plans.read", subject: "plan" },
  "/plans/[id]/history": { permission: "plans.read", subject: "plan" },
  "/plans/[id]/implement": { permission: "plans.edit", subject: "plan" },
  "/plans/[id]/edit": { permission: "plans.edit", subject: "plan" },
  "/plans/[id]/results": { permission: "plans.read", subject: "plan" },
  "/plans/[id]/reports/[year]": { permission: "plans.read", subject: "plan" },
  "/plans/[id]/reports/[year]/print": { permission: "plans.read", subject: "plan" },
  "/plans/[id]/dashboard": { permission: "plans.read", subject: "plan" },
  "/dashboard": { permission: "plans.read" },
  "/dashboard/targets": { permission: "plans.read" },
  "/reports": { permission: "plans.read" },
  "/notifications": { permission: "notifications.read" },
  "/import": { permission: "plans.edit" },
  "/api/plans/[id]/export/report.docx": { permission: "plans.read", subject: "plan" },
  "/api/plans/[id]/export/indicators.xlsx": { permission: "plans.read", subject: "plan" },
  "/api/provinces/[code]/export/localities.xlsx": { permission: "plans.read" },
  "/admin/users": { permission: "users.manage" },
  "/admin/api-tokens": { permission: "apiTokens.manage" },
  "/admin/users/[id]": { permission: "users.manage" },
  "/admin/audit": { permission: "audit.read" },
  "/admin/organizations": { permission: "organizations.manage" },
  // Type-ahead pickers (JSON): the units an administrator manages, and any organisation.
  "/api/admin/units": { permission: "users.manage" },
  "/api/admin/organizations": { permission: "organizations.manage" },
  // The API for other systems (ADR 0035): an API token or the session, through apiRoute
  // (src/server/api/route.ts). Writing actuals is the action's own permission (results.edit).
  "/api/v1/plans": { permission: "plans.read" },
  "/api/v1/plans/[id]": { permission: "plans.read", subject: "plan" },
  "/api/v1/plans/[id]/actuals": { permission: "plans.read", subject: "plan" },
  "/api/v1/plans/[id]/actuals.csv": { permission: "plans.read", subject: "plan" },
  "/api/v1/plans/[id]/reports": { permission: "plans.read", subject: "plan" },
  "/api/v1/provinces/[code]/actuals.csv": { permission: "plans.read" },
  "/api/v1/openapi.json": { permission: null },
  // Public by nature: the start page (it only redirects to /plans) and signing in.
  "/": { permission: null },
  "/sign-in": { permission: null },
  // Published plans and their results, for anyone (ADR 0034): read through the public scope only.
  "/public": { permission: null },
  "/public/plans/[id]": { permission: null },
  "/api/auth/[...nextauth]": { permission: null },
  // For load balancers and supervisors: liveness and readiness, no session (src/server/health.ts).
  "/api/health": { permission: null },
  "/api/health/ready": { permission: null },
} as const satisfies Record<string, { permission: Permission | null; subject?: "plan" }>;

export type RoutePath = keyof typeof ROUTES;

/** Routes about one plan (subject "plan"): their [id] is a plan's, checked by requirePlanPage (src/server/pages.ts). */
export type PlanRoutePath = {
  [P in RoutePath]: (typeof ROUTES)[P] extends { subject: "plan" } ? P : never;
}[RoutePath];

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

/** For route handlers: the scope if the route's permission is held, else null (answer 404). */
export async function routeScope(path: RoutePath): Promise<Scope | null> {
  const scope = await currentScope();
  return scope && routeAllows(scope, path) ? scope : null;
}
