import { randomUUID } from "node:crypto";
import type { MatrixCase, MatrixFixtures, Target } from "./types";

// Plan authoring: only the body's own editors (and approvers) change its drafts; only approvers
// issue; a plan of a body above is what one implements.

const load = async () => {
  await import("../../../src/features/plans/plan-actions");
  await import("../../../src/features/plans/task-actions");
  await import("../../../src/features/plans/indicator-actions");
  await import("../../../src/features/plans/parent-change-actions");
  await import("../../../src/features/plans/editor-actions");
  await import("../../../src/features/plans/aggregation-actions");
};
const writersOwn = {
  own: ["EDITOR", "APPROVER"],
  parent: [],
  child: [],
  sibling: [],
  otherProvince: [],
} satisfies MatrixCase["expected"];

const drafts = new Map<string, { planId: string; parentTaskIds: string[] }>();

/** A draft plan of the target body implementing the Sơn La plan, with one inherited task and indicator. */
async function draftOf(fx: MatrixFixtures, target: Target) {
  const cached = drafts.get(`${fx.db.name}:${target}`);
  if (cached) return cached;
  const db = fx.db.adminDb;
  const issuer = await db.organization.findUniqueOrThrow({ where: { id: fx.organizations[target] } });
  const sonLa = await db.plan.findFirstOrThrow({
    where: { issuer: { name: "Tỉnh ủy Sơn La" }, hasContent: true },
    include: { tasks: { orderBy: { position: "asc" } }, indicators: { where: { isGroup: false }, take: 1 } },
  });
  const planId = randomUUID();
  await db.plan.create({
    data: {
      id: planId,
      kind: "PLAN",
      track: "PARTY",
      notation: "PARTY",
      typeCode: "KH",
      issuerCode: "HU",
      issuerId: issuer.id,
      provinceCode: issuer.provinceCode,
      title: "Dự thảo kiểm thử",
      parentId: sonLa.id,
    },
  });
  const first = sonLa.tasks[0]!;
  await db.task.create({
    data: {
      planId,
      position: 0,
      numbering: first.numbering,
      body: first.body,
      derivedFromId: first.id,
      inheritance: "INHERITED",
    },
  });
  const indicator = sonLa.indicators[0]!;
  await db.indicator.create({
    data: {
      planId,
      position: 0,
      code: indicator.code,
      name: indicator.name,
      derivedFromId: indicator.id,
      inheritance: "INHERITED",
      parentTargetsSeen: {},
    },
  });
  const result = { planId, parentTaskIds: sonLa.tasks.slice(1).map((t) => t.id) };
  drafts.set(`${fx.db.name}:${target}`, result);
  return result;
}

async function newTask(fx: MatrixFixtures, planId: string, inheritance: "LOCAL" | "DROPPED", position = 10) {
  return fx.db.adminDb.task.create({
    data: {
      planId,
      position,
      numbering: "x",
      body: "Nhiệm vụ thử",
      inheritance,
      dropReason: inheritance === "DROPPED" ? "thử nghiệm" : null,
    },
  });
}

async function newIndicator(fx: MatrixFixtures, planId: string, inheritance: "LOCAL" | "DROPPED") {
  return fx.db.adminDb.indicator.create({
    data: {
      planId,
      position: 10,
      code: "x",
      name: "Chỉ tiêu thử",
      inheritance,
      dropReason: inheritance === "DROPPED" ? "thử nghiệm" : null,
    },
  });
}

