import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { defineAction, FieldError, planPages } from "@/server/actions";
import type { ScopedDb } from "@/server/db/scoped";
import { recomputeStatuses } from "../results/recompute";
import { planOwner } from "@/server/plan-access";
import { requireDraft } from "./subject";

// When the parent plan changes after a child copied it, the child shows what changed — items added,
// removed or retargeted up there — and its editor accepts or dismisses each. Nothing changes in the
// child silently; a decision is recorded so the same change is not asked again.

export type ParentChange = {
  kind: "ADDED" | "REMOVED" | "RETARGETED";
  itemType: "TASK" | "INDICATOR";
  /** The parent's item for ADDED and RETARGETED, the child's item for REMOVED. */
  itemId: string;
  label: string;
  /** For RETARGETED: year → target text, before (what the child copied) and now (the parent's). */
  before?: Record<string, string>;
  after?: Record<string, string>;
};

const targetsOf = (targets: { year: number; text: string }[]) =>
  Object.fromEntries(targets.map((t) => [String(t.year), t.text]));
const same = (a: Record<string, string> | null | undefined, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b).sort());

export async function parentChanges(db: ScopedDb, planId: string): Promise<ParentChange[]> {
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { parentId: true } });
  if (!plan.parentId) return [];
  const [parentTasks, parentIndicators, childTasks, childIndicators, decisions] = await Promise.all([
    db.task.findMany({
      where: { planId: plan.parentId },
      select: { id: true, numbering: true, title: true, body: true, inheritance: true },
    }),
    db.indicator.findMany({
      where: { planId: plan.parentId },
      select: { id: true, code: true, name: true, inheritance: true, targets: { select: { year: true, text: true } } },
    }),
    db.task.findMany({
      where: { planId },
      select: { id: true, numbering: true, title: true, body: true, inheritance: true, derivedFromId: true },
    }),
    db.indicator.findMany({
      where: { planId },
      select: { id: true, code: true, name: true, inheritance: true, derivedFromId: true, parentTargetsSeen: true },
    }),
    db.inheritanceDecision.findMany({ where: { planId }, select: { itemType: true, itemId: true, kind: true } }),
  ]);
  const decided = new Set(decisions.map((d) => `${d.itemType}:${d.itemId}:${d.kind}`));
  const open = (change: ParentChange) =>
    !decided.has(`${change.itemType}:${change.itemId}:${change.kind}`) || change.kind === "RETARGETED";
  const changes: ParentChange[] = [];
  // Only a child that inherited anything follows its parent's items.
  if (!childTasks.some((t) => t.derivedFromId) && !childIndicators.some((i) => i.derivedFromId)) return [];

  const derivedTasks = new Set(childTasks.map((t) => t.derivedFromId));
  const liveParentTasks = new Map(parentTasks.filter((t) => t.inheritance !== "DROPPED").map((t) => [t.id, t]));
  for (const task of liveParentTasks.values()) {
    if (!derivedTasks.has(task.id))
      changes.push({
        kind: "ADDED",
        itemType: "TASK",
        itemId: task.id,
        label: `${task.numbering} ${task.title ?? task.body.slice(0, 120)}`,
      });
  }
  for (const task of childTasks) {
    if (task.inheritance === "INHERITED" && (!task.derivedFromId || !liveParentTasks.has(task.derivedFromId))) {
      changes.push({
        kind: "REMOVED",
        itemType: "TASK",
        itemId: task.id,
        label: `${task.numbering} ${task.title ?? task.body.slice(0, 120)}`,
      });
    }
  }

  const derivedIndicators = new Set(childIndicators.map((i) => i.derivedFromId));
  const liveParentIndicators = new Map(
    parentIndicators.filter((i) => i.inheritance !== "DROPPED").map((i) => [i.id, i]),
  );
  for (const indicator of liveParentIndicators.values()) {
    if (!derivedIndicators.has(indicator.id))
      changes.push({
        kind: "ADDED",
        itemType: "INDICATOR",
        itemId: indicator.id,
        label: `${indicator.code} ${indicator.name}`,
      });
  }
  for (const indicator of childIndicators) {
    const source = indicator.derivedFromId ? liveParentIndicators.get(indicator.derivedFromId) : undefined;
    if (indicator.inheritance === "INHERITED" && !source) {
      changes.push({
        kind: "REMOVED",
        itemType: "INDICATOR",
        itemId: indicator.id,
        label: `${indicator.code} ${indicator.name}`,
      });
    } else if (source && indicator.inheritance !== "DROPPED") {
      const now = targetsOf(source.targets);
      const seen = (indicator.parentTargetsSeen ?? {}) as Record<string, string>;
      if (!same(seen, now))
        changes.push({
          kind: "RETARGETED",
          itemType: "INDICATOR",
          itemId: source.id,
          label: `${indicator.code} ${indicator.name}`,
          before: seen,
          after: now,
        });
    }
  }
  return changes.filter(open);
}

const id = z.string().uuid();

