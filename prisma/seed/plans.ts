import { documentToRows, type LoadedIndicator, type LoadedTask } from "../../src/features/plans/document-rows";
import type { PlanDocument } from "../../src/features/plans/plan-document";
import { seedId } from "./ids";
import type { OrganizationDirectory, Place } from "./organizations";
import type { SeedRows } from "./rows";

// Seed plans go through the same conversion as imported and newly created plans
// (src/features/plans/document-rows.ts), with ids derived from their keys so that seeding is idempotent.

export type Issuer = { orgId: string; place: Place; track: "PARTY" | "STATE" };
export type LoadedPlan = {
  id: string;
  key: string;
  issuer: Issuer;
  tasks: LoadedTask[];
  indicators: LoadedIndicator[];
};
export type { LoadedIndicator, LoadedTask };

export const planId = (key: string) => seedId("plan", key);

export function addPlan(
  rows: SeedRows,
  directory: OrganizationDirectory,
  plan: PlanDocument,
  issuer: Issuer,
  options: { status: "DRAFT" | "ISSUED"; isIllustrative?: boolean; hasContent?: boolean; derivedFrom?: LoadedPlan },
): LoadedPlan {
  const id = planId(plan.key);
  const out = documentToRows(plan, {
    planId: id,
    issuer: { organizationId: issuer.orgId, provinceCode: issuer.place.provinceCode },
    status: options.status,
    parentId: plan.parentKey ? planId(plan.parentKey) : null,
    citedPlanIds: plan.citedKeys.map(planId),
    isIllustrative: options.isIllustrative,
    hasContent: options.hasContent,
    derivedFrom: options.derivedFrom,
    newId: (kind, path) => seedId(kind, id, path),
    agencyId: (name) => directory.ensure({ name, place: issuer.place }),
  });
  rows.plans.push(out.plan);
  rows.planCitations.push(...out.citations);
  rows.tasks.push(...out.tasks);
  rows.taskAssignments.push(...out.assignments);
  rows.indicators.push(...out.indicators);
  rows.indicatorTargets.push(...out.targets);
  return { id, key: plan.key, issuer, tasks: out.loaded.tasks, indicators: out.loaded.indicators };
}
