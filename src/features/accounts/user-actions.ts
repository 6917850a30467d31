import { z } from "zod";
import { defineAction, FieldError } from "@/server/actions";
import { hashPassword } from "@/server/auth/password";
import type { ScopedDb } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";
import type { OrganizationRef } from "@/server/relations";

// Administrators manage the accounts of their organisation and the organisations under it.

const password = z
  .string()
  .min(10, "Mật khẩu cần ít nhất 10 ký tự")
  .max(200, "Mật khẩu quá dài")
  .regex(/[A-Za-zÀ-ỹ]/, "Mật khẩu cần có chữ cái")
  .regex(/\d/, "Mật khẩu cần có chữ số");

async function organizationRef(db: ScopedDb, organizationId: string): Promise<OrganizationRef> {
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true, adminUnitId: true, provinceCode: true, adminUnit: { select: { level: true } } } });
  if (!organization) throw new NotFoundError("Không tìm thấy đơn vị");
  return { id: organization.id, adminUnitId: organization.adminUnitId, provinceCode: organization.provinceCode, adminUnitLevel: organization.adminUnit.level };
}

/** A user is managed through the organisations they belong to; one the admin may manage is enough. */
async function userSubject(db: ScopedDb, userId: string, scopeOrganizationId: string | null): Promise<OrganizationRef> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { organizationId: true } });
  if (memberships.length === 0) throw new NotFoundError("Không tìm thấy người dùng");
  const preferred = memberships.find((m) => m.organizationId === scopeOrganizationId) ?? memberships[0]!;
  return organizationRef(db, preferred.organizationId);
}

export const createUser = defineAction({
  name: "accounts.createUser",
  permission: "users.manage",
  input: z.object({
    organizationId: z.string().uuid("Hãy chọn đơn vị"),
    username: z
      .string()
      .trim()
      .toLowerCase()
      .min(3, "Tên đăng nhập cần ít nhất 3 ký tự")
      .max(60, "Tên đăng nhập quá dài")
      .regex(/^[a-z0-9._-]+$/, "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới"),
    displayName: z.string().trim().min(2, "Hãy nhập họ tên hoặc chức danh").max(120, "Họ tên quá dài"),
    role: z.enum(["VIEWER", "EDITOR", "APPROVER", "ADMIN"], { message: "Hãy chọn vai trò" }),
    password,
  }),
  subject: (db, input) => organizationRef(db, input.organizationId),
  async run({ db, input, audit }) {
    const taken = await db.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (taken) throw new FieldError("username", "Tên đăng nhập này đã có người dùng");
    const user = await db.user.create({
      data: { username: input.username, displayName: input.displayName, passwordHash: await hashPassword(input.password), memberships: { create: { organizationId: input.organizationId, role: input.role } } },
      select: { id: true, username: true, displayName: true, isActive: true },
    });
    await audit({ action: "user.create", entityType: "User", entityId: user.id, after: { ...user, organizationId: input.organizationId, role: input.role } });
    return user;
  },
});

export const resetPassword = defineAction({
  name: "accounts.resetPassword",
  permission: "users.manage",
  input: z.object({ userId: z.string().uuid(), password }),
  subject: (db, input, scope) => userSubject(db, input.userId, scope.organizationId),
  async run({ db, input, audit }) {
    // Resetting a password also ends the user's open sessions.
    await db.user.update({ where: { id: input.userId }, data: { passwordHash: await hashPassword(input.password), sessionsValidAfter: new Date(), version: { increment: 1 } } });
    await audit({ action: "user.resetPassword", entityType: "User", entityId: input.userId });
    return { userId: input.userId };
  },
});

export const setUserActive = defineAction({
  name: "accounts.setUserActive",
  permission: "users.manage",
  input: z.object({ userId: z.string().uuid(), active: z.enum(["true", "false"]).transform((v) => v === "true") }),
  subject: (db, input, scope) => userSubject(db, input.userId, scope.organizationId),
  async run({ db, scope, input, audit }) {
    if (input.userId === scope.userId) throw new FieldError("userId", "Bạn không thể tự khóa tài khoản của mình");
    const before = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: { isActive: true } });
    await db.user.update({ where: { id: input.userId }, data: { isActive: input.active, ...(input.active ? {} : { sessionsValidAfter: new Date() }), version: { increment: 1 } } });
    await audit({ action: input.active ? "user.activate" : "user.deactivate", entityType: "User", entityId: input.userId, before, after: { isActive: input.active } });
    return { userId: input.userId, active: input.active };
  },
});
