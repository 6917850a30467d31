import "server-only";
import { z } from "zod";
import { resultYear, writeActuals, type ActualRowInput } from "@/features/results/save-actuals";
import { defineAction, FieldError, FieldErrors } from "@/server/actions";
import { planOwner } from "@/server/plan-access";
import { actualUpsertRow } from "./schemas";

// The bulk upsert of a year's actuals through /api/v1 (ADR 0035): the results grid's own rules
// (writeActuals: cells read by the domain core, statuses, version checks, audit), in one transaction
// (defineAction), all or nothing. Every row that fails is reported (keys "rows.N.field"), not only the
// first. Rows name their indicator by id or by its code in the plan.

/** Rows arrive parsed (JSON, CSV) or, in the authorisation matrix, as JSON text. */
function jsonArray(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export const upsertActuals = defineAction({
  name: "api.upsertActuals",
  permission: "results.edit",
  input: z.object({
    planId: z.string().uuid("Kế hoạch không hợp lệ"),
    year: resultYear,
    rows: z.preprocess(
      jsonArray,
      z.array(actualUpsertRow, { message: "Dữ liệu gửi lên không hợp lệ" }).min(1, "Không có dòng nào").max(2000),
    ),
  }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  echo: ["planId", "year"],
  async run({ db, scope, input, audit }) {
    const indicators = await db.indicator.findMany({
      where: { planId: input.planId },
      select: { id: true, code: true, isGroup: true },
    });
    const byCode = new Map(indicators.map((i) => [i.code.trim(), i]));
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const errors: Record<string, string> = {};
    const seen = new Map<string, number>();
    // Rows resolved to an indicator, each with its index in the request (writeActuals numbers its own).
    const resolved: { index: number; row: ActualRowInput }[] = [];
    const problem = (row: (typeof input.rows)[number], indicator: (typeof indicators)[number] | undefined) => {
      if (!indicator) return "Không có chỉ tiêu này trong kế hoạch";
      if (indicator.isGroup) return `${indicator.code} là nhóm chỉ tiêu, không nhập kết quả`;
      if (row.code !== undefined && row.indicatorId !== undefined && indicator.code.trim() !== row.code.trim())
        return `Mã chỉ tiêu không khớp (${indicator.code})`;
      const first = seen.get(indicator.id);
      if (first !== undefined) return `Chỉ tiêu ${indicator.code} đã có ở dòng ${first + 1}`;
      return null;
    };
    input.rows.forEach((row, index) => {
      const indicator = row.indicatorId !== undefined ? byId.get(row.indicatorId) : byCode.get(row.code!.trim());
      const message = problem(row, indicator);
      if (message || !indicator) {
        errors[`rows.${index}.${row.indicatorId !== undefined ? "indicatorId" : "code"}`] = message ?? "";
        return;
      }
      seen.set(indicator.id, index);
      resolved.push({
        index,
        row: {
          indicatorId: indicator.id,
          text: row.text,
          qualitativeStatus: row.qualitativeStatus ?? null,
          note: row.note?.trim() ?? "",
          source: row.source?.trim() ?? "",
          version: row.version ?? null,
        },
      });
    });
    const rows = resolved.map((r) => r.row);
    const written = await writeActuals(
      { db, scope, audit },
      { planId: input.planId, year: input.year, rows },
      { everyRow: true },
    ).catch((error: unknown) => {
      // Its row numbers are of the resolved rows: put them back on the request's.
      const fields =
        error instanceof FieldErrors
          ? error.fields
          : error instanceof FieldError
            ? { [error.field]: error.message }
            : null;
      if (!fields) throw error;
      for (const [key, message] of Object.entries(fields)) {
        const [, at, field] = /^rows\.(\d+)\.(.+)$/.exec(key) ?? [];
        if (at !== undefined) errors[`rows.${resolved[Number(at)]!.index}.${field}`] ??= message;
      }
      return null;
    });
    const keys = Object.keys(errors);
    if (keys.length > 0 || !written) {
      const ordered = Object.fromEntries(
        keys.sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])).map((k) => [k, errors[k]!]),
      );
      const rowCount = new Set(keys.map((k) => k.split(".")[1])).size;
      throw new FieldErrors(`${rowCount} dòng có lỗi; chưa lưu dòng nào.`, ordered);
    }
    return { changed: written.changed };
  },
});
