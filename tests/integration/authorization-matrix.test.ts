import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitId } from "../../prisma/seed/admin-units";
import type { Role } from "../../src/generated/prisma/enums";
import { createTestDatabase } from "./database";
import { ROLES, TARGETS, type MatrixCase, type MatrixFixtures, type Target } from "./matrix/types";

// Generated from the registries: every action and every route × every role × the body it concerns
// (own, parent, child, sibling, another province) → allowed or denied, against the rules written out
// by hand in tests/integration/matrix/ (one file per feature) and below. An action or route missing
// from these tables fails the test.

const casesByFeature = import.meta.glob<{ cases: Record<string, MatrixCase> }>("./matrix/*.ts", { eager: true });
const CASES: Record<string, MatrixCase> = Object.assign({}, ...Object.values(casesByFeature).map((m) => m.cases ?? {}));
/** Denials towards bodies the user cannot see at all must read "not found". */
const INVISIBLE: Target[] = ["sibling", "otherProvince"];

const WRITERS: Role[] = ["EDITOR", "APPROVER"];
/** A token acts as its body with a role that follows its scope (ADR 0035). */
type TokenKind = "read" | "write";
const TOKEN_ROLE: Record<TokenKind, Role> = { read: "VIEWER", write: "EDITOR" };
const EXPECTED_ROUTES: Record<string, Role[]> = {
  "/plans": ROLES,
  "/plans/[id]": ROLES,
  "/plans/[id]/history": ROLES,
  "/plans/[id]/implement": WRITERS,
  "/plans/[id]/edit": WRITERS,
  "/plans/[id]/results": ROLES,
  "/plans/[id]/reports/[year]": ROLES,
  "/plans/[id]/reports/[year]/print": ROLES,
  "/plans/[id]/dashboard": ROLES,
  "/dashboard": ROLES,
  "/dashboard/targets": ROLES,
  "/reports": ROLES,
  "/notifications": ROLES,
  "/import": WRITERS,
  "/api/plans/[id]/export/report.docx": ROLES,
  "/api/plans/[id]/export/indicators.xlsx": ROLES,
  "/api/provinces/[code]/export/localities.xlsx": ROLES,
  "/admin/users": ["ADMIN"],
  "/admin/api-tokens": ["ADMIN"],
  "/api/v1/plans": ROLES,
  "/api/v1/plans/[id]": ROLES,
  "/api/v1/plans/[id]/actuals": ROLES,
  "/api/v1/plans/[id]/actuals.csv": ROLES,
  "/api/v1/plans/[id]/reports": ROLES,
  "/api/v1/provinces/[code]/actuals.csv": ROLES,
  "/api/v1/openapi.json": ROLES,
  "/admin/users/[id]": ["ADMIN"],
  "/admin/audit": ["ADMIN"],
  "/admin/organizations": [],
  "/api/admin/units": ["ADMIN"],
  "/api/admin/organizations": [],
  "/": ROLES,
  "/sign-in": ROLES,
  "/public": ROLES,
  "/public/plans/[id]": ROLES,
  "/api/auth/[...nextauth]": ROLES,
  "/api/health": ROLES,
  "/api/health/ready": ROLES,
};
/** Plans of which bodies every role may read. */
const EXPECTED_PLAN_VISIBILITY: Record<Target | "central", boolean> = {
  own: true,
  parent: true,
  child: true,
  central: true,
  sibling: false,
  otherProvince: false,
};

