import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { rawDatabase } from "./client";
import { isPublicScope, type PublicScope, type Scope } from "./scope";

/** A database handle that only exists inside a scoped transaction. */
export type ScopedDb = Prisma.TransactionClient;

/**
 * The one way into tenant data. Opens a transaction, tells PostgreSQL who is asking (the row-level
 * security policies read these settings, so a query that forgets its filter still sees nothing of
 * another province), and runs the work. Settings are local to the transaction, so pooled
 * connections never carry one user's scope into another's request.
 */
export async function withScope<T>(
  scope: Scope | PublicScope,
  work: (db: ScopedDb) => Promise<T>,
  options: { timeout?: number } = {},
): Promise<T> {
  const run = () =>
    rawDatabase().$transaction(
      async (tx) => {
        if (isPublicScope(scope)) {
          // The public pages: nobody signed in (app.user_id empty, so no signed-in policy and no write
          // policy lets anything through), app.public for the policies of migration
          // 20261207120000_public_scope, and a read-only transaction, so that not even a table without
          // row-level security can be written (ADR 0034).
          await tx.$executeRaw`SET TRANSACTION READ ONLY`;
          await tx.$queryRaw`SELECT set_config('app.user_id', '', true), set_config('app.province_code', '', true),
            set_config('app.all_provinces', 'off', true), set_config('app.public', 'on', true)`;
        } else {
          await tx.$queryRaw`SELECT set_config('app.user_id', ${scope.userId}, true),
            set_config('app.province_code', ${scope.provinceCode ?? ""}, true),
            set_config('app.all_provinces', ${scope.allProvinces ? "on" : "off"}, true)`;
        }
        return work(tx);
      },
      { timeout: options.timeout ?? 15_000, maxWait: 10_000 },
    );
  // PostgreSQL may end one of two transactions that wait for each other (a plan published while one
  // of its rows is being saved, ADR 0010): that one is run again from the start, a few times at most.
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= RETRIES || !isTransientConflict(error)) throw error;
    }
  }
}

const RETRIES = 3;

/** What app.user_id holds in a scheduled job's transaction: no user, but not empty (the insert policies need one). */
export const JOB_USER = "job";

/**
 * A scheduled job's way in (src/server/jobs): every province, and `app.job = on`, which the
 * notification tables' policies read to let the reminders, the purge and the digest see every
 * user's notifications (migration 20261206100000_notifications, ADR 0026). Only the jobs call it; no
 * request handler does.
 */
export async function withJobScope<T>(work: (db: ScopedDb) => Promise<T>, options: { timeout?: number } = {}) {
  return rawDatabase().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.user_id', ${JOB_USER}, true),
        set_config('app.province_code', '', true),
        set_config('app.all_provinces', 'on', true),
        set_config('app.job', 'on', true)`;
      return work(tx);
    },
    { timeout: options.timeout ?? 60_000, maxWait: 10_000 },
  );
}

/**
 * A deadlock or serialisation failure: nothing was written, and running the transaction again may
 * succeed. Prisma reports it as P2034, or (through the pg driver adapter) as a failed query whose
 * `meta.driverAdapterError.cause` holds PostgreSQL's code.
 */
export function isTransientConflict(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { code, originalCode, kind, cause, meta } = e as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (
      code === "P2034" ||
      kind === "TransactionWriteConflict" ||
      [code, originalCode].some((c) => c === "40P01" || c === "40001")
    )
      return true;
    queue.push(cause, meta?.driverAdapterError);
  }
  return false;
}

/** Plans this scope may read, as a filter (the row-level policies enforce the province boundary too). */
export function visiblePlans(scope: Scope): Prisma.PlanWhereInput {
  if (scope.allProvinces) return {};
  const everywhere: Prisma.PlanWhereInput[] = [{ provinceCode: null }, { publishedAt: { not: null } }];
  if (scope.visibleUnitIds === null) return { OR: [...everywhere, { provinceCode: scope.provinceCode }] };
  return {
    OR: [...everywhere, { provinceCode: scope.provinceCode, issuer: { adminUnitId: { in: scope.visibleUnitIds } } }],
  };
}
