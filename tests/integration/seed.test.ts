import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed/seed";
import { createTestDatabase } from "./database";

describe("demo seed", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it("loads today's 34 provinces and 3,321 communes, and the pre-2025 structure with successor links", async () => {
    expect(await db.adminDb.adminUnit.count({ where: { era: "FROM_2025", level: "PROVINCE" } })).toBe(34);
    expect(await db.adminDb.adminUnit.count({ where: { era: "FROM_2025", level: "COMMUNE" } })).toBe(3321);
    expect(await db.adminDb.adminUnit.count({ where: { era: "PRE_2025", level: "PROVINCE" } })).toBe(63);
    expect(await db.adminDb.adminUnit.count({ where: { era: "PRE_2025", level: "DISTRICT" } })).toBe(691);
    const daLat = await db.adminDb.adminUnit.findFirstOrThrow({
      where: { era: "PRE_2025", level: "DISTRICT", code: "672" },
      include: { successors: { include: { successor: true } } },
    });
    expect(daLat.successors.map((s) => s.successor.name).sort()).toHaveLength(5);
  });

  it("links the three seed plans into one cascade up to 42-NQ/TW", async () => {
    const daLat = await db.adminDb.plan.findFirstOrThrow({
      where: { numberSerial: "222", issuerCode: "ThU" },
      include: { parent: { include: { parent: true } } },
    });
    expect(daLat.parent?.numberSerial).toBe("78");
    expect(daLat.parent?.parent?.numberSerial).toBe("42");
    const eaSup = await db.adminDb.plan.findFirstOrThrow({
      where: { issuer: { name: "UBND huyện Ea Súp" } },
      include: { parent: true, _count: { select: { indicators: true } } },
    });
    expect(eaSup.parent?.numberSerial).toBe("114");
    expect(eaSup.numberSerial).toBeNull();
    expect(eaSup._count.indicators).toBeGreaterThan(100);
  });

  it("stores targets structured: dưới 1,2% is below 1.2 percent", async () => {
    const target = await db.adminDb.indicatorTarget.findFirstOrThrow({
      where: { indicator: { name: "Tỷ lệ thất nghiệp chung", plan: { numberSerial: "222" } }, year: 2030 },
    });
    expect(target).toMatchObject({ kind: "BELOW", isPercent: true, text: "dưới 1,2%" });
    expect(Number(target.upper)).toBe(1.2);
  });

  it("marks everything generated for the demo as illustrative", async () => {
    expect(await db.adminDb.indicatorActual.count({ where: { isIllustrative: false } })).toBe(0);
    expect(await db.adminDb.indicatorActual.count()).toBeGreaterThan(500);
    // Twelve Sơn La districts and the demo ward of Mộc Châu.
    expect(await db.adminDb.plan.count({ where: { isIllustrative: true } })).toBe(13);
  });

  it("is idempotent: a second run adds nothing", async () => {
    const count = async () => [
      await db.adminDb.plan.count(),
      await db.adminDb.indicator.count(),
      await db.adminDb.organization.count(),
      await db.adminDb.user.count(),
    ];
    const before = await count();
    const lines: string[] = [];
    await seedDemoData(db.adminUrl, { log: (line) => lines.push(line) });
    expect(await count()).toEqual(before);
    expect(lines.join("\n")).toMatch(/ 0 bản ghi mới/);
  });
});
