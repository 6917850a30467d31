import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// Entering a year's results on the demo commune's plan (Đảng ủy phường Mộc Châu): the grid's save
// action reads Vietnamese numbers, stores the status the domain core computes, refuses what it cannot
// read and what someone else saved meanwhile, and audits every changed row.

const YEAR = 2026;

describe("entering results", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let planId: string;
  let wardId: string;
  const scopes = {} as Record<"editor" | "viewer" | "provinceEditor", Scope>;
  let actions: typeof import("../../src/features/results/result-actions");

  const indicatorByCode = async (code: string) =>
    db.adminDb.indicator.findFirstOrThrow({ where: { planId, code, isGroup: false }, include: { targets: true } });

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    wardId = ward.id;
    planId = (await db.adminDb.plan.findFirstOrThrow({ where: { issuerId: ward.id } })).id;
    const province = await db.adminDb.organization.findFirstOrThrow({
      where: { name: "Tỉnh ủy Sơn La", adminUnit: { level: "PROVINCE" } },
    });
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = async (username: string, organizationId: string, role: Role) => {
      const created = await db.adminDb.user.create({
        data: { username, displayName: username, passwordHash: "x", memberships: { create: { organizationId, role } } },
      });
      return (await scopeForUser(created.id))!;
    };
    scopes.editor = await user("results.editor", ward.id, "EDITOR");
    scopes.viewer = await user("results.viewer", ward.id, "VIEWER");
    scopes.provinceEditor = await user("results.province", province.id, "EDITOR");
    actions = await import("../../src/features/results/result-actions");
  });
  afterAll(async () => db.drop());

  it("stores the actual as written, with its number and the status computed from the trajectory, and audits it", async () => {
    const indicator = await db.adminDb.indicator.findFirstOrThrow({
      where: {
        planId,
        isGroup: false,
        direction: "HIGHER_BETTER",
        targets: { some: { year: 2030, kind: { in: ["EXACT", "AT_LEAST"] } } },
      },
      include: { targets: true },
    });
    const bound = Number(indicator.targets.find((t) => t.year === 2030)!.lower);
    const { formatVietnameseNumber } = await import("../../src/domain/decimal");
    const text = formatVietnameseNumber(bound);

    const met = await actions.saveActuals.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [{ indicatorId: indicator.id, text, note: "Số liệu sơ bộ", source: "Chi cục Thống kê", version: null }],
    });
    expect(met, JSON.stringify(met)).toMatchObject({ status: "ok", data: { changed: 1 } });
    const stored = await db.adminDb.indicatorActual.findUniqueOrThrow({
      where: { indicatorId_year: { indicatorId: indicator.id, year: YEAR } },
    });
    expect(stored).toMatchObject({
      text,
      status: "MET",
      note: "Số liệu sơ bộ",
      source: "Chi cục Thống kê",
      version: 1,
      isIllustrative: false,
      enteredById: scopes.editor.userId,
    });
    expect(Number(stored.value)).toBe(bound);

    // Far below the trajectory from the earlier years towards the 2030 target: off track.
    const low = formatVietnameseNumber(Math.round(bound * 0.3 * 10) / 10);
    const off = await actions.saveActuals.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: JSON.stringify([{ indicatorId: indicator.id, text: low, version: 1 }]),
    });
    expect(off, JSON.stringify(off)).toMatchObject({ status: "ok" });
    const after = await db.adminDb.indicatorActual.findUniqueOrThrow({
      where: { indicatorId_year: { indicatorId: indicator.id, year: YEAR } },
    });
    expect(after).toMatchObject({ text: low, status: "OFF_TRACK", version: 2, note: null });

    // The stored status is the domain core's, for every year of the indicator.
    const { statusesByYear, statusInputFromRows } = await import("../../src/features/results/status");
    const all = await db.adminDb.indicator.findUniqueOrThrow({
      where: { id: indicator.id },
      include: { targets: true, actuals: true },
    });
    const expected = statusesByYear(statusInputFromRows(all));
    for (const actual of all.actuals) expect(actual.status, `year ${actual.year}`).toBe(expected.get(actual.year));

    const audits = await db.adminDb.auditLog.findMany({
      where: { entityType: "IndicatorActual", entityId: stored.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["indicatorActual.create", "indicatorActual.update"]);
    expect(audits[1]!.before).toMatchObject({ text, version: 1 });
    expect(audits[1]!.after).toMatchObject({ text: low, version: 2 });
  });

  it("refuses a value it cannot read, with the message for that cell, and writes nothing", async () => {
    const indicator = await indicatorByCode("3.2");
    const before = await db.adminDb.auditLog.count();
    const result = await actions.saveActuals.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [
        { indicatorId: (await indicatorByCode("3.3")).id, text: "20", version: null },
        { indicatorId: indicator.id, text: "14.5", version: null },
      ],
    });
    expect(result.status).toBe("error");
    if (result.status !== "error") return;
    expect(result.fieldErrors["rows.1.text"]).toMatch(/Chỉ tiêu 3\.2: Không đọc được “14\.5”.*14,5/);
    expect(
      await db.adminDb.indicatorActual.count({
        where: { planId, year: YEAR, indicator: { code: { in: ["3.2", "3.3"] } } },
      }),
    ).toBe(0);
    expect(await db.adminDb.auditLog.count()).toBe(before);
  });

  it("refuses a row someone else saved meanwhile, keeping the other user's value", async () => {
    const indicator = await indicatorByCode("2.2");
    const first = await actions.saveActuals.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [{ indicatorId: indicator.id, text: "41,5", version: null }],
    });
    expect(first.status).toBe("ok");
    // A second user who loaded the page before that save still thinks there is no row.
    const stale = await actions.saveActuals.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [{ indicatorId: indicator.id, text: "39", version: null }],
    });
    expect(stale).toMatchObject({ status: "error", message: expect.stringMatching(/vừa được người khác cập nhật/) });
    const second = await actions.saveActuals.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [{ indicatorId: indicator.id, text: "42", version: 1 }],
    });
    expect(second.status).toBe("ok");
    const staleVersion = await actions.saveActuals.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [{ indicatorId: indicator.id, text: "43", version: 1 }],
    });
    expect(staleVersion).toMatchObject({
      status: "error",
      message: expect.stringMatching(/vừa được người khác cập nhật/),
    });
    expect(
      await db.adminDb.indicatorActual.findFirstOrThrow({ where: { indicatorId: indicator.id, year: YEAR } }),
    ).toMatchObject({ text: "42", version: 2 });
  });

  it("lets the user choose the status of a qualitative indicator and clears a row emptied in the grid", async () => {
    const indicator = await db.adminDb.indicator.findFirstOrThrow({ where: { planId, direction: "QUALITATIVE" } });
    const saved = await actions.saveActuals.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [{ indicatorId: indicator.id, text: "Đảm bảo vững", qualitativeStatus: "ON_TRACK", version: null }],
    });
    expect(saved.status).toBe("ok");
    const row = await db.adminDb.indicatorActual.findFirstOrThrow({ where: { indicatorId: indicator.id, year: YEAR } });
    expect(row).toMatchObject({ text: "Đảm bảo vững", value: null, qualitativeStatus: "ON_TRACK", status: "ON_TRACK" });

    const cleared = await actions.saveActuals.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [{ indicatorId: indicator.id, text: "", qualitativeStatus: null, version: row.version }],
    });
    expect(cleared.status).toBe("ok");
    expect(await db.adminDb.indicatorActual.count({ where: { indicatorId: indicator.id, year: YEAR } })).toBe(0);
    expect(await db.adminDb.auditLog.count({ where: { entityId: row.id, action: "indicatorActual.delete" } })).toBe(1);
  });

  it("refuses viewers, other bodies and future years", async () => {
    const indicator = await indicatorByCode("3.1");
    const row = { indicatorId: indicator.id, text: "20", version: null };
    expect(await actions.saveActuals.execute(scopes.viewer, { planId, year: YEAR, rows: [row] })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/Vai trò/),
    });
    expect(await actions.saveActuals.execute(scopes.provinceEditor, { planId, year: YEAR, rows: [row] })).toMatchObject(
      { status: "error", message: expect.stringMatching(/không có quyền/) },
    );
    const future = await actions.saveActuals.execute(scopes.editor, { planId, year: YEAR + 1, rows: [row] });
    expect(future).toMatchObject({ status: "error", fieldErrors: { year: expect.stringMatching(/năm chưa tới/) } });
  });

  it("records task progress overall and per lead agency, refusing stale versions", async () => {
    const task = await db.adminDb.task.findFirstOrThrow({
      where: { planId, children: { none: {} } },
      orderBy: { position: "asc" },
    });
    const agency = await db.adminDb.taskAssignment.findFirstOrThrow({
      where: { planId },
      select: { organizationId: true },
    });
    const existing = await db.adminDb.taskProgress.findFirst({
      where: { taskId: task.id, year: YEAR, organizationId: null },
    });
    expect(existing).toBeNull();

    const saved = await actions.saveTaskProgress.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [
        {
          taskId: task.id,
          organizationId: null,
          status: "IN_PROGRESS",
          summary: "Đã tổ chức 3 hội nghị quán triệt.",
          version: null,
        },
        {
          taskId: task.id,
          organizationId: agency.organizationId,
          status: "COMPLETED",
          summary: "Hoàn thành tuyên truyền.",
          version: null,
        },
      ],
    });
    expect(saved, JSON.stringify(saved)).toMatchObject({ status: "ok" });
    const rows = await db.adminDb.taskProgress.findMany({
      where: { taskId: task.id, year: YEAR },
      orderBy: { organizationId: { sort: "asc", nulls: "first" } },
    });
    expect(rows.map((r) => [r.organizationId, r.status, r.version])).toEqual([
      [null, "IN_PROGRESS", 1],
      [agency.organizationId, "COMPLETED", 1],
    ]);

    const stale = await actions.saveTaskProgress.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [{ taskId: task.id, organizationId: null, status: "BEHIND", summary: "", version: null }],
    });
    expect(stale).toMatchObject({ status: "error", message: expect.stringMatching(/vừa được người khác cập nhật/) });
    const missingStatus = await actions.saveTaskProgress.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [{ taskId: task.id, organizationId: null, status: null, summary: "Có nội dung", version: 1 }],
    });
    expect(missingStatus).toMatchObject({
      status: "error",
      fieldErrors: { "rows.0.status": expect.stringMatching(/tình trạng/) },
    });
    const stranger = await actions.saveTaskProgress.execute(scopes.editor, {
      planId,
      year: YEAR,
      rows: [{ taskId: task.id, organizationId: wardId, status: "BEHIND", summary: "", version: null }],
    });
    expect(stranger).toMatchObject({
      status: "error",
      fieldErrors: { "rows.0.organizationId": expect.stringMatching(/không được giao/) },
    });
  });

  it("shows the grid with targets beside the actuals, and editing only to the plan's own body", async () => {
    const { withScope } = await import("../../src/server/db/scoped");
    const { getResultsPage } = await import("../../src/features/results/queries");
    const page = await withScope(scopes.editor, (tx) => getResultsPage(tx, scopes.editor, planId, YEAR));
    expect(page.canEdit).toBe(true);
    const row = page.rows.find((r) => r.kind === "indicator" && r.code === "2.2");
    expect(row).toMatchObject({ kind: "indicator", actual: { text: "42", version: 2 } });
    expect(page.rows.find((r) => r.kind === "indicator" && r.chosen)).toBeTruthy();
    expect(page.tasks.some((t) => t.isLeaf && t.rows.length > 0)).toBe(true);
    const asProvince = await withScope(scopes.provinceEditor, (tx) =>
      getResultsPage(tx, scopes.provinceEditor, planId, YEAR),
    );
    expect(asProvince.canEdit).toBe(false);
  });
});
