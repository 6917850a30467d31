import "server-only";
import { z } from "zod";
import { defineAction, FieldError } from "@/server/actions";
import { hashPassword } from "@/server/auth/password";
import type { ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError } from "@/server/errors";
import { permits } from "@/server/permissions";
import { relationTo } from "@/server/relations";
import { ENDED_BODY_MESSAGE, managesAccountsOf, type ManagedRef } from "./account-rules";

// Administrators manage the accounts of their organisation and the organisations under it. The
// accounts of a body that has ended (validTo passed, e.g. a district body on 30/6/2025) are managed
// only from above it (the province's administrators) and by system administrators: neither its
// successors (for whom it is "own", since they inherit its plans) nor its own administrators can
// reset a password there and sign in as its officials (ADR 0013, account-rules.ts).

/** The relation lets the admin in, but the body has ended: a specific refusal rather than a generic one. */
function refuseIfEnded(scope: Scope, organization: ManagedRef) {
  if (!managesAccountsOf(scope, organization) && permits("users.manage", relationTo(scope, organization)))
    throw new ForbiddenError(ENDED_BODY_MESSAGE);
}

const password = z
  .string()
  .min(10, "Mật khẩu cần ít nhất 10 ký tự")
  .max(200, "Mật khẩu quá dài")
  .regex(/[A-Za-zÀ-ỹ]/, "Mật khẩu cần có chữ cái")
  .regex(/\d/, "Mật khẩu cần có chữ số");

async function organizationRef(db: ScopedDb, organizationId: string): Promise<ManagedRef> {
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      adminUnitId: true,
      provinceCode: true,
      validTo: true,
      adminUnit: { select: { level: true } },
    },
  });
  if (!organization) throw new NotFoundError("Không tìm thấy đơn vị");
  return {
    id: organization.id,
    adminUnitId: organization.adminUnitId,
    provinceCode: organization.provinceCode,
    adminUnitLevel: organization.adminUnit.level,
    validTo: organization.validTo,
  };
}

/**
 * A user is managed through the organisations they belong to, and the admin must manage every one of
 * them: otherwise the admin of a commune could reset the password of a provincial official who also
 * belongs to that commune, and sign in as them. Only a system administrator manages a system
 * administrator. When the admin manages none of the user's organisations, the organisation returned
 * lets defineAction answer as for any body out of reach ("not found" or "not allowed").
 */
async function userSubject(db: ScopedDb, userId: string, scope: Scope): Promise<ManagedRef> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      isSystemAdmin: true,
      memberships: { select: { organizationId: true }, orderBy: { organizationId: "asc" } },
    },
  });
  if (!user || user.memberships.length === 0) throw new NotFoundError("Không tìm thấy người dùng");
  const organizations = await Promise.all(user.memberships.map((m) => organizationRef(db, m.organizationId)));
  const managed = (organization: ManagedRef) => managesAccountsOf(scope, organization);
  const preferred =
    organizations.find((o) => o.id === scope.organizationId) ?? organizations.find(managed) ?? organizations[0]!;
  if (scope.isSystemAdmin) return preferred;
  if (!managed(preferred)) {
    refuseIfEnded(scope, preferred);
    return preferred;
  }
  if (user.isSystemAdmin)
    throw new ForbiddenError("Chỉ quản trị hệ thống mới quản lý được tài khoản quản trị hệ thống.");
  if (!organizations.every(managed)) {
    organizations.forEach((organization) => refuseIfEnded(scope, organization));
    throw new ForbiddenError(
      "Người dùng này còn thuộc một đơn vị bạn không quản lý. Hãy nhờ quản trị của đơn vị cấp trên thực hiện.",
    );
  }
  return preferred;
}

const displayName = z.string().trim().min(2, "Hãy nhập họ tên hoặc chức danh").max(120, "Họ tên quá dài");
const role = z.enum(["VIEWER", "EDITOR", "APPROVER", "ADMIN"], { message: "Hãy chọn vai trò" });
/** Where the daily digest of notifications goes; empty: no e-mail. Kept as typed, lower-cased. */
const email = z
  .string()
  .trim()
  .max(254, "Địa chỉ thư điện tử quá dài")
  .optional()
  .default("")
  .transform((v) => v.toLowerCase())
  .refine((v) => v === "" || z.email().safeParse(v).success, {
    message: "Địa chỉ thư điện tử không hợp lệ, ví dụ: nguyenvana@sonla.gov.vn (để trống nếu không có)",
  })
  .transform((v) => v || null);

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
    displayName,
    email,
    role,
    password,
  }),
  subject: async (db, input, scope) => {
    const organization = await organizationRef(db, input.organizationId);
    refuseIfEnded(scope, organization);
    return organization;
  },
  async run({ db, input, audit }) {
    const taken = await db.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (taken) throw new FieldError("username", "Tên đăng nhập này đã có người dùng");
    const user = await db.user
      .create({
        data: {
          username: input.username,
          displayName: input.displayName,
          email: input.email,
          passwordHash: await hashPassword(input.password),
          memberships: { create: { organizationId: input.organizationId, role: input.role } },
        },
        select: { id: true, username: true, displayName: true, email: true, isActive: true },
      })
      .catch((error: unknown) => {
        // Another administrator took the name at the same moment.
        throw isUniqueViolation(error) ? new FieldError("username", "Tên đăng nhập này đã có người dùng") : error;
      });
    await audit({
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: { ...user, organizationId: input.organizationId, role: input.role },
    });
    return user;
  },
  revalidate: () => ["/admin/users"],
});

