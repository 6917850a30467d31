import "server-only";
import type { Scope } from "@/server/db/scope";
import type { ScopedDb } from "@/server/db/scoped";
import { permits } from "@/server/permissions";
import { relationTo } from "@/server/relations";

/** Organisations whose users and audit trail this administrator manages: their own and those below. */
export async function managedOrganizations(db: ScopedDb, scope: Scope) {
  const candidates = await db.organization.findMany({
    where: scope.allProvinces ? {} : { provinceCode: scope.provinceCode },
    select: {
      id: true,
      name: true,
      adminUnitId: true,
      provinceCode: true,
      isCollective: true,
      kind: true,
      adminUnit: { select: { level: true, fullName: true } },
    },
    orderBy: { name: "asc" },
  });
  return candidates.filter(
    (o) =>
      !o.isCollective &&
      permits(
        "users.manage",
        relationTo(scope, {
          id: o.id,
          adminUnitId: o.adminUnitId,
          provinceCode: o.provinceCode,
          adminUnitLevel: o.adminUnit.level,
        }),
        scope.isSystemAdmin,
      ),
  );
}

export async function listManagedUsers(db: ScopedDb, organizationIds: string[]) {
  return db.user.findMany({
    where: { memberships: { some: { organizationId: { in: organizationIds } } } },
    select: {
      id: true,
      username: true,
      displayName: true,
      isActive: true,
      memberships: { select: { role: true, organization: { select: { id: true, name: true } } } },
    },
    orderBy: { username: "asc" },
  });
}

export async function listAudit(db: ScopedDb, organizationIds: string[], take = 200) {
  return db.auditLog.findMany({ where: { organizationId: { in: organizationIds } }, orderBy: { at: "desc" }, take });
}
