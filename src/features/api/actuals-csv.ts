import type { z } from "zod";
import { parseCsv, toCsv, type CsvCell } from "./csv";
import type { actualSchema, planSummarySchema } from "./schemas";

// The CSV of a year's actuals (per plan, and per province with the plan's columns first), and the
// reading of such a file back into rows for the bulk upsert: export, edit in Excel, send back
// (ADR 0035). The columns an upsert reads are named by their headers, so their order may change.

type Actual = z.infer<typeof actualSchema>;
type Plan = z.infer<typeof planSummarySchema>;

export const COLUMNS = {
  indicatorId: "indicatorId",
  code: "Mã chỉ tiêu",
  name: "Tên chỉ tiêu",
  unit: "Đơn vị",
  target2025: "Mục tiêu 2025",
  target2030: "Mục tiêu 2030",
  year: "Năm",
  text: "Kết quả",
  status: "Đánh giá",
  qualitativeStatus: "Tự đánh giá",
  note: "Ghi chú",
  source: "Nguồn số liệu",
  version: "Phiên bản",
} as const;

const PLAN_COLUMNS = ["planId", "Số kế hoạch", "Cơ quan ban hành"];
const ACTUAL_COLUMNS = Object.values(COLUMNS);

function actualCells(a: Actual, year: number): CsvCell[] {
  return [
    a.indicatorId,
    a.code,
    a.name,
    a.unit,
    a.target2025,
    a.target2030,
    year,
    a.text,
    a.status,
    a.qualitativeStatus,
    a.note,
    a.source,
    a.version,
  ];
}

export function planActualsCsv(actuals: readonly Actual[], year: number): string {
  return toCsv([ACTUAL_COLUMNS, ...actuals.map((a) => actualCells(a, year))]);
}

export function provinceActualsCsv(plans: readonly { plan: Plan; data: readonly Actual[] }[], year: number): string {
  return toCsv([
    [...PLAN_COLUMNS, ...ACTUAL_COLUMNS],
    ...plans.flatMap(({ plan, data }) =>
      data.map((a) => [plan.id, plan.number, plan.issuer.name, ...actualCells(a, year)]),
    ),
  ]);
}

export type CsvRows =
  { ok: true; rows: Record<string, unknown>[]; lines: number[] } | { ok: false; message: string; line?: number };

/**
 * The rows of an edited CSV, as the bulk upsert's JSON would carry them, with the line of each in
 * the file (the header is line 1). Values stay text; the upsert's schema judges them, except the
 * version, which must be a whole number or empty.
 */
export function rowsFromCsv(text: string): CsvRows {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (error) {
    return { ok: false, message: (error as Error).message, line: (error as { line?: number }).line };
  }
  const [header, ...body] = table;
  if (!header) return { ok: false, message: "Tệp CSV trống." };
  const at = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const column = Object.fromEntries(Object.entries(COLUMNS).map(([key, name]) => [key, at(name)])) as Record<
    keyof typeof COLUMNS,
    number
  >;
  if (column.indicatorId < 0 && column.code < 0)
    return { ok: false, message: `Thiếu cột "${COLUMNS.indicatorId}" hoặc "${COLUMNS.code}".`, line: 1 };
  if (column.text < 0) return { ok: false, message: `Thiếu cột "${COLUMNS.text}".`, line: 1 };
  const cell = (row: string[], key: keyof typeof COLUMNS) => (column[key] >= 0 ? (row[column[key]] ?? "") : undefined);
  const rows = body.map((row) => {
    const id = cell(row, "indicatorId")?.trim();
    const code = cell(row, "code")?.trim();
    const version = cell(row, "version")?.trim();
    const qualitative = cell(row, "qualitativeStatus")?.trim();
    return {
      ...(id ? { indicatorId: id } : {}),
      ...(code ? { code } : {}),
      text: cell(row, "text") ?? "",
      qualitativeStatus: qualitative ? qualitative : null,
      note: cell(row, "note") ?? "",
      source: cell(row, "source") ?? "",
      version: version ? (/^\d+$/.test(version) ? Number(version) : version) : null,
    };
  });
  return { ok: true, rows, lines: body.map((_, i) => i + 2) };
}
