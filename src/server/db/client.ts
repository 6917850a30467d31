import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { serverEnv } from "../env";
import { preparedStatementName } from "./prepared-statements";

// The raw client. Only src/server may import it (an ESLint rule enforces this); features reach
// tenant data through the scoped access layer in ./scoped.ts.

export type Database = PrismaClient;

export function createPrismaClient(
  connectionString: string,
  options: { preparedStatements?: boolean } = {},
): PrismaClient {
  // The adapter's type says a name is always returned; node-postgres sends a statement without one unnamed.
  const statementNameGenerator = (query: { sql: string }) => preparedStatementName(query.sql) as string;
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString, max: 10 },
      options.preparedStatements === false ? {} : { statementNameGenerator },
    ),
  });
}

const globalForPrisma = globalThis as unknown as { prismaClient?: PrismaClient };

/** Created at first use, not at import, so that `next build` needs no database. */
export function rawDatabase(): PrismaClient {
  const env = serverEnv();
  globalForPrisma.prismaClient ??= createPrismaClient(env.DATABASE_URL, {
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS === "on",
  });
  return globalForPrisma.prismaClient;
}
