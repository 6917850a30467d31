import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { rawDatabase } from "../db/client";
import type { Scope } from "../db/scope";
import { authOptions } from "./options";

export const ACTIVE_ORGANIZATION_COOKIE = "kh.org";

/**
 * The scope of the signed-in user for this request, or null. A session is void once the account is
 * deactivated or its password reset (sessionsValidAfter), whatever the cookie says.
 */
export const currentScope = cache(async (): Promise<Scope | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: string; issuedAt?: number } | null;
  if (!session?.uid) return null;
  const chosen = (await cookies()).get(ACTIVE_ORGANIZATION_COOKIE)?.value;
  return scopeForUser(session.uid, { issuedAt: session.issuedAt, organizationId: chosen });
});

/** For pages: the scope, or off to the sign-in page. */
export async function requireScope(): Promise<Scope> {
  const scope = await currentScope();
  if (!scope) redirect("/sign-in");
  return scope;
}

export async function scopeForUser(userId: string, options: { issuedAt?: number; organizationId?: string } = {}): Promise<Scope | null> {
  const db = rawDatabase();
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { memberships: { orderBy: { createdAt: "asc" }, include: { organization: { include: { adminUnit: true, predecessors: { select: { predecessorId: true } } } } } } },
  });
  if (!user || !user.isActive) return null;
  if (options.issuedAt !== undefined && options.issuedAt * 1000 < user.sessionsValidAfter.getTime() - 1000) return null;
  const membership = user.memberships.find((m) => m.organizationId === options.organizationId) ?? user.memberships[0];
  const base = {
    userId: user.id, username: user.username, displayName: user.displayName, isSystemAdmin: user.isSystemAdmin,
    memberships: user.memberships.map((m) => ({ organizationId: m.organizationId, organizationName: m.organization.name, role: m.role })),
  };
  if (!membership) {
    return {
      ...base, organizationId: null, organizationName: null, role: null, provinceCode: null, allProvinces: user.isSystemAdmin,
      visibleUnitIds: user.isSystemAdmin ? null : [], ownUnitIds: [], ancestorUnitIds: [], childUnitIds: user.isSystemAdmin ? null : [], predecessorOrganizationIds: [],
    };
  }
  const organization = membership.organization;
  const unit = organization.adminUnit;
  const central = unit.level === "CENTRAL";
  const scope: Scope = {
    ...base,
    organizationId: organization.id,
    organizationName: organization.name,
    role: membership.role,
    provinceCode: organization.provinceCode,
    allProvinces: user.isSystemAdmin || central,
    visibleUnitIds: null,
    ownUnitIds: [unit.id],
    ancestorUnitIds: [],
    childUnitIds: null,
    predecessorOrganizationIds: organization.predecessors.map((p) => p.predecessorId),
  };
  if (unit.level === "PROVINCE" || central) return scope;
  // Below province level: this unit and the units it succeeded (their plans are its record now),
  // the units above them all, and the units directly below.
  const predecessors = await db.adminSuccession.findMany({ where: { successorId: unit.id }, select: { predecessorId: true } });
  const own = [unit.id, ...predecessors.map((p) => p.predecessorId)];
  const ancestors = new Set<string>();
  let frontier = own;
  while (frontier.length) {
    const parents = await db.adminUnit.findMany({ where: { id: { in: frontier }, parentId: { not: null } }, select: { parentId: true } });
    frontier = parents.map((p) => p.parentId!).filter((id) => !ancestors.has(id) && !own.includes(id));
    frontier.forEach((id) => ancestors.add(id));
  }
  // The province, in either structure, is above every locality of it (a 2024 district's Tỉnh ủy is
  // attached to today's province).
  const provinces = await db.adminUnit.findMany({ where: { level: "PROVINCE", provinceCode: organization.provinceCode }, select: { id: true } });
  provinces.forEach((p) => ancestors.add(p.id));
  const children = (await db.adminUnit.findMany({ where: { parentId: { in: own } }, select: { id: true } })).map((c) => c.id);
  return {
    ...scope,
    ownUnitIds: own,
    ancestorUnitIds: [...ancestors],
    childUnitIds: children,
    visibleUnitIds: [...new Set([...own, ...ancestors, ...children])],
  };
}
