import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { readTarget } from "@/domain/indicator-assessment";
import { AGGREGATIONS, aggregationProblem } from "@/domain/locality-aggregation";
import type { Direction, Target } from "@/domain/target-notation";
import { defineAction, FieldError, planPages, type ActionContext } from "@/server/actions";
import type { ScopedDb } from "@/server/db/scoped";
import { ConflictError } from "@/server/errors";
import { recomputeStatuses } from "../results/recompute";
import { planOwner } from "@/server/plan-access";
import { requireDraft, staleGuard } from "./subject";

// Editing the indicators of a draft: targets typed in the officials' notation ("dưới 1,2%",
// "2-2,5", "≥1", "Giải quyết cơ bản") are read by the domain core, the same rules the form uses for
// its immediate feedback; the stored statuses of the indicator's actuals follow the new targets.

export const MILESTONES = [2025, 2030] as const;

const id = z.string().uuid();
const optionalId = z.union([z.literal(""), id]).transform((v) => (v === "" ? null : v));
const targetText = z.string().trim().max(200, "Chỉ tiêu tối đa 200 ký tự");

async function indicatorOf(db: ScopedDb, planId: string, indicatorId: string) {
  const indicator = await db.indicator.findFirst({ where: { id: indicatorId, planId }, include: { targets: true } });
  if (!indicator) throw new FieldError("indicatorId", "Không tìm thấy chỉ tiêu (có thể đã bị xóa)");
  return indicator;
}

/** What an indicator's form sends (one indicator; saveIndicator adds the plan, saveChanges sends many). */
export const indicatorFields = z.object({
  indicatorId: optionalId,
  parentIndicatorId: optionalId,
  version: z.coerce.number().int().min(0).default(0),
  code: z.string().trim().max(20, "Mã tối đa 20 ký tự"),
  name: z.string().trim().min(2, "Hãy nhập tên chỉ tiêu").max(500, "Tên chỉ tiêu tối đa 500 ký tự"),
  unit: z
    .string()
    .trim()
    .max(60, "Đơn vị tính tối đa 60 ký tự")
    .transform((v) => v || null),
  isGroup: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  direction: z.enum(["HIGHER_BETTER", "LOWER_BETTER", "WITHIN_RANGE", "QUALITATIVE"], {
    message: "Hãy chọn chiều đánh giá",
  }),
  target2025: targetText,
  target2030: targetText,
  /** How localities' figures combine (compiled report); absent: left as it is. */
  aggregation: z.enum(AGGREGATIONS, { message: "Hãy chọn cách tổng hợp" }).optional(),
  aggregationWeightId: optionalId.optional(),
});

export type IndicatorChange = z.infer<typeof indicatorFields>;

/**
 * The targets an indicator's texts say, or the message for each one that cannot be read. Words are a
 * target only where the unit is not a measure, or the user chose "Định tính" (readTarget).
 */
export function readTargets(input: Pick<IndicatorChange, "target2025" | "target2030" | "unit" | "direction">) {
  const targets = new Map<number, Target | null>();
  const errors: Record<string, string> = {};
  for (const year of MILESTONES) {
    const text = year === 2025 ? input.target2025 : input.target2030;
    if (!text) {
      targets.set(year, null);
      continue;
    }
    const parsed = readTarget(text, { unit: input.unit, direction: input.direction });
    if (parsed.ok) targets.set(year, parsed.target);
    else errors[`target${year}`] = parsed.error;
  }
  return { targets, errors };
}

/**
 * The combination setting as sent, checked (src/domain/locality-aggregation.ts): a weight must be a
 * numeric indicator of the same plan, not the indicator itself. Nothing when the form did not send it.
 */
