import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// Beside each input of the results grid: last year's actual and the baseline (issue 13, point 10).

describe("the results grid compares with last year and the baseline", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let editor: Scope;
  let planId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = await db.adminDb.user.findUniqueOrThrow({ where: { username: "phuongmocchau.editor" } });
    editor = (await scopeForUser(user.id))!;
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    planId = (await db.adminDb.plan.findFirstOrThrow({ where: { issuerId: ward.id } })).id;
  });
  afterAll(async () => db.drop());

  it("gives each indicator row last year's actual as written and the baseline", async () => {
    const indicator = await db.adminDb.indicator.findFirstOrThrow({ where: { planId, code: "3.1", isGroup: false } });
    await db.adminDb.indicatorActual.deleteMany({ where: { indicatorId: indicator.id, year: { in: [2025, 2026] } } });
    await db.adminDb.indicatorActual.create({
      data: { planId, indicatorId: indicator.id, year: 2025, value: 21.5, text: "21,5", status: "ON_TRACK" },
    });
    await db.adminDb.indicator.update({
      where: { id: indicator.id },
      data: { baselineValue: 18.25, baselineYear: 2020, baselineText: null },
    });
    const { withScope } = await import("../../src/server/db/scoped");
    const { getResultsPage } = await import("../../src/features/results/queries");
    const page = await withScope(editor, (tx) => getResultsPage(tx, editor, planId, 2026));
    const row = page.rows.find((r) => r.kind === "indicator" && r.id === indicator.id);
    expect(row).toMatchObject({ previous: { year: 2025, text: "21,5" }, baseline: { year: 2020, text: "18,25" } });
    // A year without a figure the year before has nothing to compare with.
    const first = await withScope(editor, (tx) => getResultsPage(tx, editor, planId, 2024));
    const earliest = first.rows.find((r) => r.kind === "indicator" && r.id === indicator.id);
    expect(earliest).toMatchObject({ previous: null });
  });
});
