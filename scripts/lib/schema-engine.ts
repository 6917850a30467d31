import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's schema engine as WebAssembly: computes migration SQL offline (the native engine cannot be
// downloaded here). Used only at development time and by the migration drift test.

type DiffTarget = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };
type Engine = { diff(params: object): Promise<{ exitCode: number; stdout: string | null }> };

async function loadEngine(connectionString: string): Promise<Engine> {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bindings = await import(path.join(pkgDir, "schema_engine_bg.js"));
  const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return bindings.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
}

/** The SQL that turns the `from` schema (null: an empty database) into the `to` schema. */
export async function diffSchemas(connectionString: string, from: string | null, to: string): Promise<string> {
  const engine = await loadEngine(connectionString);
  const target = (content: string): DiffTarget => ({
    tag: "schemaDatamodel",
    files: [{ path: "schema.prisma", content }],
  });
  const result = await engine.diff({
    from: from === null ? { tag: "empty" } : target(from),
    to: target(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? "";
}