async function aggregationFields(db: ScopedDb, planId: string, input: IndicatorChange, prefix: string) {
  if (input.aggregation === undefined) return {};
  const weightId = input.aggregation === "WEIGHTED_AVERAGE" ? (input.aggregationWeightId ?? null) : null;
  const weight = weightId
    ? await db.indicator.findFirst({
        where: { id: weightId, planId, inheritance: { not: "DROPPED" } },
        select: { id: true, isGroup: true, direction: true },
      })
    : null;
  if (weightId && !weight)
    throw new FieldError(
      `${prefix}aggregationWeightId`,
      "Chỉ tiêu làm trọng số không thuộc kế hoạch này (có thể đã bị xóa); hãy chọn lại.",
    );
  const problem = aggregationProblem({
    aggregation: input.aggregation,
    direction: input.direction,
    isGroup: input.isGroup,
    weight: weight ? { ...weight, direction: weight.direction as Direction } : null,
    selfId: input.indicatorId,
  });
  if (problem) throw new FieldError(`${prefix}${problem.field}`, problem.message);
  return { aggregation: input.aggregation, aggregationWeightId: weightId };
}

/**
 * Saves one indicator of a draft (new when it has no id): its fields and its 2025 and 2030 targets
 * (read by the domain's notation; an unreadable one is refused beside its field, `prefix` naming the
 * row among several), its version checked, the stored statuses recomputed, audited. The caller has
 * checked the owner and that the plan is a draft.
 */
