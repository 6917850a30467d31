import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { parseTimeframe } from "@/domain/timeframe";
import { defineAction, FieldError, planPages, type ActionContext } from "@/server/actions";
import type { ScopedDb } from "@/server/db/scoped";
import { ConflictError } from "@/server/errors";
import { resolveAgencies } from "./create-plan";
import { planOwner } from "@/server/plan-access";
import { requireDraft, staleGuard } from "./subject";

// Editing the tasks of a draft: text, agencies (picked from the locality's directory or added on the
// spot), timeframe, order and nesting; inherited tasks are dropped with a reason, never silently.

const id = z.string().uuid();
const optionalId = z.union([z.literal(""), id]).transform((v) => (v === "" ? null : v));
const agencyList = z
  .string()
  .default("[]")
  .transform((value, ctx) => {
    try {
      const list = JSON.parse(value);
      if (Array.isArray(list) && list.every((x) => typeof x === "string"))
        return list.map((x: string) => x.trim()).filter(Boolean);
    } catch {
      /* fall through */
    }
    ctx.addIssue({ code: "custom", message: "Danh sách cơ quan không hợp lệ" });
    return z.NEVER;
  })
  .pipe(z.array(z.string().max(200, "Tên cơ quan quá dài")).max(30, "Tối đa 30 cơ quan"));

async function taskOf(db: ScopedDb, planId: string, taskId: string) {
  const task = await db.task.findFirst({ where: { id: taskId, planId } });
  if (!task) throw new FieldError("taskId", "Không tìm thấy nhiệm vụ (có thể đã bị xóa)");
  return task;
}

const UNREADABLE_TIMEFRAME =
  "Không đọc được thời gian: hãy viết “Thường xuyên”, “Năm 2025”, “Từ năm 2025”, “Quý I/2025” hoặc “Trước ngày 20/07/2025”";

/** What a task's form sends (one task; saveTask adds the plan, saveChanges sends many). */
export const taskFields = z.object({
  taskId: optionalId,
  parentTaskId: optionalId,
  version: z.coerce.number().int().min(0).default(0),
  numbering: z.string().trim().max(20, "Số thứ tự tối đa 20 ký tự"),
  title: z
    .string()
    .trim()
    .max(500, "Tiêu đề tối đa 500 ký tự")
    .transform((v) => v || null),
  body: z.string().trim().max(20000, "Nội dung quá dài"),
  timeframe: z
    .string()
    .trim()
    .max(200, "Thời gian tối đa 200 ký tự")
    .refine((v) => !v || parseTimeframe(v).kind !== "UNSPECIFIED", UNREADABLE_TIMEFRAME),
  lead: agencyList,
  coordinating: agencyList,
  directing: agencyList,
});

export type TaskChange = z.infer<typeof taskFields>;

const hasText = (t: { title: string | null; body: string }) => Boolean(t.title || t.body);
const NO_TEXT = { message: "Hãy nhập tiêu đề hoặc nội dung nhiệm vụ", path: ["body"] };

export const taskChange = taskFields.refine(hasText, NO_TEXT);

/**
 * Saves one task of a draft (new when it has no id): its text and timeframe, its version checked,
 * its agencies resolved in the issuer's locality (added to the directory when new), audited. The
 * caller has checked the owner and that the plan is a draft. `label` names the task in a conflict.
 */