export const resetPassword = defineAction({
  name: "accounts.resetPassword",
  permission: "users.manage",
  input: z.object({ userId: z.string().uuid(), password }),
  subject: (db, input, scope) => userSubject(db, input.userId, scope),
  async run({ db, input, audit }) {
    // Resetting a password also ends every open session of the user (src/server/auth/session.ts).
    await db.user.update({
      where: { id: input.userId },
      data: {
        passwordHash: await hashPassword(input.password),
        sessionGeneration: { increment: 1 },
        version: { increment: 1 },
      },
    });
    await audit({ action: "user.resetPassword", entityType: "User", entityId: input.userId });
    return { userId: input.userId };
  },
});

export const setUserActive = defineAction({
  name: "accounts.setUserActive",
  permission: "users.manage",
  input: z.object({ userId: z.string().uuid(), active: z.enum(["true", "false"]).transform((v) => v === "true") }),
  subject: (db, input, scope) => userSubject(db, input.userId, scope),
  async run({ db, scope, input, audit }) {
    if (input.userId === scope.userId) throw new FieldError("userId", "Bạn không thể tự khóa tài khoản của mình");
    const before = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: { isActive: true } });
    await db.user.update({
      where: { id: input.userId },
      data: {
        isActive: input.active,
        // Locking ends every open session; unlocking does not bring them back.
        sessionGeneration: { increment: 1 },
        version: { increment: 1 },
      },
    });
    await audit({
      action: input.active ? "user.activate" : "user.deactivate",
      entityType: "User",
      entityId: input.userId,
      before,
      after: { isActive: input.active },
    });
    return { userId: input.userId, active: input.active };
  },
  revalidate: () => ["/admin/users"],
});

/** The memberships an edit form sends: a JSON list of units and roles (labels are the form's own). */
const membershipList = z
  .string()
  .transform((value, ctx) => {
    try {
      const list = JSON.parse(value);
      if (Array.isArray(list)) return list as unknown[];
    } catch {
      /* fall through */
    }
    ctx.addIssue({ code: "custom", message: "Danh sách đơn vị không hợp lệ; hãy tải lại trang" });
    return z.NEVER;
  })
  .pipe(
    z
      .array(z.object({ organizationId: z.string().uuid("Hãy chọn đơn vị cho mỗi dòng"), role }))
      .min(1, "Tài khoản cần thuộc ít nhất một đơn vị")
      .max(20, "Tối đa 20 đơn vị")
      .refine((list) => new Set(list.map((m) => m.organizationId)).size === list.length, {
        message: "Mỗi đơn vị chỉ chọn một lần",
      }),
  );

/**
 * Edits an account: display name, and the bodies it belongs to with a role in each. The admin must
 * manage every body the account belongs to (before, userSubject) and every body it is given (after);
 * nobody changes their own bodies or roles (a higher admin does). Version-checked, audited.
 */
export const updateUser = defineAction({
  name: "accounts.updateUser",
  permission: "users.manage",
  input: z.object({
    userId: z.string().uuid(),
    version: z.coerce.number().int().min(1),
    displayName,
    email,
    memberships: membershipList,
  }),
  subject: (db, input, scope) => userSubject(db, input.userId, scope),
  async run({ db, scope, input, audit }) {
    const user = await db.user.findUniqueOrThrow({
      where: { id: input.userId },
      select: {
        displayName: true,
        email: true,
        memberships: { select: { organizationId: true, role: true }, orderBy: { createdAt: "asc" } },
      },
    });
    const key = (list: { organizationId: string; role: string }[]) =>
      JSON.stringify(list.map((m) => [m.organizationId, m.role]).sort());
    const membershipsChanged = key(user.memberships) !== key(input.memberships);
    if (membershipsChanged && input.userId === scope.userId)
      throw new FieldError(
        "memberships",
        "Bạn không tự đổi đơn vị, vai trò của tài khoản mình được; hãy nhờ quản trị của đơn vị cấp trên.",
      );
    const current = new Map(user.memberships.map((m) => [m.organizationId, m.role]));
    for (const membership of input.memberships) {
      if (current.has(membership.organizationId)) continue;
      const organization = await db.organization.findUnique({
        where: { id: membership.organizationId },
        select: { name: true, isCollective: true },
      });
      if (!organization) throw new FieldError("memberships", "Không tìm thấy đơn vị đã chọn; hãy chọn lại");
      const managed = managesAccountsOf(scope, await organizationRef(db, membership.organizationId));
      if (!managed || organization.isCollective)
        throw new FieldError("memberships", `Bạn không quản lý tài khoản của “${organization.name}”`);
    }
    const { count } = await db.user.updateMany({
      where: { id: input.userId, version: input.version },
      data: { displayName: input.displayName, email: input.email, version: { increment: 1 } },
    });
    if (count === 0)
      throw new ConflictError(
        "Tài khoản vừa được người khác sửa. Nội dung bạn nhập vẫn còn trên màn hình: hãy tải lại trang để xem bản mới rồi sửa lại.",
      );
    const wanted = new Map(input.memberships.map((m) => [m.organizationId, m.role]));
    await db.membership.deleteMany({
      where: { userId: input.userId, organizationId: { notIn: [...wanted.keys()] } },
    });
    for (const [organizationId, newRole] of wanted) {
      if (current.get(organizationId) === newRole) continue;
      await db.membership.upsert({
        where: { userId_organizationId: { userId: input.userId, organizationId } },
        update: { role: newRole },
        create: { userId: input.userId, organizationId, role: newRole },
      });
    }
    await audit({
      action: "user.update",
      entityType: "User",
      entityId: input.userId,
      before: { displayName: user.displayName, email: user.email, memberships: user.memberships },
      after: { displayName: input.displayName, email: input.email, memberships: input.memberships },
    });
    return { userId: input.userId, version: input.version + 1 };
  },
  revalidate: ({ input }) => ["/admin/users", `/admin/users/${input.userId}`],
});
