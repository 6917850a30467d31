import pg from "pg";
import { ensureDatabaseExists, enableAppLogin, withCredentials, withDatabase } from "../lib/database";
import { applyMigrations } from "../lib/migrations";
import { countRows, datasetVersion, generateDataset, type DatasetInfo, type DatasetOptions } from "./dataset";

// The bench's database (`kehoach_bench` in the embedded server under .data/bench): the demo data and
// the synthetic national data set, generated once and kept between runs. Shared by `npm run bench`
// and `npm run load` (which works on a copy of it).

export const BENCH_DATABASE = "kehoach_bench";
export const BENCH_APP_PASSWORD = "app_user";
export const BENCH_DATA_DIR = ".data/bench";

type Log = (line: string) => void;

export type PreparedBench = { adminUrl: string; appUrl: string; dataset: DatasetInfo & { reused: boolean } };

async function datasetPresent(adminUrl: string, version: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [BENCH_DATABASE],
    );
    return rows[0]?.comment === version;
  } finally {
    await client.end();
  }
}

export async function describeDataset(adminUrl: string): Promise<DatasetInfo> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ code: string; name: string; communes: number }>(
      `SELECT u.code, u.name, count(c.id)::int AS communes FROM admin_units u JOIN admin_units c ON c."parentId" = u.id AND c.era = 'FROM_2025'
       WHERE u.era = 'FROM_2025' AND u.level = 'PROVINCE' GROUP BY u.id ORDER BY communes DESC, u.code LIMIT 1`,
    );
    return {
      ...(await countRows(client)),
      largestProvince: rows[0]!,
      seconds: 0,
    };
  } finally {
    await client.end();
  }
}

/** The bench database with its data set, generated when missing, outdated or asked for (`fresh`). */
export async function prepareBenchDatabase(
  serverUrl: string,
  options: { fresh: boolean; log: Log; dataset: DatasetOptions },
): Promise<PreparedBench> {
  const { log } = options;
  const version = datasetVersion(options.dataset);
  const adminUrl = withDatabase(serverUrl, BENCH_DATABASE);
  const appUrl = withCredentials(adminUrl, "app_user", BENCH_APP_PASSWORD);
  if (!options.fresh && (await datasetPresent(serverUrl, version))) {
    await applyMigrations(adminUrl);
    await enableAppLogin(adminUrl, BENCH_APP_PASSWORD);
    log(`Dùng lại bộ dữ liệu đo đã có (${version}); --fresh để tạo lại.`);
    return { adminUrl, appUrl, dataset: { ...(await describeDataset(adminUrl)), reused: true } };
  }
  const server = new pg.Client({ connectionString: serverUrl });
  await server.connect();
  await server.query(`DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`);
  await server.end();
  await ensureDatabaseExists(serverUrl, BENCH_DATABASE);
  await applyMigrations(adminUrl);
  await enableAppLogin(adminUrl, BENCH_APP_PASSWORD);
  log("Nạp dữ liệu mẫu (đơn vị hành chính, cơ quan, 42-NQ/TW, người dùng mẫu)…");
  const { seedDemoData } = await import("../../prisma/seed/seed");
  await seedDemoData(adminUrl, { log });
  log("Tạo bộ dữ liệu toàn quốc…");
  const dataset = await generateDataset(adminUrl, log, options.dataset);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`COMMENT ON DATABASE "${BENCH_DATABASE}" IS '${version}'`);
  await client.end();
  return { adminUrl, appUrl, dataset: { ...dataset, reused: false } };
}