export async function applyTaskChange(
  db: ScopedDb,
  planId: string,
  input: TaskChange,
  audit: ActionContext<unknown>["audit"],
  conflictField?: string,
): Promise<{ id: string; version: number }> {
  const timeframe = parseTimeframe(input.timeframe || null);
  const fields = {
    numbering: input.numbering,
    title: input.title,
    body: input.body,
    timeframeKind: timeframe.kind,
    timeframeYear: timeframe.year ?? null,
    timeframeEndYear: timeframe.endYear ?? null,
    timeframeQuarter: timeframe.quarter ?? null,
    timeframeDate: timeframe.date ? new Date(`${timeframe.date}T00:00:00Z`) : null,
    timeframeText: input.timeframe || null,
  };
  let taskId = input.taskId;
  let before: unknown = null;
  if (taskId) {
    before = await taskOf(db, planId, taskId);
    const { count } = await db.task.updateMany({
      where: { id: taskId, planId, version: input.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0 && conflictField)
      throw new FieldError(
        conflictField,
        `Nhiệm vụ ${input.numbering} vừa được người khác lưu thay đổi; chưa lưu gì. Nội dung bạn nhập vẫn còn trên màn hình: hãy tải lại trang để xem bản mới rồi nhập lại.`,
      );
    staleGuard(count, "Nhiệm vụ");
  } else {
    if (input.parentTaskId) await taskOf(db, planId, input.parentTaskId);
    const last = await db.task.aggregate({
      where: { planId, parentTaskId: input.parentTaskId },
      _max: { position: true },
    });
    taskId = randomUUID();
    await db.task.create({
      data: {
        id: taskId,
        planId,
        parentTaskId: input.parentTaskId,
        position: (last._max.position ?? -1) + 1,
        inheritance: "LOCAL",
        ...fields,
      },
    });
  }
  const issuer = await db.plan.findUniqueOrThrow({
    where: { id: planId },
    select: { issuer: { select: { adminUnitId: true, provinceCode: true } } },
  });
  const agencies = await resolveAgencies(
    db,
    issuer.issuer,
    [...input.lead, ...input.coordinating, ...input.directing],
    audit,
  );
  await db.taskAssignment.deleteMany({ where: { taskId } });
  const assignments = (["LEAD", "COORDINATING", "DIRECTING"] as const).flatMap((role) => {
    const names = role === "LEAD" ? input.lead : role === "COORDINATING" ? input.coordinating : input.directing;
    const seen = new Set<string>();
    return names.flatMap((name, position) => {
      const organizationId = agencies.get(name)!;
      if (seen.has(organizationId)) return [];
      seen.add(organizationId);
      return [{ id: randomUUID(), planId, taskId: taskId!, organizationId, role, position }];
    });
  });
  if (assignments.length) await db.taskAssignment.createMany({ data: assignments });
  await audit({
    action: input.taskId ? "task.update" : "task.create",
    entityType: "Task",
    entityId: taskId,
    before,
    after: { ...fields, lead: input.lead, coordinating: input.coordinating, directing: input.directing },
  });
  return db.task.findUniqueOrThrow({ where: { id: taskId }, select: { id: true, version: true } });
}

export const saveTask = defineAction({
  name: "plans.saveTask",
  permission: "plans.edit",
  input: taskFields.extend({ planId: id }).refine(hasText, NO_TEXT),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    await requireDraft(db, input.planId);
    return applyTaskChange(db, input.planId, input, audit);
  },
  revalidate: ({ input }) => [planPages(input.planId)],
});

export const dropTask = defineAction({
  name: "plans.dropTask",
  permission: "plans.edit",
  input: z.object({
    planId: id,
    taskId: id,
    version: z.coerce.number().int().min(1),
    reason: z.string().trim().max(500, "Lý do tối đa 500 ký tự").default(""),
  }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    await requireDraft(db, input.planId);
    const task = await taskOf(db, input.planId, input.taskId);
    if (task.inheritance === "LOCAL") {
      // A task this plan added itself can go, but not with tasks under it (they would go with it,
      // unseen); the progress reported on it goes into the audit record with it.
      const children = await db.task.count({ where: { planId: input.planId, parentTaskId: task.id } });
      if (children > 0)
        throw new ConflictError(
          `Không xóa được: nhiệm vụ này còn ${children} nhiệm vụ con. Hãy xóa hoặc chuyển các nhiệm vụ con trước.`,
        );
      const progress = await db.taskProgress.findMany({
        where: { taskId: task.id },
        select: { year: true, organizationId: true, status: true, summary: true },
      });
      const { count } = await db.task.deleteMany({ where: { id: task.id, version: input.version } });
      staleGuard(count, "Nhiệm vụ");
      await audit({ action: "task.delete", entityType: "Task", entityId: task.id, before: { ...task, progress } });
      return { deleted: true };
    }
    if (input.reason.length < 5)
      throw new FieldError("reason", "Hãy ghi lý do không thực hiện nhiệm vụ kế thừa từ cấp trên (ít nhất 5 ký tự)");
    const { count } = await db.task.updateMany({
      where: { id: task.id, version: input.version },
      data: { inheritance: "DROPPED", dropReason: input.reason, version: { increment: 1 } },
    });
    staleGuard(count, "Nhiệm vụ");
    await audit({
      action: "task.drop",
      entityType: "Task",
      entityId: task.id,
      before: { inheritance: task.inheritance },
      after: { inheritance: "DROPPED", dropReason: input.reason },
    });
    return { deleted: false };
  },
  revalidate: ({ input }) => [planPages(input.planId)],
});

export const restoreTask = defineAction({
  name: "plans.restoreTask",
  permission: "plans.edit",
  input: z.object({ planId: id, taskId: id, version: z.coerce.number().int().min(1) }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    await requireDraft(db, input.planId);
    const task = await taskOf(db, input.planId, input.taskId);
    const { count } = await db.task.updateMany({
      where: { id: task.id, version: input.version, inheritance: "DROPPED" },
      data: { inheritance: "INHERITED", dropReason: null, version: { increment: 1 } },
    });
    staleGuard(count, "Nhiệm vụ");
    await audit({
      action: "task.restore",
      entityType: "Task",
      entityId: task.id,
      before: { inheritance: "DROPPED", dropReason: task.dropReason },
      after: { inheritance: "INHERITED" },
    });
    return { restored: true };
  },
  revalidate: ({ input }) => [planPages(input.planId)],
});

export const moveTask = defineAction({
  name: "plans.moveTask",
  permission: "plans.edit",
  input: z.object({ planId: id, taskId: id, direction: z.enum(["up", "down", "indent", "outdent"]) }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    await requireDraft(db, input.planId);
    const task = await taskOf(db, input.planId, input.taskId);
    const siblings = await db.task.findMany({
      where: { planId: input.planId, parentTaskId: task.parentTaskId },
      orderBy: { position: "asc" },
    });
    const index = siblings.findIndex((s) => s.id === task.id);
    const renumber = async (list: { id: string }[], parentTaskId: string | null) => {
      for (const [position, item] of list.entries())
        await db.task.update({ where: { id: item.id }, data: { position, parentTaskId, version: { increment: 1 } } });
    };
    if (input.direction === "up" || input.direction === "down") {
      const swapWith = index + (input.direction === "up" ? -1 : 1);
      if (swapWith < 0 || swapWith >= siblings.length) return { moved: false };
      [siblings[index], siblings[swapWith]] = [siblings[swapWith]!, siblings[index]!];
      await renumber(siblings, task.parentTaskId);
    } else if (input.direction === "indent") {
      // Becomes the last sub-task of the task above it.
      const newParent = siblings[index - 1];
      if (!newParent) return { moved: false };
      const children = await db.task.findMany({ where: { parentTaskId: newParent.id }, orderBy: { position: "asc" } });
      await renumber(
        siblings.filter((s) => s.id !== task.id),
        task.parentTaskId,
      );
      await renumber([...children, task], newParent.id);
    } else {
      if (!task.parentTaskId) return { moved: false };
      const parent = await taskOf(db, input.planId, task.parentTaskId);
      const outer = await db.task.findMany({
        where: { planId: input.planId, parentTaskId: parent.parentTaskId },
        orderBy: { position: "asc" },
      });
      const at = outer.findIndex((s) => s.id === parent.id);
      await renumber(
        siblings.filter((s) => s.id !== task.id),
        task.parentTaskId,
      );
      await renumber([...outer.slice(0, at + 1), task, ...outer.slice(at + 1)], parent.parentTaskId);
    }
    await audit({
      action: `task.move.${input.direction}`,
      entityType: "Task",
      entityId: task.id,
      before: { parentTaskId: task.parentTaskId, position: task.position },
    });
    return { moved: true };
  },
  revalidate: ({ input }) => [planPages(input.planId)],
});
