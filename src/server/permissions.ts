import type { Role } from "@/generated/prisma/enums";

// Every permission the product knows, which roles hold it, and towards which bodies. Actions and
// routes name one of these where they are defined (src/server/actions.ts, src/server/routes.ts); the
// authorisation matrix test (tests/integration/authorization-matrix.test.ts) walks the registries.

/** How the body that owns an object stands to the user's organisation. */
export type Relation =
  | "own" /** the user's organisation, or one it succeeded */
  | "peer" /** another body of the same locality (Huyện ủy and UBND huyện) */
  | "ancestor" /** a body above: the province, the district a commune belongs to */
  | "child" /** a body below */
  | "sibling" /** another locality of the same province */
  | "central" /** central bodies: their documents are visible to all */
  | "other-province";

export const PERMISSIONS = {
  "plans.read": {
    roles: ["VIEWER", "EDITOR", "APPROVER", "ADMIN"],
    towards: ["own", "peer", "ancestor", "child", "central"],
  },
  "plans.edit": { roles: ["EDITOR", "APPROVER"], towards: ["own"] },
  /** Start a plan of one's own body implementing a plan of a body above. */
  "plans.implement": { roles: ["EDITOR", "APPROVER"], towards: ["ancestor", "central"] },
  "plans.issue": { roles: ["APPROVER"], towards: ["own"] },
  "results.edit": { roles: ["EDITOR", "APPROVER"], towards: ["own"] },
  "reports.submit": { roles: ["APPROVER"], towards: ["own"] },
  /** Accept or return a report. Its subject is the body the report is addressed to (the issuer of the plan's parent): one's own. */
  "reports.review": { roles: ["APPROVER"], towards: ["own"] },
  "users.manage": { roles: ["ADMIN"], towards: ["own", "child"] },
  "audit.read": { roles: ["ADMIN"], towards: ["own", "child"] },
  /** API tokens of one's own body (ADR 0035): only its administrators make and revoke them. */
  "apiTokens.manage": { roles: ["ADMIN"], towards: ["own"] },
  /** One's own notifications: read them, mark them read. Every role; the object is the user's own (no body). */
  "notifications.read": { roles: ["VIEWER", "EDITOR", "APPROVER", "ADMIN"], towards: ["own"] },
  /** The organisation tree is the system administrators' (no organisation role holds it). */
  "organizations.manage": { roles: [], towards: [] },
} as const satisfies Record<string, { roles: readonly Role[]; towards: readonly Relation[] }>;

export type Permission = keyof typeof PERMISSIONS;

/** Relations under which an object can be seen at all; anything else answers "not found". */
export const VISIBLE_RELATIONS: readonly Relation[] = PERMISSIONS["plans.read"].towards;

export function roleHolds(role: Role | null, permission: Permission, isSystemAdmin = false): boolean {
  if (isSystemAdmin) return true;
  return role !== null && (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

export function permits(permission: Permission, relation: Relation, isSystemAdmin = false): boolean {
  if (isSystemAdmin) return true;
  return (PERMISSIONS[permission].towards as readonly Relation[]).includes(relation);
}
