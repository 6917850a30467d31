import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// One save for the changes made in the draft editor (issue 13, point 10): every changed task and
// indicator in one transaction, each version-checked and audited; what cannot be read is refused
// beside its field, all at once, with nothing written; one row changed meanwhile refuses the save.

describe("saving the editor's changes at once", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let editor: Scope;
  let planId: string;
  let actions: typeof import("../../src/features/plans/editor-actions");

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = await db.adminDb.user.findUniqueOrThrow({ where: { username: "thaonguyen.editor" } });
    editor = (await scopeForUser(user.id))!;
    const { createImplementingPlan } = await import("../../src/features/plans/plan-actions");
    const sonLa = await db.adminDb.plan.findFirstOrThrow({
      where: { issuer: { name: "Tỉnh ủy Sơn La" }, hasContent: true },
    });
    const created = await createImplementingPlan.execute(editor, {
      parentId: sonLa.id,
      title: "Kế hoạch thực hiện (kiểm thử lưu một lần)",
    });
    if (created.status !== "ok") throw new Error(JSON.stringify(created));
    planId = created.data.planId;
    actions = await import("../../src/features/plans/editor-actions");
  });
  afterAll(async () => db.drop());

  const rows = async () => ({
    tasks: await db.adminDb.task.findMany({
      where: { planId, parentTaskId: { not: null } },
      orderBy: [{ parentTaskId: "asc" }, { position: "asc" }],
      take: 2,
      include: { assignments: { include: { organization: true } } },
    }),
    indicators: await db.adminDb.indicator.findMany({
      where: { planId, isGroup: false },
      orderBy: [{ parentIndicatorId: "asc" }, { position: "asc" }],
      take: 2,
      include: { targets: true },
    }),
  });
  type Rows = Awaited<ReturnType<typeof rows>>;
  const taskChange = (task: Rows["tasks"][number], patch: Record<string, string> = {}) => ({
    taskId: task.id,
    parentTaskId: task.parentTaskId ?? "",
    version: String(task.version),
    numbering: task.numbering,
    title: task.title ?? "",
    body: task.body,
    timeframe: task.timeframeText ?? "",
    lead: JSON.stringify(task.assignments.filter((a) => a.role === "LEAD").map((a) => a.organization.name)),
    coordinating: "[]",
    directing: "[]",
    ...patch,
  });
  const indicatorChange = (indicator: Rows["indicators"][number], patch: Record<string, string> = {}) => ({
    indicatorId: indicator.id,
    parentIndicatorId: indicator.parentIndicatorId ?? "",
    version: String(indicator.version),
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit ?? "",
    isGroup: "false",
    direction: indicator.direction,
    target2025: indicator.targets.find((t) => t.year === 2025)?.text ?? "",
    target2030: indicator.targets.find((t) => t.year === 2030)?.text ?? "",
    ...patch,
  });
  const save = (tasks: object[], indicators: object[]) =>
    actions.saveChanges.execute(editor, { planId, changes: JSON.stringify({ tasks, indicators }) });

  it("saves every changed task and indicator in one go, each audited and versioned", async () => {
    const before = await rows();
    const [t1, t2] = before.tasks;
    const [i1, i2] = before.indicators;
    const result = await save(
      [
        taskChange(t1!, { timeframe: "Quý II/2026", lead: JSON.stringify(["Ban Tuyên giáo Thị ủy Mộc Châu"]) }),
        taskChange(t2!, { title: "Tiêu đề mới" }),
      ],
      [indicatorChange(i1!, { target2030: "trên 30%" }), indicatorChange(i2!, { direction: "LOWER_BETTER" })],
    );
    expect(result, JSON.stringify(result)).toMatchObject({ status: "ok" });
    const after = await rows();
    expect(
      after.tasks.map((t) => [t.id, t.version]),
      JSON.stringify([before.tasks.map((t) => [t.id, t.version]), result]),
    ).toEqual(before.tasks.map((t) => [t.id, t.version + 1]));
    expect(after.indicators.map((i) => i.version)).toEqual(before.indicators.map((i) => i.version + 1));
    expect(after.tasks[0]!.timeframeText).toBe("Quý II/2026");
    expect(after.tasks[0]!.assignments.map((a) => a.organization.name)).toEqual(["Ban Tuyên giáo Thị ủy Mộc Châu"]);
    expect(after.tasks[1]!.title).toBe("Tiêu đề mới");
    expect(after.indicators[0]!.targets.find((t) => t.year === 2030)?.text).toBe("trên 30%");
    expect(after.indicators[1]!.direction).toBe("LOWER_BETTER");
    const audited = await db.adminDb.auditLog.findMany({
      where: {
        entityId: { in: [t1!.id, t2!.id, i1!.id, i2!.id] },
        action: { in: ["task.update", "indicator.update"] },
      },
    });
    expect(audited).toHaveLength(4);
    expect(result.status === "ok" && result.data).toMatchObject({
      tasks: [
        { id: t1!.id, version: t1!.version + 1 },
        { id: t2!.id, version: t2!.version + 1 },
      ],
    });
  });

  it("refuses what it cannot read beside each field, all at once, and writes nothing", async () => {
    const before = await rows();
    const result = await save(
      [taskChange(before.tasks[0]!, { timeframe: "hôm nào đó" }), taskChange(before.tasks[1]!, { title: "Đổi" })],
      [
        indicatorChange(before.indicators[0]!, { target2025: "khoảng 1.2.3" }),
        indicatorChange(before.indicators[1]!, { target2030: "trên 1.2.3%" }),
      ],
    );
    expect(result.status).toBe("error");
    expect(result.status === "error" && Object.keys(result.fieldErrors).sort()).toEqual([
      "changes.indicators.0.target2025",
      "changes.indicators.1.target2030",
      "changes.tasks.0.timeframe",
    ]);
    const after = await rows();
    expect(after.tasks.map((t) => t.version)).toEqual(before.tasks.map((t) => t.version));
    expect(after.tasks[1]!.title).toBe("Tiêu đề mới");
  });

  it("refuses the whole save when one row was changed meanwhile, naming that row", async () => {
    const before = await rows();
    // Someone else saves the second indicator first.
    await db.adminDb.indicator.update({ where: { id: before.indicators[1]!.id }, data: { version: { increment: 1 } } });
    const result = await save(
      [taskChange(before.tasks[0]!, { title: "Không được lưu" })],
      [indicatorChange(before.indicators[0]!, { name: "Không được lưu" }), indicatorChange(before.indicators[1]!)],
    );
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: { "changes.indicators.1.version": expect.stringMatching(/vừa được người khác lưu/) },
    });
    const after = await rows();
    expect(after.indicators[0]!.name).toBe(before.indicators[0]!.name);
    expect(after.tasks[0]!.title).toBe(before.tasks[0]!.title);
  });

  it("is refused for an issued plan and for a viewer", async () => {
    const viewer = await db.adminDb.user.findUniqueOrThrow({ where: { username: "phuongmocchau.viewer" } });
    const { scopeForUser } = await import("../../src/server/auth/session");
    const viewerScope = (await scopeForUser(viewer.id))!;
    const refused = await actions.saveChanges.execute(viewerScope, {
      planId,
      changes: JSON.stringify({ tasks: [], indicators: [] }),
    });
    expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/Vai trò của bạn/) });
  });
});
