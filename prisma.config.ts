import { defineConfig } from "prisma/config";

// The Prisma CLI is only used to generate the client here: migrations are applied by
// scripts/db.ts (see docs/decisions/0002-migrations-without-the-schema-engine.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
