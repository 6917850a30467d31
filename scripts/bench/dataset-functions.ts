import type pg from "pg";

// The SQL functions the bench's generator (dataset.ts) computes its rows with, created in the
// session's pg_temp schema so that nothing of them stays in the database: ids derived from keys,
// Vietnamese number text, the targets of a plan's indicator, and the status rule of
// src/domain/indicator-status.ts written in SQL for the generated shapes (the bench checks a sample
// of the statuses against the domain code, scripts/bench/verify.ts).

export async function createBenchFunctions(client: pg.Client): Promise<void> {
  // Ids derived from a key, shaped as RFC 4122 (version 5, variant 10xx) like every id the app makes:
  // its actions accept only such ids (zod's uuid()), so a bare md5 would make the rows unwritable.
  await client.query(`CREATE FUNCTION pg_temp.bench_id(key text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT (substr(h, 1, 12) || '5' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid::text FROM md5(key) AS h $$`);
  await client.query(
    `CREATE FUNCTION pg_temp.vn(v float8) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT regexp_replace(replace(to_char(round(v::numeric, 1), 'FM999990.0'), '.', ','), ',0$', '') $$`,
  );
  await client.query(`CREATE FUNCTION pg_temp.target_value(level text, plan text, code text, kind text, direction text, pct boolean, t25 float8, t30 float8, year int) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
    SELECT least(CASE WHEN pct THEN 100 ELSE 1e9 END, (CASE WHEN year = 2025 THEN t25 ELSE t30 END) *
      CASE WHEN level = 'PROVINCE' OR kind IN ('RANGE', 'QUALITATIVE') THEN 1
           WHEN (hashtext(plan || code) & 2147483647) % 10 = 0 THEN CASE WHEN direction = 'LOWER_BETTER' THEN 1.05 ELSE 0.95 END
           WHEN (hashtext(plan || code) & 2147483647) % 10 = 1 THEN CASE WHEN direction = 'LOWER_BETTER' THEN 0.95 ELSE 1.05 END
           ELSE 1 END) $$`);
  await client.query(`CREATE FUNCTION pg_temp.lower_of(kind text, v float8, spread float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN kind IN ('BELOW', 'QUALITATIVE') THEN NULL WHEN kind = 'RANGE' THEN round((v - spread)::numeric, 1)::float8 ELSE round(v::numeric, 1)::float8 END $$`);
  await client.query(`CREATE FUNCTION pg_temp.upper_of(kind text, v float8, spread float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN kind IN ('AT_LEAST', 'ABOVE', 'QUALITATIVE') THEN NULL WHEN kind = 'RANGE' THEN round((v + spread)::numeric, 1)::float8 ELSE round(v::numeric, 1)::float8 END $$`);
  await client.query(`CREATE FUNCTION pg_temp.met(kind text, lo float8, hi float8, v float8) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE kind WHEN 'EXACT' THEN v >= lo - 1e-9 WHEN 'AT_LEAST' THEN v >= lo - 1e-9 WHEN 'ABOVE' THEN v > lo + 1e-9
      WHEN 'APPROXIMATELY' THEN v >= lo * 0.95 - 1e-9 WHEN 'BELOW' THEN v < hi - 1e-9 WHEN 'RANGE' THEN v >= lo - 1e-9 AND v <= hi + 1e-9 ELSE false END $$`);
  await client.query(`CREATE FUNCTION pg_temp.status(kind text, lo float8, hi float8, milestone int, start float8, v float8, y int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
      WHEN pg_temp.met(kind, lo, hi, v) THEN 'MET'
      WHEN kind = 'RANGE' AND start >= lo - 1e-9 AND start <= hi + 1e-9 THEN 'OFF_TRACK'
      WHEN kind = 'RANGE' AND start < lo AND v > hi + 1e-9 THEN 'OFF_TRACK'
      WHEN kind = 'RANGE' AND start > hi AND v < lo - 1e-9 THEN 'OFF_TRACK'
      ELSE (
        SELECT CASE WHEN lag <= 1e-9 THEN 'ON_TRACK' WHEN lag <= tol + 1e-9 THEN 'AT_RISK' ELSE 'OFF_TRACK' END
        FROM (
          SELECT CASE WHEN higher THEN expected - v ELSE v - expected END AS lag, 0.1 * abs(bound - start) AS tol
          FROM (
            SELECT higher, bound, start + (bound - start) * least(greatest((y - 2023)::float8 / (milestone - 2023), 0), 1) AS expected
            FROM (SELECT CASE WHEN kind = 'BELOW' THEN false WHEN kind = 'RANGE' THEN start < lo ELSE true END AS higher,
                         CASE WHEN kind = 'BELOW' THEN hi WHEN kind = 'RANGE' AND start > hi THEN hi ELSE lo END AS bound) w
          ) e
        ) l
      ) END $$`);
}
