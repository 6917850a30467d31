import type { Prisma } from "@/generated/prisma/client";
import { rawDatabase } from "./client";
import type { Scope } from "./scope";

/** A database handle that only exists inside a scoped transaction. */
export type ScopedDb = Prisma.TransactionClient;

/**
 * The one way into tenant data. Opens a transaction, tells PostgreSQL who is asking (the row-level
 * security policies read these settings, so a query that forgets its filter still sees nothing of
 * another province), and runs the work. Settings are local to the transaction, so pooled
 * connections never carry one user's scope into another's request.
 */
export async function withScope<T>(scope: Scope, work: (db: ScopedDb) => Promise<T>, options: { timeout?: number } = {}): Promise<T> {
  return rawDatabase().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.user_id', ${scope.userId}, true),
        set_config('app.province_code', ${scope.provinceCode ?? ""}, true),
        set_config('app.all_provinces', ${scope.allProvinces ? "on" : "off"}, true)`;
      return work(tx);
    },
    { timeout: options.timeout ?? 15_000, maxWait: 10_000 },
  );
}

/** Plans this scope may read, as a filter (the row-level policies enforce the province boundary too). */
export function visiblePlans(scope: Scope): Prisma.PlanWhereInput {
  if (scope.allProvinces) return {};
  const everywhere: Prisma.PlanWhereInput[] = [{ provinceCode: null }, { publishedAt: { not: null } }];
  if (scope.visibleUnitIds === null) return { OR: [...everywhere, { provinceCode: scope.provinceCode }] };
  return { OR: [...everywhere, { provinceCode: scope.provinceCode, issuer: { adminUnitId: { in: scope.visibleUnitIds } } }] };
}
