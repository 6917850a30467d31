import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { serverEnv } from "../env";
import { createPrismaClient } from "./create-client";

// The raw client. Only src/server may import it (an ESLint rule enforces this, ADR 0015); features
// reach tenant data through the scoped access layer in ./scoped.ts.

export { createPrismaClient, type Database } from "./create-client";

const globalForPrisma = globalThis as unknown as { prismaClient?: PrismaClient };

/** Created at first use, not at import, so that `next build` needs no database. */
export function rawDatabase(): PrismaClient {
  const env = serverEnv();
  globalForPrisma.prismaClient ??= createPrismaClient(env.DATABASE_URL, {
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS === "on",
  });
  return globalForPrisma.prismaClient;
}
