import "server-only";
import { z } from "zod";
import { AGGREGATIONS, aggregationProblem } from "@/domain/locality-aggregation";
import type { Direction } from "@/domain/target-notation";
import { defineAction, FieldError, planPages } from "@/server/actions";
import { planOwner } from "@/server/plan-access";
import { staleGuard } from "./subject";

// How one indicator's figures combine across the localities (src/domain/locality-aggregation.ts),
// set on its own small form on the plan page, not in the plan editor (ADR 0029). It is a setting for
// the compiled report, not part of the document's text, so it can be set on an issued plan without an
// amendment; plans created afterwards to implement this one copy it (document-rows.ts).

const uuid = z.string().uuid("Chỉ tiêu không hợp lệ");

export const setAggregationInput = z.object({
  planId: z.string().uuid("Kế hoạch không hợp lệ"),
  indicatorId: uuid,
  version: z.coerce
    .number({ message: "Thiếu phiên bản dữ liệu; hãy tải lại trang" })
    .int()
    .positive("Thiếu phiên bản dữ liệu; hãy tải lại trang"),
  aggregation: z.enum(AGGREGATIONS, { message: "Hãy chọn cách tổng hợp" }),
  aggregationWeightId: z
    .union([z.literal(""), z.string().uuid("Chỉ tiêu làm trọng số không hợp lệ")])
    .optional()
    .default("")
    .transform((v) => v || null),
});

export const setIndicatorAggregation = defineAction({
  name: "indicators.setAggregation",
  permission: "plans.edit",
  input: setAggregationInput,
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    const indicator = await db.indicator.findFirst({
      where: { id: input.indicatorId, planId: input.planId, inheritance: { not: "DROPPED" } },
      select: { id: true, isGroup: true, direction: true, aggregation: true, aggregationWeightId: true },
    });
    if (!indicator)
      throw new FieldError("indicatorId", "Không tìm thấy chỉ tiêu (có thể đã bị xóa); hãy tải lại trang.");
    const weightId = input.aggregation === "WEIGHTED_AVERAGE" ? input.aggregationWeightId : null;
    const weight = weightId
      ? await db.indicator.findFirst({
          where: { id: weightId, planId: input.planId, inheritance: { not: "DROPPED" } },
          select: { id: true, isGroup: true, direction: true },
        })
      : null;
    if (weightId && !weight)
      throw new FieldError(
        "aggregationWeightId",
        "Chỉ tiêu làm trọng số không thuộc kế hoạch này (có thể đã bị xóa); hãy chọn lại.",
      );
    const problem = aggregationProblem({
      aggregation: input.aggregation,
      direction: indicator.direction as Direction,
      isGroup: indicator.isGroup,
      weight: weight ? { ...weight, direction: weight.direction as Direction } : null,
      selfId: indicator.id,
    });
    if (problem) throw new FieldError(problem.field, problem.message);
    const { count } = await db.indicator.updateMany({
      where: { id: indicator.id, planId: input.planId, version: input.version },
      data: { aggregation: input.aggregation, aggregationWeightId: weightId, version: { increment: 1 } },
    });
    staleGuard(count, "Chỉ tiêu");
    await audit({
      action: "indicator.setAggregation",
      entityType: "Indicator",
      entityId: indicator.id,
      before: { aggregation: indicator.aggregation, aggregationWeightId: indicator.aggregationWeightId },
      after: { aggregation: input.aggregation, aggregationWeightId: weightId },
    });
    return { planId: input.planId, indicatorId: indicator.id, version: input.version + 1 };
  },
  revalidate: ({ data }) => [planPages(data.planId)],
});
