import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// Administration that scales (issue 13, point 9): the managed bodies as a database filter (the same
// as the relation rules), the user list searched, filtered and paged on the server, accounts edited
// (display name, bodies and roles), unit pickers that say where each body is, and the audit trail
// filtered and paged.

describe("administration at scale", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const scopes = {} as Record<"system" | "province" | "district" | "ward", Scope>;
  let queries: typeof import("../../src/features/accounts/queries");
  let actions: typeof import("../../src/features/accounts/user-actions");
  let search: typeof import("../../src/features/directory/organization-search");
  let withScope: typeof import("../../src/server/db/scoped").withScope;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    const scope = async (username: string) => {
      const user = await db.adminDb.user.findUniqueOrThrow({ where: { username } });
      return (await scopeForUser(user.id))!;
    };
    scopes.system = await scope("admin");
    scopes.province = await scope("sonla.admin");
    // Thị ủy Mộc Châu ended on 30/6/2025, and a body that ended manages no accounts (ADR 0013, tested in
    // write-guards and the authorisation matrix); here its administrator stands for any district
    // administrator, so its end is cleared in this copy of the database.
    await db.adminDb.organization.updateMany({ where: { name: "Thị ủy Mộc Châu" }, data: { validTo: null } });
    scopes.district = await scope("mocchau.admin");
    scopes.ward = await scope("phuongmocchau.admin");
    queries = await import("../../src/features/accounts/queries");
    actions = await import("../../src/features/accounts/user-actions");
    search = await import("../../src/features/directory/organization-search");
    withScope = (await import("../../src/server/db/scoped")).withScope;
  });
  afterAll(async () => db.drop());

  it("manages, in the database, exactly the bodies the relation rules say", async () => {
    const { permits } = await import("../../src/server/permissions");
    const { relationTo } = await import("../../src/server/relations");
    const { managesAccountsOf } = await import("../../src/features/accounts/account-rules");
    const all = await db.adminDb.organization.findMany({
      select: {
        id: true,
        adminUnitId: true,
        provinceCode: true,
        isCollective: true,
        validTo: true,
        adminUnit: { select: { level: true } },
      },
    });
    for (const scope of Object.values(scopes)) {
      const ref = (o: (typeof all)[number]) => ({ ...o, adminUnitLevel: o.adminUnit.level });
      // Accounts: users.manage towards the body, except a body that has ended (ADR 0013).
      const accounts = all
        .filter((o) => !o.isCollective && managesAccountsOf(scope, ref(o)))
        .map((o) => o.id)
        .sort();
      // The audit trail: the relation alone.
      const audit = all
        .filter((o) => !o.isCollective && permits("users.manage", relationTo(scope, ref(o)), scope.isSystemAdmin))
        .map((o) => o.id)
        .sort();
      const found = (await withScope(scope, (tx) => queries.managedOrganizationIds(tx, scope))).sort();
      expect(found.length, scope.username).toBe(accounts.length);
      expect(found).toEqual(accounts);
      const audited = (await withScope(scope, (tx) => queries.managedOrganizationIds(tx, scope, "audit"))).sort();
      expect(audited, scope.username).toEqual(audit);
    }
  });

  it("searches accounts without diacritics, filters by unit, role and status, and pages", async () => {
    const list = (scope: Scope, filters: Parameters<typeof queries.listManagedUsers>[2]) =>
      withScope(scope, (tx) => queries.listManagedUsers(tx, scope, filters));
    const mocChau = await list(scopes.province, { q: "mocchau", page: 1 });
    expect(mocChau.users.map((u) => u.username).sort()).toEqual([
      "mocchau.admin",
      "mocchau.approver",
      "mocchau.editor",
      "mocchau.viewer",
    ]);
    expect((await list(scopes.province, { q: "mocchau.edi", page: 1 })).users.map((u) => u.username)).toEqual([
      "mocchau.editor",
    ]);
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    const inWard = await list(scopes.province, { organizationId: ward.id, role: "EDITOR", page: 1 });
    expect(inWard.users.map((u) => u.username)).toEqual(["phuongmocchau.editor"]);
    expect(inWard.users[0]!.memberships[0]!.organization.place).toMatch(/Mộc Châu.*Sơn La/);

    // Sixty more accounts in the ward: pages of 50, counted in the database.
    await db.adminDb.user.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        username: `phuong.canbo.${String(i).padStart(2, "0")}`,
        displayName: `Cán bộ phường số ${i}`,
        passwordHash: "x",
        isActive: i % 2 === 0,
      })),
    });
    const created = await db.adminDb.user.findMany({ where: { username: { startsWith: "phuong.canbo." } } });
    await db.adminDb.membership.createMany({
      data: created.map((u) => ({ userId: u.id, organizationId: ward.id, role: "VIEWER" as const })),
    });
    const first = await list(scopes.ward, { q: "can bo phuong", page: 1 });
    const second = await list(scopes.ward, { q: "can bo phuong", page: 2 });
    expect([first.total, first.users.length, second.users.length]).toEqual([60, 50, 10]);
    expect(new Set([...first.users, ...second.users].map((u) => u.id)).size).toBe(60);
    expect((await list(scopes.ward, { q: "can bo phuong", status: "locked", page: 1 })).total).toBe(30);
    // The district's admin manages nothing of the ward (a body of the 2025 structure is not below it).
    expect((await list(scopes.district, { q: "can bo phuong", page: 1 })).total).toBe(0);
  });

  it("offers units by name and place, so identical names can be told apart", async () => {
    const managed = queries.managedOrganizationsWhere(scopes.province);
    const choices = await withScope(scopes.province, (tx) => search.searchOrganizations(tx, managed, "ubnd huyen"));
    const sameName = choices.filter((c) => c.name === "UBND huyện");
    expect(sameName.length).toBeGreaterThan(1);
    expect(new Set(sameName.map((c) => c.place)).size).toBe(sameName.length);
    const maiSon = await withScope(scopes.province, (tx) =>
      search.searchOrganizations(tx, managed, "ubnd huyen mai son"),
    );
    expect(
      maiSon.map((c) => c.place),
      JSON.stringify(maiSon),
    ).toContain("Huyện Mai Sơn, Tỉnh Sơn La (trước 01/07/2025)");
    // Nothing outside what the admin manages: not the province's own peers, nor another province.
    const outside = await withScope(scopes.district, (tx) =>
      search.searchOrganizations(tx, queries.managedOrganizationsWhere(scopes.district), "tinh uy"),
    );
    // ("tinh uy" finds the district's own committee by its place, Tỉnh Sơn La: that one it manages.)
    expect(outside.map((o) => o.name)).toEqual(["Thị ủy Mộc Châu"]);
  });

  it("edits an account: display name, bodies and roles, audited and version-checked", async () => {
    const user = await db.adminDb.user.findUniqueOrThrow({
      where: { username: "mocchau.viewer" },
      include: { memberships: true },
    });
    const mocChau = user.memberships[0]!.organizationId;
    // A body below the district: the Party committee of one of its communes before 2025.
    const unit = await db.adminDb.adminUnit.findFirstOrThrow({
      where: { era: "PRE_2025", level: "COMMUNE", parent: { era: "PRE_2025", level: "DISTRICT", code: "123" } },
    });
    const commune = await db.adminDb.organization.create({
      data: {
        name: `Đảng ủy ${unit.fullName}`,
        normalizedName: `dang uy ${unit.code}`,
        kind: "PARTY_COMMITTEE",
        track: "PARTY",
        adminUnitId: unit.id,
        provinceCode: "14",
      },
    });
    const edit = (scope: Scope, version: number, memberships: unknown, displayName = "Cán bộ xem Mộc Châu") =>
      actions.updateUser.execute(scope, {
        userId: user.id,
        version: String(version),
        displayName,
        memberships: JSON.stringify(memberships),
      });

    const saved = await edit(scopes.district, user.version, [
      { organizationId: mocChau, role: "EDITOR" },
      { organizationId: commune.id, role: "VIEWER" },
    ]);
    expect(saved, JSON.stringify(saved)).toMatchObject({ status: "ok" });
    const after = await db.adminDb.user.findUniqueOrThrow({ where: { id: user.id }, include: { memberships: true } });
    expect(after.displayName).toBe("Cán bộ xem Mộc Châu");
    expect(after.version).toBe(user.version + 1);
    expect(after.memberships.map((m) => [m.organizationId, m.role]).sort()).toEqual(
      [
        [mocChau, "EDITOR"],
        [commune.id, "VIEWER"],
      ].sort(),
    );
    const audit = await db.adminDb.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "user.update" } });
    expect(audit.before).toMatchObject({ memberships: [{ organizationId: mocChau, role: "VIEWER" }] });

    // The version read before is stale now: refused, nothing written.
    const stale = await edit(scopes.district, user.version, [{ organizationId: mocChau, role: "ADMIN" }]);
    expect(stale).toMatchObject({ status: "error", message: expect.stringMatching(/vừa được người khác sửa/) });

    // A body the admin does not manage cannot be given; nor none at all; nor one twice.
    const province = await db.adminDb.organization.findFirstOrThrow({
      where: { name: "Tỉnh ủy Sơn La", adminUnit: { level: "PROVINCE" } },
    });
    const refused = await edit(scopes.district, after.version, [{ organizationId: province.id, role: "VIEWER" }]);
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { memberships: expect.stringMatching(/không quản lý/) },
    });
    expect(await edit(scopes.district, after.version, [])).toMatchObject({
      fieldErrors: { memberships: "Tài khoản cần thuộc ít nhất một đơn vị" },
    });
    expect(
      await edit(scopes.district, after.version, [
        { organizationId: mocChau, role: "VIEWER" },
        { organizationId: mocChau, role: "EDITOR" },
      ]),
    ).toMatchObject({ fieldErrors: { memberships: "Mỗi đơn vị chỉ chọn một lần" } });
    // What was sent comes back to the form.
    expect(refused.status === "error" && JSON.parse(refused.values.memberships!)).toEqual([
      { organizationId: province.id, role: "VIEWER" },
    ]);

    // An admin does not change their own bodies or roles.
    const self = await db.adminDb.user.findUniqueOrThrow({ where: { username: "mocchau.admin" } });
    const own = await actions.updateUser.execute(scopes.district, {
      userId: self.id,
      version: String(self.version),
      displayName: "Quản trị Mộc Châu",
      memberships: JSON.stringify([{ organizationId: mocChau, role: "VIEWER" }]),
    });
    expect(own).toMatchObject({ status: "error", fieldErrors: { memberships: expect.stringMatching(/không tự đổi/) } });
  });

  it("filters the audit trail by who, action, entity and dates, and pages it", async () => {
    const audit = (filters: Parameters<typeof queries.listAudit>[2]) =>
      withScope(scopes.district, (tx) => queries.listAudit(tx, scopes.district, filters));
    const all = await audit({ page: 1 });
    expect(all.total).toBeGreaterThan(0);
    const updates = await audit({ action: "user.update", page: 1 });
    expect(updates.entries.map((e) => e.action)).toEqual(["user.update"]);
    expect((await audit({ who: "mocchau.admin", entityType: "User", page: 1 })).total).toBe(updates.total);
    expect((await audit({ who: "sonla", page: 1 })).total).toBe(0);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    expect((await audit({ from: today, to: today, action: "user.update", page: 1 })).total).toBe(1);
    expect((await audit({ to: "2020-01-01", page: 1 })).total).toBe(0);

    // More entries than a page: 50 at a time, newest first.
    const mocChau = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Thị ủy Mộc Châu" } });
    await db.adminDb.auditLog.createMany({
      data: Array.from({ length: 70 }, (_, i) => ({
        at: new Date(Date.UTC(2025, 0, 1, 0, i)),
        userId: scopes.district.userId,
        organizationId: mocChau.id,
        provinceCode: "14",
        action: "plan.updateHeader",
        entityType: "Plan",
        entityId: `p${i}`,
      })),
    });
    const page1 = await audit({ action: "plan.updateHeader", page: 1 });
    const page2 = await audit({ action: "plan.updateHeader", page: 2 });
    expect([page1.total, page1.entries.length, page2.entries.length]).toEqual([70, 50, 20]);
    expect(page1.entries[0]!.entityId).toBe("p69");
    expect(page2.entries.at(-1)!.entityId).toBe("p0");
  });
});
