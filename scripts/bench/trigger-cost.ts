import pg from "pg";
import { withDatabase } from "../lib/database";
import { findFreePort, startEmbeddedPostgres } from "../lib/embedded-postgres";
import { BENCH_DATABASE } from "./prepare";

// What keeping rollup_figures on write costs (ADR 0031), on the bench's data set: the same writes
// with the statement-level triggers, with a row-level variant in their place, and with neither, each
// in a transaction that is rolled back. Run after `npm run bench` has built .data/bench:
//   npx tsx --import ./scripts/server-only-hook.mjs scripts/bench/trigger-cost.ts

const ACTUAL_TRIGGERS = ["rollup_figures_after_insert", "rollup_figures_after_update", "rollup_figures_after_delete"];
const ROW_LEVEL = `
  CREATE FUNCTION pg_temp.rollup_figures_row() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM public.rollup_figures_refresh(ARRAY[OLD."planId"], ARRAY[OLD.year]); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM public.rollup_figures_refresh(ARRAY[NEW."planId"], ARRAY[NEW.year]); END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER rollup_figures_row AFTER INSERT OR UPDATE OR DELETE ON indicator_actuals FOR EACH ROW EXECUTE FUNCTION pg_temp.rollup_figures_row();`;

type Variant = "statement" | "row" | "none";

async function main() {
  const server = await startEmbeddedPostgres({
    dataDir: ".data/bench/postgres",
    port: await findFreePort(54379),
    quiet: true,
  });
  const client = new pg.Client({ connectionString: withDatabase(server.adminUrl, BENCH_DATABASE) });
  await client.connect();
  try {
    const { rows: plans } = await client.query<{ id: string }>(
      `SELECT DISTINCT "planId" AS id FROM indicator_actuals WHERE year = 2026 ORDER BY 1 LIMIT 200`,
    );
    const ids = plans.map((p) => p.id);
    const [one] = (
      await client.query<{ id: string }>(
        `SELECT id FROM indicator_actuals WHERE "planId" = $1 AND year = 2026 LIMIT 1`,
        [ids[0]],
      )
    ).rows;
    const writes: Record<string, () => Promise<unknown>> = {
      "one actual's status (a grid save)": () =>
        client.query(
          `UPDATE indicator_actuals SET status = CASE WHEN status = 'MET' THEN 'OFF_TRACK' ELSE 'MET' END::"IndicatorStatus" WHERE id = $1`,
          [one!.id],
        ),
      "statuses of 200 plans' 2026 actuals (one statement)": () =>
        client.query(
          `UPDATE indicator_actuals SET status = CASE WHEN status = 'MET' THEN 'OFF_TRACK' ELSE 'MET' END::"IndicatorStatus" WHERE "planId" = ANY($1::text[]) AND year = 2026`,
          [ids],
        ),
      "200 plans' 2026 actuals deleted and inserted again (two statements)": async () => {
        await client.query(
          `CREATE TEMP TABLE saved ON COMMIT DROP AS SELECT * FROM indicator_actuals WHERE "planId" = ANY($1::text[]) AND year = 2026`,
          [ids],
        );
        await client.query(`DELETE FROM indicator_actuals WHERE "planId" = ANY($1::text[]) AND year = 2026`, [ids]);
        await client.query(`INSERT INTO indicator_actuals SELECT * FROM saved`);
      },
    };
    const time = async (variant: Variant, write: () => Promise<unknown>) => {
      await client.query("BEGIN");
      try {
        if (variant !== "statement")
          for (const t of ACTUAL_TRIGGERS) await client.query(`ALTER TABLE indicator_actuals DISABLE TRIGGER ${t}`);
        if (variant === "row") await client.query(ROW_LEVEL);
        const started = performance.now();
        await write();
        return performance.now() - started;
      } finally {
        await client.query("ROLLBACK");
      }
    };
    for (const [label, write] of Object.entries(writes)) {
      const results: Record<Variant, number[]> = { statement: [], row: [], none: [] };
      for (let run = 0; run < 5; run++)
        for (const variant of ["statement", "row", "none"] as const) results[variant].push(await time(variant, write));
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
      console.log(
        `${label}: statement-level ${median(results.statement)} ms, row-level ${median(results.row)} ms, no trigger ${median(results.none)} ms (medians of 5)`,
      );
    }
  } finally {
    await client.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
