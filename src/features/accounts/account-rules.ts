import type { Scope } from "@/server/db/scope";
import { permits } from "@/server/permissions";
import { relationTo, type OrganizationRef } from "@/server/relations";

// Who manages the accounts of a body (ADR 0013): users.manage towards it (its own administrators and
// those above it), except that a body that has ended (e.g. a district body on 30/6/2025) is managed
// only from above it and by system administrators. Its successors, to which it is "own" because they
// inherit its plans, and its own former administrators cannot reset its officials' passwords.

export const ENDED_BODY_MESSAGE =
  "Đơn vị này đã kết thúc hoạt động: tài khoản của đơn vị do quản trị của đơn vị cấp trên hoặc quản trị hệ thống quản lý.";

export type ManagedRef = OrganizationRef & { validTo: Date | null };

/** Whether the body has ended (its last day, validTo, is past). */
const hasEnded = (organization: ManagedRef, now = Date.now()) =>
  organization.validTo !== null && organization.validTo.getTime() + 86_400_000 <= now;

/** users.manage towards the body, with the rule for ended bodies: only from above, or a system administrator. */
export function managesAccountsOf(scope: Scope, organization: ManagedRef): boolean {
  const relation = relationTo(scope, organization);
  if (!permits("users.manage", relation, scope.isSystemAdmin)) return false;
  return scope.isSystemAdmin || !hasEnded(organization) || relation === "child";
}
