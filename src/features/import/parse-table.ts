import { parseTarget } from "@/domain/target-notation";
import { parseTimeframe } from "@/domain/timeframe";
import type { DocumentIndicator, DocumentTask } from "@/features/plans/plan-document";
import { splitAgencies, suspiciousAgency } from "./parse-agencies";
import type { Block } from "./parse-blocks";
import type { ReadTask } from "./parse-tasks";
import { fold } from "./text";

// Indicator tables of an appendix: columns TT, Chỉ tiêu, Đơn vị, one column per milestone year
// (the year is often in a second header row under a merged "Mục tiêu" cell), and a column that
// marks with "X" the indicators taken from the parent programme. Rows nest: a group "7", its
// indicators "7.4", and "-" rows under an indicator.

export type TableIndicator = {
  indicator: DocumentIndicator;
  from: number;
  to: number;
  /** Problems to show beside a field: "" for the indicator, "targets.2025" for one target. */
  unclear: Record<string, string>;
  children: TableIndicator[];
};

type Columns = {
  code: number;
  name: number;
  unit: number | null;
  years: { index: number; year: string }[];
  mark: number | null;
  baseline: { index: number; year: number } | null;
};

const CODE = /^(?:\d{1,2}(?:\.\d{1,2}){0,4}\.?|[IVX]{1,5}\.?|[-–+•]|[a-zđ][).])$/;

function isCode(cell: string | undefined): boolean {
  return cell !== undefined && CODE.test(cell.trim());
}

/** Reads the header rows: which column holds what. Null when this is not an indicator table. */
function readColumns(headers: string[][], width: number): Columns | null {
  const texts = Array.from({ length: width }, (_, i) => fold(headers.map((row) => row[i] ?? "").join(" ")));
  let code = texts.findIndex((t) => /^(?:s?tt|so tt|stt)\b/.test(t));
  let name = texts.findIndex(
    (t) => /chi tieu|noi dung|ten chi tieu|tieu chi/.test(t) && !/tai (?:chuong trinh|ke hoach|nghi quyet)/.test(t),
  );
  const unit = texts.findIndex((t) => /\bdon vi\b|\bdvt\b/.test(t));
  const mark = texts.findIndex(
    (t) =>
      /tai (?:chuong trinh|ke hoach|nghi quyet|van ban)|cua cap tren|chi tieu cua|\d+[-/][a-z]+[-/]/.test(t) &&
      !/^(?:s?tt)$/.test(t),
  );
  const years: { index: number; year: string }[] = [];
  let baseline: Columns["baseline"] = null;
  texts.forEach((t, index) => {
    if (index === code || index === name || index === unit || index === mark) return;
    const found = [...t.matchAll(/\b(20\d\d|19\d\d)\b/g)].map((m) => m[1]!);
    const year = found[found.length - 1];
    if (!year) return;
    if (/thuc hien|uoc (?:dat|thuc hien)|hien trang|nam goc|co so/.test(t) && !/muc tieu|ke hoach|den nam/.test(t))
      baseline = { index, year: Number(year) };
    else years.push({ index, year });
  });
  if (code < 0) code = 0;
  if (name < 0) name = code === 0 ? 1 : 0;
  if (years.length === 0) return null;
  return { code, name, unit: unit < 0 ? null : unit, years, mark: mark < 0 ? null : mark, baseline };
}

function level(code: string, lastNumeric: number): number {
  const trimmed = code.replace(/\.$/, "");
  if (/^\d/.test(trimmed)) return trimmed.split(".").length;
  if (/^[IVX]+$/.test(trimmed)) return 0;
  if (/^[a-zđ][).]$/.test(trimmed)) return lastNumeric + 1;
  if (trimmed === "+") return lastNumeric + 2;
  return lastNumeric + 1;
}

const MARKS = new Set(["x", "v", "✓", "✔", "co", "có"]);

/**
 * What both table readers share: the header rows (those before the first row that starts with a
 * number) tell which column holds what, then each data row becomes an item nested under the last one
 * with a shallower number. `read` makes an item of a row, or null to skip it.
 */
