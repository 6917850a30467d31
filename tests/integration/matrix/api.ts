import { randomUUID } from "node:crypto";
import type { MatrixCase, MatrixFixtures, Target } from "./types";

// The API (ADR 0035). Tokens: an administrator makes them for their own body (the input names no
// other) and revokes only their own body's (another body's token is not even visible: the row-level
// policy shows a token to its body's members). The bulk upsert of actuals: the results grid's rule,
// editors and approvers of the body that issued the plan. A token's own scope (read or write, revoked,
// expired, another province) is tested through the handlers in tests/integration/api-v1.test.ts.

const nobody = { own: [], parent: [], child: [], sibling: [], otherProvince: [] } satisfies MatrixCase["expected"];
const YEAR = 2026;

async function firstIndicator(fx: MatrixFixtures, target: Target): Promise<string> {
  const indicator = await fx.db.adminDb.indicator.findFirst({
    where: { planId: fx.plans[target], isGroup: false },
    orderBy: [{ code: "asc" }],
    select: { id: true },
  });
  return indicator?.id ?? randomUUID();
}

export const cases: Record<string, MatrixCase> = {
  "apiTokens.create": {
    load: () => import("../../../src/features/api/token-actions"),
    expected: {
      own: ["ADMIN"],
      parent: ["ADMIN"],
      child: ["ADMIN"],
      sibling: ["ADMIN"],
      otherProvince: ["ADMIN"],
    },
    input: () => ({ name: "Hệ thống của Sở (kiểm thử)", access: "read", expiresOn: "" }),
  },
  "apiTokens.revoke": {
    load: () => import("../../../src/features/api/token-actions"),
    expected: { ...nobody, own: ["ADMIN"] },
    input: async (fx, target) => {
      const token = await fx.db.adminDb.apiToken.create({
        data: {
          organizationId: fx.organizations[target],
          createdById: fx.users[target],
          name: `Mã của ${target}`,
          prefix: "khtt_matrix",
          secretHash: randomUUID().replaceAll("-", "") + randomUUID().replaceAll("-", ""),
        },
      });
      return { tokenId: token.id, version: "1" };
    },
  },
  "api.upsertActuals": {
    load: () => import("../../../src/features/api/bulk-actuals"),
    expected: { ...nobody, own: ["EDITOR", "APPROVER"] },
    input: async (fx, target) => {
      const indicatorId = await firstIndicator(fx, target);
      const existing = await fx.db.adminDb.indicatorActual.findFirst({
        where: { indicatorId, year: YEAR },
        select: { version: true },
      });
      return {
        planId: fx.plans[target],
        year: String(YEAR),
        rows: JSON.stringify([{ indicatorId, text: "12,5", note: "Kiểm thử API", version: existing?.version ?? null }]),
      };
    },
    reset: async (fx, target) => {
      await fx.db.adminDb.indicatorActual.deleteMany({ where: { planId: fx.plans[target], year: YEAR } });
    },
  },
};
