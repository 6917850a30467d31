import type { Relation } from "./permissions";
import type { Scope } from "./db/scope";

export type OrganizationRef = {
  id: string;
  adminUnitId: string;
  provinceCode: string | null;
  adminUnitLevel: "CENTRAL" | "PROVINCE" | "DISTRICT" | "COMMUNE";
};

/** How a body stands to the user's organisation: the one question every permission check asks. */
export function relationTo(scope: Scope, organization: OrganizationRef): Relation {
  if (organization.id === scope.organizationId || scope.predecessorOrganizationIds.includes(organization.id))
    return "own";
  if (organization.provinceCode === null)
    return scope.provinceCode === null && scope.ownUnitIds.includes(organization.adminUnitId) ? "peer" : "central";
  if (scope.allProvinces) return "child";
  if (organization.provinceCode !== scope.provinceCode) return "other-province";
  if (scope.childUnitIds === null) return organization.adminUnitLevel === "PROVINCE" ? "peer" : "child";
  if (scope.ownUnitIds.includes(organization.adminUnitId)) return "peer";
  if (scope.ancestorUnitIds.includes(organization.adminUnitId)) return "ancestor";
  if (scope.childUnitIds.includes(organization.adminUnitId)) return "child";
  return "sibling";
}
