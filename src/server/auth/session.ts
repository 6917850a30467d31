import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { rawDatabase } from "../db/client";
import { PREPARED_MARK } from "../db/prepared-statements";
import type { Role } from "@/generated/prisma/enums";
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

type ScopeRow = {
  user: {
    id: string;
    username: string;
    displayName: string;
    isSystemAdmin: boolean;
    isActive: boolean;
    sessionsValidAfterMs: number;
  } | null;
  memberships: {
    organizationId: string;
    organizationName: string;
    role: Role;
    provinceCode: string | null;
    adminUnitId: string;
    level: string;
    validTo: string | null;
    ended: boolean;
    predecessorOrganizationIds: string[];
  }[];
  /** For the membership asked for (else the first): its unit and those it succeeded, the units above them, the units below. */
  own: string[];
  ancestors: string[];
  children: string[];
};

/**
 * Everything a scope is made of, in one statement (it runs on every request): the user, their
 * memberships in order, and for the chosen one, below province level, the administrative units
 * around it.
 */
// Prepared: it runs on every request, its parameters are two ids.
const SCOPE_QUERY = `${PREPARED_MARK}
  WITH RECURSIVE m AS (
    SELECT ms."organizationId", o.name AS "organizationName", ms.role::text AS role, o."provinceCode", o."adminUnitId", u.level::text AS level, ms."createdAt",
           to_char(o."validTo", 'YYYY-MM-DD') AS "validTo", coalesce(o."validTo" < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, false) AS ended,
           (SELECT coalesce(json_agg(s."predecessorId" ORDER BY s."predecessorId"), '[]'::json) FROM organization_successions s WHERE s."successorId" = o.id) AS "predecessorOrganizationIds"
    FROM memberships ms JOIN organizations o ON o.id = ms."organizationId" JOIN admin_units u ON u.id = o."adminUnitId"
    WHERE ms."userId" = $1
  ), chosen AS (
    SELECT * FROM m ORDER BY m."organizationId" = $2 DESC, m."createdAt", m."organizationId" LIMIT 1
  ), own AS (
    SELECT c."adminUnitId" AS id, 0 AS rank FROM chosen c WHERE c.level NOT IN ('PROVINCE', 'CENTRAL')
    UNION
    SELECT s."predecessorId", 1 FROM chosen c JOIN admin_successions s ON s."successorId" = c."adminUnitId" WHERE c.level NOT IN ('PROVINCE', 'CENTRAL')
  ), up(id) AS (
    SELECT a."parentId" FROM admin_units a JOIN own ON own.id = a.id WHERE a."parentId" IS NOT NULL
    UNION
    SELECT a."parentId" FROM admin_units a JOIN up ON up.id = a.id WHERE a."parentId" IS NOT NULL
  )
  SELECT
    (SELECT row_to_json(x) FROM (SELECT id, username, "displayName", "isSystemAdmin", "isActive", extract(epoch FROM "sessionsValidAfter") * 1000 AS "sessionsValidAfterMs" FROM users WHERE id = $1) x)::text AS "user",
    (SELECT coalesce(json_agg(m ORDER BY m."createdAt", m."organizationId"), '[]'::json) FROM m)::text AS memberships,
    (SELECT coalesce(json_agg(id ORDER BY rank, id), '[]'::json) FROM own)::text AS own,
    (SELECT coalesce(json_agg(DISTINCT id), '[]'::json) FROM (
       SELECT id FROM up WHERE id NOT IN (SELECT id FROM own)
       UNION SELECT id FROM admin_units WHERE level = 'PROVINCE' AND "provinceCode" = (SELECT "provinceCode" FROM chosen)
     ) a)::text AS ancestors,
    (SELECT coalesce(json_agg(a.id ORDER BY a.id), '[]'::json) FROM admin_units a WHERE a."parentId" IN (SELECT id FROM own))::text AS children`;

export async function scopeForUser(
  userId: string,
  options: { issuedAt?: number; organizationId?: string } = {},
): Promise<Scope | null> {
  const [found] = await rawDatabase().$queryRawUnsafe<Record<keyof ScopeRow, string>[]>(
    SCOPE_QUERY,
    userId,
    options.organizationId ?? "",
  );
  const row = found
    ? (Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v === null ? null : JSON.parse(v)])) as ScopeRow)
    : null;
  const user = row?.user;
  if (!row || !user || !user.isActive) return null;
  if (options.issuedAt !== undefined && options.issuedAt * 1000 < user.sessionsValidAfterMs - 1000) return null;
  const membership = row.memberships.find((m) => m.organizationId === options.organizationId) ?? row.memberships[0];
  const base = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    isSystemAdmin: user.isSystemAdmin,
    memberships: row.memberships.map((m) => ({
      organizationId: m.organizationId,
      organizationName: m.organizationName,
      role: m.role,
    })),
  };
  if (!membership) {
    return {
      ...base,
      organizationId: null,
      organizationName: null,
      organizationEndedOn: null,
      role: null,
      provinceCode: null,
      allProvinces: user.isSystemAdmin,
      visibleUnitIds: user.isSystemAdmin ? null : [],
      ownUnitIds: [],
      ancestorUnitIds: [],
      childUnitIds: user.isSystemAdmin ? null : [],
      predecessorOrganizationIds: [],
    };
  }
  const central = membership.level === "CENTRAL";
  const scope: Scope = {
    ...base,
    organizationId: membership.organizationId,
    organizationName: membership.organizationName,
    // Checked by every action (defineAction): a body that has ended writes nothing any more.
    organizationEndedOn: membership.ended ? membership.validTo : null,
    role: membership.role,
    provinceCode: membership.provinceCode,
    allProvinces: user.isSystemAdmin || central,
    visibleUnitIds: null,
    ownUnitIds: [membership.adminUnitId],
    ancestorUnitIds: [],
    childUnitIds: null,
    predecessorOrganizationIds: membership.predecessorOrganizationIds,
  };
  if (membership.level === "PROVINCE" || central) return scope;
  // Below province level: this unit and the units it succeeded (their plans are its record now),
  // the units above them all (the province in either structure too: a 2024 district's Tỉnh ủy is
  // attached to today's province), and the units directly below.
  return {
    ...scope,
    ownUnitIds: row.own,
    ancestorUnitIds: row.ancestors,
    childUnitIds: row.children,
    visibleUnitIds: [...new Set([...row.own, ...row.ancestors, ...row.children])],
  };
}