export async function applyIndicatorChange(
  db: ScopedDb,
  planId: string,
  input: IndicatorChange,
  audit: ActionContext<unknown>["audit"],
  prefix = "",
): Promise<{ id: string; version: number }> {
  const { targets, errors } = readTargets(input);
  const [field, message] = Object.entries(errors)[0] ?? [];
  if (field) throw new FieldError(`${prefix}${field}`, message!);
  const fields = {
    code: input.code,
    name: input.name,
    unit: input.unit,
    direction: input.direction,
    isGroup: input.isGroup,
    ...(await aggregationFields(db, planId, input, prefix)),
  };
  let indicatorId = input.indicatorId;
  let before: unknown = null;
  if (indicatorId) {
    before = await indicatorOf(db, planId, indicatorId);
    const { count } = await db.indicator.updateMany({
      where: { id: indicatorId, planId: planId, version: input.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0 && prefix)
      throw new FieldError(
        `${prefix}version`,
        `Chỉ tiêu ${input.code} vừa được người khác lưu thay đổi; chưa lưu gì. Nội dung bạn nhập vẫn còn trên màn hình: hãy tải lại trang để xem bản mới rồi nhập lại.`,
      );
    staleGuard(count, "Chỉ tiêu");
  } else {
    // The group it goes under must be one of this plan's (a foreign key alone would accept any plan's).
    if (input.parentIndicatorId) {
      const group = await db.indicator.findFirst({
        where: { id: input.parentIndicatorId, planId: planId },
        select: { id: true },
      });
      if (!group)
        throw new FieldError(
          `${prefix}parentIndicatorId`,
          "Nhóm chỉ tiêu đã chọn không thuộc kế hoạch này (có thể đã bị xóa); hãy chọn lại.",
        );
    }
    const last = await db.indicator.aggregate({
      where: { planId: planId, parentIndicatorId: input.parentIndicatorId },
      _max: { position: true },
    });
    indicatorId = randomUUID();
    await db.indicator.create({
      data: {
        id: indicatorId,
        planId: planId,
        parentIndicatorId: input.parentIndicatorId,
        position: (last._max.position ?? -1) + 1,
        inheritance: "LOCAL",
        ...fields,
      },
    });
  }
  for (const [year, target] of targets) {
    if (!target) {
      await db.indicatorTarget.deleteMany({ where: { indicatorId, year } });
      continue;
    }
    const data = {
      kind: target.kind,
      lower: target.lower,
      upper: target.upper,
      isPercent: target.isPercent,
      qualitative: target.qualitative,
      text: target.text,
    };
    await db.indicatorTarget.upsert({
      where: { indicatorId_year: { indicatorId, year } },
      update: data,
      create: { id: randomUUID(), planId: planId, indicatorId, year, ...data },
    });
  }
  await recomputeStatuses(db, [indicatorId]);
  await audit({
    action: input.indicatorId ? "indicator.update" : "indicator.create",
    entityType: "Indicator",
    entityId: indicatorId,
    before,
    after: { ...fields, target2025: input.target2025, target2030: input.target2030 },
  });
  return db.indicator.findUniqueOrThrow({ where: { id: indicatorId }, select: { id: true, version: true } });
}

export const saveIndicator = defineAction({
  name: "plans.saveIndicator",
  permission: "plans.edit",
  input: indicatorFields.extend({ planId: id }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    await requireDraft(db, input.planId);
    return applyIndicatorChange(db, input.planId, input, audit);
  },
  revalidate: ({ input }) => [planPages(input.planId)],
});

export const dropIndicator = defineAction({
  name: "plans.dropIndicator",
  permission: "plans.edit",
  input: z.object({
    planId: id,
    indicatorId: id,
    version: z.coerce.number().int().min(1),
    reason: z.string().trim().max(500, "Lý do tối đa 500 ký tự").default(""),
  }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    await requireDraft(db, input.planId);
    const indicator = await indicatorOf(db, input.planId, input.indicatorId);
    if (indicator.inheritance === "LOCAL") {
      // An indicator this plan added itself can go, but not with indicators under it (they would go
      // with it, unseen); its targets and the results entered for it go into the audit record with it.
      const children = await db.indicator.count({ where: { planId: input.planId, parentIndicatorId: indicator.id } });
      if (children > 0)
        throw new ConflictError(
          `Không xóa được: chỉ tiêu này còn ${children} chỉ tiêu con. Hãy xóa hoặc chuyển các chỉ tiêu con trước.`,
        );
      const targets = await db.indicatorTarget.findMany({
        where: { indicatorId: indicator.id },
        select: { year: true, text: true },
      });
      const actuals = await db.indicatorActual.findMany({
        where: { indicatorId: indicator.id },
        select: { year: true, text: true, value: true, status: true },
      });
      const { count } = await db.indicator.deleteMany({ where: { id: indicator.id, version: input.version } });
      staleGuard(count, "Chỉ tiêu");
      await audit({
        action: "indicator.delete",
        entityType: "Indicator",
        entityId: indicator.id,
        before: { ...indicator, targets, actuals },
      });
      return { deleted: true };
    }
    if (input.reason.length < 5)
      throw new FieldError("reason", "Hãy ghi lý do không áp dụng chỉ tiêu kế thừa từ cấp trên (ít nhất 5 ký tự)");
    const { count } = await db.indicator.updateMany({
      where: { id: indicator.id, version: input.version },
      data: { inheritance: "DROPPED", dropReason: input.reason, version: { increment: 1 } },
    });
    staleGuard(count, "Chỉ tiêu");
    await audit({
      action: "indicator.drop",
      entityType: "Indicator",
      entityId: indicator.id,
      before: { inheritance: indicator.inheritance },
      after: { inheritance: "DROPPED", dropReason: input.reason },
    });
    return { deleted: false };
  },
  revalidate: ({ input }) => [planPages(input.planId)],
});

export const restoreIndicator = defineAction({
  name: "plans.restoreIndicator",
  permission: "plans.edit",
  input: z.object({ planId: id, indicatorId: id, version: z.coerce.number().int().min(1) }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    await requireDraft(db, input.planId);
    const indicator = await indicatorOf(db, input.planId, input.indicatorId);
    const { count } = await db.indicator.updateMany({
      where: { id: indicator.id, version: input.version, inheritance: "DROPPED" },
      data: { inheritance: "INHERITED", dropReason: null, version: { increment: 1 } },
    });
    staleGuard(count, "Chỉ tiêu");
    await audit({
      action: "indicator.restore",
      entityType: "Indicator",
      entityId: indicator.id,
      before: { inheritance: "DROPPED" },
      after: { inheritance: "INHERITED" },
    });
    return { restored: true };
  },
  revalidate: ({ input }) => [planPages(input.planId)],
});
