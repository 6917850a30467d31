import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitId } from "../../prisma/seed/admin-units";
import { seedId } from "../../prisma/seed/ids";
import { createTestDatabase } from "./database";

// The organisation tree is the system administrator's; here the allowed path (the matrix test covers
// that no organisation role gets through).
describe("organisation tree", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let admin: import("../../src/server/db/scope").Scope;
  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    admin = (await scopeForUser(seedId("user", "admin")))!;
  });
  afterAll(async () => db.drop());

  it("a system administrator adds a body, once per locality whatever the spelling, and audits it", async () => {
    const { createOrganization } = await import("../../src/features/directory/organization-actions");
    const input = {
      name: "Phòng Văn hoá và Thông tin",
      kind: "DEPARTMENT",
      track: "STATE",
      adminUnitId: unitId.commune2025("03980"),
      parentId: "",
    };
    const created = await createOrganization.execute(admin, input);
    expect(created.status).toBe("ok");
    const again = await createOrganization.execute(admin, { ...input, name: "phòng văn hoá  và thông tin" });
    expect(again).toMatchObject({
      status: "error",
      fieldErrors: { name: expect.stringMatching(/đã có cơ quan cùng tên/) },
    });
    expect(await db.adminDb.auditLog.count({ where: { action: "organization.create" } })).toBe(1);
  });

  it("closing a body keeps its plans and links its successor, so the successor's users see them", async () => {
    const { closeOrganization } = await import("../../src/features/directory/organization-actions");
    const maiSon = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Huyện ủy Mai Sơn" } });
    const successor = await db.adminDb.organization.findFirstOrThrow({
      where: { name: { startsWith: "Đảng ủy xã Mai Sơn" } },
    });
    const result = await closeOrganization.execute(admin, {
      organizationId: maiSon.id,
      validTo: "30/06/2025",
      successorId: successor.id,
    });
    expect(result.status).toBe("ok");
    expect(await db.adminDb.plan.count({ where: { issuerId: maiSon.id } })).toBe(1);
    const link = await db.adminDb.organizationSuccession.findUnique({
      where: { predecessorId_successorId: { predecessorId: maiSon.id, successorId: successor.id } },
    });
    expect(link?.effectiveOn.toISOString().slice(0, 10)).toBe("2025-07-01");
    const bad = await closeOrganization.execute(admin, {
      organizationId: maiSon.id,
      validTo: "31/02/2025",
      successorId: "",
    });
    expect(bad).toMatchObject({
      status: "error",
      fieldErrors: { validTo: expect.stringMatching(/Ngày không hợp lệ/) },
    });
  });
});
