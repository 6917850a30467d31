import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTES, type RoutePath } from "./routes";

// Every page and route handler under src/app is in the route registry, and one that needs a
// permission asks for it with its own path (a page copied from another and left guarded by the
// other's permission would pass every other test).

const APP = path.resolve(import.meta.dirname, "../app");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^(page|route)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The URL path of a page or handler: its folders, without route groups such as (app). */
function routePath(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const GUARD = /\b(?:requirePage|routeScope|requirePlanPage|planPage|apiRoute)\(\s*"([^"]+)"/g;
const files = routeFiles(APP).map((file) => ({
  file: path.relative(APP, file),
  path: routePath(file),
  guards: [...readFileSync(file, "utf8").matchAll(GUARD)].map((m) => m[1]),
}));

describe("the route registry", () => {
  it("finds the pages and handlers", () => {
    expect(files.length).toBeGreaterThan(15);
    expect(files.map((f) => f.path)).toContain("/plans/[id]/reports/[year]/print");
  });

  it.each(files)("$path ($file) is registered and guards itself with its own path", ({ path: route, guards }) => {
    expect(Object.keys(ROUTES), `${route} is missing from src/server/routes.ts`).toContain(route);
    const { permission } = ROUTES[route as RoutePath];
    if (permission !== null) {
      expect(guards.length, `${route} calls no guard`).toBeGreaterThan(0);
      for (const guard of guards) expect(guard, `${route} guards itself with another path`).toBe(route);
    }
  });

  it("lists no route that does not exist", () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...new Set(files.map((f) => f.path))].sort());
  });

  // The public pages (/public/plans/[id]) name a plan too, but read through the public scope, not a user's;
  // /api/v1/plans/[id] reads through a token's scope, which is its body's, as a user's.
  it("gives a plan as the subject exactly of the signed-in routes whose [id] is a plan's", () => {
    for (const [route, entry] of Object.entries(ROUTES))
      expect("subject" in entry && entry.subject === "plan", route).toBe(/^(\/api(\/v1)?)?\/plans\/\[id\]/.test(route));
  });
});
