import "server-only";
import { z } from "zod";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { FIRST_RESULTS_YEAR } from "@/domain/reporting-calendar";
import { currentReportYear } from "@/domain/vietnam-time";
import { FieldError, FieldErrors } from "@/server/actions";
import type { AuditEntry } from "@/server/audit";
import type { Scope } from "@/server/db/scope";
import type { ScopedDb } from "@/server/db/scoped";
import { ConflictError, isUniqueViolation } from "@/server/errors";
import { INDICATOR_STATUSES } from "@/ui/statuses";
import { actualState, type ActualState } from "./actual-state";
import { readActualCell } from "./cell";
import { recomputeStatuses } from "./recompute";
import { statusInputFromRows, statusIsChosen } from "./status";

// Writing a year's actuals of one plan: the rules the results grid saves by (every cell read by the
// domain core, statuses recomputed, each row's version checked, an audit record per change), shared
// with the bulk upsert of /api/v1 (src/features/api, ADR 0035) so that both obey the same rules. The
// caller's transaction makes it all or nothing.

export const resultYear = z.coerce
  .number({ message: "Hãy chọn năm" })
  .int("Năm không hợp lệ")
  .min(FIRST_RESULTS_YEAR, `Chỉ nhập kết quả từ năm ${FIRST_RESULTS_YEAR}`)
  .refine((y) => y <= currentReportYear(), "Chưa thể nhập kết quả cho năm chưa tới");

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} quá dài (tối đa ${max} ký tự)`).optional().default("");

/** One row as the grid sends it; the API sends the same fields. */
export const actualRowFields = {
  text: z.string().max(500, "Quá dài"),
  qualitativeStatus: z.enum(INDICATOR_STATUSES, { message: "Hãy chọn đánh giá" }).nullable().optional(),
  note: optionalText(2000, "Ghi chú"),
  source: optionalText(500, "Nguồn số liệu"),
  version: z.number().int().positive().nullable().optional(),
};

export type ActualRowInput = {
  indicatorId: string;
  text: string;
  qualitativeStatus?: IndicatorStatus | null;
  note: string;
  source: string;
  version?: number | null;
};

export type SavedActual = { indicatorId: string; actual: ActualState | null };

export const staleRowMessage = (what: string) =>
  `${what} vừa được người khác cập nhật. Số liệu bạn nhập vẫn còn trên màn hình; hãy tải lại trang để xem bản mới nhất rồi nhập lại.`;

type Context = { db: ScopedDb; scope: Scope; audit: (entry: AuditEntry) => Promise<void> };

/**
 * Writes the rows. The grid stops at the first stale row (ConflictError) and, like the API, is told
 * of every cell that cannot be read (FieldErrors, keys "rows.N.field"). With `everyRow` a stale row is
 * one more row error, so that an API client learns of all its rows at once. Nothing is written when
 * any row fails: the error leaves the caller's transaction, which rolls back.
 */
export async function writeActuals(
  { db, scope, audit }: Context,
  input: { planId: string; year: number; rows: ActualRowInput[] },
  options: { everyRow?: boolean } = {},
) {
  const errors: Record<string, string> = {};
  const refuse = (field: string, message: string) => {
    errors[field] ??= message;
  };
  const conflict = (index: number, what: string) => {
    if (!options.everyRow) throw new ConflictError(staleRowMessage(what));
    refuse(`rows.${index}.version`, staleRowMessage(what));
  };
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
  const readings = input.rows.flatMap((row, index) => {
    const indicator = byId.get(row.indicatorId);
    if (!indicator) {
      refuse(`rows.${index}.indicatorId`, "Chỉ tiêu này không thuộc kế hoạch (có thể đã bị xóa); hãy tải lại trang.");
      return [];
    }
    const chosen = statusIsChosen(statusInputFromRows({ ...indicator, actuals: [] }), input.year);
    const reading = readActualCell(row.text, chosen ? "qualitative" : "numeric");
    if (!reading.ok) {
      refuse(`rows.${index}.text`, `Chỉ tiêu ${indicator.code}: ${reading.error}`);
      return [];
    }
    return [
      {
        index,
        row,
        indicator,
        text: reading.text,
        value: reading.value,
        qualitativeStatus: chosen ? (row.qualitativeStatus ?? null) : null,
      },
    ];
  });
  const failed = () => {
    const [first] = Object.entries(errors);
    if (!first) return;
    if (Object.keys(errors).length === 1) throw new FieldError(first[0], first[1]);
    throw new FieldErrors(first[1], errors);
  };
  failed();

  const changed: string[] = [];
  for (const { index, row, indicator, text, value, qualitativeStatus } of readings) {
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
      if (row.version != null) {
        conflict(index, what);
        continue;
      }
      if (empty) continue;
      // Someone may be creating the same cell at this moment: the unique index decides, and the
      // one who comes second is told, as for any stale save (the transaction is void then: stop).
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
          throw isUniqueViolation(error) ? new ConflictError(staleRowMessage(what)) : error;
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
    if (row.version == null || row.version !== existing.version) {
      conflict(index, what);
      continue;
    }
    const same =
      existing.text === text &&
      (existing.qualitativeStatus ?? null) === qualitativeStatus &&
      (existing.note ?? null) === note &&
      (existing.source ?? null) === source;
    if (same) continue;
    if (empty) {
      const { count } = await db.indicatorActual.deleteMany({ where: { id: existing.id, version: row.version } });
      if (count === 0) {
        conflict(index, what);
        continue;
      }
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
      if (count === 0) {
        conflict(index, what);
        continue;
      }
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
  failed();

  await recomputeStatuses(db, changed);
  return { saved: await savedActuals(db, ids, input.year), changed: changed.length };
}

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
      actual: a ? actualState(a) : null,
    };
  });
}
