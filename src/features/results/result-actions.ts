import "server-only";
import { z } from "zod";
import { defineAction, FieldError, publicData } from "@/server/actions";
import { ConflictError, isUniqueViolation } from "@/server/errors";
import { TASK_STATUSES, type TaskStatus } from "@/ui/statuses";
import { planOwner } from "@/server/plan-access";
import { actualRowFields, resultYear, staleRowMessage, writeActuals } from "./save-actuals";

// Entering a year's results: the actuals of a plan's indicators (the whole grid in one transaction,
// statuses recomputed by the domain core) and the progress of its tasks. Every row names the
// version it was read at; a row someone else saved meanwhile is refused and what the user typed stays.

/** Rows arrive as an array from the grid, or as JSON text from a form. */
function jsonArray(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const year = resultYear;

const version = z.number().int().positive().nullable().optional();
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} quá dài (tối đa ${max} ký tự)`).optional().default("");

const actualRow = z.object({ indicatorId: z.string().uuid("Chỉ tiêu không hợp lệ"), ...actualRowFields });

export type { SavedActual } from "./save-actuals";

const conflict = (what: string) => new ConflictError(staleRowMessage(what));

export const saveActuals = defineAction({
  name: "results.saveActuals",
  permission: "results.edit",
  input: z.object({
    planId: z.string().uuid("Kế hoạch không hợp lệ"),
    year,
    rows: z.preprocess(
      jsonArray,
      z
        .array(actualRow, { message: "Dữ liệu gửi lên không hợp lệ" })
        .min(1, "Không có thay đổi nào để lưu")
        .max(2000, "Quá nhiều dòng trong một lần lưu")
        .refine(
          (rows) => new Set(rows.map((r) => r.indicatorId)).size === rows.length,
          "Một chỉ tiêu xuất hiện hai lần",
        ),
    ),
  }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  run: ({ db, scope, input, audit }) => writeActuals({ db, scope, audit }, input),
  // No page re-render in the answer: the grid updates from `saved` (and remembers it for a page the
  // router restores, saved-in-tab.ts); every other page of the plan is rendered afresh when opened.
  // The re-render doubled the cost of a save at the 15/12 peak (docs/performance.md). The plan's
  // public page (if published) is read again in the background, which re-renders nothing here.
  revalidate: ({ input }) => publicData(input.planId),
});

const progressRow = z.object({
  taskId: z.string().uuid("Nhiệm vụ không hợp lệ"),
  organizationId: z.string().uuid("Cơ quan không hợp lệ").nullable().optional(),
  status: z.enum(TASK_STATUSES, { message: "Hãy chọn tình trạng" }).nullable().optional(),
  summary: optionalText(4000, "Tóm tắt kết quả"),
  version,
});

export type SavedProgress = {
  taskId: string;
  organizationId: string | null;
  status: TaskStatus | null;
  summary: string;
  version: number | null;
};

export const saveTaskProgress = defineAction({
  name: "results.saveTaskProgress",
  permission: "results.edit",
  input: z.object({
    planId: z.string().uuid("Kế hoạch không hợp lệ"),
    year,
    rows: z.preprocess(
      jsonArray,
      z
        .array(progressRow, { message: "Dữ liệu gửi lên không hợp lệ" })
        .min(1, "Không có thay đổi nào để lưu")
        .max(2000, "Quá nhiều dòng trong một lần lưu"),
    ),
  }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, scope, input, audit }) {
    const taskIds = [...new Set(input.rows.map((r) => r.taskId))];
    const tasks = await db.task.findMany({
      where: { id: { in: taskIds }, planId: input.planId },
      select: { id: true, numbering: true },
    });
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const agencyIds = new Set(
      (await db.taskAssignment.findMany({ where: { planId: input.planId }, select: { organizationId: true } })).map(
        (a) => a.organizationId,
      ),
    );

    const saved: SavedProgress[] = [];
    for (const [index, row] of input.rows.entries()) {
      const task = byId.get(row.taskId);
      if (!task)
        throw new FieldError(
          `rows.${index}.taskId`,
          "Nhiệm vụ này không thuộc kế hoạch (có thể đã bị xóa); hãy tải lại trang.",
        );
      const organizationId = row.organizationId ?? null;
      if (organizationId && !agencyIds.has(organizationId))
        throw new FieldError(
          `rows.${index}.organizationId`,
          `Nhiệm vụ ${task.numbering}: cơ quan này không được giao nhiệm vụ trong kế hoạch`,
        );
      const status = row.status ?? null;
      const summary = row.summary || null;
      if (status === null && summary !== null)
        throw new FieldError(`rows.${index}.status`, `Nhiệm vụ ${task.numbering}: hãy chọn tình trạng thực hiện`);
      const what = `Tiến độ nhiệm vụ ${task.numbering} năm ${input.year}`;

      // Rows without an agency are not kept unique by the database (NULLs differ): serialise their creation.
      if (organizationId === null)
        await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`progress:${task.id}:${input.year}`}))`;
      const existing = await db.taskProgress.findFirst({
        where: { taskId: task.id, year: input.year, organizationId },
        select: { id: true, status: true, summary: true, version: true },
      });
      if (!existing) {
        if (row.version != null) throw conflict(what);
        if (status === null) {
          saved.push({ taskId: task.id, organizationId, status: null, summary: "", version: null });
          continue;
        }
        const created = await db.taskProgress
          .create({
            data: {
              planId: input.planId,
              taskId: task.id,
              organizationId,
              year: input.year,
              status,
              summary,
              updatedById: scope.userId,
            },
            select: { id: true, version: true },
          })
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? conflict(what) : error;
          });
        await audit({
          action: "taskProgress.create",
          entityType: "TaskProgress",
          entityId: created.id,
          after: { taskId: task.id, organizationId, year: input.year, status, summary },
        });
        saved.push({ taskId: task.id, organizationId, status, summary: summary ?? "", version: created.version });
        continue;
      }
      if (row.version == null || row.version !== existing.version) throw conflict(what);
      if (existing.status === status && (existing.summary ?? null) === summary) {
        saved.push({ taskId: task.id, organizationId, status, summary: summary ?? "", version: existing.version });
        continue;
      }
      const before = { status: existing.status, summary: existing.summary, version: existing.version };
      if (status === null) {
        const { count } = await db.taskProgress.deleteMany({ where: { id: existing.id, version: row.version } });
        if (count === 0) throw conflict(what);
        await audit({ action: "taskProgress.delete", entityType: "TaskProgress", entityId: existing.id, before });
        saved.push({ taskId: task.id, organizationId, status: null, summary: "", version: null });
        continue;
      }
      const { count } = await db.taskProgress.updateMany({
        where: { id: existing.id, version: row.version },
        data: { status, summary, isIllustrative: false, updatedById: scope.userId, version: { increment: 1 } },
      });
      if (count === 0) throw conflict(what);
      await audit({
        action: "taskProgress.update",
        entityType: "TaskProgress",
        entityId: existing.id,
        before,
        after: { status, summary, version: row.version + 1 },
      });
      saved.push({ taskId: task.id, organizationId, status, summary: summary ?? "", version: row.version + 1 });
    }
    return { saved };
  },
  // As saveActuals: the task form updates from `saved`, no page re-render in the answer.
});
