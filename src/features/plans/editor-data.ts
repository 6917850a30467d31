import "server-only";
import type { Direction } from "@/domain/target-notation";
import type { Scope } from "@/server/db/scope";
import type { ScopedDb } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";
import { permits, roleHolds } from "@/server/permissions";
import { relationTo } from "@/server/relations";
import type { EditableIndicator } from "./editor/indicator-editor";
import type { EditableTask } from "./editor/task-editor";
import { missingBeforeIssue } from "./issue-check";
import { parentChanges } from "./parent-change-actions";
import { asTree } from "@/domain/tree";
import { getPlanDetail } from "./queries";

/** Whether this scope may change the plan (own body, a role that edits). */
export function canEditPlan(
  scope: Scope,
  issuer: {
    id: string;
    adminUnitId: string;
    provinceCode: string | null;
    adminUnit: { level: "CENTRAL" | "PROVINCE" | "DISTRICT" | "COMMUNE" };
  },
) {
  if (!roleHolds(scope.role, "plans.edit", scope.isSystemAdmin) || scope.organizationEndedOn) return false;
  return permits(
    "plans.edit",
    relationTo(scope, {
      id: issuer.id,
      adminUnitId: issuer.adminUnitId,
      provinceCode: issuer.provinceCode,
      adminUnitLevel: issuer.adminUnit.level,
    }),
    scope.isSystemAdmin,
  );
}

/** Everything the editor needs, shaped for the client components; "not found" unless the scope may edit. */
export async function loadEditor(db: ScopedDb, scope: Scope, planId: string) {
  const plan = await getPlanDetail(db, scope, planId);
  if (!canEditPlan(scope, plan.issuer)) throw new NotFoundError("Không tìm thấy kế hoạch");
  const tasks: EditableTask[] = asTree(plan.tasks, (t) => t.parentTaskId).map(({ item, depth }) => ({
    id: item.id,
    version: item.version,
    depth,
    parentTaskId: item.parentTaskId,
    numbering: item.numbering,
    title: item.title,
    body: item.body,
    timeframe: item.timeframeText ?? "",
    lead: item.assignments.filter((a) => a.role === "LEAD").map((a) => a.organization.name),
    coordinating: item.assignments.filter((a) => a.role === "COORDINATING").map((a) => a.organization.name),
    directing: item.assignments.filter((a) => a.role === "DIRECTING").map((a) => a.organization.name),
    inheritance: item.inheritance,
    dropReason: item.dropReason,
  }));
  const indicators: EditableIndicator[] = asTree(plan.indicators, (i) => i.parentIndicatorId).map(
    ({ item, depth }) => ({
      id: item.id,
      version: item.version,
      code: item.code,
      name: item.name,
      unit: item.unit,
      isGroup: item.isGroup,
      direction: item.direction as Direction,
      depth,
      parentIndicatorId: item.parentIndicatorId,
      inheritance: item.inheritance,
      dropReason: item.dropReason,
      targets: Object.fromEntries(item.targets.map((t) => [String(t.year), t.text])),
      parentTargets: item.derivedFrom
        ? Object.fromEntries(item.derivedFrom.targets.map((t) => [String(t.year), t.text]))
        : null,
    }),
  );
  const directory = await db.organization.findMany({
    where: { adminUnitId: plan.issuer.adminUnitId, validTo: null },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  const changes = plan.status === "DRAFT" ? await parentChanges(db, planId) : [];
  return {
    plan,
    tasks,
    indicators,
    directory: directory.map((o) => o.name),
    changes,
    canIssue: roleHolds(scope.role, "plans.issue", scope.isSystemAdmin),
    missingBeforeIssue: missingBeforeIssue({ sections: plan, indicators, tasks, parentChanges: changes.length }),
  };
}
