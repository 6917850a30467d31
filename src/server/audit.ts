import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Scope } from "./db/scope";
import type { ScopedDb } from "./db/scoped";

export type AuditEntry = { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown };

/** JSON-safe copy: dates as ISO strings, decimals and bigints as strings, secrets removed. */
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (key === "passwordHash") return "[đã ẩn]";
      if (typeof v === "bigint") return v.toString();
      return v;
    }),
  );
}

/** Written in the same transaction as the change it records, so neither exists without the other. */
export async function recordAudit(db: ScopedDb, scope: Scope, entry: AuditEntry) {
  await recordAudits(db, scope, [entry]);
}

/**
 * Several entries in one statement, in order. An action's entries are collected while it runs and
 * written here before its transaction commits (src/server/actions.ts): a save of the results grid
 * records one entry per cell, and one insert per entry was a round trip each at the 15/12 peak.
 */
export async function recordAudits(db: ScopedDb, scope: Scope, entries: readonly AuditEntry[]) {
  if (entries.length === 0) return;
  await db.auditLog.createMany({
    data: entries.map((entry) => ({
      userId: scope.userId,
      organizationId: scope.organizationId,
      provinceCode: scope.provinceCode,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    })),
  });
}