export const cases: Record<string, MatrixCase> = {
  "plans.createImplementing": {
    load,
    expected: { own: [], parent: ["EDITOR", "APPROVER"], child: [], sibling: [], otherProvince: [] },
    input: (fx, target) => ({ parentId: fx.plans[target], title: "Kế hoạch thực hiện (kiểm thử ma trận)" }),
  },
  "plans.updateHeader": {
    load,
    expected: writersOwn,
    input: async (fx, target) => {
      const { planId } = await draftOf(fx, target);
      const plan = await fx.db.adminDb.plan.findUniqueOrThrow({ where: { id: planId } });
      return {
        planId,
        version: String(plan.version),
        title: "Dự thảo kiểm thử (đã sửa)",
        purpose: "Mục đích",
        requirements: "",
        generalObjective: "",
        vision: "",
        funding: "",
        implementation: "",
      };
    },
  },
  "plans.issue": {
    load,
    expected: { own: ["APPROVER"], parent: [], child: [], sibling: [], otherProvince: [] },
    input: async (fx, target) => {
      const { planId } = await draftOf(fx, target);
      const plan = await fx.db.adminDb.plan.findUniqueOrThrow({ where: { id: planId } });
      return {
        planId,
        version: String(plan.version),
        numberSerial: "12",
        issuedOn: "01/10/2026",
        signerName: "Nguyễn Văn A",
        signerTitle: "BÍ THƯ",
        signingForm: "T/M BAN THƯỜNG VỤ",
      };
    },
    reset: async (fx, target) => {
      const { planId } = await draftOf(fx, target);
      await fx.db.adminDb.plan.update({ where: { id: planId }, data: { status: "DRAFT" } });
    },
  },
  "plans.publish": {
    load,
    expected: { own: ["APPROVER"], parent: [], child: [], sibling: [], otherProvince: [] },
    input: async (fx, target) => {
      const { version } = await fx.db.adminDb.plan.update({
        where: { id: fx.plans[target] },
        data: { status: "ISSUED", publishedAt: null },
        select: { version: true },
      });
      return { planId: fx.plans[target], version: String(version), publish: "true" };
    },
    reset: async (fx, target) => {
      await fx.db.adminDb.plan.update({ where: { id: fx.plans[target] }, data: { publishedAt: null } });
    },
  },
  "plans.amend": {
    load,
    expected: writersOwn,
    input: async (fx, target) => {
      const plan = await fx.db.adminDb.plan.update({ where: { id: fx.plans[target] }, data: { status: "ISSUED" } });
      return { planId: plan.id, version: String(plan.version), reason: "Điều chỉnh theo chỉ đạo mới" };
    },
  },
  "plans.saveTask": {
    load,
    expected: writersOwn,
    input: async (fx, target) => ({
      planId: (await draftOf(fx, target)).planId,
      taskId: "",
      parentTaskId: "",
      numbering: "10.",
      title: "Nhiệm vụ địa phương",
      body: "Nội dung",
      timeframe: "Thường xuyên",
      lead: JSON.stringify(["Phòng Nội vụ"]),
      coordinating: "[]",
      directing: "[]",
    }),
  },
  "plans.saveChanges": {
    load,
    expected: writersOwn,
    input: async (fx, target) => {
      const { planId } = await draftOf(fx, target);
      const task = await fx.db.adminDb.task.findFirstOrThrow({ where: { planId, inheritance: "INHERITED" } });
      return {
        planId,
        changes: JSON.stringify({
          tasks: [
            {
              taskId: task.id,
              parentTaskId: task.parentTaskId ?? "",
              version: String(task.version),
              numbering: task.numbering,
              title: "Nhiệm vụ sửa trong một lần lưu",
              body: task.body,
              timeframe: "Năm 2026",
              lead: "[]",
              coordinating: "[]",
              directing: "[]",
            },
          ],
          indicators: [],
        }),
      };
    },
  },
  "plans.dropTask": {
    load,
    expected: writersOwn,
    input: async (fx, target) => {
      const { planId } = await draftOf(fx, target);
      const task = await newTask(fx, planId, "LOCAL");
      return { planId, taskId: task.id, version: String(task.version), reason: "" };
    },
  },
  "plans.restoreTask": {
    load,
    expected: writersOwn,
    input: async (fx, target) => {
      const { planId } = await draftOf(fx, target);
      const task = await newTask(fx, planId, "DROPPED");
      return { planId, taskId: task.id, version: String(task.version) };
    },
  },
  "plans.moveTask": {
    load,
    expected: writersOwn,
    input: async (fx, target) => {
      const { planId } = await draftOf(fx, target);
      const task = await newTask(fx, planId, "LOCAL", 0);
      await newTask(fx, planId, "LOCAL", 1);
      return { planId, taskId: task.id, direction: "down" };
    },
  },
  "plans.saveIndicator": {
    load,
    expected: writersOwn,
    input: async (fx, target) => ({
      planId: (await draftOf(fx, target)).planId,
      indicatorId: "",
      parentIndicatorId: "",
      code: "9.9",
      name: "Chỉ tiêu địa phương",
      unit: "%",
      isGroup: "false",
      direction: "HIGHER_BETTER",
      target2025: "90",
      target2030: "trên 95%",
    }),
  },
  "plans.dropIndicator": {
    load,
    expected: writersOwn,
    input: async (fx, target) => {
      const { planId } = await draftOf(fx, target);
      const indicator = await newIndicator(fx, planId, "LOCAL");
      return { planId, indicatorId: indicator.id, version: String(indicator.version), reason: "" };
    },
  },
  "plans.restoreIndicator": {
    load,
    expected: writersOwn,
    input: async (fx, target) => {
      const { planId } = await draftOf(fx, target);
      const indicator = await newIndicator(fx, planId, "DROPPED");
      return { planId, indicatorId: indicator.id, version: String(indicator.version) };
    },
  },
  "plans.decideParentChange": {
    load,
    expected: writersOwn,
    input: async (fx, target) => {
      const { planId, parentTaskIds } = await draftOf(fx, target);
      return { planId, itemType: "TASK", itemId: parentTaskIds[0]!, kind: "ADDED", decision: "dismiss" };
    },
    reset: async (fx, target) => {
      const { planId } = await draftOf(fx, target);
      await fx.db.adminDb.inheritanceDecision.deleteMany({ where: { planId } });
    },
  },
  "indicators.setAggregation": {
    load,
    expected: writersOwn,
    // On the body's issued plan: the setting is not part of the document's text (ADR 0029).
    input: async (fx, target) => {
      const planId = fx.plans[target];
      const indicator = await newIndicator(fx, planId, "LOCAL");
      return { planId, indicatorId: indicator.id, version: String(indicator.version), aggregation: "SUM" };
    },
  },
};