describe("authorisation matrix", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const organizations = {} as Record<Target, string>;
  const usersByTarget = {} as Record<Target, string>;
  const plans = {} as Record<Target | "central", string>;
  const scopes = {} as Record<Role, import("../../src/server/db/scope").Scope>;
  const successorScopes = {} as Record<Role, import("../../src/server/db/scope").Scope>;
  /** The same users while their body has ended: every action is refused, whatever the target. */
  const endedScopes = {} as Record<Role, import("../../src/server/db/scope").Scope>;
  const fixtures = () => ({ db, organizations, users: usersByTarget, plans }) satisfies MatrixFixtures;
  /** API tokens of the acting body (ADR 0035), made by its administrator: their scopes, and secrets that must be refused. */
  const tokenScopes = {} as Record<TokenKind, import("../../src/server/db/scope").Scope>;
  const refusedSecrets = {} as Record<"revoked" | "expired" | "creatorLeft", string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const org = (name: string, unit: string) =>
      db.adminDb.organization.findFirstOrThrow({ where: { name, adminUnitId: unit } });
    organizations.own = (await org("Thị ủy Mộc Châu", unitId.district2024("123"))).id;
    organizations.parent = (await org("Tỉnh ủy Sơn La", unitId.province2025("14"))).id;
    organizations.sibling = (await org("Huyện ủy Mai Sơn", unitId.district2024("125"))).id;
    organizations.otherProvince = (await org("Thành ủy Đà Lạt", unitId.district2024("672"))).id;
    // A body below the district: a commune of Mộc Châu before 2025.
    const commune = await db.adminDb.adminUnit.findFirstOrThrow({
      where: { era: "PRE_2025", level: "COMMUNE", parentId: unitId.district2024("123") },
    });
    organizations.child = (
      await db.adminDb.organization.create({
        data: {
          name: `Đảng ủy ${commune.fullName}`,
          normalizedName: `dang uy test ${commune.code}`,
          kind: "PARTY_COMMITTEE",
          track: "PARTY",
          adminUnitId: commune.id,
          provinceCode: "14",
        },
      })
    ).id;

    for (const target of TARGETS) {
      const user = await db.adminDb.user.create({
        data: {
          username: `target.${target.toLowerCase()}`,
          displayName: `Target ${target}`,
          passwordHash: "x",
          memberships: { create: { organizationId: organizations[target], role: "VIEWER" } },
        },
      });
      usersByTarget[target] = user.id;
      const plan = await db.adminDb.plan.findFirst({ where: { issuerId: organizations[target] } });
      plans[target] =
        plan?.id ??
        // The commune's plan implements the district's, so its report is addressed to the district.
        (
          await db.adminDb.plan.create({
            data: {
              kind: "PLAN",
              track: "PARTY",
              notation: "PARTY",
              typeCode: "KH",
              issuerCode: "ĐU",
              issuerId: organizations[target],
              provinceCode: "14",
              title: "Kế hoạch của xã (kiểm thử)",
              parentId: plans.own,
            },
          })
        ).id;
    }
    plans.central = (await db.adminDb.plan.findFirstOrThrow({ where: { provinceCode: null } })).id;

    const { scopeForUser } = await import("../../src/server/auth/session");
    const actors = {} as Record<Role, string>;
    for (const role of ROLES) {
      const user = await db.adminDb.user.create({
        data: {
          username: `actor.${role.toLowerCase()}`,
          displayName: `Actor ${role}`,
          passwordHash: "x",
          memberships: { create: { organizationId: organizations.own, role } },
        },
      });
      actors[role] = user.id;
      // As it is: Thị ủy Mộc Châu ended on 30/6/2025.
      endedScopes[role] = (await scopeForUser(user.id))!;
    }
    // The relations are tested on the acting body as if it still existed (its end cleared in this
    // copy of the database); what its end changes has its own section below.
    await db.adminDb.organization.update({ where: { id: organizations.own }, data: { validTo: null } });
    for (const role of ROLES) scopes[role] = (await scopeForUser(actors[role]))!;
    const { tokenCaller } = await import("../../src/server/api/route");
    const { newTokenSecret } = await import("../../src/server/api/token-secret");
    const makeToken = async (
      canWriteResults: boolean,
      more: { revokedAt?: Date; expiresAt?: Date } = {},
      by = actors.ADMIN,
    ) => {
      const { secret, hash, prefix } = newTokenSecret();
      await db.adminDb.apiToken.create({
        data: {
          organizationId: organizations.own,
          createdById: by,
          name: "Ma trận",
          prefix,
          secretHash: hash,
          canWriteResults,
          ...more,
        },
      });
      return secret;
    };
    tokenScopes.read = (await tokenCaller(await makeToken(false)))!.scope;
    tokenScopes.write = (await tokenCaller(await makeToken(true)))!.scope;
    refusedSecrets.revoked = await makeToken(true, { revokedAt: new Date() });
    refusedSecrets.expired = await makeToken(false, { expiresAt: new Date(Date.now() - 60_000) });
    // An administrator who has since left the body: their tokens stop with their membership.
    const leaver = await db.adminDb.user.create({
      data: {
        username: "actor.leaver",
        displayName: "Leaver",
        passwordHash: "x",
        memberships: { create: { organizationId: organizations.own, role: "ADMIN" } },
      },
    });
    refusedSecrets.creatorLeft = await makeToken(true, {}, leaver.id);
    await db.adminDb.membership.deleteMany({ where: { userId: leaver.id } });
    // Đảng ủy phường Mộc Châu succeeded the acting body on 1/7/2025.
    const successor = await db.adminDb.organization.findFirstOrThrow({
      where: { name: "Đảng ủy phường Mộc Châu", predecessors: { some: { predecessorId: organizations.own } } },
    });
    for (const role of ROLES) {
      const user = await db.adminDb.user.create({
        data: {
          username: `successor.${role.toLowerCase()}`,
          displayName: `Successor ${role}`,
          passwordHash: "x",
          memberships: { create: { organizationId: successor.id, role } },
        },
      });
      successorScopes[role] = (await scopeForUser(user.id))!;
    }
  });
  afterAll(async () => db.drop());

  it("every registered action declares a known permission and has rows in the matrix", async () => {
    const { actionRegistry } = await import("../../src/server/actions");
    const { PERMISSIONS } = await import("../../src/server/permissions");
    await Promise.all(Object.values(CASES).map((c) => c.load()));
    // Load every feature's actions, including any that have no matrix rows yet.
    await Promise.all(Object.values(import.meta.glob("../../src/features/*/*-actions.ts")).map((load) => load()));
    expect(actionRegistry.size).toBeGreaterThan(0);
    for (const [name, action] of actionRegistry) {
      expect(Object.keys(PERMISSIONS), `${name} declares no known permission`).toContain(action.permission);
      expect(Object.keys(CASES), `${name} has no rows in tests/integration/matrix/`).toContain(name);
    }
  });

  for (const [name, matrixCase] of Object.entries(CASES)) {
    for (const role of ROLES) {
      for (const target of TARGETS) {
        const allowed = matrixCase.expected[target].includes(role);
        it(`${name} · ${role} · ${target} → ${allowed ? "allowed" : "denied"}`, async () => {
          const { actionRegistry } = await import("../../src/server/actions");
          await matrixCase.load();
          const action = actionRegistry.get(name)!;
          const before = await db.adminDb.auditLog.count();
          const result = await action.execute(scopes[role], await matrixCase.input(fixtures(), target));
          const after = await db.adminDb.auditLog.count();
          if (allowed) {
            expect(result, JSON.stringify(result)).toMatchObject({ status: "ok" });
            expect(after).toBeGreaterThan(before);
            await matrixCase.reset?.(fixtures(), target);
          } else {
            expect(result.status).toBe("error");
            expect(after).toBe(before);
            if (matrixCase.expected.own.includes(role) && INVISIBLE.includes(target) && result.status === "error")
              expect(result.message).toMatch(/Không tìm thấy/);
          }
        });
      }
    }
  }

  for (const [name, matrixCase] of Object.entries(CASES)) {
    if (!matrixCase.fromSuccessor) continue;
    for (const role of ROLES) {
      const allowed = matrixCase.fromSuccessor.includes(role);
      it(`${name} · ${role} of a successor · towards the body it succeeded → ${allowed ? "allowed" : "denied"}`, async () => {
        const { actionRegistry } = await import("../../src/server/actions");
        await matrixCase.load();
        const action = actionRegistry.get(name)!;
        const before = await db.adminDb.auditLog.count();
        // The acting body as it really is here: ended on 30/6/2025 (the relations above are tested with
        // its end cleared).
        const ended = { where: { id: organizations.own }, data: { validTo: new Date("2025-06-30") } };
        await db.adminDb.organization.update(ended);
        const result = await action
          .execute(successorScopes[role], await matrixCase.input(fixtures(), "own"))
          .finally(() => db.adminDb.organization.update({ ...ended, data: { validTo: null } }));
        const after = await db.adminDb.auditLog.count();
        if (allowed) {
          expect(result, JSON.stringify(result)).toMatchObject({ status: "ok" });
          expect(after).toBeGreaterThan(before);
          await matrixCase.reset?.(fixtures(), "own");
        } else {
          expect(result.status).toBe("error");
          expect(after).toBe(before);
        }
      });
    }
    it(`${name} · a body that has ended is refused with the reason, whatever the role and the target`, async () => {
      const { actionRegistry } = await import("../../src/server/actions");
      await matrixCase.load();
      const action = actionRegistry.get(name)!;
      for (const role of ROLES) {
        expect(endedScopes[role].organizationEndedOn).toBe("2025-06-30");
        for (const target of TARGETS) {
          const before = await db.adminDb.auditLog.count();
          const result = await action.execute(endedScopes[role], await matrixCase.input(fixtures(), target));
          expect(result, `${role} · ${target}`).toMatchObject({ status: "error" });
          if (result.status === "error")
            expect(result.message).toMatch(/^Thị ủy Mộc Châu đã kết thúc hoạt động từ ngày 01\/07\/2025/);
          expect(await db.adminDb.auditLog.count()).toBe(before);
        }
      }
    });
  }

  it("every route is in the expected table, and each role is let in exactly where expected", async () => {
    const { ROUTES, routeAllows } = await import("../../src/server/routes");
    expect(Object.keys(ROUTES).sort()).toEqual(Object.keys(EXPECTED_ROUTES).sort());
    for (const path of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
      for (const role of ROLES)
        expect(routeAllows(scopes[role], path), `${path} · ${role}`).toBe(EXPECTED_ROUTES[path]!.includes(role));
    }
  });

  for (const role of ROLES) {
    it(`plan pages · ${role}: own, parent, child and central plans are visible; sibling and other-province plans are "not found"`, async () => {
      const { withScope } = await import("../../src/server/db/scoped");
      const { getPlanDetail, listPlans } = await import("../../src/features/plans/queries");
      const { NotFoundError } = await import("../../src/server/errors");
      const scope = scopes[role];
      const listed = new Set((await withScope(scope, (tx) => listPlans(tx, scope, {}))).map((p) => p.id));
      for (const [target, visible] of Object.entries(EXPECTED_PLAN_VISIBILITY)) {
        const id = plans[target as Target | "central"];
        const read = withScope(scope, (tx) => getPlanDetail(tx, scope, id));
        if (visible) await expect(read).resolves.toMatchObject({ id });
        else await expect(read).rejects.toBeInstanceOf(NotFoundError);
        expect(listed.has(id), `${target} in the list`).toBe(visible);
      }
    });
  }
  // API tokens, as their scope runs the actions that matter to them: a read token as a viewer of its
  // body, a write token as an editor (never as the administrator who made it: a token cannot make
  // tokens or manage accounts). Plan-editing actions are left out: the API does not reach them, and
  // their cells depend on the plan's state that the rows above leave behind.
  const TOKEN_ACTIONS = /^(api|apiTokens|results|accounts|directory|notifications)\./;
  for (const kind of ["read", "write"] as const) {
    for (const [name, matrixCase] of Object.entries(CASES).filter(([n]) => TOKEN_ACTIONS.test(n))) {
      const targets: Target[] = name.startsWith("api.") || name.startsWith("results.") ? TARGETS : ["own"];
      for (const target of targets) {
        const allowed = matrixCase.expected[target].includes(TOKEN_ROLE[kind]);
        it(`${name} · ${kind} token · ${target} → ${allowed ? "allowed" : "denied"}`, async () => {
          const { actionRegistry } = await import("../../src/server/actions");
          await matrixCase.load();
          const before = await db.adminDb.auditLog.count();
          const result = await actionRegistry
            .get(name)!
            .execute(tokenScopes[kind], await matrixCase.input(fixtures(), target));
          if (allowed) {
            expect(result, JSON.stringify(result)).toMatchObject({ status: "ok" });
            await matrixCase.reset?.(fixtures(), target);
          } else {
            expect(result.status).toBe("error");
            expect(await db.adminDb.auditLog.count()).toBe(before);
          }
        });
      }
    }

    it(`plans · ${kind} token: what its body reads (own, parent, child, central), never a sibling's or another province's unpublished plan`, async () => {
      const { withScope } = await import("../../src/server/db/scoped");
      const { getPlanDetail, listPlans } = await import("../../src/features/plans/queries");
      const { NotFoundError } = await import("../../src/server/errors");
      const scope = tokenScopes[kind];
      expect(scope).toMatchObject({ organizationId: organizations.own, isSystemAdmin: false, role: TOKEN_ROLE[kind] });
      const listed = new Set((await withScope(scope, (tx) => listPlans(tx, scope, {}))).map((p) => p.id));
      for (const [target, visible] of Object.entries(EXPECTED_PLAN_VISIBILITY)) {
        const id = plans[target as Target | "central"];
        const read = withScope(scope, (tx) => getPlanDetail(tx, scope, id));
        if (visible) await expect(read).resolves.toMatchObject({ id });
        else await expect(read).rejects.toBeInstanceOf(NotFoundError);
        expect(listed.has(id), `${target} in the list`).toBe(visible);
      }
      const { ROUTES, routeAllows } = await import("../../src/server/routes");
      for (const path of Object.keys(ROUTES) as (keyof typeof ROUTES)[])
        expect(routeAllows(scope, path), path).toBe(EXPECTED_ROUTES[path]!.includes(TOKEN_ROLE[kind]));
    });
  }

  it("a revoked or expired token, or one whose creator left the body, is refused", async () => {
    const { tokenCaller } = await import("../../src/server/api/route");
    for (const [why, secret] of Object.entries(refusedSecrets)) expect(await tokenCaller(secret), why).toBeNull();
  });
});
