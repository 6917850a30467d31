import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { serverEnv } from "../env";

// The raw client. Only src/server may import it (an ESLint rule enforces this); features reach
// tenant data through the scoped access layer in ./scoped.ts.

export type Database = PrismaClient;

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

const globalForPrisma = globalThis as unknown as { prismaClient?: PrismaClient };

/** Created at first use, not at import, so that `next build` needs no database. */
export function rawDatabase(): PrismaClient {
  globalForPrisma.prismaClient ??= createPrismaClient(serverEnv().DATABASE_URL);
  return globalForPrisma.prismaClient;
}
