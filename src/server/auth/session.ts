import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { rawDatabase } from "../db/client";
import { PREPARED_MARK } from "../db/prepared-statements";
import { noteRequestUser } from "../log/context";
import type { Role } from "@/generated/prisma/enums";
import type { Scope } from "../db/scope";
import { authOptions, sessionExpired, type SessionClaims } from "./options";

export const ACTIVE_ORGANIZATION_COOKIE = "kh.org";

/**
 * The scope of the signed-in user for this request, or null. A session is void once its user has
 * signed out, had their password reset or been deactivated (each increments the user's session
 * generation, read in the same statement as the scope), or once it is older than its absolute
 * lifetime, whatever the cookie says.
 */
export const currentScope = cache(async (): Promise<Scope | null> => {
  const session = (await getServerSession(authOptions())) as Partial<SessionClaims> | null;
  const chosen = (await cookies()).get(ACTIVE_ORGANIZATION_COOKIE)?.value;
  const scope = await scopeForSession(session, chosen);
  noteRequestUser(scope?.userId ?? null);
  return scope;
});

/** The scope of a session as next-auth decoded it (its claims), or null when the session is void. */
export async function scopeForSession(
  session: Partial<SessionClaims> | null,
  organizationId?: string,
): Promise<Scope | null> {
  if (typeof session?.uid !== "string" || typeof session.gen !== "number" || sessionExpired(session.authAt))
    return null;
  return scopeForUser(session.uid, { generation: session.gen, organizationId });
}

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
    sessionGeneration: number;
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
    (SELECT row_to_json(x) FROM (SELECT id, username, "displayName", "isSystemAdmin", "isActive", "sessionGeneration" FROM users WHERE id = $1) x)::text AS "user",
    (SELECT coalesce(json_agg(m ORDER BY m."createdAt", m."organizationId"), '[]'::json) FROM m)::text AS memberships,
    (SELECT coalesce(json_agg(id ORDER BY rank, id), '[]'::json) FROM own)::text AS own,
    (SELECT coalesce(json_agg(DISTINCT id), '[]'::json) FROM (
       SELECT id FROM up WHERE id NOT IN (SELECT id FROM own)
       UNION SELECT id FROM admin_units WHERE level = 'PROVINCE' AND "provinceCode" = (SELECT "provinceCode" FROM chosen)
     ) a)::text AS ancestors,
    (SELECT coalesce(json_agg(a.id ORDER BY a.id), '[]'::json) FROM admin_units a WHERE a."parentId" IN (SELECT id FROM own))::text AS children`;

export async function scopeForUser(
  userId: string,
  /** generation: the session's, which must still be the user's (omitted when no session is checked). */
  options: { generation?: number; organizationId?: string } = {},
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
  if (options.generation !== undefined && options.generation !== user.sessionGeneration) return null;
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
