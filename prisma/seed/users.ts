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
  // Another successor of Thị ủy Mộc Châu, with no plan of its own yet: where "Try it" starts a plan.
  const thaoNguyenPlace = { unitId: unitId.commune2025("03982"), provinceCode: "14" };
  const thaoNguyenWard = directory.ensure({
    name: "Đảng ủy phường Thảo Nguyên",
    place: thaoNguyenPlace,
    kind: "PARTY_COMMITTEE",
    track: "PARTY",
    validFrom: new Date("2025-07-01"),
  });
  // The agencies a ward assigns work to, for the editor's directory.
  for (const name of [
    "Văn phòng Đảng ủy phường Thảo Nguyên",
    "Ban Xây dựng Đảng Đảng ủy phường Thảo Nguyên",
    "UBND phường Thảo Nguyên",
    "Ủy ban MTTQ Việt Nam phường Thảo Nguyên",
  ])
    directory.ensure({ name, place: thaoNguyenPlace, validFrom: new Date("2025-07-01") });
  // A successor of UBND huyện Ea Súp: who records the district's plan now that the district has ended.
  const eaSupCommune = directory.ensure({
    name: "UBND xã Ea Súp",
    place: { unitId: unitId.commune2025("24211"), provinceCode: "66" },
    kind: "PEOPLES_COMMITTEE",
    track: "STATE",
    validFrom: new Date("2025-07-01"),
  });
  const accounts: DemoAccount[] = [];
  // Display names are people's, as a real account's would be: the header adds the body and the role,
  // so a name that repeated them would say them twice. Invented, like every demo account.
  const people = [
    "Lò Văn Hùng",
    "Cầm Thị Lan",
    "Hà Văn Minh",
    "Vì Thị Hoa",
    "Nguyễn Văn Bình",
    "Trần Thị Thu",
    "Lê Văn Tâm",
    "Phạm Thị Hằng",
    "Đinh Văn Sơn",
    "Lường Thị Mai",
    "Hoàng Văn Nam",
    "Bùi Thị Yến",
    "Quàng Văn Thái",
    "Mè Thị Hương",
    "Y Bhin Niê",
    "H'Linh Êban",
    "Võ Minh Quân",
    "Đặng Thị Ngọc",
  ];
  const account = (username: string, organizationId: string, role: Role) =>
    accounts.push({ username, displayName: people[accounts.length % people.length]!, organizationId, role });
  const everyRole = (prefix: string, organizationId: string) => {
    for (const role of ["VIEWER", "EDITOR", "APPROVER", "ADMIN"] as const)
      account(`${prefix}.${role.toLowerCase()}`, organizationId, role);
  };
  everyRole("sonla", bodies.sonLaProvince);
  // Bodies that ended on 30/6/2025: their accounts read the record and change nothing.
  everyRole("mocchau", bodies.mocChauDistrict);
  everyRole("phuongmocchau", mocChauWard);
  account("thaonguyen.editor", thaoNguyenWard, "EDITOR");
  account("thaonguyen.approver", thaoNguyenWard, "APPROVER");
  account("easup.editor", bodies.eaSupDistrict, "EDITOR");
  account("xaeasup.editor", eaSupCommune, "EDITOR");
  account("dalat.editor", bodies.daLatCity, "EDITOR");
  account("lamdong.approver", bodies.lamDongProvince, "APPROVER");

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
