import type { Scope } from "@/server/db/scope";
import { relationTo, type OrganizationRef } from "@/server/relations";

/**
 * A report is reviewed by the body it is addressed to, never by the body that wrote it: a plan can
 * implement one of its own body's (or its predecessor's), and its report would then land on its own
 * desk. `owner` is the issuer of the report's plan.
 */
export function reviewsItself(scope: Scope, owner: OrganizationRef): boolean {
  return relationTo(scope, owner) === "own";
}
