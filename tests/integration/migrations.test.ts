import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "../../scripts/lib/database";
import { applyMigrations } from "../../scripts/lib/migrations";
import { diffSchemas } from "../../scripts/lib/schema-engine";

// The migrations and schema.prisma must describe the same database: one database is built from the
// migrations, another straight from schema.prisma, and their catalogues are compared.

const CATALOGUE = `
  SELECT 'column' AS kind, table_name || '.' || column_name AS name,
         data_type || '|' || udt_name || '|' || is_nullable || '|' || coalesce(column_default, '') AS detail
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
  UNION ALL
  SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL
  -- Not constraint triggers ('t'): triggers, which schema.prisma does not describe (ADR 0039's is one).
  SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype NOT IN ('n', 't') AND conrelid::regclass::text NOT LIKE '%prisma_migrations%'
  UNION ALL
  SELECT 'enum', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
  ORDER BY 1, 2`;

async function catalogue(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ kind: string; name: string; detail: string }>(CATALOGUE)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  const server = inject("serverAdminUrl");
  const names = ["kehoach_test_drift_a", "kehoach_test_drift_b"];
  const admin = new pg.Client({ connectionString: server });

  beforeAll(async () => {
    await admin.connect();
    for (const name of names) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
    }
  });
  afterAll(async () => {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("build the same tables, columns, indexes, constraints and enums as schema.prisma", async () => {
    const fromMigrations = withDatabase(server, names[0]!);
    const fromSchema = withDatabase(server, names[1]!);
    const applied = await applyMigrations(fromMigrations);
    expect(applied.length).toBeGreaterThanOrEqual(3);

    const sql = await diffSchemas(fromSchema, null, await readFile("prisma/schema.prisma", "utf8"));
    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    // Extensions are installed by migrations, not declared in schema.prisma (Prisma 7): the schema's
    // trigram index needs pg_trgm in this database too.
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    await client.query(sql);
    await client.end();

    const [a, b] = await Promise.all([catalogue(fromMigrations), catalogue(fromSchema)]);
    expect(a.length).toBeGreaterThan(100);
    expect(a).toEqual(b);
  });

  it("are recorded like prisma migrate deploy and applied only once", async () => {
    const url = withDatabase(server, names[0]!);
    expect(await applyMigrations(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.finished_at)).toBe(true);
  });
});
