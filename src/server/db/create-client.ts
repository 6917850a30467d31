import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { preparedStatementName } from "./prepared-statements";

// How a Prisma client is made (the PrismaPg adapter, a pool of 10, opt-in prepared statements). The
// application's own client is ./client.ts; the seed and the integration tests make theirs here, which
// is why this module is not marked server-only.

export type Database = PrismaClient;

export function createPrismaClient(
  connectionString: string,
  options: { preparedStatements?: boolean } = {},
): PrismaClient {
  // The adapter's type says a name is always returned; node-postgres sends a statement without one unnamed.
  const statementNameGenerator = (query: { sql: string }) => preparedStatementName(query.sql) as string;
  return new PrismaClient({
    adapter: new PrismaPg(
      // Connections kept for five minutes when idle (node-postgres closes them after 10 s): at the peak
      // the load comes in waves, and each new connection costs a PostgreSQL process, authentication
      // and cold catalog caches (its first statements plan several times slower).
      { connectionString, max: 10, idleTimeoutMillis: 300_000 },
      options.preparedStatements === false ? {} : { statementNameGenerator },
    ),
  });
}
