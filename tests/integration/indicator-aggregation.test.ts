import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "../../prisma/seed/ids";
import { planId } from "../../prisma/seed/plans";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// The aggregation method of one indicator, set on its own form on the plan page (ADR 0029): on the
// province's issued plan, by its editor; checked like every write; copied by plans created later.

describe("setting how an indicator's localities combine", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let editor: Scope;
  let viewer: Scope;
  let actions: typeof import("../../src/features/plans/aggregation-actions");
  const sonLa = () => planId("kh-tu-son-la-2024");
  const indicator = (code: string) =>
    db.adminDb.indicator.findFirstOrThrow({ where: { planId: sonLa(), code, isGroup: false } });

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    editor = (await scopeForUser(seedId("user", "sonla.editor")))!;
    viewer = (await scopeForUser(seedId("user", "sonla.viewer")))!;
    actions = await import("../../src/features/plans/aggregation-actions");
  });
  afterAll(async () => db.drop());

  it("sets it on an issued plan, checked, versioned and audited", async () => {
    const plan = await db.adminDb.plan.findUniqueOrThrow({ where: { id: sonLa() } });
    expect(plan.status).toBe("ISSUED");
    const rate = await indicator("3.1");
    const weight = await indicator("3.2");
    const input = { planId: sonLa(), indicatorId: rate.id, version: String(rate.version) };

    expect(await actions.setIndicatorAggregation.execute(viewer, { ...input, aggregation: "SUM" })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/Vai trò/),
    });
    expect(
      await actions.setIndicatorAggregation.execute(editor, { ...input, aggregation: "WEIGHTED_AVERAGE" }),
    ).toMatchObject({
      status: "error",
      fieldErrors: { aggregationWeightId: expect.stringMatching(/Hãy chọn chỉ tiêu làm trọng số/) },
      values: { aggregation: "WEIGHTED_AVERAGE" },
    });
    expect(
      await actions.setIndicatorAggregation.execute(editor, {
        ...input,
        aggregation: "WEIGHTED_AVERAGE",
        aggregationWeightId: rate.id,
      }),
    ).toMatchObject({
      status: "error",
      fieldErrors: { aggregationWeightId: "Một chỉ tiêu không làm trọng số cho chính nó" },
    });

    const saved = await actions.setIndicatorAggregation.execute(editor, {
      ...input,
      aggregation: "WEIGHTED_AVERAGE",
      aggregationWeightId: weight.id,
    });
    expect(saved, JSON.stringify(saved)).toMatchObject({ status: "ok" });
    expect(await indicator("3.1")).toMatchObject({
      aggregation: "WEIGHTED_AVERAGE",
      aggregationWeightId: weight.id,
      version: rate.version + 1,
    });
    // The same version again is a concurrent change: refused, nothing written.
    expect(await actions.setIndicatorAggregation.execute(editor, { ...input, aggregation: "SUM" })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/vừa được người khác lưu thay đổi/),
    });
    expect((await indicator("3.1")).aggregation).toBe("WEIGHTED_AVERAGE");

    expect(
      await actions.setIndicatorAggregation.execute(editor, {
        planId: sonLa(),
        indicatorId: weight.id,
        version: String(weight.version),
        aggregation: "SUM",
      }),
    ).toMatchObject({ status: "ok" });

    const audits = await db.adminDb.auditLog.findMany({
      where: { entityType: "Indicator", entityId: rate.id, action: "indicator.setAggregation" },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      userId: editor.userId,
      before: { aggregation: "NONE", aggregationWeightId: null },
      after: { aggregation: "WEIGHTED_AVERAGE", aggregationWeightId: weight.id },
    });
  });

  it("is copied by a plan created afterwards to implement it", async () => {
    const { scopeForUser } = await import("../../src/server/auth/session");
    const ward = (await scopeForUser(seedId("user", "thaonguyen.editor")))!;
    const { createImplementingPlan } = await import("../../src/features/plans/plan-actions");
    const created = await createImplementingPlan.execute(ward, { parentId: sonLa(), title: "Kế hoạch (kiểm thử)" });
    expect(created, JSON.stringify(created)).toMatchObject({ status: "ok" });
    const draftId = (created as { data: { planId: string } }).data.planId;
    const rate = await db.adminDb.indicator.findFirstOrThrow({ where: { planId: draftId, code: "3.1" } });
    const weight = await db.adminDb.indicator.findFirstOrThrow({ where: { planId: draftId, code: "3.2" } });
    expect(rate).toMatchObject({ aggregation: "WEIGHTED_AVERAGE", aggregationWeightId: weight.id });
    expect(weight).toMatchObject({ aggregation: "SUM" });
  });
});
