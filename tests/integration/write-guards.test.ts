import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "../../prisma/seed/ids";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// Guards on writes that the authorisation matrix cannot see, because they depend on the data beyond
// the body acted on: a user who also belongs to a body above, a plan whose amendment must not stay
// public, rows that would go with the one deleted, a stale publish, a group of another plan.

const WARD_PLAN = seedId("plan", "kh-phuong-moc-chau-2025");
const SON_LA_PLAN = seedId("plan", "kh-tu-son-la-2024");

describe("write guards", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const scopes = {} as Record<"wardAdmin" | "provinceAdmin" | "wardEditor" | "wardApprover", Scope>;
  const users = () => import("../../src/features/accounts/user-actions");
  const plans = () => import("../../src/features/plans/plan-actions");
  const indicators = () => import("../../src/features/plans/indicator-actions");
  const versionOf = async (planId: string) =>
    (await db.adminDb.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } })).version;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    const scope = async (username: string) => (await scopeForUser(seedId("user", username)))!;
    scopes.wardAdmin = await scope("phuongmocchau.admin");
    scopes.provinceAdmin = await scope("sonla.admin");
    scopes.wardEditor = await scope("phuongmocchau.editor");
    scopes.wardApprover = await scope("phuongmocchau.approver");
  });
  afterAll(async () => db.drop());

  it("a body's admin cannot take over the account of someone who also belongs to a body above, nor a system administrator's", async () => {
    const { resetPassword, setUserActive } = await users();
    const wardOrganization = scopes.wardAdmin.organizationId!;
    const official = seedId("user", "sonla.approver");
    await db.adminDb.membership.create({
      data: { userId: official, organizationId: wardOrganization, role: "VIEWER" },
    });
    const hashBefore = (await db.adminDb.user.findUniqueOrThrow({ where: { id: official } })).passwordHash;

    const reset = await resetPassword.execute(scopes.wardAdmin, { userId: official, password: "MatKhauMoi2026" });
    expect(reset).toMatchObject({ status: "error", message: expect.stringContaining("không quản lý") });
    expect((await setUserActive.execute(scopes.wardAdmin, { userId: official, active: "false" })).status).toBe("error");
    expect((await db.adminDb.user.findUniqueOrThrow({ where: { id: official } })).passwordHash).toBe(hashBefore);

    // The province's admin manages both bodies, so may.
    expect(
      (await resetPassword.execute(scopes.provinceAdmin, { userId: official, password: "MatKhauMoi2026" })).status,
    ).toBe("ok");

    const systemAdmin = seedId("user", "admin");
    await db.adminDb.membership.create({
      data: { userId: systemAdmin, organizationId: wardOrganization, role: "VIEWER" },
    });
    expect(
      await resetPassword.execute(scopes.wardAdmin, { userId: systemAdmin, password: "MatKhauMoi2026" }),
    ).toMatchObject({ status: "error", message: expect.stringContaining("quản trị hệ thống") });

    // A user of the ward alone is still the ward admin's to manage.
    expect(
      (
        await resetPassword.execute(scopes.wardAdmin, {
          userId: seedId("user", "phuongmocchau.viewer"),
          password: "MatKhauMoi2026",
        })
      ).status,
    ).toBe("ok");
  });

  it("the accounts of a body that ended are managed from above it, not by its successors nor its own admins", async () => {
    const { resetPassword, setUserActive, createUser } = await users();
    const { ENDED_BODY_MESSAGE } = await import("../../src/features/accounts/account-rules");
    const { scopeForUser } = await import("../../src/server/auth/session");
    const mocChauApprover = seedId("user", "mocchau.approver");
    const mocChau = (await db.adminDb.membership.findFirstOrThrow({ where: { userId: mocChauApprover } }))
      .organizationId;
    const hashBefore = (await db.adminDb.user.findUniqueOrThrow({ where: { id: mocChauApprover } })).passwordHash;
    // Each of the successor communes' admins: refused with the reason (here, the ward's).
    expect(
      await resetPassword.execute(scopes.wardAdmin, { userId: mocChauApprover, password: "MatKhauMoi2026" }),
    ).toMatchObject({ status: "error", message: ENDED_BODY_MESSAGE });
    expect(await setUserActive.execute(scopes.wardAdmin, { userId: mocChauApprover, active: "false" })).toMatchObject({
      status: "error",
      message: ENDED_BODY_MESSAGE,
    });
    expect(
      await createUser.execute(scopes.wardAdmin, {
        organizationId: mocChau,
        username: "mocchau.moi",
        displayName: "Cán bộ mới",
        role: "APPROVER",
        password: "MatKhauMoi2026",
      }),
    ).toMatchObject({ status: "error", message: ENDED_BODY_MESSAGE });
    // Nor the ended body's own administrator, who acts for a body that no longer writes (ADR 0022).
    const ownAdmin = (await scopeForUser(seedId("user", "mocchau.admin")))!;
    expect(
      await resetPassword.execute(ownAdmin, { userId: mocChauApprover, password: "MatKhauMoi2026" }),
    ).toMatchObject({ status: "error", message: expect.stringMatching(/^Thị ủy Mộc Châu đã kết thúc hoạt động/) });
    expect((await db.adminDb.user.findUniqueOrThrow({ where: { id: mocChauApprover } })).passwordHash).toBe(hashBefore);
    // The province's admin (the body above) may, and so may a system administrator.
    expect(
      (await resetPassword.execute(scopes.provinceAdmin, { userId: mocChauApprover, password: "MatKhauMoi2026" }))
        .status,
    ).toBe("ok");
    const systemAdmin = (await scopeForUser(seedId("user", "admin")))!;
    expect((await setUserActive.execute(systemAdmin, { userId: mocChauApprover, active: "true" })).status).toBe("ok");
    // The ward's own accounts are still its admin's.
    expect(
      (
        await resetPassword.execute(scopes.wardAdmin, {
          userId: seedId("user", "phuongmocchau.editor"),
          password: "MatKhauMoi2026",
        })
      ).status,
    ).toBe("ok");
  });

  it("publishing needs the version the page showed, and an amendment takes the plan out of publication with its rows", async () => {
    const { publishPlan, amendPlan } = await plans();
    const shown = await versionOf(WARD_PLAN);
    expect(
      (await publishPlan.execute(scopes.wardApprover, { planId: WARD_PLAN, version: String(shown), publish: "true" }))
        .status,
    ).toBe("ok");
    expect(await db.adminDb.indicator.findFirstOrThrow({ where: { planId: WARD_PLAN } })).toMatchObject({
      visibleTo: null,
    });

    // A page still showing the old version cannot publish or withdraw over the change.
    const stale = await publishPlan.execute(scopes.wardApprover, {
      planId: WARD_PLAN,
      version: String(shown),
      publish: "false",
    });
    expect(stale).toMatchObject({ status: "error", message: expect.stringContaining("vừa được người khác lưu") });

    const amended = await amendPlan.execute(scopes.wardEditor, {
      planId: WARD_PLAN,
      version: String(await versionOf(WARD_PLAN)),
      reason: "Bổ sung chỉ tiêu",
    });
    expect(amended.status).toBe("ok");
    const plan = await db.adminDb.plan.findUniqueOrThrow({ where: { id: WARD_PLAN } });
    expect(plan).toMatchObject({ status: "DRAFT", publishedAt: null });
    expect(await db.adminDb.indicator.findFirstOrThrow({ where: { planId: WARD_PLAN } })).toMatchObject({
      visibleTo: "14",
    });
    const audit = await db.adminDb.auditLog.findFirstOrThrow({ where: { action: "plan.amend", entityId: WARD_PLAN } });
    expect(audit.after).toMatchObject({ publishedAt: null });
    // The seeded plan had no kept text: the amendment kept it. Issued again here, published, amended
    // again: the issue kept its text, and publishing (which raises the version) adds no copy.
    expect(await db.adminDb.planVersion.count({ where: { planId: WARD_PLAN } })).toBe(1);
    const { issuePlan } = await plans();
    const issued = await issuePlan.execute(scopes.wardApprover, {
      planId: WARD_PLAN,
      version: String(await versionOf(WARD_PLAN)),
      numberSerial: "26",
      issuedOn: "01/12/2026",
      signingForm: "T/M ĐẢNG ỦY",
      signerTitle: "Bí thư",
      signerName: "Nguyễn Văn A",
    });
    expect(issued.status).toBe("ok");
    expect(
      (
        await publishPlan.execute(scopes.wardApprover, {
          planId: WARD_PLAN,
          version: String(await versionOf(WARD_PLAN)),
          publish: "true",
        })
      ).status,
    ).toBe("ok");
    expect(
      (
        await amendPlan.execute(scopes.wardEditor, {
          planId: WARD_PLAN,
          version: String(await versionOf(WARD_PLAN)),
          reason: "Bổ sung lần hai",
        })
      ).status,
    ).toBe("ok");
    expect(await db.adminDb.planVersion.count({ where: { planId: WARD_PLAN } })).toBe(2);
  });

  it("a group of indicators the plan added goes only once its indicators are gone; the results entered go into the audit record", async () => {
    const { saveIndicator, dropIndicator } = await indicators();
    const base = {
      planId: WARD_PLAN,
      indicatorId: "",
      version: "0",
      code: "",
      unit: "",
      direction: "HIGHER_BETTER",
      target2025: "",
      target2030: "",
    };
    const group = await saveIndicator.execute(scopes.wardEditor, {
      ...base,
      name: "Chỉ tiêu riêng của phường",
      isGroup: "true",
      parentIndicatorId: "",
    });
    expect(group.status).toBe("ok");
    const groupId = (group as { data: { id: string } }).data.id;
    const child = await saveIndicator.execute(scopes.wardEditor, {
      ...base,
      code: "10.1",
      name: "Tỷ lệ hộ có nhà ở kiên cố",
      unit: "%",
      isGroup: "false",
      parentIndicatorId: groupId,
    });
    expect(child.status).toBe("ok");
    const childId = (child as { data: { id: string } }).data.id;

    const refused = await dropIndicator.execute(scopes.wardEditor, {
      planId: WARD_PLAN,
      indicatorId: groupId,
      version: "1",
      reason: "",
    });
    expect(refused).toMatchObject({ status: "error", message: expect.stringContaining("còn 1 chỉ tiêu con") });
    expect(await db.adminDb.indicator.count({ where: { id: { in: [groupId, childId] } } })).toBe(2);

    await db.adminDb.indicatorActual.create({
      data: { planId: WARD_PLAN, indicatorId: childId, year: 2025, value: 71.5, text: "71,5", status: "ON_TRACK" },
    });
    expect(
      (
        await dropIndicator.execute(scopes.wardEditor, {
          planId: WARD_PLAN,
          indicatorId: childId,
          version: "1",
          reason: "",
        })
      ).status,
    ).toBe("ok");
    const deleted = await db.adminDb.auditLog.findFirstOrThrow({
      where: { action: "indicator.delete", entityId: childId },
    });
    expect(deleted.before).toMatchObject({ actuals: [{ year: 2025, text: "71,5" }] });
    expect(
      (
        await dropIndicator.execute(scopes.wardEditor, {
          planId: WARD_PLAN,
          indicatorId: groupId,
          version: "1",
          reason: "",
        })
      ).status,
    ).toBe("ok");
  });

  it("an indicator cannot be put under a group of another plan", async () => {
    const { saveIndicator } = await indicators();
    const foreignGroup = await db.adminDb.indicator.findFirstOrThrow({ where: { planId: SON_LA_PLAN, isGroup: true } });
    const result = await saveIndicator.execute(scopes.wardEditor, {
      planId: WARD_PLAN,
      indicatorId: "",
      parentIndicatorId: foreignGroup.id,
      version: "0",
      code: "9.9",
      name: "Chỉ tiêu lạc chỗ",
      unit: "",
      isGroup: "false",
      direction: "HIGHER_BETTER",
      target2025: "",
      target2030: "",
    });
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: { parentIndicatorId: expect.stringContaining("không thuộc kế hoạch này") },
    });
    expect(await db.adminDb.indicator.count({ where: { name: "Chỉ tiêu lạc chỗ" } })).toBe(0);
  });
});
