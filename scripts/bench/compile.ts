import { seedId } from "../../prisma/seed/ids";
import { planId as seedPlanId } from "../../prisma/seed/plans";
import { BENCH_USER } from "./dataset";
import { timeInterleaved, type Timing } from "./timing";

// Issue 16: a province's yearly report compiled from its localities, through the application's own
// code (the report snapshot as a draft builds it, inside withScope as app_user, then the Word file):
// Sơn La (12 former districts, 75 communes) and the largest province of the bench's data set.

export type CompileMeasurement = {
  label: string;
  localities: number;
  indicators: number;
  /** Building the draft's snapshot, the compiled part included. */
  snapshot: Timing;
  /** The same snapshot rendered to Word with the localities' appendices. */
  word: Timing;
};

export async function measureCompile(options: {
  runs: number;
  warmup: number;
  log: (line: string) => void;
}): Promise<CompileMeasurement[]> {
  // measureRollups has pointed the application's modules at the bench database (DATABASE_URL).
  const { scopeForUser } = await import("../../src/server/auth/session");
  const { withScope } = await import("../../src/server/db/scoped");
  const { getRollup } = await import("../../src/features/dashboards/queries");
  const { parseRollupFilters } = await import("../../src/features/dashboards/rollup");
  const { buildReportSnapshot } = await import("../../src/features/reporting/build-snapshot");
  const { renderReportDocx } = await import("../../src/features/export/report-docx");
  const { todayInVietnam, currentReportYear } = await import("../../src/domain/vietnam-time");

  const measure = async (label: string, username: string): Promise<CompileMeasurement> => {
    const scope = await scopeForUser(seedId("user", username));
    if (!scope) throw new Error(`Không có người dùng ${username} trong cơ sở dữ liệu đo`);
    // The province's own plan of 42-NQ/TW: the anchor of its rollup (named: with several cascades of
    // one size the default would be the most recent resolution, ADR 0033).
    const rollup = await withScope(scope, (db) =>
      getRollup(db, scope, parseRollupFilters({ resolution: seedPlanId("nq-42-tw") })),
    );
    if (!rollup.anchor) throw new Error(`${label}: không có kế hoạch cấp tỉnh`);
    const planId = rollup.anchor.id;
    const year = currentReportYear();
    const narrative = { leadership: null, results: null, shortcomings: null, nextYear: null, proposals: null };
    const snapshot = () =>
      withScope(scope, (db) =>
        buildReportSnapshot(db, scope, { planId, year, narrative, reportDate: todayInVietnam() }),
      );
    const first = await snapshot();
    const compiled = first.compiled;
    if (!compiled) throw new Error(`${label}: báo cáo không tổng hợp từ địa phương nào`);
    options.log(
      `${label}: ${compiled.localities.length} địa phương, ${compiled.indicators.length} chỉ tiêu tổng hợp, năm ${year}`,
    );
    const timings = await timeInterleaved(
      { snapshot, word: async () => renderReportDocx(await snapshot(), { isDraft: true }) },
      options,
    );
    return {
      label,
      localities: compiled.localities.length,
      indicators: compiled.indicators.length,
      snapshot: timings.snapshot,
      // The Word run builds the snapshot too: what the user waits for when downloading the draft.
      word: timings.word,
    };
  };
  return [await measure("Sơn La", "sonla.approver"), await measure("Tỉnh lớn nhất", BENCH_USER)];
}
