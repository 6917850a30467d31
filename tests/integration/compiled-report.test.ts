import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "../../prisma/seed/ids";
import { planId } from "../../prisma/seed/plans";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// A body's report compiled from its localities (issue 16, part 1), on a small hand-made cascade under
// Tỉnh ủy Sơn La: three localities (the ward, which sent its report; Thị ủy Mộc Châu, ended on
// 30/6/2025, whose report came late and was returned; a second district with no report), three indicators (a count
// summed, a rate averaged weighted by the count, a qualitative one not combined). Every figure below
// is computed by hand in the comments.

const YEAR = 2026;
const TODAY = "2026-12-20"; // after the 15/12 due day

describe("the compiled report", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let scope: Scope;
  let compile: typeof import("../../src/features/reporting/compiled/compile-queries").compileLocalities;
  let withScope: typeof import("../../src/server/db/scoped").withScope;
  const ids = { parent: "", ward: "", mocChau: "", other: "", i1: "", i2: "", i3: "" };
  const names = { ward: "", mocChau: "", other: "" };

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    scope = (await scopeForUser(seedId("user", "sonla.approver")))!;
    compile = (await import("../../src/features/reporting/compiled/compile-queries")).compileLocalities;
    withScope = (await import("../../src/server/db/scoped")).withScope;

    const a = db.adminDb;
    const province = await a.plan.findUniqueOrThrow({ where: { id: planId("kh-tu-son-la-2024") } });
    const wardPlan = await a.plan.findUniqueOrThrow({
      where: { id: planId("kh-phuong-moc-chau-2025") },
      include: { issuer: true },
    });
    const mocChauPlan = await a.plan.findUniqueOrThrow({
      where: { id: planId("kh-son-la-district-123") },
      include: { issuer: true },
    });
    const otherPlan = await a.plan.findFirstOrThrow({
      where: { parentId: province.id, issuerId: { notIn: [wardPlan.issuerId, mocChauPlan.issuerId] } },
      include: { issuer: true },
    });
    names.ward = wardPlan.issuer.name;
    names.mocChau = mocChauPlan.issuer.name;
    names.other = otherPlan.issuer.name;

    const base = { kind: "PLAN" as const, track: "PARTY" as const, notation: "PARTY" as const, typeCode: "KH" };
    const parent = await a.plan.create({
      data: {
        ...base,
        issuerCode: "TU",
        issuerId: province.issuerId,
        provinceCode: "14",
        status: "ISSUED",
        issuedOn: new Date("2024-03-01"),
        title: "Kế hoạch tổng hợp (kiểm thử)",
      },
    });
    ids.parent = parent.id;
    const group = await a.indicator.create({
      data: { planId: parent.id, isGroup: true, position: 0, code: "1", name: "Dân số, giảm nghèo" },
    });
    const i1 = await a.indicator.create({
      data: {
        planId: parent.id,
        parentIndicatorId: group.id,
        position: 0,
        code: "1.1",
        name: "Dân số trung bình",
        unit: "người",
        aggregation: "SUM",
      },
    });
    const i2 = await a.indicator.create({
      data: {
        planId: parent.id,
        parentIndicatorId: group.id,
        position: 1,
        code: "1.2",
        name: "Tỷ lệ hộ nghèo",
        unit: "%",
        direction: "LOWER_BETTER",
        aggregation: "WEIGHTED_AVERAGE",
        aggregationWeightId: i1.id,
      },
    });
    const i3 = await a.indicator.create({
      data: {
        planId: parent.id,
        parentIndicatorId: group.id,
        position: 2,
        code: "1.3",
        name: "Chất lượng sinh hoạt chi bộ",
        direction: "QUALITATIVE",
      },
    });
    Object.assign(ids, { i1: i1.id, i2: i2.id, i3: i3.id });
    await a.indicatorActual.create({
      data: { planId: parent.id, indicatorId: i1.id, year: YEAR, value: 45000, text: "45.000", status: "ON_TRACK" },
    });

    // A child plan of one of the existing locality bodies, with the indicators it inherited and its figures.
    const child = async (
      issuer: { id: string },
      issuerCode: string,
      figures: {
        code: string;
        from: string;
        value?: number;
        text?: string;
        status?: "MET" | "ON_TRACK" | "OFF_TRACK";
      }[],
    ) => {
      const plan = await a.plan.create({
        data: {
          ...base,
          issuerCode,
          issuerId: issuer.id,
          provinceCode: "14",
          status: "ISSUED",
          issuedOn: new Date("2024-06-01"),
          parentId: parent.id,
          title: "Kế hoạch thực hiện (kiểm thử)",
        },
      });
      for (const [position, f] of figures.entries()) {
        const indicator = await a.indicator.create({
          data: {
            planId: plan.id,
            position,
            code: f.code,
            name: f.code,
            derivedFromId: f.from,
            inheritance: "INHERITED",
          },
        });
        if (f.text !== undefined)
          await a.indicatorActual.create({
            data: {
              planId: plan.id,
              indicatorId: indicator.id,
              year: YEAR,
              value: f.value ?? null,
              text: f.text,
              status: f.status ?? "NO_DATA",
            },
          });
      }
      return plan.id;
    };
    // The ward's entered figures (10.000 people) differ from what it sent (12.000): the report follows what was sent.
    ids.ward = await child(wardPlan.issuer, "ĐU", [
      { code: "1.1", from: i1.id, value: 10000, text: "10.000", status: "ON_TRACK" },
      { code: "1.2", from: i2.id, value: 2, text: "2", status: "MET" },
      { code: "1.3", from: i3.id, text: "Tốt", status: "MET" },
    ]);
    ids.mocChau = await child(mocChauPlan.issuer, "ThU", [
      { code: "1.1", from: i1.id, value: 30000, text: "30.000", status: "OFF_TRACK" },
      { code: "1.2", from: i2.id, value: 6, text: "6", status: "OFF_TRACK" },
      { code: "1.3", from: i3.id },
    ]);
    // No population figure: left out of the sum and, without a weight, out of the average.
    ids.other = await child(otherPlan.issuer, "HU", [
      { code: "1.1", from: i1.id },
      { code: "1.2", from: i2.id, value: 4, text: "4", status: "ON_TRACK" },
    ]);

    const sent = (sections: Record<string, string>, indicators: object[]) => ({
      version: 1,
      year: YEAR,
      sections: { leadership: "", results: "", shortcomings: "", nextYear: "", proposals: "", ...sections },
      indicators,
    });
    const report = async (plan: string, status: "SUBMITTED" | "RETURNED", snapshot: object, submittedAt: string) => {
      const r = await a.report.create({
        data: {
          planId: plan,
          year: YEAR,
          status,
          periodStart: new Date("2025-12-15"),
          periodEnd: new Date("2026-12-14"),
          dueOn: new Date("2026-12-15"),
        },
      });
      await a.reportSubmission.create({
        data: {
          planId: plan,
          reportId: r.id,
          number: 1,
          snapshot,
          submittedAt: new Date(submittedAt),
          outcome: status,
        },
      });
    };
    const row = (code: string, actual: string | null, actualValue: number | null, status: string) => ({
      code,
      name: code,
      isGroup: false,
      actual,
      actualValue,
      status,
    });
    await report(
      ids.ward,
      "SUBMITTED",
      sent({ results: "Phường đã hoàn thành các chỉ tiêu giảm nghèo." }, [
        row("1.1", "12.000", 12000, "MET"),
        row("1.2", "2", 2, "MET"),
        row("1.3", "Tốt", null, "MET"),
      ]),
      "2026-12-10T03:00:00Z",
    );
    await report(
      ids.mocChau,
      "RETURNED",
      sent({ results: "Văn bản bị trả lại, không được tổng hợp." }, []),
      "2026-12-17T03:00:00Z",
    );
  });
  afterAll(async () => db.drop());

  const compiled = async () =>
    (await withScope(scope, (tx) => compile(tx, scope, ids.parent, YEAR, { today: TODAY })))!;

  it("lists the localities with where their reports stand, the ended district named with its successors", async () => {
    const c = await compiled();
    expect(c.localities.map((l) => l.planId).sort()).toEqual([ids.ward, ids.mocChau, ids.other].sort());
    const byPlan = new Map(c.localities.map((l) => [l.planId, l]));
    expect(byPlan.get(ids.ward)!.report).toMatchObject({ state: "SUBMITTED", submittedOn: "2026-12-10", late: false });
    // First sent on 17/12, after the 15/12 due day, then returned: late.
    expect(byPlan.get(ids.mocChau)!.report).toMatchObject({ state: "RETURNED", late: true });
    expect(byPlan.get(ids.mocChau)!.note).toMatch(/^Đã kết thúc hoạt động ngày 30\/06\/2025; nay: .*phường Mộc Châu/i);
    // The other district ended before the due day and has no report: it owes none.
    expect(byPlan.get(ids.other)!.report).toMatchObject({ state: "NOT_OWED", late: false });
    expect(c.summary).toEqual({ localities: 3, reported: 1, late: 1, returned: 1, notOwed: 1 });
  });

  it("combines each indicator as it says, with the counts by status and the localities off track", async () => {
    const c = await compiled();
    const [group, i1, i2, i3] = c.indicators;
    expect(group).toMatchObject({ isGroup: true, compiled: null, values: [] });
    // Sum: the ward's 12.000 as sent + Mộc Châu's 30.000; the other district gave none.
    expect(i1).toMatchObject({
      own: { actual: "45.000", status: "ON_TRACK" },
      compiledValue: 42000,
      compiled: "42.000 (cộng, 2/3 địa phương)",
      counts: { MET: 1, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 1, NO_DATA: 1 },
      offTrack: [names.mocChau],
    });
    // Weighted by population: (2 × 12.000 + 6 × 30.000) / 42.000 = 204.000 / 42.000 = 4,857… → 4,86.
    expect(i2).toMatchObject({
      weightName: "Dân số trung bình",
      compiledValue: 4.86,
      compiled: "4,86 (bình quân theo Dân số trung bình, 2/3 địa phương)",
      counts: { MET: 1, ON_TRACK: 1, AT_RISK: 0, OFF_TRACK: 1, NO_DATA: 0 },
    });
    // Not combined; the other district does not have it.
    expect(i3).toMatchObject({
      aggregation: "NONE",
      compiled: null,
      counts: { MET: 1, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, NO_DATA: 1 },
    });
    expect(i3!.values).toHaveLength(2);
    expect(i1!.values.find((v) => v.planId === ids.ward)).toMatchObject({ actual: "12.000", status: "MET" });
  });

  it("puts under each section only the texts of reports that stand, under the locality's name", async () => {
    const c = await compiled();
    expect(c.sections.results).toEqual([
      { planId: ids.ward, locality: names.ward, text: "Phường đã hoàn thành các chỉ tiêu giảm nghèo." },
    ]);
    expect(c.sections.leadership).toEqual([]);
  });

  it("follows the localities in the draft and is frozen with the body's submission", async () => {
    const { reportSnapshotFor } = await import("../../src/features/reporting/queries");
    const draft = await withScope(scope, (tx) => reportSnapshotFor(tx, scope, ids.parent, YEAR));
    expect(draft.submission).toBeNull();
    expect(draft.snapshot.compiled?.indicators[1]?.compiledValue).toBe(42000);

    // The body sends its report with that snapshot; Mộc Châu's figure changes afterwards.
    const report = await db.adminDb.report.create({
      data: {
        planId: ids.parent,
        year: YEAR,
        status: "SUBMITTED",
        periodStart: new Date("2025-12-15"),
        periodEnd: new Date("2026-12-14"),
        dueOn: new Date("2026-12-15"),
      },
    });
    await db.adminDb.reportSubmission.create({
      data: { planId: ids.parent, reportId: report.id, number: 1, snapshot: draft.snapshot as object },
    });
    await db.adminDb.indicatorActual.updateMany({
      where: { planId: ids.mocChau, indicator: { code: "1.1" } },
      data: { value: 31000, text: "31.000" },
    });
    const frozen = await withScope(scope, (tx) => reportSnapshotFor(tx, scope, ids.parent, YEAR));
    expect(frozen.submission?.number).toBe(1);
    expect(frozen.snapshot.compiled?.indicators[1]?.compiledValue).toBe(42000);
    expect((await compiled()).indicators[1]?.compiledValue).toBe(43000);
  });

  it("compiles nothing for a plan with no plans implementing it", async () => {
    expect(await withScope(scope, (tx) => compile(tx, scope, ids.ward, YEAR, { today: TODAY }))).toBeNull();
  });

  it("copies how localities combine to a new implementing plan, the weight pointing to its own indicator", async () => {
    const sonLa = planId("kh-tu-son-la-2024");
    const parentRate = await db.adminDb.indicator.findFirstOrThrow({ where: { planId: sonLa, code: "3.1" } });
    const parentWeight = await db.adminDb.indicator.findFirstOrThrow({ where: { planId: sonLa, code: "3.2" } });
    await db.adminDb.indicator.update({
      where: { id: parentRate.id },
      data: { aggregation: "WEIGHTED_AVERAGE", aggregationWeightId: parentWeight.id },
    });
    await db.adminDb.indicator.update({ where: { id: parentWeight.id }, data: { aggregation: "SUM" } });
    const { scopeForUser } = await import("../../src/server/auth/session");
    const editor = (await scopeForUser(seedId("user", "thaonguyen.editor")))!;
    const { createImplementingPlan } = await import("../../src/features/plans/plan-actions");
    const created = await createImplementingPlan.execute(editor, { parentId: sonLa, title: "Kế hoạch (kiểm thử)" });
    expect(created.status).toBe("ok");
    const draftId = (created as { data: { planId: string } }).data.planId;
    const rate = await db.adminDb.indicator.findFirstOrThrow({ where: { planId: draftId, code: "3.1" } });
    const weight = await db.adminDb.indicator.findFirstOrThrow({ where: { planId: draftId, code: "3.2" } });
    expect(rate).toMatchObject({ aggregation: "WEIGHTED_AVERAGE", aggregationWeightId: weight.id });
    expect(weight).toMatchObject({ aggregation: "SUM", aggregationWeightId: null });

    // The editor sets it on an indicator: a weighted average needs a numeric weight of the same plan.
    const { saveIndicator } = await import("../../src/features/plans/indicator-actions");
    const qualitative = await db.adminDb.indicator.findFirstOrThrow({ where: { planId: draftId, code: "4.2" } });
    const input = {
      planId: draftId,
      indicatorId: rate.id,
      parentIndicatorId: rate.parentIndicatorId ?? "",
      version: String(rate.version),
      code: "3.1",
      name: rate.name,
      unit: "%",
      isGroup: "false",
      direction: "HIGHER_BETTER",
      target2025: "",
      target2030: "25%",
      aggregation: "WEIGHTED_AVERAGE",
      aggregationWeightId: "",
    };
    expect(await saveIndicator.execute(editor, input)).toMatchObject({
      status: "error",
      fieldErrors: { aggregationWeightId: expect.stringMatching(/trọng số/) },
      values: { aggregation: "WEIGHTED_AVERAGE" },
    });
    expect(await saveIndicator.execute(editor, { ...input, aggregationWeightId: qualitative.id })).toMatchObject({
      status: "error",
      fieldErrors: { aggregationWeightId: expect.stringMatching(/định tính/) },
    });
    expect(await saveIndicator.execute(editor, { ...input, aggregationWeightId: parentWeight.id })).toMatchObject({
      status: "error",
      fieldErrors: { aggregationWeightId: expect.stringMatching(/không thuộc kế hoạch này/) },
    });
    expect((await saveIndicator.execute(editor, { ...input, aggregation: "SUM" })).status).toBe("ok");
    expect(await db.adminDb.indicator.findUniqueOrThrow({ where: { id: rate.id } })).toMatchObject({
      aggregation: "SUM",
      aggregationWeightId: null,
    });
    // A form that does not send the setting leaves it as it is.
    const without: Partial<typeof input> = { ...input };
    delete without.aggregation;
    delete without.aggregationWeightId;
    expect((await saveIndicator.execute(editor, { ...without, version: String(rate.version + 1) })).status).toBe("ok");
    expect((await db.adminDb.indicator.findUniqueOrThrow({ where: { id: rate.id } })).aggregation).toBe("SUM");
  });
});
