import { visiblePlans, type ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { NotFoundError } from "@/server/errors";
import { permits, roleHolds, type Permission } from "@/server/permissions";
import { relationTo, type OrganizationRef } from "@/server/relations";

// The owner of a plan (its issuer) as the permission checks see it, for actions' `subject` and for
// pages deciding which controls to show. A plan the scope may not read is "not found".

export const organizationRefSelect = {
  id: true,
  adminUnitId: true,
  provinceCode: true,
  adminUnit: { select: { level: true } },
} as const;

export function organizationRef(org: {
  id: string;
  adminUnitId: string;
  provinceCode: string | null;
  adminUnit: { level: OrganizationRef["adminUnitLevel"] };
}): OrganizationRef {
  return {
    id: org.id,
    adminUnitId: org.adminUnitId,
    provinceCode: org.provinceCode,
    adminUnitLevel: org.adminUnit.level,
  };
}

export async function planOwner(db: ScopedDb, scope: Scope, planId: string): Promise<OrganizationRef> {
  const plan = await db.plan.findFirst({
    where: { AND: [{ id: planId }, visiblePlans(scope)] },
    select: { issuer: { select: organizationRefSelect } },
  });
  if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch");
  return organizationRef(plan.issuer);
}

/** What the server would allow, for showing or hiding a control (the action checks again). */
export function may(scope: Scope, permission: Permission, owner: OrganizationRef): boolean {
  // Every permission asked about here is a write's, and a body that has ended writes nothing (defineAction).
  if (scope.organizationEndedOn) return false;
  return (
    roleHolds(scope.role, permission, scope.isSystemAdmin) &&
    permits(permission, relationTo(scope, owner), scope.isSystemAdmin)
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
