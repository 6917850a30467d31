import type { MatrixCase } from "./types";

const load = () => import("../../../src/features/accounts/user-actions");
// Administrators manage the accounts of their own body and the bodies below it. The relations are
// tested with the acting body's end cleared (authorization-matrix.test.ts); once it has ended, its own
// administrators manage nothing (every write of an ended body is refused, ADR 0022) and neither do its
// successors (`fromSuccessor`, ADR 0013): its accounts are managed from above it.
const adminsOwnAndBelow = {
  own: ["ADMIN"],
  parent: [],
  child: ["ADMIN"],
  sibling: [],
  otherProvince: [],
} satisfies MatrixCase["expected"];

export const cases: Record<string, MatrixCase> = {
  "accounts.createUser": {
    load,
    expected: adminsOwnAndBelow,
    fromSuccessor: [],
    input: (fx, target) => ({
      organizationId: fx.organizations[target],
      username: `new.${target.toLowerCase()}.${Math.random().toString(36).slice(2, 8)}`,
      displayName: "Người dùng mới",
      role: "VIEWER",
      password: "MatKhau2026",
    }),
  },
  "accounts.resetPassword": {
    load,
    expected: adminsOwnAndBelow,
    fromSuccessor: [],
    input: (fx, target) => ({ userId: fx.users[target], password: "MatKhauMoi2026" }),
  },
  "accounts.updateUser": {
    load,
    expected: adminsOwnAndBelow,
    fromSuccessor: [],
    input: async (fx, target) => {
      const user = await fx.db.adminDb.user.findUniqueOrThrow({ where: { id: fx.users[target] } });
      return {
        userId: user.id,
        version: String(user.version),
        displayName: "Tên đã sửa",
        memberships: JSON.stringify([{ organizationId: fx.organizations[target], role: "EDITOR" }]),
      };
    },
    reset: async (fx, target) => {
      await fx.db.adminDb.membership.updateMany({ where: { userId: fx.users[target] }, data: { role: "VIEWER" } });
    },
  },
  "accounts.setUserActive": {
    load,
    expected: adminsOwnAndBelow,
    fromSuccessor: [],
    input: (fx, target) => ({ userId: fx.users[target], active: "false" }),
    reset: async (fx, target) => {
      await fx.db.adminDb.user.update({ where: { id: fx.users[target] }, data: { isActive: true } });
    },
  },
};