export const decideParentChange = defineAction({
  name: "plans.decideParentChange",
  permission: "plans.edit",
  input: z.object({
    planId: id,
    itemType: z.enum(["TASK", "INDICATOR"]),
    itemId: id,
    kind: z.enum(["ADDED", "REMOVED", "RETARGETED"]),
    decision: z.enum(["accept", "dismiss"]),
  }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, scope, input, audit }) {
    await requireDraft(db, input.planId);
    const change = (await parentChanges(db, input.planId)).find(
      (c) => c.itemId === input.itemId && c.kind === input.kind && c.itemType === input.itemType,
    );
    if (!change) throw new FieldError("itemId", "Thay đổi này đã được xử lý hoặc không còn nữa: hãy tải lại trang");
    const accepted = input.decision === "accept";
    if (accepted) await apply(db, input.planId, change);
    else if (change.kind === "RETARGETED") {
      // Acknowledged: the child keeps its own targets, and only a further change asks again.
      await db.indicator.updateMany({
        where: { planId: input.planId, derivedFromId: change.itemId },
        data: { parentTargetsSeen: change.after },
      });
    }
    await db.inheritanceDecision.upsert({
      where: {
        planId_itemType_itemId_kind: {
          planId: input.planId,
          itemType: input.itemType,
          itemId: input.itemId,
          kind: input.kind,
        },
      },
      update: { accepted, parentSnapshot: change.after ?? undefined, decidedAt: new Date(), decidedById: scope.userId },
      create: {
        planId: input.planId,
        itemType: input.itemType,
        itemId: input.itemId,
        kind: input.kind,
        accepted,
        parentSnapshot: change.after ?? undefined,
        decidedById: scope.userId,
      },
    });
    await audit({
      action: `parentChange.${input.decision}`,
      entityType: input.itemType === "TASK" ? "Task" : "Indicator",
      entityId: input.itemId,
      after: { kind: input.kind, label: change.label, before: change.before, after: change.after },
    });
    return { accepted };
  },
  revalidate: ({ input }) => [planPages(input.planId)],
});

async function apply(db: ScopedDb, planId: string, change: ParentChange) {
  if (change.kind === "REMOVED") {
    const data = {
      inheritance: "DROPPED" as const,
      dropReason: "Kế hoạch cấp trên đã bỏ nội dung này",
      version: { increment: 1 },
    };
    if (change.itemType === "TASK") await db.task.update({ where: { id: change.itemId }, data });
    else await db.indicator.update({ where: { id: change.itemId }, data });
    return;
  }
  if (change.itemType === "TASK") {
    const source = await db.task.findUniqueOrThrow({ where: { id: change.itemId } });
    const parent = source.parentTaskId
      ? await db.task.findFirst({ where: { planId, derivedFromId: source.parentTaskId }, select: { id: true } })
      : null;
    const last = await db.task.aggregate({
      where: { planId, parentTaskId: parent?.id ?? null },
      _max: { position: true },
    });
    await db.task.create({
      data: {
        id: randomUUID(),
        planId,
        parentTaskId: parent?.id ?? null,
        position: (last._max.position ?? -1) + 1,
        numbering: source.numbering,
        title: source.title,
        body: source.body,
        derivedFromId: source.id,
        inheritance: "INHERITED",
        timeframeKind: source.timeframeKind,
        timeframeYear: source.timeframeYear,
        timeframeEndYear: source.timeframeEndYear,
        timeframeQuarter: source.timeframeQuarter,
        timeframeDate: source.timeframeDate,
        timeframeText: source.timeframeText,
      },
    });
    return;
  }
  const source = await db.indicator.findUniqueOrThrow({ where: { id: change.itemId }, include: { targets: true } });
  let indicatorId: string;
  if (change.kind === "ADDED") {
    const parent = source.parentIndicatorId
      ? await db.indicator.findFirst({
          where: { planId, derivedFromId: source.parentIndicatorId },
          select: { id: true },
        })
      : null;
    const last = await db.indicator.aggregate({
      where: { planId, parentIndicatorId: parent?.id ?? null },
      _max: { position: true },
    });
    indicatorId = randomUUID();
    await db.indicator.create({
      data: {
        id: indicatorId,
        planId,
        parentIndicatorId: parent?.id ?? null,
        position: (last._max.position ?? -1) + 1,
        code: source.code,
        name: source.name,
        unit: source.unit,
        isGroup: source.isGroup,
        direction: source.direction,
        derivedFromId: source.id,
        inheritance: "INHERITED",
        markedAsFromParent: true,
        parentTargetsSeen: targetsOf(source.targets),
      },
    });
  } else {
    indicatorId = (
      await db.indicator.findFirstOrThrow({ where: { planId, derivedFromId: source.id }, select: { id: true } })
    ).id;
    await db.indicatorTarget.deleteMany({ where: { indicatorId } });
    await db.indicator.update({
      where: { id: indicatorId },
      data: { parentTargetsSeen: targetsOf(source.targets), version: { increment: 1 } },
    });
  }
  if (source.targets.length) {
    await db.indicatorTarget.createMany({
      data: source.targets.map((t) => ({
        id: randomUUID(),
        planId,
        indicatorId,
        year: t.year,
        kind: t.kind,
        lower: t.lower,
        upper: t.upper,
        isPercent: t.isPercent,
        qualitative: t.qualitative,
        text: t.text,
      })),
    });
  }
  await recomputeStatuses(db, [indicatorId]);
}
