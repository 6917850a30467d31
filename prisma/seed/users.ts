import { hashPassword } from "../../src/server/auth/password";
import { unitId } from "./admin-units";
import { seedId } from "./ids";
import type { OrganizationDirectory } from "./organizations";
import type { SeedRows } from "./rows";

// Demo accounts for every role at a province, a district and a commune of the demo data (listed in
// README.md). They share one password, which is fine for a demo and printed nowhere else.

export const DEMO_PASSWORD = "Demo@2026";

type Role = "VIEWER" | "EDITOR" | "APPROVER" | "ADMIN";

export type DemoAccount = { username: string; displayName: string; organizationId: string; role: Role };

export async function addDemoUsers(
  rows: SeedRows,
  directory: OrganizationDirectory,
  bodies: {
    sonLaProvince: string;
    mocChauDistrict: string;
    eaSupDistrict: string;
    daLatCity: string;
    lamDongProvince: string;
  },
): Promise<DemoAccount[]> {
  const mocChauWard = directory.ensure({
    name: "Đảng ủy phường Mộc Châu",
    place: { unitId: unitId.commune2025("03980"), provinceCode: "14" },
    kind: "PARTY_COMMITTEE",
    track: "PARTY",
  });
  const accounts: DemoAccount[] = [];
  const everyRole = (prefix: string, label: string, organizationId: string) => {
    const roles: [Role, string][] = [
      ["VIEWER", "xem"],
      ["EDITOR", "nhập liệu"],
      ["APPROVER", "lãnh đạo"],
      ["ADMIN", "quản trị"],
    ];
    for (const [role, word] of roles)
      accounts.push({
        username: `${prefix}.${role.toLowerCase()}`,
        displayName: `${label} (${word})`,
        organizationId,
        role,
      });
  };
  everyRole("sonla", "Tỉnh ủy Sơn La", bodies.sonLaProvince);
  everyRole("mocchau", "Thị ủy Mộc Châu", bodies.mocChauDistrict);
  everyRole("phuongmocchau", "Đảng ủy phường Mộc Châu", mocChauWard);
  accounts.push({
    username: "easup.editor",
    displayName: "UBND huyện Ea Súp (nhập liệu)",
    organizationId: bodies.eaSupDistrict,
    role: "EDITOR",
  });
  accounts.push({
    username: "dalat.editor",
    displayName: "Thành ủy Đà Lạt (nhập liệu)",
    organizationId: bodies.daLatCity,
    role: "EDITOR",
  });
  accounts.push({
    username: "lamdong.approver",
    displayName: "Tỉnh ủy Lâm Đồng (lãnh đạo)",
    organizationId: bodies.lamDongProvince,
    role: "APPROVER",
  });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  rows.users.push({
    id: seedId("user", "admin"),
    username: "admin",
    displayName: "Quản trị hệ thống",
    passwordHash,
    isSystemAdmin: true,
  });
  for (const account of accounts) {
    const userId = seedId("user", account.username);
    rows.users.push({ id: userId, username: account.username, displayName: account.displayName, passwordHash });
    rows.memberships.push({
      id: seedId("membership", userId, account.organizationId),
      userId,
      organizationId: account.organizationId,
      role: account.role,
    });
  }
  return accounts;
}
