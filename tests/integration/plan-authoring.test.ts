import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "../../prisma/seed/ids";
import { normalizeName } from "../../src/domain/vietnamese-text";
import { createTestDatabase } from "./database";

// Authoring end to end on the real database: a ward starts its plan from the province's, edits it,
// meets a concurrent edit, reviews the province's later changes, and issues it. A body that has ended
// (the district the ward succeeded) does none of this, and its records are dated within its life.

describe("plan authoring", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let editor: import("../../src/server/db/scope").Scope;
  let approver: import("../../src/server/db/scope").Scope;
  let sonLaPlanId: string;
  let draftId: string;
  const actions = () => import("../../src/features/plans/plan-actions");
  const indicators = () => import("../../src/features/plans/indicator-actions");
  const tasks = () => import("../../src/features/plans/task-actions");

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    editor = (await scopeForUser(seedId("user", "thaonguyen.editor")))!;
    approver = (await scopeForUser(seedId("user", "thaonguyen.approver")))!;
    sonLaPlanId = seedId("plan", "kh-tu-son-la-2024");
  });
  afterAll(async () => db.drop());

  it("a new implementing plan inherits the parent's tasks and indicators, each linked to its source", async () => {
    const { createImplementingPlan } = await actions();
    const result = await createImplementingPlan.execute(editor, {
      parentId: sonLaPlanId,
      title: "Kế hoạch thực hiện trên địa bàn phường Thảo Nguyên",
    });
    expect(result.status).toBe("ok");
    draftId = (result as { data: { planId: string } }).data.planId;
    const [draft, parent] = await Promise.all([
      db.adminDb.plan.findUniqueOrThrow({
        where: { id: draftId },
        include: { tasks: true, indicators: { include: { targets: true } } },
      }),
      db.adminDb.plan.findUniqueOrThrow({ where: { id: sonLaPlanId }, include: { tasks: true, indicators: true } }),
    ]);
    expect(draft).toMatchObject({ status: "DRAFT", parentId: sonLaPlanId, issuerCode: "ĐU", numberSerial: null });
    expect(draft.tasks).toHaveLength(parent.tasks.length);
    expect(draft.indicators).toHaveLength(parent.indicators.length);
    expect(draft.tasks.every((t) => t.inheritance === "INHERITED" && t.derivedFromId)).toBe(true);
    const bhxh = draft.indicators.find((i) => i.code === "3.1")!;
    expect(bhxh.targets.map((t) => t.text)).toEqual(["25%"]);
    expect(bhxh.parentTargetsSeen).toEqual({ "2030": "25%" });
    expect(await db.adminDb.auditLog.count({ where: { action: "plan.createImplementing", entityId: draftId } })).toBe(
      1,
    );
  });

  it("reads targets in the officials' notation and refuses what it cannot read, beside the field", async () => {
    const { saveIndicator } = await indicators();
    const indicator = await db.adminDb.indicator.findFirstOrThrow({ where: { planId: draftId, code: "3.1" } });
    const input = {
      planId: draftId,
      indicatorId: indicator.id,
      parentIndicatorId: indicator.parentIndicatorId ?? "",
      version: String(indicator.version),
      code: "3.1",
      name: indicator.name,
      unit: "%",
      isGroup: "false",
      direction: "HIGHER_BETTER",
      target2025: "",
      target2030: "khoảng 1.2.3",
    };
    const refused = await saveIndicator.execute(editor, input);
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { target2030: expect.stringMatching(/Không đọc được/) },
      values: { target2030: "khoảng 1.2.3" },
    });
    const saved = await saveIndicator.execute(editor, { ...input, target2030: "dưới 20%", target2025: "18-19" });
    expect(saved.status).toBe("ok");
    const targets = await db.adminDb.indicatorTarget.findMany({
      where: { indicatorId: indicator.id },
      orderBy: { year: "asc" },
    });
    expect(targets.map((t) => [t.year, t.kind, Number(t.lower), Number(t.upper)])).toEqual([
      [2025, "RANGE", 18, 19],
      [2030, "BELOW", 0, 20],
    ]);
  });

  it("takes words as a target only for an unmeasured or explicitly qualitative indicator, and explains a negative", async () => {
    const { saveIndicator } = await indicators();
    const indicator = await db.adminDb.indicator.findFirstOrThrow({ where: { planId: draftId, code: "3.2" } });
    const input = {
      planId: draftId,
      indicatorId: indicator.id,
      parentIndicatorId: indicator.parentIndicatorId ?? "",
      version: String(indicator.version),
      code: "3.2",
      name: indicator.name,
      unit: "%",
      isGroup: "false",
      direction: "HIGHER_BETTER",
      target2025: "",
      target2030: "abc",
    };
    expect(await saveIndicator.execute(editor, input)).toMatchObject({
      status: "error",
      fieldErrors: {
        target2030: expect.stringMatching(/^“abc” không phải là số: chỉ tiêu tính bằng “%” cần mục tiêu bằng số/),
      },
      values: { target2030: "abc", direction: "HIGHER_BETTER" },
    });
    expect(await saveIndicator.execute(editor, { ...input, target2030: "-5" })).toMatchObject({
      status: "error",
      fieldErrors: {
        target2030: expect.stringMatching(
          /^Mục tiêu không nhận số âm \(“-5”\): chỉ tiêu giảm thì đặt tên “Mức giảm …”/,
        ),
      },
    });
    // The user says it is qualitative: then it is.
    const qualitative = await saveIndicator.execute(editor, {
      ...input,
      direction: "QUALITATIVE",
      target2030: "Cơ bản đạt",
    });
    expect(qualitative.status).toBe("ok");
    const target = await db.adminDb.indicatorTarget.findFirstOrThrow({
      where: { indicatorId: indicator.id, year: 2030 },
    });
    expect(target).toMatchObject({ kind: "QUALITATIVE", qualitative: "Cơ bản đạt" });
    // A contradiction between direction and target is saved (the editor warns), and assessed by the target.
    const back = await db.adminDb.indicator.findUniqueOrThrow({ where: { id: indicator.id } });
    expect(
      await saveIndicator.execute(editor, {
        ...input,
        version: String(back.version),
        direction: "LOWER_BETTER",
        target2030: "3,5% trở lên",
      }),
    ).toMatchObject({ status: "ok" });
  });

  it("a second save from a stale form is refused, not silently applied", async () => {
    const { saveTask } = await tasks();
    const task = await db.adminDb.task.findFirstOrThrow({
      where: { planId: draftId, parentTaskId: null },
      orderBy: { position: "asc" },
    });
    const form = {
      planId: draftId,
      taskId: task.id,
      parentTaskId: "",
      version: String(task.version),
      numbering: task.numbering,
      title: task.title ?? "",
      body: task.body,
      timeframe: "Thường xuyên",
      lead: JSON.stringify(["Ban Xây dựng Đảng Đảng ủy phường Thảo Nguyên"]),
      coordinating: JSON.stringify(["phòng văn hóa - xã hội phường"]),
      directing: "[]",
    };
    expect((await saveTask.execute(editor, form)).status).toBe("ok");
    const second = await saveTask.execute(approver, { ...form, body: "Nội dung khác" });
    expect(second).toMatchObject({
      status: "error",
      message: expect.stringMatching(/vừa được người khác lưu/),
      values: { body: "Nội dung khác" },
    });
    const assignments = await db.adminDb.taskAssignment.findMany({
      where: { taskId: task.id },
      include: { organization: true },
    });
    expect(assignments.map((a) => [a.role, a.organization.name]).sort()).toEqual([
      ["COORDINATING", "phòng văn hóa - xã hội phường"],
      ["LEAD", "Ban Xây dựng Đảng Đảng ủy phường Thảo Nguyên"],
    ]);
    // Case and spacing variants are the same agency.
    const again = await saveTask.execute(editor, {
      ...form,
      version: String(task.version + 1),
      coordinating: JSON.stringify(["Phòng  Văn hóa - Xã hội phường"]),
    });
    expect(again.status).toBe("ok");
    expect(
      await db.adminDb.organization.count({
        where: { normalizedName: normalizeName("Phòng Văn hóa - Xã hội phường") },
      }),
    ).toBe(1);
  });

  it("an inherited task is dropped only with a reason, and keeps its link", async () => {
    const { dropTask } = await tasks();
    const task = await db.adminDb.task.findFirstOrThrow({
      where: { planId: draftId, inheritance: "INHERITED", parentTaskId: { not: null } },
    });
    const refused = await dropTask.execute(editor, {
      planId: draftId,
      taskId: task.id,
      version: String(task.version),
      reason: "",
    });
    expect(refused).toMatchObject({ status: "error", fieldErrors: { reason: expect.stringMatching(/lý do/) } });
    expect(
      (
        await dropTask.execute(editor, {
          planId: draftId,
          taskId: task.id,
          version: String(task.version),
          reason: "Địa phương không có đối tượng này",
        })
      ).status,
    ).toBe("ok");
    expect(await db.adminDb.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      inheritance: "DROPPED",
      dropReason: "Địa phương không có đối tượng này",
      derivedFromId: task.derivedFromId,
    });
  });

  it("changes in the parent show up in the child and change nothing until accepted or dismissed", async () => {
    const { parentChanges, decideParentChange } = await import("../../src/features/plans/parent-change-actions");
    const { withScope } = await import("../../src/server/db/scoped");
    const parentIndicator = await db.adminDb.indicator.findFirstOrThrow({
      where: { planId: sonLaPlanId, code: "3.3" },
      include: { targets: true },
    });
    await db.adminDb.indicatorTarget.update({
      where: { id: parentIndicator.targets[0]!.id },
      data: { text: "30%", lower: 30, upper: 30 },
    });
    const newParentTask = await db.adminDb.task.create({
      data: {
        planId: sonLaPlanId,
        position: 99,
        numbering: "10.",
        title: "Nhiệm vụ bổ sung của tỉnh",
        body: "Nội dung bổ sung",
      },
    });

    const changes = await withScope(editor, (tx) => parentChanges(tx, draftId));
    expect(changes.map((c) => [c.kind, c.itemType])).toEqual(
      expect.arrayContaining([
        ["RETARGETED", "INDICATOR"],
        ["ADDED", "TASK"],
      ]),
    );
    const child = await db.adminDb.indicator.findFirstOrThrow({
      where: { planId: draftId, derivedFromId: parentIndicator.id },
      include: { targets: true },
    });
    expect(child.targets.map((t) => t.text)).toEqual(["24,01%"]);

    expect(
      (
        await decideParentChange.execute(editor, {
          planId: draftId,
          itemType: "INDICATOR",
          itemId: parentIndicator.id,
          kind: "RETARGETED",
          decision: "accept",
        })
      ).status,
    ).toBe("ok");
    expect((await db.adminDb.indicatorTarget.findFirstOrThrow({ where: { indicatorId: child.id } })).text).toBe("30%");
    expect(
      (
        await decideParentChange.execute(editor, {
          planId: draftId,
          itemType: "TASK",
          itemId: newParentTask.id,
          kind: "ADDED",
          decision: "dismiss",
        })
      ).status,
    ).toBe("ok");
    expect(await db.adminDb.task.count({ where: { planId: draftId, derivedFromId: newParentTask.id } })).toBe(0);
    const after = await withScope(editor, (tx) => parentChanges(tx, draftId));
    expect(after.find((c) => c.itemId === newParentTask.id || c.itemId === parentIndicator.id)).toBeUndefined();
  });

  it("only an approver issues; an issued plan is amended, never edited in place, and its issued text is kept", async () => {
    const { issuePlan, amendPlan, updatePlanHeader } = await actions();
    const plan = await db.adminDb.plan.findUniqueOrThrow({ where: { id: draftId } });
    const issue = {
      planId: draftId,
      version: String(plan.version),
      numberSerial: "99",
      issuedOn: "01/10/2026",
      signerName: "Nguyễn Văn Minh",
      signerTitle: "PHÓ BÍ THƯ",
      signingForm: "T/M BAN THƯỜNG VỤ",
    };
    expect((await issuePlan.execute(editor, issue)).status).toBe("error");
    const future = await issuePlan.execute(approver, { ...issue, issuedOn: "01/01/2099" });
    expect(future).toMatchObject({ status: "error", fieldErrors: { issuedOn: expect.stringMatching(/tương lai/) } });
    expect((await issuePlan.execute(approver, issue)).status).toBe("ok");
    const issued = await db.adminDb.plan.findUniqueOrThrow({ where: { id: draftId }, include: { versions: true } });
    expect(issued).toMatchObject({ status: "ISSUED", numberSerial: "99" });
    expect(issued.versions).toHaveLength(1);

    const edit = await updatePlanHeader.execute(editor, {
      planId: draftId,
      version: String(issued.version),
      title: "Đổi tên sau khi ban hành",
      purpose: "",
      requirements: "",
      generalObjective: "",
      vision: "",
      funding: "",
      implementation: "",
    });
    expect(edit).toMatchObject({ status: "error", message: expect.stringMatching(/Sửa đổi, bổ sung/) });
    expect(
      (
        await amendPlan.execute(editor, {
          planId: draftId,
          version: String(issued.version),
          reason: "Bổ sung chỉ tiêu theo chỉ đạo mới",
        })
      ).status,
    ).toBe("ok");
    expect((await db.adminDb.plan.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("DRAFT");
    expect((issued.versions[0]!.snapshot as { numberSerial: string }).numberSerial).toBe("99");
    // The frozen text holds what the plan says, not who may read its rows.
    const frozen = JSON.stringify(issued.versions[0]!.snapshot);
    expect(frozen).toContain('"indicators":[{');
    expect(frozen).not.toContain("visibleTo");
  });

  it("the history counts issued texts from 1, reads them in the plan's order, and says who changed what", async () => {
    const { withScope } = await import("../../src/server/db/scoped");
    const { getPlanHistory } = await import("../../src/features/plans/history");
    const { inPlanOrder } = await import("../../src/features/plans/history-model");
    const history = await withScope(editor, (tx) => getPlanHistory(tx, editor, draftId));
    expect(history.versions).toHaveLength(1);
    expect(history.versions[0]!.version).toBeGreaterThan(1);
    expect(history.versions[0]!.ordinal).toBe(1);
    const codes = inPlanOrder(history.versions[0]!.snapshot as never)
      .indicators.filter(({ item }) => !item.isGroup)
      .map(({ item }) => item.code);
    const parent = await db.adminDb.indicator.findMany({
      where: { planId: sonLaPlanId, isGroup: false },
      include: { parentIndicator: true },
    });
    const inParentOrder = [...parent]
      .sort(
        (a, b) => (a.parentIndicator?.position ?? -1) - (b.parentIndicator?.position ?? -1) || a.position - b.position,
      )
      .map((i) => i.code);
    expect(codes).toEqual(inParentOrder);
    expect(codes.slice(0, 2)).toEqual(["1.1", "2.1"]);
    const issued = history.changes.find((c) => c.action === "Ban hành kế hoạch")!;
    expect(issued.who).toContain("thaonguyen.approver");
    expect(issued.onBehalfOf).toBe("Đảng ủy phường Thảo Nguyên");
    expect(issued.after).toEqual(expect.arrayContaining([["Số văn bản", "99"]]));
    const indicatorChange = history.changes.find((c) => c.action === "Sửa chỉ tiêu")!;
    expect(indicatorChange.item).toMatch(/^Chỉ tiêu 3\.\d /);
    expect(indicatorChange.who).toContain("thaonguyen.editor");
    expect(JSON.stringify(history.changes)).not.toMatch(
      /HIGHER_BETTER|LOWER_BETTER|INHERITED|[0-9a-f]{8}-[0-9a-f]{4}-/,
    );
  });

  it("a body that has ended starts, edits and issues nothing, and says why", async () => {
    const { scopeForUser } = await import("../../src/server/auth/session");
    const { createImplementingPlan, issuePlan } = await actions();
    const ended = (await scopeForUser(seedId("user", "mocchau.editor")))!;
    const endedApprover = (await scopeForUser(seedId("user", "mocchau.approver")))!;
    expect(ended.organizationEndedOn).toBe("2025-06-30");
    const plans = await db.adminDb.plan.count();
    const refused = await createImplementingPlan.execute(ended, {
      parentId: sonLaPlanId,
      title: "Kế hoạch sau sắp xếp",
    });
    expect(refused).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^Thị ủy Mộc Châu đã kết thúc hoạt động từ ngày 01\/07\/2025/),
      values: { title: "Kế hoạch sau sắp xếp" },
    });
    expect(await db.adminDb.plan.count()).toBe(plans);

    // A draft the district left behind: its own approver cannot issue it any more …
    const mocChau = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Thị ủy Mộc Châu" } });
    const leftover = await db.adminDb.plan.create({
      data: {
        kind: "PLAN",
        track: "PARTY",
        notation: "PARTY",
        typeCode: "KH",
        issuerCode: "TXU",
        issuerId: mocChau.id,
        provinceCode: "14",
        title: "Dự thảo còn lại của Thị ủy Mộc Châu (kiểm thử)",
        parentId: sonLaPlanId,
      },
    });
    const issue = {
      planId: leftover.id,
      version: String(leftover.version),
      numberSerial: "77",
      issuedOn: "05/12/2026",
      signerName: "Nguyễn Văn Minh",
      signerTitle: "PHÓ BÍ THƯ",
      signingForm: "",
    };
    expect(await issuePlan.execute(endedApprover, issue)).toMatchObject({ status: "error" });
    // … and its successor, who holds the record, dates it within the district's life.
    const successor = (await scopeForUser(seedId("user", "phuongmocchau.approver")))!;
    expect(await issuePlan.execute(successor, issue)).toMatchObject({
      status: "error",
      fieldErrors: {
        issuedOn: expect.stringMatching(/^Thị ủy Mộc Châu đã kết thúc hoạt động.*30\/06\/2025 trở về trước/),
      },
    });
    expect(await issuePlan.execute(successor, { ...issue, issuedOn: "20/06/2025" })).toMatchObject({ status: "ok" });
  });
});
