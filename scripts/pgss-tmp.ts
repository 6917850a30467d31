import pg from "pg";
import { startEmbeddedPostgres, findFreePort } from "/work/main/scripts/lib/embedded-postgres";
const mode = process.argv[2];
const server = await startEmbeddedPostgres({ dataDir: ".data/bench/postgres", port: await findFreePort(54359), quiet: true });
const c = new pg.Client({ connectionString: server.adminUrl });
await c.connect();
if (mode === "enable") {
  await c.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
  await c.query("ALTER SYSTEM SET pg_stat_statements.track = 'all'");
} else {
  await c.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  const { rows } = await c.query(`SELECT calls, round(total_exec_time::numeric,0) AS total_ms, round(mean_exec_time::numeric,2) AS mean_ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 260) AS q FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname='kehoach_load') ORDER BY total_exec_time DESC LIMIT 30`);
  const { rows: tot } = await c.query(`SELECT sum(calls) calls, round(sum(total_exec_time)::numeric) total FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname='kehoach_load')`);
  console.log(tot[0]);
  for (const r of rows) console.log(`${r.calls}\t${r.total_ms}ms\t${r.mean_ms}\t${r.rows}\t${r.q}`);
  if (mode === "show-reset") await c.query("SELECT pg_stat_statements_reset()");
}
await c.end();
await server.stop();