function readNumberedRows<C extends { code: number }, T extends { children: T[] }>(
  rows: Block[],
  readColumns: (headers: string[][], width: number) => C | null,
  read: (cell: (index: number | null) => string, row: Block, columns: C) => T | null,
): T[] | null {
  const firstData = rows.findIndex(
    (row) => isCode(row.cells.find((c) => c !== "") ?? "") && row.cells.filter((c) => c !== "").length >= 2,
  );
  if (firstData < 0) return null;
  const width = Math.max(...rows.map((r) => r.cells.length));
  const columns = readColumns(
    rows.slice(0, firstData).map((r) => r.cells),
    width,
  );
  if (!columns) return null;
  const roots: T[] = [];
  const stack: { level: number; item: T }[] = [];
  let lastNumeric = 0;
  for (const row of rows.slice(firstData)) {
    const cell = (index: number | null) => (index === null ? "" : (row.cells[index] ?? "").trim());
    const item = read(cell, row, columns);
    if (!item) continue;
    const code = cell(columns.code);
    const depth = level(code || "-", lastNumeric);
    if (/^\d/.test(code)) lastNumeric = depth;
    while (stack.length && stack[stack.length - 1]!.level >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.item.children.push(item);
    else roots.push(item);
    stack.push({ level: depth, item });
  }
  return roots;
}

/** The indicators of one table (a run of consecutive table rows), or null when it has none. */
export function readIndicatorTable(rows: Block[]): TableIndicator[] | null {
  const roots = readNumberedRows(rows, readColumns, (cell, row, columns): TableIndicator | null => {
    const code = cell(columns.code);
    const name = cell(columns.name);
    if (!name) return null;
    const unit = cell(columns.unit);
    const targets: Record<string, string> = {};
    const unclear: Record<string, string> = {};
    for (const { index, year } of columns.years) {
      const text = cell(index);
      if (!text) continue;
      targets[year] = text;
      const parsed = parseTarget(text);
      if (!parsed.ok) unclear[`targets.${year}`] = parsed.error;
    }
    const markText = fold(cell(columns.mark));
    const indicator: DocumentIndicator = { code: code || "-", name };
    if (unit) indicator.unit = unit;
    else indicator.unit = null;
    if (Object.keys(targets).length) indicator.targets = targets;
    if (markText && MARKS.has(markText)) indicator.fromParent = true;
    else if (markText)
      unclear.fromParent = `Không hiểu dấu “${cell(columns.mark)}” ở cột văn bản cấp trên (thường ghi X)`;
    const baselineText = columns.baseline ? cell(columns.baseline.index) : "";
    if (columns.baseline && baselineText && baselineText !== "-")
      indicator.baseline = { year: columns.baseline.year, text: baselineText };
    return { indicator, from: row.from, to: row.to, unclear, children: [] };
  });
  if (!roots) return null;

  // A row with no unit and no targets that heads other rows is a group ("1 Ưu đãi NCC với cách
  // mạng", "7.4 Chỉ tiêu số lượng trên 10.000 dân"); other headed rows are indicators with parts.
  const settle = (item: TableIndicator, depth: number) => {
    const { indicator } = item;
    if (item.children.length) {
      indicator.children = item.children.map((child) => child.indicator);
      const bare = !indicator.unit && !indicator.targets;
      if (bare && (depth === 0 || fold(indicator.name).startsWith("chi tieu"))) {
        indicator.isGroup = true;
        delete indicator.unit;
      }
      item.children.forEach((child) => settle(child, depth + 1));
    }
  };
  roots.forEach((root) => settle(root, 0));
  return roots;
}

// Task tables ("Phụ lục: phân công nhiệm vụ"): columns TT, Nhiệm vụ (or Nội dung), Cơ quan chủ trì,
// Cơ quan phối hợp, Thời gian thực hiện, nesting by their numbers like indicator rows. A row with a
// number and a text but no agency and no time that heads other rows is a task group.

type TaskColumns = {
  code: number;
  body: number;
  lead: number | null;
  coordinating: number | null;
  timeframe: number | null;
};

function readTaskColumns(headers: string[][], width: number): TaskColumns | null {
  const texts = Array.from({ length: width }, (_, i) => fold(headers.map((row) => row[i] ?? "").join(" ")));
  const find = (pattern: RegExp) => texts.findIndex((t) => pattern.test(t));
  const lead = find(/chu tri/);
  const coordinating = find(/phoi hop/);
  const timeframe = find(/thoi gian|tien do|thoi han/);
  const body = texts.findIndex(
    (t, i) => /nhiem vu|noi dung|giai phap|cong viec/.test(t) && i !== lead && i !== coordinating && i !== timeframe,
  );
  if (body < 0 || (lead < 0 && timeframe < 0)) return null;
  const code = find(/^(?:s?tt|so tt|stt)\b/);
  return {
    code: code < 0 ? 0 : code,
    body,
    lead: lead < 0 ? null : lead,
    coordinating: coordinating < 0 ? null : coordinating,
    timeframe: timeframe < 0 ? null : timeframe,
  };
}

const TIMEFRAME_HINT = "hãy viết dạng “Thường xuyên”, “Quý II/2024”, “Năm 2024 và các năm tiếp theo”";

/** The tasks of one table (a run of consecutive table rows), or null when it is not a task table. */
export function readTaskTable(rows: Block[]): ReadTask[] | null {
  const roots = readNumberedRows(rows, readTaskColumns, (cell, row, columns): ReadTask | null => {
    const code = cell(columns.code);
    const body = cell(columns.body);
    if (!body) return null;
    const task: DocumentTask = { numbering: code || "-", body };
    const unclear: Record<string, string> = {};
    for (const [role, index] of [
      ["lead", columns.lead],
      ["coordinating", columns.coordinating],
    ] as const) {
      const names = splitAgencies(cell(index));
      if (!names.length) continue;
      task[role] = names;
      const problem = names.map(suspiciousAgency).find(Boolean);
      if (problem) unclear[role] = problem;
    }
    const timeframe = cell(columns.timeframe);
    if (timeframe) {
      task.timeframe = timeframe;
      if (parseTimeframe(timeframe).kind === "UNSPECIFIED")
        unclear.timeframe = `Không hiểu thời gian thực hiện “${timeframe}”: ${TIMEFRAME_HINT}`;
    }
    return { task, from: row.from, to: row.to, unclear, children: [] };
  });
  if (!roots?.length) return null;

  const flag = (item: ReadTask, field: string, message: string) => (item.unclear[field] ??= message);
  const settle = (item: ReadTask) => {
    const { task } = item;
    if (item.children.length) {
      task.children = item.children.map((child) => child.task);
      if (!task.lead && !task.coordinating && !task.timeframe) {
        task.title = task.body;
        task.body = "";
      }
      item.children.forEach(settle);
    } else if (!task.lead) flag(item, "lead", "Không thấy cơ quan chủ trì của nhiệm vụ này");
  };
  roots.forEach(settle);
  return roots;
}

/** Runs of consecutive table rows. */
export function tableRuns(blocks: Block[]): Block[][] {
  const runs: Block[][] = [];
  let current: Block[] = [];
  for (const block of blocks) {
    if (block.kind === "table") {
      current.push(block);
      continue;
    }
    if (current.length) runs.push(current);
    current = [];
  }
  if (current.length) runs.push(current);
  return runs;
}
