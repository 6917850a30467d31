import type { MatrixCase } from "./types";

// The organisation tree belongs to system administrators: no organisation role may change it.
const load = () => import("../../../src/features/directory/organization-actions");
const nobody = { own: [], parent: [], child: [], sibling: [], otherProvince: [] } satisfies MatrixCase["expected"];

export const cases: Record<string, MatrixCase> = {
  "directory.createOrganization": {
    load,
    expected: nobody,
    input: async (fx, target) => {
      const organization = await fx.db.adminDb.organization.findUniqueOrThrow({
        where: { id: fx.organizations[target] },
      });
      return {
        name: `Phòng thử nghiệm ${target}`,
        kind: "DEPARTMENT",
        track: "STATE",
        adminUnitId: organization.adminUnitId,
        parentId: "",
      };
    },
  },
  "directory.closeOrganization": {
    load,
    expected: nobody,
    input: (fx, target) => ({ organizationId: fx.organizations[target], validTo: "30/06/2025", successorId: "" }),
  },
};
