import "server-only";
import type { Scope } from "./db/scope";
import { visiblePlans, type ScopedDb } from "./db/scoped";
import { NotFoundError } from "./errors";
import { permits, roleHolds, type Permission } from "./permissions";
import { relationTo, type OrganizationRef } from "./relations";

// The owner of a plan (its issuer) as the permission checks see it, for actions' `subject` and for
// pages deciding which controls to show. A plan the scope may not read is "not found". A wall every
// feature that writes plan content goes through, so it lives here rather than in one of them.

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
  return (
    roleHolds(scope.role, permission, scope.isSystemAdmin) &&
    permits(permission, relationTo(scope, owner), scope.isSystemAdmin)
  );
}
