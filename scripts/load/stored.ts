import pg from "pg";
import { tokenIn, type StoredState } from "./ledger";

// What PostgreSQL holds after a load run, in the shape the ledger is reconciled against: the audit
// records the load's users wrote since the run began (each carries the token of its write), and the
// rows each written entity has now.

export async function readStoredState(
  adminUrl: string,
  run: { userIds: string[]; planIds: string[]; year: number; since: Date },
): Promise<StoredState> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const audited = new Map<string, number>();
    const count = (key: string) => audited.set(key, (audited.get(key) ?? 0) + 1);
    const { rows: audits } = await client.query<{ action: string; entityId: string; after: Record<string, unknown> }>(
      `SELECT action, "entityId", after FROM audit_logs WHERE "userId" = ANY($1) AND at >= $2`,
      [run.userIds, run.since],
    );
    for (const a of audits) {
      const text = (field: string) => (typeof a.after?.[field] === "string" ? (a.after[field] as string) : null);
      if (a.action === "indicatorActual.create" || a.action === "indicatorActual.update") {
        const token = tokenIn(text("note"));
        if (token) count(`actual:${token}`);
      } else if (a.action === "taskProgress.create" || a.action === "taskProgress.update") {
        const token = tokenIn(text("summary"));
        if (token) count(`progress:${token}`);
      } else if (a.action === "report.saveNarrative") {
        const token = tokenIn(text("results"));
        if (token) count(`narrative:${token}`);
      } else if (a.action === "report.submit") {
        count(`submission:${a.entityId}#${String(a.after?.submission)}`);
      }
    }

    const current = new Map<string, (string | null)[]>();
    const add = (key: string, token: string | null) => current.set(key, [...(current.get(key) ?? []), token]);
    const actuals = await client.query<{ indicatorId: string; note: string | null }>(
      `SELECT "indicatorId", note FROM indicator_actuals WHERE "planId" = ANY($1) AND year = $2`,
      [run.planIds, run.year],
    );
    for (const r of actuals.rows) add(`actual:${r.indicatorId}/${run.year}`, tokenIn(r.note));
    const progress = await client.query<{ taskId: string; summary: string | null }>(
      `SELECT "taskId", summary FROM task_progress WHERE "planId" = ANY($1) AND year = $2 AND "organizationId" IS NULL`,
      [run.planIds, run.year],
    );
    for (const r of progress.rows) add(`progress:${r.taskId}/${run.year}`, tokenIn(r.summary));
    const reports = await client.query<{ id: string; results: string | null }>(
      `SELECT id, results FROM reports WHERE "planId" = ANY($1) AND year = $2`,
      [run.planIds, run.year],
    );
    for (const r of reports.rows) add(`narrative:${r.id}`, tokenIn(r.results));
    const submissions = await client.query<{ reportId: string; number: number }>(
      `SELECT s."reportId", s.number FROM report_submissions s JOIN reports r ON r.id = s."reportId"
       WHERE s."planId" = ANY($1) AND r.year = $2 AND s."submittedById" = ANY($3)`,
      [run.planIds, run.year, run.userIds],
    );
    for (const r of submissions.rows) add(`submission:${r.reportId}#${r.number}`, `${r.reportId}#${r.number}`);
    return { audited, current };
  } finally {
    await client.end();
  }
}
