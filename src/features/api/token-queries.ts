import "server-only";
import type { ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";

// The API tokens of the administrator's body, newest first (the row-level policy shows no other body's).

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  canWriteResults: boolean;
  createdAt: Date;
  createdBy: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  version: number;
};

export async function listApiTokens(db: ScopedDb, scope: Scope): Promise<TokenRow[]> {
  if (!scope.organizationId) return [];
  const tokens = await db.apiToken.findMany({
    where: { organizationId: scope.organizationId },
    select: {
      id: true,
      name: true,
      prefix: true,
      canWriteResults: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      version: true,
      createdBy: { select: { displayName: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  return tokens.map(({ createdBy, ...token }) => ({ ...token, createdBy: createdBy.displayName }));
}
