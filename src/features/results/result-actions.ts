import "server-only";
import { z } from "zod";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { defineAction, FieldError, publicData } from "@/server/actions";
import type { ScopedDb } from "@/server/db/scoped";
import { ConflictError, isUniqueViolation } from "@/server/errors";
import { readActualCell } from "./cell";
import { currentReportYear } from "@/domain/vietnam-time";
import { FIRST_RESULTS_YEAR } from "@/domain/reporting-calendar";
import { INDICATOR_STATUSES, TASK_STATUSES, type TaskStatus } from "@/ui/statuses";
import { planOwner } from "@/server/plan-access";
import { recomputeStatuses } from "./recompute";
import { statusInputFromRows, statusIsChosen } from "./status";

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

const year = z.coerce
  .number({ message: "Hãy chọn năm" })
  .int("Năm không hợp lệ")
  .min(FIRST_RESULTS_YEAR, `Chỉ nhập kết quả từ năm ${FIRST_RESULTS_YEAR}`)
  .refine((y) => y <= currentReportYear(), "Chưa thể nhập kết quả cho năm chưa tới");

const version = z.number().int().positive().nullable().optional();
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} quá dài (tối đa ${max} ký tự)`).optional().default("");

const actualRow = z.object({
  indicatorId: z.string().uuid("Chỉ tiêu không hợp lệ"),
  text: z.string().max(500, "Quá dài"),
  qualitativeStatus: z.enum(INDICATOR_STATUSES, { message: "Hãy chọn đánh giá" }).nullable().optional(),
  note: optionalText(2000, "Ghi chú"),
  source: optionalText(500, "Nguồn số liệu"),
  version,
});

export type SavedActual = {
  indicatorId: string;
  actual: {
    text: string;
    qualitativeStatus: IndicatorStatus | null;
    status: IndicatorStatus;
    note: string;
    source: string;
    version: number;
    isIllustrative: boolean;
  } | null;
};

const conflict = (what: string) =>
  new ConflictError(
    `${what} vừa được người khác cập nhật. Số liệu bạn nhập vẫn còn trên màn hình; hãy tải lại trang để xem bản mới nhất rồi nhập lại.`,
  );

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
  async run({ db, scope, input, audit }) {
    const ids = input.rows.map((r) => r.indicatorId);
    const indicators = await db.indicator.findMany({
      where: { id: { in: ids }, planId: input.planId, isGroup: false },
      select: {
        id: true,
        code: true,
        direction: true,
        baselineValue: true,
        baselineYear: true,
        targets: {
          select: { year: true, kind: true, lower: true, upper: true, isPercent: true, qualitative: true, text: true },
        },
        actuals: {
          where: { year: input.year },
          select: {
            id: true,
            year: true,
            value: true,
            text: true,
            qualitativeStatus: true,
            status: true,
            note: true,
            source: true,
            version: true,
            isIllustrative: true,
          },
        },
      },
    });
    const byId = new Map(indicators.map((i) => [i.id, i]));

    // Read every cell first: nothing is written while one of them cannot be read.
    const readings = input.rows.map((row, index) => {
      const indicator = byId.get(row.indicatorId);
      if (!indicator)
        throw new FieldError(
          `rows.${index}.indicatorId`,
          "Chỉ tiêu này không thuộc kế hoạch (có thể đã bị xóa); hãy tải lại trang.",
        );
      const chosen = statusIsChosen(statusInputFromRows({ ...indicator, actuals: [] }), input.year);
      const reading = readActualCell(row.text, chosen ? "qualitative" : "numeric");
      if (!reading.ok) throw new FieldError(`rows.${index}.text`, `Chỉ tiêu ${indicator.code}: ${reading.error}`);
      return {
        row,
        indicator,
        text: reading.text,
        value: reading.value,
        qualitativeStatus: chosen ? (row.qualitativeStatus ?? null) : null,
      };
    });

    const changed: string[] = [];
    for (const { row, indicator, text, value, qualitativeStatus } of readings) {
      const existing = indicator.actuals[0] ?? null;
      const note = row.note || null;
      const source = row.source || null;
      const empty = text === "" && qualitativeStatus === null && note === null && source === null;
      const what = `Kết quả chỉ tiêu ${indicator.code} năm ${input.year}`;
      const before = existing
        ? {
            text: existing.text,
            value: existing.value?.toString() ?? null,
            qualitativeStatus: existing.qualitativeStatus,
            status: existing.status,
            note: existing.note,
            source: existing.source,
            version: existing.version,
          }
        : null;

      if (!existing) {
        if (row.version != null) throw conflict(what);
        if (empty) continue;
        // Someone may be creating the same cell at this moment: the unique index decides, and the
        // one who comes second is told, as for any stale save.
        const created = await db.indicatorActual
          .create({
            data: {
              planId: input.planId,
              indicatorId: indicator.id,
              year: input.year,
              text,
              value: value === null ? null : String(value),
              qualitativeStatus,
              note,
              source,
              enteredById: scope.userId,
            },
            select: { id: true },
          })
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? conflict(what) : error;
          });
        await audit({
          action: "indicatorActual.create",
          entityType: "IndicatorActual",
          entityId: created.id,
          after: { indicatorId: indicator.id, year: input.year, text, value, qualitativeStatus, note, source },
        });
        changed.push(indicator.id);
        continue;
      }
      if (row.version == null || row.version !== existing.version) throw conflict(what);
      const same =
        existing.text === text &&
        (existing.qualitativeStatus ?? null) === qualitativeStatus &&
        (existing.note ?? null) === note &&
        (existing.source ?? null) === source;
      if (same) continue;
      if (empty) {
        const { count } = await db.indicatorActual.deleteMany({ where: { id: existing.id, version: row.version } });
        if (count === 0) throw conflict(what);
        await audit({ action: "indicatorActual.delete", entityType: "IndicatorActual", entityId: existing.id, before });
      } else {
        const { count } = await db.indicatorActual.updateMany({
          where: { id: existing.id, version: row.version },
          data: {
            text,
            value: value === null ? null : String(value),
            qualitativeStatus,
            note,
            source,
            isIllustrative: false,
            enteredById: scope.userId,
            enteredAt: new Date(),
            version: { increment: 1 },
          },
        });
        if (count === 0) throw conflict(what);
        await audit({
          action: "indicatorActual.update",
          entityType: "IndicatorActual",
          entityId: existing.id,
          before,
          after: { text, value, qualitativeStatus, note, source, version: row.version + 1 },
        });
      }
      changed.push(indicator.id);
    }

    await recomputeStatuses(db, changed);
    return { saved: await savedActuals(db, ids, input.year), changed: changed.length };
  },
  // No page re-render in the answer: the grid updates from `saved` (and remembers it for a page the
  // router restores, saved-in-tab.ts); every other page of the plan is rendered afresh when opened.
  // The re-render doubled the cost of a save at the 15/12 peak (docs/performance.md). The plan's
  // public page (if published) is read again in the background, which re-renders nothing here.
  revalidate: ({ input }) => publicData(input.planId),
});

async function savedActuals(db: ScopedDb, indicatorIds: string[], year: number): Promise<SavedActual[]> {
  const actuals = await db.indicatorActual.findMany({
    where: { indicatorId: { in: indicatorIds }, year },
    select: {
      indicatorId: true,
      text: true,
      qualitativeStatus: true,
      status: true,
      note: true,
      source: true,
      version: true,
      isIllustrative: true,
    },
  });
  const byIndicator = new Map(actuals.map((a) => [a.indicatorId, a]));
  return indicatorIds.map((indicatorId) => {
    const a = byIndicator.get(indicatorId);
    return {
      indicatorId,
      actual: a
        ? {
            text: a.text,
            qualitativeStatus: a.qualitativeStatus,
            status: a.status,
            note: a.note ?? "",
            source: a.source ?? "",
            version: a.version,
            isIllustrative: a.isIllustrative,
          }
        : null,
    };
  });
}

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
