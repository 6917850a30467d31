import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "../../prisma/seed/ids";
import { createTestDatabase } from "./database";

// Beyond the code: the database itself refuses to rewrite or delete a submitted report.
describe("submitted reports", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let submissionId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const planId = seedId("plan", "kh-phuong-moc-chau-2025");
    const report = await db.adminDb.report.create({
      data: {
        planId,
        year: 2026,
        periodStart: new Date("2025-12-15"),
        periodEnd: new Date("2026-12-14"),
        dueOn: new Date("2026-12-15"),
        status: "SUBMITTED",
      },
    });
    submissionId = (
      await db.adminDb.reportSubmission.create({
        data: { planId, reportId: report.id, number: 1, snapshot: { year: 2026, sections: { results: "Đã làm" } } },
      })
    ).id;
  });
  afterAll(async () => db.drop());

  async function asProvince<T>(work: (tx: Parameters<Parameters<typeof db.appDb.$transaction>[0]>[0]) => Promise<T>) {
    return db.appDb.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.user_id', 'test', true), set_config('app.province_code', '14', true), set_config('app.all_provinces', 'off', true)`;
      return work(tx);
    });
  }

  it("can be reviewed: the outcome is recorded beside the snapshot", async () => {
    await asProvince((tx) =>
      tx.reportSubmission.update({
        where: { id: submissionId },
        data: { outcome: "RETURNED", reviewComment: "Bổ sung số liệu" },
      }),
    );
    expect((await db.adminDb.reportSubmission.findUniqueOrThrow({ where: { id: submissionId } })).outcome).toBe(
      "RETURNED",
    );
  });

  it("cannot have its snapshot rewritten, even by a query that skips the application code", async () => {
    await expect(
      asProvince((tx) =>
        tx.reportSubmission.update({
          where: { id: submissionId },
          data: { snapshot: { year: 2026, sections: { results: "Sửa lén" } } },
        }),
      ),
    ).rejects.toThrow(/không được sửa/);
  });

  it("cannot be deleted by the application", async () => {
    await expect(asProvince((tx) => tx.reportSubmission.delete({ where: { id: submissionId } }))).rejects.toThrow(
      /permission denied/,
    );
    expect(await db.adminDb.reportSubmission.count({ where: { id: submissionId } })).toBe(1);
  });
});
