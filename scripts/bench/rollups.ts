import pg from "pg";
import { seedId } from "../../prisma/seed/ids";
import { planId } from "../../prisma/seed/plans";
import { lookupSql, nationalRollupSql, provinceRollupSql, type BareQuery } from "./bare-sql";
import { BENCH_USER } from "./dataset";
import { timeInterleaved, type Timing } from "./timing";

// The rollups through the application's own function (getRollup inside withScope: Prisma, a
// transaction, row-level security as app_user, the plan choices and the context query that find the
// children, the columns and the years, the aggregate, the assembly in TypeScript) against the bare
// aggregate SQL for the same children and year on the same database.

export type RollupMeasurement = {
  label: string;
  rows: number;
  columns: number;
  year: number;
  app: Timing;
  bare: Timing;
  /** The bare lookup (children, columns, latest year) and the bare aggregate, one after the other. */
  bareWhole: Timing;
  /** The app's counts equal the bare SQL's. */
  sameCounts: boolean;
};

export const OTHER_NATIONAL = "Tổng hợp toàn quốc, 57-NQ/TW";
export const OTHER_PROVINCE = "Tổng hợp tỉnh lớn nhất, 57-NQ/TW";

type Counts = Partial<Record<"MET" | "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "NO_DATA", number | null>>;
type BareRow = Counts & { plan: string; below: Counts | null };

export type RollupMeasurements = {
  province: RollupMeasurement;
  national: RollupMeasurement;
  sonLa: RollupMeasurement;
  /** Another resolution's rollups in the same data set (issue 18 part 3): national, then the largest province. */
  others?: RollupMeasurement[];
};

/**
 * The rollups of 42-NQ/TW (named: with several cascades of one size the default would be another),
 * and, when the data set holds more than one cascade, `otherResolution`'s national and largest
 * province's rollups beside them.
 */
export async function measureRollups(
  urls: { adminUrl: string; appUrl: string },
  options: { runs: number; warmup: number; log: (line: string) => void; otherResolution?: string | null },
): Promise<RollupMeasurements> {
  // The application's modules read their configuration at first use.
  process.env.DATABASE_URL = urls.appUrl;
  process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
  const { scopeForUser } = await import("../../src/server/auth/session");
  const { withScope } = await import("../../src/server/db/scoped");
  const { rawDatabase } = await import("../../src/server/db/client");
  const { getRollup } = await import("../../src/features/dashboards/queries");
  const { parseRollupFilters } = await import("../../src/features/dashboards/rollup");

  const bare = new pg.Client({ connectionString: urls.adminUrl });
  await bare.connect();
  try {
    const measure = async (
      label: string,
      username: string,
      sqlFor: (kidIds: string[], year: number) => BareQuery,
      resolution: string = planId("nq-42-tw"),
    ): Promise<RollupMeasurement> => {
      const scope = await scopeForUser(seedId("user", username));
      if (!scope) throw new Error(`Không có người dùng ${username} trong cơ sở dữ liệu đo`);
      const filters = parseRollupFilters({ resolution });
      const app = () => withScope(scope, (db) => getRollup(db, scope, filters));
      const first = await app();
      if (!first.anchor || first.year === null) throw new Error(`${label}: không có gì để tổng hợp`);
      const query = sqlFor(
        first.rows.map((r) => r.plan.id),
        first.year,
      );
      const runBare = () => bare.query<BareRow>(query.text, query.values);
      const lookup = lookupSql(first.anchor.id, first.currentYear, first.mode === "by-name");
      const runBareWhole = async () => {
        await bare.query(lookup.text, lookup.values);
        return runBare();
      };

      const bareRows = (await runBare()).rows;
      const bareTotal: Record<string, number> = {};
      const add = (counts: Counts | null) => {
        for (const [status, n] of Object.entries(counts ?? {})) if (n) bareTotal[status] = (bareTotal[status] ?? 0) + n;
      };
      for (const r of bareRows) {
        add({ MET: r.MET, ON_TRACK: r.ON_TRACK, AT_RISK: r.AT_RISK, OFF_TRACK: r.OFF_TRACK, NO_DATA: r.NO_DATA });
        add(r.below);
      }
      const appTotal: Record<string, number> = {};
      for (const row of first.rows) {
        for (const [status, n] of Object.entries(row.counts)) if (n) appTotal[status] = (appTotal[status] ?? 0) + n;
        if (row.below)
          for (const [status, n] of Object.entries(row.below.counts))
            if (n) appTotal[status] = (appTotal[status] ?? 0) + n;
      }
      const sameCounts =
        JSON.stringify(Object.entries(appTotal).sort()) === JSON.stringify(Object.entries(bareTotal).sort());
      options.log(
        `${label}: ${first.rows.length} hàng × ${first.columns.length} cột, năm ${first.year}; kết quả ${sameCounts ? "khớp" : "KHÔNG khớp"} với SQL thuần`,
      );

      const timings = await timeInterleaved({ app, bare: runBare, bareWhole: runBareWhole }, options);
      return {
        label,
        rows: first.rows.length,
        columns: first.columns.length,
        year: first.year,
        app: timings.app,
        bare: timings.bare,
        bareWhole: timings.bareWhole,
        sameCounts,
      };
    };

    const province = await measure("Tổng hợp tỉnh lớn nhất", BENCH_USER, provinceRollupSql);
    const sonLa = await measure("Tổng hợp tỉnh Sơn La", "sonla.approver", provinceRollupSql);
    const national = await measure("Tổng hợp toàn quốc", "admin", nationalRollupSql);
    const other = options.otherResolution;
    const others = other
      ? [
          await measure(OTHER_NATIONAL, "admin", nationalRollupSql, other),
          await measure(OTHER_PROVINCE, BENCH_USER, provinceRollupSql, other),
        ]
      : undefined;
    return { province, sonLa, national, others };
  } finally {
    await bare.end();
    await rawDatabase().$disconnect();
  }
}
