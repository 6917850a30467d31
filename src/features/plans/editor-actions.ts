import "server-only";
import { z } from "zod";
import { defineAction, planPages } from "@/server/actions";
import { planOwner } from "@/server/plan-access";
import { applyIndicatorChange, indicatorFields, readTargets } from "./indicator-actions";
import { requireDraft } from "./subject";
import { applyTaskChange, taskChange } from "./task-actions";

// One save for the changes made in the draft editor: a long plan (Ea Súp: 329 tasks and indicators)
// is edited in place and saved once. Every changed task and indicator goes in one transaction, each
// with the version its row was read at (one changed meanwhile refuses the whole save, named beside
// its row) and each audited as the single-item saves do. What cannot be read (a timeframe, a target)
// is refused beside its field, all of them at once, and nothing is written.

const MAX_ITEMS = 1000;

/** The changes as the editor sends them: one JSON text, so the form's values stay plain strings. */
const changes = z
  .string()
  .max(5_000_000, "Quá nhiều thay đổi trong một lần lưu")
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "Danh sách thay đổi không hợp lệ; hãy tải lại trang" });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .object({
        tasks: z.array(taskChange).max(MAX_ITEMS, `Tối đa ${MAX_ITEMS} nhiệm vụ một lần lưu`).default([]),
        indicators: z.array(indicatorFields).max(MAX_ITEMS, `Tối đa ${MAX_ITEMS} chỉ tiêu một lần lưu`).default([]),
      })
      // Every target that cannot be read, reported with the other refusals, before anything is written.
      .superRefine((value, ctx) =>
        value.indicators.forEach((indicator, i) => {
          for (const [field, message] of Object.entries(readTargets(indicator).errors))
            ctx.addIssue({ code: "custom", path: ["indicators", i, field], message });
        }),
      ),
  );

export const saveChanges = defineAction({
  name: "plans.saveChanges",
  permission: "plans.edit",
  input: z.object({ planId: z.string().uuid(), changes }),
  // The editor keeps what was typed on the screen; the changes are too large to send back.
  echo: ["planId"],
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    await requireDraft(db, input.planId);
    const { tasks, indicators } = input.changes;

    const saved: { tasks: { id: string; version: number }[]; indicators: { id: string; version: number }[] } = {
      tasks: [],
      indicators: [],
    };
    for (const [i, indicator] of indicators.entries())
      saved.indicators.push(await applyIndicatorChange(db, input.planId, indicator, audit, `changes.indicators.${i}.`));
    for (const [i, task] of tasks.entries())
      saved.tasks.push(await applyTaskChange(db, input.planId, task, audit, `changes.tasks.${i}.version`));
    return saved;
  },
  revalidate: ({ input }) => [planPages(input.planId)],
});
