import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// A report has its own number (issue 13, point 6): written with the narrative (version-checked,
// audited), frozen in the submission's snapshot so exports print it, and older snapshots, sent
// before the field was filled, still read.

const YEAR = 2026;

describe("the report's own number", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let planId: string;
  let reportId: string;
  const scopes = {} as Record<"editor" | "approver", Scope>;
  let reporting: typeof import("../../src/features/reporting/report-actions");
  let queries: typeof import("../../src/features/reporting/queries");
  let withScope: typeof import("../../src/server/db/scoped").withScope;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    for (const role of ["editor", "approver"] as const) {
      const user = await db.adminDb.user.findUniqueOrThrow({ where: { username: `phuongmocchau.${role}` } });
      scopes[role] = (await scopeForUser(user.id))!;
    }
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    planId = (await db.adminDb.plan.findFirstOrThrow({ where: { issuerId: ward.id } })).id;
    reporting = await import("../../src/features/reporting/report-actions");
    queries = await import("../../src/features/reporting/queries");
    withScope = (await import("../../src/server/db/scoped")).withScope;
    const created = await reporting.createReport.execute(scopes.editor, { planId, year: YEAR });
    if (created.status !== "ok") throw new Error(JSON.stringify(created));
    reportId = created.data.reportId;
  });
  afterAll(async () => db.drop());

  const narrative = (version: number, numberSerial: string) => ({
    reportId,
    version,
    numberSerial,
    leadership: "Ban Thường vụ đã quán triệt.",
  });

  it("is saved with the narrative, audited, and refused when it is not a number", async () => {
    const refused = await reporting.saveNarrative.execute(scopes.editor, narrative(1, "45a"));
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { numberSerial: expect.stringMatching(/là một số/) },
    });
    expect(refused.status === "error" && refused.values.numberSerial).toBe("45a");

    const saved = await reporting.saveNarrative.execute(scopes.editor, narrative(1, " 45 "));
    expect(saved).toMatchObject({ status: "ok", data: { version: 2 } });
    const report = await db.adminDb.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(report).toMatchObject({ numberSerial: "45", version: 2 });
    const audit = await db.adminDb.auditLog.findFirstOrThrow({
      where: { entityId: reportId, action: "report.saveNarrative" },
      orderBy: { at: "desc" },
    });
    expect(audit.before).toMatchObject({ numberSerial: null });
    expect(audit.after).toMatchObject({ numberSerial: "45" });
  });

  it("is version-checked like the narrative", async () => {
    const stale = await reporting.saveNarrative.execute(scopes.editor, narrative(1, "46"));
    expect(stale).toMatchObject({ status: "error", message: expect.stringMatching(/vừa được người khác cập nhật/) });
    expect((await db.adminDb.report.findUniqueOrThrow({ where: { id: reportId } })).numberSerial).toBe("45");
  });

  it("is in the draft's preview and frozen in the submission's snapshot", async () => {
    const shown = async () =>
      withScope(scopes.editor, (tx) => queries.reportSnapshotFor(tx, scopes.editor, planId, YEAR));
    expect((await shown()).snapshot.reportSerial).toBe("45");
    const submitted = await reporting.submitReport.execute(scopes.approver, { reportId, version: 2 });
    expect(submitted.status, JSON.stringify(submitted)).toBe("ok");
    const submission = await db.adminDb.reportSubmission.findFirstOrThrow({ where: { reportId } });
    expect(submission.snapshot).toMatchObject({ reportSerial: "45" });
    expect((await shown()).snapshot.reportSerial).toBe("45");
  });

  it("reads a snapshot written before reports had a number", async () => {
    const submission = await db.adminDb.reportSubmission.findFirstOrThrow({ where: { reportId } });
    const older = { ...(submission.snapshot as Record<string, unknown>) };
    delete older.reportSerial;
    // Submissions are never rewritten: an older one is added beside it, as it was stored then.
    await db.adminDb.reportSubmission.create({
      data: { planId, reportId, number: 99, snapshot: older as never, submittedById: scopes.approver.userId },
    });
    const frozen = await withScope(scopes.editor, (tx) =>
      queries.getSubmissionSnapshot(tx, scopes.editor, planId, YEAR, 99),
    );
    expect(frozen?.snapshot.reportSerial).toBeNull();
    expect(frozen?.snapshot.sections.leadership).toBe("Ban Thường vụ đã quán triệt.");
  });
});
