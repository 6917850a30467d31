import type { Role } from "@/generated/prisma/enums";

/**
 * Who is asking, and therefore what they may see. Built once per request from the session
 * (src/server/auth/session.ts) and handed to the scoped access layer; nothing reads tenant data
 * without one.
 */
export type Scope = {
  userId: string;
  username: string;
  displayName: string;
  isSystemAdmin: boolean;
  /** The organisation the user acts for in this request. */
  organizationId: string | null;
  organizationName: string | null;
  /**
   * The last day of the acting organisation when it has ended (a district body after 30/6/2025):
   * its records stay readable, and every write on its behalf is refused. Null while it exists.
   */
  organizationEndedOn: string | null;
  role: Role | null;
  /** The tenant boundary: the 2025 province of the organisation; null for central bodies. */
  provinceCode: string | null;
  /** Central bodies and system administrators read every province. */
  allProvinces: boolean;
  /**
   * Below province level: the administrative units whose bodies' plans this organisation may read
   * (its own unit and the units its unit succeeded, their ancestors and their children). Null at
   * province level and above, where the province boundary is the rule.
   */
  visibleUnitIds: string[] | null;
  /** The organisation's unit and the units it succeeded in the 2025 reorganisation. */
  ownUnitIds: string[];
  /** Units above (below province level; the province in both structures included). */
  ancestorUnitIds: string[];
  /** Units directly below; null at province level and above, where every locality of the province is below. */
  childUnitIds: string[] | null;
  /** Every body the user belongs to, for choosing which one to act for. */
  memberships: { organizationId: string; organizationName: string; role: Role }[];
  /** Organisations this one succeeded: their plans are its record now. */
  predecessorOrganizationIds: string[];
};

/**
 * Anyone, signed in or not: the public pages (/public, ADR 0034). It is no user's scope: its
 * transaction is read-only and row-level security shows it only what everyone may read (central and
 * published plans, their indicators, targets and actuals); the pages then keep to published plans.
 */
export type PublicScope = { readonly kind: "public" };

export const PUBLIC_SCOPE: PublicScope = Object.freeze({ kind: "public" });

export function isPublicScope(scope: Scope | PublicScope): scope is PublicScope {
  return "kind" in scope && scope.kind === "public";
}
