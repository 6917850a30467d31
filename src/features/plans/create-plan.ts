import "server-only";
import { randomUUID } from "node:crypto";
import { classifyOrganization } from "@/domain/organization-kind";
import { normalizeName } from "@/domain/vietnamese-text";
import type { AuditEntry } from "@/server/audit";
import type { Scope } from "@/server/db/scope";
import type { ScopedDb } from "@/server/db/scoped";
import { agencyNames, documentToRows, type DocumentRowsOptions } from "./document-rows";
import type { PlanDocument } from "./plan-document";

// Storing a plan document as a plan of the user's organisation: agencies are found in the
// directory of the body's locality (by normalised name, so case and spacing variants are one agency)
// or added to it, then every row is written in the caller's transaction.

type Audit = (entry: AuditEntry) => Promise<void>;

/** Agency name → organisation id, creating (and auditing) the agencies the locality's directory does not have yet. */
export async function resolveAgencies(
  db: ScopedDb,
  issuer: { adminUnitId: string; provinceCode: string | null },
  names: string[],
  audit: Audit,
): Promise<Map<string, string>> {
  const byKey = new Map(names.map((name) => [normalizeName(name), name]));
  const existing = await db.organization.findMany({
    where: { adminUnitId: issuer.adminUnitId, normalizedName: { in: [...byKey.keys()] } },
    select: { id: true, normalizedName: true },
  });
  const ids = new Map(existing.map((o) => [o.normalizedName, o.id]));
  for (const [key, name] of byKey) {
    if (ids.has(key)) continue;
    const kind = classifyOrganization(name);
    const created = await db.organization.create({
      data: {
        name: name.trim(),
        normalizedName: key,
        kind: kind.kind,
        track: kind.track,
        isCollective: kind.isCollective,
        adminUnitId: issuer.adminUnitId,
        provinceCode: issuer.provinceCode,
      },
      select: {
        id: true,
        name: true,
        kind: true,
        track: true,
        isCollective: true,
        adminUnitId: true,
        provinceCode: true,
      },
    });
    await audit({
      action: "organization.create",
      entityType: "Organization",
      entityId: created.id,
      after: { ...created, reason: "Cơ quan được nêu trong kế hoạch, chưa có trong danh mục" },
    });
    ids.set(key, created.id);
  }
  return new Map(names.map((name) => [name.trim(), ids.get(normalizeName(name))!]));
}

const BATCH_ROWS = 250;

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) yield rows.slice(i, i + BATCH_ROWS);
}

export type CreatePlanOptions = Pick<
  DocumentRowsOptions,
  "status" | "parentId" | "citedPlanIds" | "derivedFrom" | "matchParentIndicator" | "matchParentTask"
> & { organizationId?: string };

/** Creates the plan (a draft unless said otherwise) and returns its id; the caller audits. */
export async function createPlanFromDocument(
  db: ScopedDb,
  scope: Scope,
  document: PlanDocument,
  options: CreatePlanOptions,
  audit: Audit,
): Promise<{ id: string; rows: ReturnType<typeof documentToRows> }> {
  const organizationId = options.organizationId ?? scope.organizationId;
  if (!organizationId) throw new Error("Tài khoản chưa thuộc đơn vị nào");
  const issuer = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { id: true, adminUnitId: true, provinceCode: true },
  });
  const agencies = await resolveAgencies(db, issuer, agencyNames(document), audit);
  const planId = randomUUID();
  const rows = documentToRows(document, {
    ...options,
    planId,
    issuer: { organizationId: issuer.id, provinceCode: issuer.provinceCode },
    newId: () => randomUUID(),
    agencyId: (name) => agencies.get(name.trim())!,
  });
  await db.plan.create({ data: rows.plan as never });
  // Parents before children: the rows are produced in document order. In batches, so that a large
  // plan (an import of thousands of tasks) never builds one huge statement on the server's thread.
  for (const data of batches(rows.citations)) await db.planCitation.createMany({ data });
  for (const data of batches(rows.tasks)) await db.task.createMany({ data });
  for (const data of batches(rows.assignments)) await db.taskAssignment.createMany({ data });
  // A weight may come after the indicator it weighs, in a later batch: the links are set once every row exists.
  const weights = rows.indicators.filter((row) => row.aggregationWeightId);
  for (const data of batches(rows.indicators))
    await db.indicator.createMany({ data: data.map((row) => ({ ...row, aggregationWeightId: null })) });
  for (const row of weights)
    await db.indicator.update({ where: { id: row.id! }, data: { aggregationWeightId: row.aggregationWeightId } });
  for (const data of batches(rows.targets)) await db.indicatorTarget.createMany({ data });
  return { id: planId, rows };
}
