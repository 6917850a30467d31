import { randomUUID } from "node:crypto";
import type { MatrixCase, MatrixFixtures, Target } from "./types";

// Entering results: editors and approvers of the body that issued the plan, nobody else.

const load = () => import("../../../src/features/results/result-actions");
const writersOfOwn = {
  own: ["EDITOR", "APPROVER"],
  parent: [],
  child: [],
  sibling: [],
  otherProvince: [],
} satisfies MatrixCase["expected"];
const YEAR = 2026;

/** An indicator (or task) of the target's plan; a made-up id where the plan has none (the request is refused before it is read). */
async function firstIndicator(fx: MatrixFixtures, target: Target): Promise<string> {
  const indicator = await fx.db.adminDb.indicator.findFirst({
    where: { planId: fx.plans[target], isGroup: false },
    orderBy: [{ code: "asc" }],
    select: { id: true },
  });
  return indicator?.id ?? randomUUID();
}

async function firstLeafTask(fx: MatrixFixtures, target: Target): Promise<string> {
  const task = await fx.db.adminDb.task.findFirst({
    where: { planId: fx.plans[target], children: { none: {} } },
    orderBy: [{ position: "asc" }],
    select: { id: true },
  });
  return task?.id ?? randomUUID();
}

export const cases: Record<string, MatrixCase> = {
  "results.saveActuals": {
    load,
    expected: writersOfOwn,
    input: async (fx, target) => {
      const indicatorId = await firstIndicator(fx, target);
      const existing = await fx.db.adminDb.indicatorActual.findFirst({
        where: { indicatorId, year: YEAR },
        select: { version: true },
      });
      return {
        planId: fx.plans[target],
        year: String(YEAR),
        rows: JSON.stringify([
          {
            indicatorId,
            text: "12,5",
            note: "Kiểm thử ma trận quyền",
            source: "Báo cáo thống kê",
            version: existing?.version ?? null,
          },
        ]),
      };
    },
    reset: async (fx, target) => {
      await fx.db.adminDb.indicatorActual.deleteMany({ where: { planId: fx.plans[target], year: YEAR } });
    },
  },
  "results.saveTaskProgress": {
    load,
    expected: writersOfOwn,
    input: async (fx, target) => {
      const taskId = await firstLeafTask(fx, target);
      const existing = await fx.db.adminDb.taskProgress.findFirst({
        where: { taskId, year: YEAR, organizationId: null },
        select: { version: true },
      });
      return {
        planId: fx.plans[target],
        year: String(YEAR),
        rows: JSON.stringify([
          {
            taskId,
            organizationId: null,
            status: "IN_PROGRESS",
            summary: "Đã triển khai (kiểm thử)",
            version: existing?.version ?? null,
          },
        ]),
      };
    },
    reset: async (fx, target) => {
      await fx.db.adminDb.taskProgress.deleteMany({ where: { planId: fx.plans[target], year: YEAR } });
    },
  },
};
