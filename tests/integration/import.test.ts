import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// Importing a document end to end on the real database (row-level security on, as app_user): the
// Ea Súp plan is extracted from its fixture, one target corrected, and confirmed as a DRAFT of UBND
// huyện Ea Súp linked to its parent 114/KH-UBND; a bad document, an invisible parent and a role
// without plans.edit create nothing.

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/import/ea-sup-ubnd-huyen-ke-hoach-2024.md");

describe("import.confirm", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let editor: Scope;
  let viewer: Scope;
  let document: import("../../src/features/plans/plan-document").PlanDocument;
  let parentId: string;
  let otherProvincePlanId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = await db.adminDb.user.findUniqueOrThrow({
      // UBND huyện Ea Súp ended on 30/6/2025 and writes nothing since: UBND xã Ea Súp, one of its
      // successors, records the district's plan.
      where: { username: "xaeasup.editor" },
      include: { memberships: true },
    });
    editor = (await scopeForUser(user.id))!;
    const viewerUser = await db.adminDb.user.create({
      data: {
        username: "easup.viewer.test",
        displayName: "Xem (kiểm thử)",
        passwordHash: "x",
        memberships: { create: { organizationId: user.memberships[0]!.organizationId, role: "VIEWER" } },
      },
    });
    viewer = (await scopeForUser(viewerUser.id))!;

    const { extractPlan } = await import("../../src/features/import/parse-document");
    const extraction = extractPlan(readFileSync(FIXTURE, "utf8"), { key: "import-integration" });
    document = extraction.document;
    // The user corrects one item: the 2030 unemployment target.
    const unemployment = document.indicators[1]!.children![0]!;
    expect(unemployment.name).toBe("Tỉ lệ thất nghiệp chung");
    unemployment.targets = { ...unemployment.targets, "2030": "2-3" };

    const { withScope } = await import("../../src/server/db/scoped");
    const { suggestParents } = await import("../../src/features/import/queries");
    const implemented = extraction.cited.filter((c) => c.implements);
    const suggestions = await withScope(editor, (tx) =>
      suggestParents(
        tx,
        editor,
        [...implemented, ...extraction.cited.filter((c) => !c.implements)].map((c) => ({
          ...c.parsed,
          issuedOn: c.issuedOn,
        })),
      ),
    );
    expect(suggestions[0]).toMatchObject({ number: "114/KH-UBND", citedAs: "114/KH-UBND", issuedOn: "2024-06-14" });
    expect(suggestions.map((s) => s.number)).toEqual(
      expect.arrayContaining(["114/KH-UBND", "68/NQ-CP", "54-CTr/TU", "42-NQ/TW"]),
    );
    parentId = suggestions[0]!.id;

    const daLat = await db.adminDb.plan.findFirstOrThrow({
      where: { numberSerial: "222", typeCode: "KH", issuerCode: "ThU" },
    });
    otherProvincePlanId = daLat.id;
  });
  afterAll(async () => db.drop());

  async function execute(scope: Scope, input: Record<string, string>) {
    const { confirmImport } = await import("../../src/features/import/import-actions");
    return confirmImport.execute(scope, input);
  }

  async function counts() {
    return {
      plans: await db.adminDb.plan.count(),
      tasks: await db.adminDb.task.count(),
      audits: await db.adminDb.auditLog.count(),
    };
  }

  it("does not suggest a parent the user may not see", async () => {
    const { withScope } = await import("../../src/server/db/scoped");
    const { suggestParents } = await import("../../src/features/import/queries");
    const found = await withScope(editor, (tx) =>
      suggestParents(tx, editor, [{ notation: "PARTY", serial: "222", typeCode: "KH", issuerCode: "ThU" }]),
    );
    expect(found).toEqual([]);
  });

  it("builds the OCR repair vocabulary from the plans the user may read only, Central documents first", async () => {
    const { withScope } = await import("../../src/server/db/scoped");
    const { repairVocabulary } = await import("../../src/features/import/queries");
    const texts = await withScope(editor, (tx) => repairVocabulary(tx, editor));
    expect(texts.length).toBeGreaterThan(0);
    const central = await db.adminDb.plan.findMany({ where: { provinceCode: null }, select: { title: true } });
    expect(central.length).toBeGreaterThan(0);
    expect(central.some((p) => texts[0]!.startsWith(p.title))).toBe(true);
    const daLat = await db.adminDb.plan.findUniqueOrThrow({
      where: { id: otherProvincePlanId },
      select: { title: true },
    });
    expect(texts.some((t) => t.includes(daLat.title))).toBe(false);
    // The vocabulary repairs OCR text: "ty 1€" and "Pang" read as words, not as a target.
    const { extractText } = await import("../../src/features/import/extract-text");
    const { mangleOcr } = await import("../../src/features/import/ocr-mangle");
    const read = extractText(mangleOcr(readFileSync(FIXTURE, "utf8"), 5), { vocabulary: texts });
    expect(read.ocr!.repairs.some((r) => r.kind === "letters" && r.replacement === "lệ")).toBe(true);
  });

  it("creates a DRAFT of the user's organisation, linked to 114/KH-UBND, with every task, assignment, indicator and target", async () => {
    const before = await counts();
    const result = await execute(editor, { document: JSON.stringify(document), parentId });
    expect(result.status, JSON.stringify(result)).toBe("ok");
    if (result.status !== "ok") return;
    const { planId } = result.data;

    const plan = await db.adminDb.plan.findUniqueOrThrow({
      where: { id: planId },
      include: {
        parent: true,
        _count: { select: { tasks: true, assignments: true, indicators: true, targets: true } },
      },
    });
    expect(plan).toMatchObject({
      status: "DRAFT",
      issuerId: editor.organizationId,
      parentId,
      notation: "STATE",
      numberSerial: null,
      typeCode: "KH",
      issuerCode: "UBND",
      place: "Ea Súp",
      issuedOn: null,
      signerName: "Nguyễn Thanh Tuấn",
    });
    expect(plan.parent!.numberSerial).toBe("114");
    expect(plan.title).toMatch(/^Triển khai Nghị quyết số 68\/NQ-CP/);
    expect(plan.childReportDueDay).toBe(15);
    expect(plan._count).toEqual({ tasks: 32, assignments: 86, indicators: 115, targets: 182 });

    const unemployment = await db.adminDb.indicator.findFirstOrThrow({
      where: { planId, name: "Tỉ lệ thất nghiệp chung" },
      include: { targets: { orderBy: { year: "asc" } } },
    });
    expect(unemployment.targets.map((t) => [t.year, t.text, t.kind])).toEqual([
      [2025, "<4", "BELOW"],
      [2030, "2-3", "RANGE"],
    ]);
    expect(unemployment.markedAsFromParent).toBe(true);

    const task = await db.adminDb.task.findFirstOrThrow({
      where: { planId, numbering: "2.1." },
      include: { assignments: { include: { organization: true }, orderBy: { position: "asc" } } },
    });
    expect(task.timeframeText).toBe("Năm 2024 và các năm tiếp theo");
    expect(task.timeframeKind).toBe("FROM_YEAR");
    const byRole = (role: string) => task.assignments.filter((a) => a.role === role).map((a) => a.organization.name);
    expect(byRole("LEAD")).toEqual(["Phòng Lao động - Thương binh và Xã hội", "Phòng Nội vụ"]);
    expect(byRole("COORDINATING")).toEqual(["Các cơ quan, đơn vị, ngành của huyện", "UBND các xã, thị trấn"]);

    const audit = await db.adminDb.auditLog.findFirstOrThrow({ where: { action: "plan.import", entityId: planId } });
    expect(audit).toMatchObject({ entityType: "Plan", userId: editor.userId, organizationId: editor.organizationId });
    // 114/KH-UBND is on record by number and title only: no indicators to link to.
    expect(audit.after).toEqual({
      title: document.title,
      number: "/KH-UBND",
      tasks: 32,
      indicators: 104,
      linkedToParent: 0,
      tasksLinkedToParent: 0,
      declinedFromParent: 0,
    });

    const after = await counts();
    expect(after.plans).toBe(before.plans + 1);
    // One entry for the plan, one for each agency the commune's directory did not have yet.
    const agenciesAdded = await db.adminDb.auditLog.count({
      where: { action: "organization.create", userId: editor.userId },
    });
    expect(after.audits).toBe(before.audits + 1 + agenciesAdded);
  });

  it("creates nothing from a document with an unreadable target, and says where", async () => {
    const bad = structuredClone(document);
    bad.indicators[1]!.children![0]!.targets = { "2030": "2.5" };
    const before = await counts();
    const result = await execute(editor, { document: JSON.stringify(bad), parentId });
    expect(result.status).toBe("error");
    if (result.status === "error")
      expect(result.fieldErrors["document.indicators.1.children.0.targets.2030"]).toMatch(/dấu phẩy/);
    expect(await counts()).toEqual(before);
  });

  it("creates nothing from what is not a document", async () => {
    const before = await counts();
    for (const input of [
      { document: "không phải JSON", parentId: "" },
      { document: JSON.stringify({ title: "x" }), parentId: "" },
    ]) {
      expect((await execute(editor, input)).status).toBe("error");
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a parent the user may not see (another province, or none at all) as not found", async () => {
    const before = await counts();
    for (const id of [otherProvincePlanId, "00000000-0000-4000-8000-000000000000"]) {
      const result = await execute(editor, { document: JSON.stringify(document), parentId: id });
      expect(result.status).toBe("error");
      if (result.status === "error") {
        expect(result.message).toMatch(/Không tìm thấy/);
        expect(result.fieldErrors.parentId).toMatch(/Không tìm thấy/);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("takes words as the target of a measured indicator only when the reviewer marked it qualitative", async () => {
    const worded = structuredClone(document);
    const indicator = worded.indicators[1]!.children![0]!;
    indicator.targets = { ...indicator.targets, "2030": "abc" };
    const before = await counts();
    const result = await execute(editor, { document: JSON.stringify(worded), parentId });
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: {
        "document.indicators.1.children.0.targets.2030": expect.stringMatching(/^“abc” không phải là số/),
      },
    });
    expect(await counts()).toEqual(before);
    indicator.direction = "QUALITATIVE";
    expect((await execute(editor, { document: JSON.stringify(worded), parentId })).status).toBe("ok");
  });

  it("refuses a role without plans.edit", async () => {
    const before = await counts();
    const result = await execute(viewer, { document: JSON.stringify(document), parentId });
    expect(result).toMatchObject({ status: "error", message: "Vai trò của bạn không được thực hiện thao tác này." });
    expect(await counts()).toEqual(before);
  });
  it("links the indicators of a plan imported under Sơn La's to the province's ones they localise, so the province's rollup places them", async () => {
    const { seedId } = await import("../../prisma/seed/ids");
    const { planId: seedPlanId } = await import("../../prisma/seed/plans");
    const { scopeForUser } = await import("../../src/server/auth/session");
    const sonLa = seedPlanId("kh-tu-son-la-2024");
    // A ward of the former Thị xã Mộc Châu (the Thị ủy itself ended on 30/6/2025 and writes nothing since).
    const mocChauEditor = (await scopeForUser(seedId("user", "thaonguyen.editor")))!;
    const parentTask = await db.adminDb.task.findFirstOrThrow({
      where: { planId: sonLa, body: { startsWith: "Tăng cường tuyên truyền, giáo dục nâng cao nhận thức" } },
    });
    const imported = {
      ...document,
      tasks: [
        // The province's task, adapted to the town.
        {
          numbering: "1.",
          body: parentTask.body.replace(
            "cho cán bộ, đảng viên và Nhân dân",
            "cho cán bộ, đảng viên và Nhân dân thị xã",
          ),
          lead: ["Ban Tuyên giáo Thị ủy"],
        },
        {
          numbering: "2.",
          body: "Sửa chữa, nâng cấp nhà văn hóa các bản đặc biệt khó khăn",
          lead: ["Phòng Văn hóa và Thông tin"],
        },
      ],
      indicators: [
        {
          code: "VI",
          name: "Dan so, y te",
          isGroup: true,
          children: [
            // OCR without diacritics, another number: the same indicator by name.
            {
              code: "1",
              name: "Tuoi tho trung binh cua nguoi dan",
              unit: "tuổi",
              targets: { "2025": "75", "2030": "76" },
            },
            // "Tỉ lệ" for "Tỷ lệ", words added: the same number and most of the words.
            { code: "6.9", name: "Tỉ lệ bao phủ bảo hiểm y tế toàn dân", unit: "%", targets: { "2030": "≥95" } },
            // The district's own.
            { code: "6.99", name: "Số nhà văn hóa bản được cải tạo", unit: "nhà", targets: { "2030": "20" } },
          ],
        },
      ],
    };
    const result = await execute(mocChauEditor, { document: JSON.stringify(imported), parentId: sonLa });
    expect(result.status, JSON.stringify(result)).toBe("ok");
    if (result.status !== "ok") return;
    const rows = await db.adminDb.indicator.findMany({
      where: { planId: result.data.planId },
      orderBy: [{ isGroup: "desc" }, { position: "asc" }],
      include: { derivedFrom: { select: { code: true, planId: true } } },
    });
    expect(rows.map((r) => [r.code, r.inheritance, r.derivedFrom?.code ?? null])).toEqual([
      ["VI", "INHERITED", "6"],
      ["1", "INHERITED", "6.2"],
      ["6.9", "INHERITED", "6.9"],
      ["6.99", "LOCAL", null],
    ]);
    expect(rows.every((r) => r.derivedFrom === null || r.derivedFrom.planId === sonLa)).toBe(true);
    // The parent's targets as they were, so that a later change in Sơn La's plan is shown for review.
    expect(rows[1]!.parentTargetsSeen).toEqual(expect.objectContaining({ "2030": expect.any(String) }));
    const audit = await db.adminDb.auditLog.findFirstOrThrow({
      where: { action: "plan.import", entityId: result.data.planId },
    });
    const parentItemCount =
      (await db.adminDb.task.count({ where: { planId: sonLa, inheritance: { not: "DROPPED" } } })) +
      (await db.adminDb.indicator.count({ where: { planId: sonLa, inheritance: { not: "DROPPED" } } }));
    // Linked: the group, two indicators and one task; the rest of Sơn La's plan is recorded as not taken up.
    expect(audit.after).toMatchObject({
      indicators: 3,
      linkedToParent: 2,
      tasksLinkedToParent: 1,
      declinedFromParent: parentItemCount - 4,
    });
    expect(await db.adminDb.inheritanceDecision.count({ where: { planId: result.data.planId, accepted: false } })).toBe(
      parentItemCount - 4,
    );
    const tasks = await db.adminDb.task.findMany({
      where: { planId: result.data.planId },
      orderBy: { position: "asc" },
    });
    expect(tasks.map((t) => [t.numbering, t.inheritance, t.derivedFromId])).toEqual([
      ["1.", "INHERITED", parentTask.id],
      ["2.", "LOCAL", null],
    ]);

    // In the province's rollup the draft is a row whose cells sit under Sơn La's 6.2 and 6.9.
    const { withScope } = await import("../../src/server/db/scoped");
    const { getRollup, cellStatus } = await import("../../src/features/dashboards/queries");
    const { parseRollupFilters } = await import("../../src/features/dashboards/rollup");
    const approver = (await scopeForUser(seedId("user", "sonla.approver")))!;
    const rollup = await withScope(approver, (tx) => getRollup(tx, approver, parseRollupFilters({ plan: sonLa })));
    const row = rollup.rows.find((r) => r.plan.id === result.data.planId)!;
    expect(row).toBeDefined();
    const column = (code: string) => rollup.columns.find((c) => c.code === code)!.key;
    expect(cellStatus(rollup, row, column("6.2"))).toBe("NO_DATA");
    expect(cellStatus(rollup, row, column("6.9"))).toBe("NO_DATA");
    expect(cellStatus(rollup, row, column("1.1"))).toBeNull();

    // What Sơn La's plan had and the document did not take up is not "new in the parent"; what the
    // province changes from now on is.
    const { parentChanges } = await import("../../src/features/plans/parent-change-actions");
    const changes = () => withScope(mocChauEditor, (tx) => parentChanges(tx, result.data.planId));
    expect(await changes()).toEqual([]);
    const lifeExpectancy = await db.adminDb.indicator.findFirstOrThrow({ where: { planId: sonLa, code: "6.2" } });
    const group = await db.adminDb.indicator.findUniqueOrThrow({ where: { id: lifeExpectancy.parentIndicatorId! } });
    await db.adminDb.indicatorTarget.update({
      where: { indicatorId_year: { indicatorId: lifeExpectancy.id, year: 2030 } },
      data: { text: "77" },
    });
    const added = await db.adminDb.indicator.create({
      data: {
        planId: sonLa,
        parentIndicatorId: group.id,
        position: 99,
        code: "6.99",
        name: "Tỷ lệ trẻ em được tiêm chủng đầy đủ",
      },
    });
    try {
      expect((await changes()).map((c) => [c.kind, c.itemType, c.label])).toEqual(
        expect.arrayContaining([
          ["ADDED", "INDICATOR", "6.99 Tỷ lệ trẻ em được tiêm chủng đầy đủ"],
          ["RETARGETED", "INDICATOR", "1 Tuoi tho trung binh cua nguoi dan"],
        ]),
      );
      expect(await changes()).toHaveLength(2);
    } finally {
      await db.adminDb.indicator.delete({ where: { id: added.id } });
    }
  });
});
