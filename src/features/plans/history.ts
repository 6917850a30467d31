import { auditFields } from "@/ui/audit-format";
import type { ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { auditActionLabel } from "@/ui/labels";
import { numberVersions } from "./history-model";
import { getPlanDetail } from "./queries";

// A plan's history (/plans/[id]/history): the issued versions, counted 1, 2, … in the order they
// were kept (the `version` column is the plan's edit counter, so the first issued text may be its
// version 2 or 15), each readable in the plan's own order; and the recent changes, each with who
// made it, for which body, on which item, and what changed.

export async function getPlanHistory(db: ScopedDb, scope: Scope, id: string) {
  const plan = await getPlanDetail(db, scope, id);
  const versions = await db.planVersion.findMany({
    where: { planId: id },
    orderBy: { version: "desc" },
  });
  const items = new Map<string, string>([
    ...plan.tasks.map((t): [string, string] => [t.id, `Nhiệm vụ ${t.numbering}`.trim()]),
    ...plan.indicators.map((i): [string, string] => [i.id, `Chỉ tiêu ${i.code} ${i.name}`.trim()]),
  ]);
  const changes = await db.auditLog.findMany({
    where: { OR: [{ entityId: id }, { entityId: { in: [...items.keys()] } }] },
    orderBy: { at: "desc" },
    take: 100,
  });
  const userIds = [...new Set(changes.map((c) => c.userId).filter((u): u is string => Boolean(u)))];
  const organizationIds = [...new Set(changes.map((c) => c.organizationId).filter((o): o is string => Boolean(o)))];
  const [users, organizations] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true, username: true } }),
    db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true } }),
  ]);
  const people = new Map(users.map((u) => [u.id, `${u.displayName} (${u.username})`]));
  const bodies = new Map(organizations.map((o) => [o.id, o.name]));
  const names = { organizations: bodies, users: new Map(users.map((u) => [u.id, u.displayName])) };
  return {
    plan,
    versions: numberVersions(versions),
    changes: changes.map((c) => ({
      id: c.id.toString(),
      at: c.at,
      action: auditActionLabel(c.action),
      who: c.userId ? (people.get(c.userId) ?? "Người dùng đã bị xóa") : "Hệ thống",
      onBehalfOf: c.organizationId ? (bodies.get(c.organizationId) ?? null) : null,
      item: c.entityId === id ? null : (items.get(c.entityId ?? "") ?? null),
      before: auditFields(c.before, names),
      after: auditFields(c.after, names),
    })),
  };
}

export type PlanHistory = Awaited<ReturnType<typeof getPlanHistory>>;
