import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The walls are checked by lint (eslint.config.mjs, ADR 0015); these cases prove the rules bite, on
// text linted as if it were a file at the given place.

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function messages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the walls, as lint sees them", () => {
  it("keeps features away from the raw database client", async () => {
    const found = await messages(
      "src/features/accounts/wall-probe.ts",
      'import { rawDatabase } from "@/server/db/client";\nexport const db = rawDatabase;\n',
    );
    expect(found.join("\n")).toMatch(/no-restricted-imports: .*raw client/);
  }, 60_000);

  it("lets a feature use another only through what it offers", async () => {
    const inside = await messages(
      "src/features/reporting/wall-probe.ts",
      'import { getResultsPage } from "@/features/results/queries";\nimport { recomputeStatuses } from "../results/recompute";\nexport const x = [getResultsPage, recomputeStatuses];\n',
    );
    expect(inside).toHaveLength(1);
    expect(inside[0]).toMatch(/import\/no-restricted-paths: .*results\/queries/);
  }, 60_000);

  it("keeps the domain pure and the walls and shared pieces free of features", async () => {
    expect(
      await messages(
        "src/domain/wall-probe.ts",
        'import { withScope } from "@/server/db/scoped";\nexport const x = withScope;\n',
      ),
    ).toHaveLength(1);
    expect(
      await messages(
        "src/server/wall-probe.ts",
        'import { listPlans } from "@/features/plans/queries";\nexport const x = listPlans;\n',
      ),
    ).toHaveLength(1);
    expect(
      await messages("src/ui/wall-probe.ts", 'import { ROUTES } from "@/server/routes";\nexport const x = ROUTES;\n'),
    ).toHaveLength(1);
  }, 60_000);
});
