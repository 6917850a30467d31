import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { searchTerms } from "@/domain/vietnamese-text";
import { placeOf, placeSelect } from "@/features/directory/organization-search";
import type { Scope } from "@/server/db/scope";
import type { ScopedDb } from "@/server/db/scoped";

// What account administrators read: the accounts of the bodies they manage and those bodies' audit
// trail, searched, filtered and paged on the server (a province has hundreds of bodies and thousands
// of accounts), with the filters in the URL.

export const PAGE_SIZE = 50;

/** Today's date as the date columns store it (validTo is the body's last day). */
function startOfTodayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The organisations whose accounts and audit trail this scope manages ("users.manage": its own and
 * those below it), as a filter the database applies: the SQL form of relationTo() for those two
 * relations (tests/integration/admin-scale.test.ts holds them equal). Collective names ("UBND các
 * xã") have no accounts. For accounts, a body that has ended is managed only from above it
 * (managesAccountsOf, ADR 0013): not as one's own body or predecessor.
 */
export function managedOrganizationsWhere(
  scope: Scope,
  purpose: "accounts" | "audit" = "accounts",
): Prisma.OrganizationWhereInput {
  const notCollective = { isCollective: false };
  if (scope.isSystemAdmin) return notCollective;
  const ownIds = [scope.organizationId, ...scope.predecessorOrganizationIds].filter((id): id is string => Boolean(id));
  const own: Prisma.OrganizationWhereInput =
    purpose === "audit"
      ? { id: { in: ownIds } }
      : { id: { in: ownIds }, OR: [{ validTo: null }, { validTo: { gte: startOfTodayUtc() } }] };
  const below: Prisma.OrganizationWhereInput[] = [];
  if (scope.allProvinces) below.push({ provinceCode: { not: null } });
  else if (scope.provinceCode && scope.childUnitIds === null)
    below.push({ provinceCode: scope.provinceCode, adminUnit: { level: { not: "PROVINCE" } } });
  else if (scope.provinceCode && scope.childUnitIds) {
    // relationTo() calls a body of one's own unit a peer and one above an ancestor before a child.
    const taken = new Set([...scope.ownUnitIds, ...scope.ancestorUnitIds]);
    const units = scope.childUnitIds.filter((id) => !taken.has(id));
    if (units.length) below.push({ provinceCode: scope.provinceCode, adminUnitId: { in: units } });
  }
  return { AND: [notCollective, { OR: [own, ...below] }] };
}

/** The managed organisations' ids (for the audit trail, whose rows have no relation to follow). */
export async function managedOrganizationIds(
  db: ScopedDb,
  scope: Scope,
  purpose: "accounts" | "audit" = "accounts",
): Promise<string[]> {
  const rows = await db.organization.findMany({
    where: managedOrganizationsWhere(scope, purpose),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** One managed organisation with where it is (a filter's chosen unit), or null if not managed. */
export async function managedOrganization(db: ScopedDb, scope: Scope, id: string) {
  const organization = await db.organization.findFirst({
    where: { AND: [{ id }, managedOrganizationsWhere(scope)] },
    select: { id: true, name: true, ...placeSelect },
  });
  return organization ? { id: organization.id, name: organization.name, place: placeOf(organization) } : null;
}

export type UserFilters = {
  q?: string;
  organizationId?: string;
  role?: Role;
  status?: "active" | "locked";
  page: number;
};

const likeTerm = (term: string) => ` ${term.replace(/[\\%_]/g, (c) => `\\${c}`)}`;

/** A page of the accounts that belong to a managed organisation, with their managed memberships. */
export async function listManagedUsers(db: ScopedDb, scope: Scope, filters: UserFilters) {
  const managed = managedOrganizationsWhere(scope);
  const where: Prisma.UserWhereInput = {
    AND: [
      {
        memberships: {
          some: {
            organization: managed,
            ...(filters.organizationId ? { organizationId: filters.organizationId } : {}),
            ...(filters.role ? { role: filters.role } : {}),
          },
        },
      },
      ...(filters.status ? [{ isActive: filters.status === "active" }] : []),
      ...searchTerms(filters.q ?? "").map((term) => ({ searchText: { contains: likeTerm(term) } })),
    ],
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      select: {
        id: true,
        username: true,
        displayName: true,
        isActive: true,
        isSystemAdmin: true,
        memberships: {
          where: { organization: managed },
          orderBy: { createdAt: "asc" },
          select: { role: true, organization: { select: { id: true, name: true, ...placeSelect } } },
        },
      },
      orderBy: [{ username: "asc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  return {
    total,
    users: users.map((user) => ({
      ...user,
      memberships: user.memberships.map((m) => ({
        role: m.role,
        organization: { id: m.organization.id, name: m.organization.name, place: placeOf(m.organization) },
      })),
    })),
  };
}

/** One account to edit, with every membership (an admin edits only accounts all of whose bodies they manage). */
export async function getUserForEdit(db: ScopedDb, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      displayName: true,
      email: true,
      isActive: true,
      isSystemAdmin: true,
      version: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, organization: { select: { id: true, name: true, ...placeSelect } } },
      },
    },
  });
  if (!user) return null;
  return {
    ...user,
    memberships: user.memberships.map((m) => ({
      role: m.role,
      organization: { id: m.organization.id, name: m.organization.name, place: placeOf(m.organization) },
    })),
  };
}

export type AuditFilters = {
  /** Part of a username or display name. */
  who?: string;
  action?: string;
  entityType?: string;
  /** ISO days, inclusive, in Vietnam time. */
  from?: string;
  to?: string;
  page: number;
};

/** Midnight of an ISO day in Vietnam (UTC+7, no daylight saving). */
const vietnamMidnight = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** A page of the audit trail of the managed organisations, newest first. */
export async function listAudit(db: ScopedDb, scope: Scope, filters: AuditFilters) {
  const organizationIds = await managedOrganizationIds(db, scope, "audit");
  const and: Prisma.AuditLogWhereInput[] = [{ organizationId: { in: organizationIds } }];
  if (filters.who) {
    const terms = searchTerms(filters.who);
    const people = terms.length
      ? await db.user.findMany({
          where: { AND: terms.map((term) => ({ searchText: { contains: likeTerm(term) } })) },
          select: { id: true },
          take: 500,
        })
      : [];
    and.push({ userId: { in: people.map((p) => p.id) } });
  }
  if (filters.action) and.push({ action: filters.action });
  if (filters.entityType) and.push({ entityType: filters.entityType });
  if (filters.from) and.push({ at: { gte: vietnamMidnight(filters.from) } });
  if (filters.to) {
    const next = new Date(vietnamMidnight(filters.to).getTime() + 86_400_000);
    and.push({ at: { lt: next } });
  }
  const where: Prisma.AuditLogWhereInput = { AND: and };
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(entries.map((e) => e.userId).filter((id): id is string => Boolean(id)))] } },
    select: { id: true, username: true, displayName: true },
  });
  const organizations = await db.organization.findMany({
    where: { id: { in: [...new Set(entries.map((e) => e.organizationId).filter((id): id is string => Boolean(id)))] } },
    select: { id: true, name: true },
  });
  return {
    total,
    entries,
    users: new Map(users.map((u) => [u.id, u])),
    organizations: new Map(organizations.map((o) => [o.id, o.name])),
  };
}
