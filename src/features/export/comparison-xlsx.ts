import type ExcelJS from "exceljs";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { statusLabel } from "@/domain/indicator-status";
import type { LocalityComparison } from "@/features/reporting/snapshot";
import { DEFAULT_TEMPLATES, fillPattern } from "./document-template";
import { notationFormat, writtenActual, writtenNumber } from "./excel-numbers";
import { actualText } from "./indicator-cells";
import {
  BOX,
  columnWidthPt,
  fitRowHeight,
  font,
  GROUP_FILL,
  newWorkbook,
  NOTE_COLOUR,
  printSetup,
  setStatus,
  STATUS_FILLS,
  styleHeaderCell,
  textRow,
  toBuffer,
  wrappedLines,
} from "./xlsx-common";

/**
 * A province's localities compared, laid out as Vietnamese summary tables are ("biểu tổng hợp"):
 * the indicators down the page, grouped as in the province's plan, three rows each (target, actual,
 * assessment), and a column per locality, with the counts by status at the top as the dashboard
 * shows them. Printed A4 landscape, a few localities per page width with the indicator columns
 * repeated, header rows repeated, "Trang n/m" at the foot. A second sheet holds the same figures
 * one row per locality and indicator, typed, with filters, for the clerk who sums and sorts.
 */

export const COMPARISON_SHEET_NAME = "So sánh địa phương";
export const DATA_SHEET_NAME = "Số liệu";

/** The order and labels of the dashboard's counts (src/features/dashboards/status.ts). */
export const STATUS_ORDER: readonly IndicatorStatus[] = ["MET", "ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA"];

export const COMPARISON_TEXTS = {
  title: "SO SÁNH KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {year} GIỮA CÁC ĐỊA PHƯƠNG",
  // The province as the data names it ("Tỉnh Đắk Lắk", "Thành phố Hà Nội").
  subtitle: "{province} — các địa phương thực hiện {plan}",
  targets:
    "Mục tiêu: chỉ tiêu trong kế hoạch của từng địa phương cho mốc {years}{mixed}; Thực hiện: số liệu năm {year}; Đánh giá: so với lộ trình đến mốc mục tiêu.",
  mixedTargets: " (năm của mốc ghi ở từng dòng)",
  order: "TT",
  indicator: "Chỉ tiêu",
  unit: "Đơn vị",
  provinceTarget: "Mục tiêu của tỉnh",
  content: "Nội dung",
  target: "Mục tiêu {year}",
  actual: "Thực hiện {year}",
  status: "Đánh giá",
  countsHeading: "A. SỐ CHỈ TIÊU THEO TÌNH TRẠNG",
  countsUnit: "Số chỉ tiêu",
  total: "Tổng số chỉ tiêu",
  resultsHeading: "B. KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU",
  notes: "Ghi chú:",
  blankNote: "Ô trống: kế hoạch của địa phương không có chỉ tiêu này. Số liệu để tính toán, lọc: trang “Số liệu”.",
  illustrativeNote: DEFAULT_TEMPLATES.STATE.appendix.illustrativeNote,
} as const;

const SIZE = 10;
const FIXED_COLUMNS = 5;
/** Widths in Excel characters: TT, name, unit, province target, content, then each locality. */
const FIXED_WIDTHS = [6, 34, 8, 10, 11];
const LOCALITY_WIDTH = 11;
/** Localities on one printed page width beside the repeated indicator columns. */
const LOCALITIES_PER_PAGE = 7;

type Locality = LocalityComparison["localities"][number];

/** Counts by status of one locality over the indicators its plan has, as the dashboard counts them. */
export function statusCounts(comparison: LocalityComparison, locality: Locality): Record<IndicatorStatus, number> {
  const counts: Record<IndicatorStatus, number> = { MET: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, NO_DATA: 0 };
  for (const indicator of comparison.indicators) {
    const value = locality.values[indicator.key];
    if (value) counts[value.status ?? "NO_DATA"] += 1;
  }
  return counts;
}

export async function renderLocalityComparisonWorkbook(comparison: LocalityComparison): Promise<Buffer> {
  const author = comparison.plan?.issuerName ?? comparison.provinceName;
  const workbook = newWorkbook({
    author,
    title: fillPattern(COMPARISON_TEXTS.title, { year: comparison.year }),
    subject: comparison.provinceName,
  });
  writeMatrix(workbook.addWorksheet(COMPARISON_SHEET_NAME), comparison);
  writeData(workbook.addWorksheet(DATA_SHEET_NAME), comparison);
  return toBuffer(workbook);
}

/** The milestone year most of the row's localities' targets belong to. */
function rowTargetYear(comparison: LocalityComparison, key: string): number {
  const years = new Map<number, number>();
  for (const locality of comparison.localities) {
    const year = locality.values[key]?.targetYear;
    if (year) years.set(year, (years.get(year) ?? 0) + 1);
  }
  const indicator = comparison.indicators.find((i) => i.key === key);
  const ranked = [...years.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ranked[0]?.[0] ?? indicator?.provinceTarget?.year ?? comparison.year;
}

function writeMatrix(sheet: ExcelJS.Worksheet, comparison: LocalityComparison): void {
  const texts = COMPARISON_TEXTS;
  const { year, localities, indicators } = comparison;
  const lastColumn = FIXED_COLUMNS + localities.length;
  const widths = [...FIXED_WIDTHS, ...localities.map(() => LOCALITY_WIDTH)];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  const widthsPt = widths.map(columnWidthPt);

  const targetYears = new Map(indicators.map((i) => [i.key, rowTargetYear(comparison, i.key)]));
  const distinctYears = [...new Set(targetYears.values())].sort();
  const mixed = localities.some((l) =>
    Object.entries(l.values).some(([key, v]) => v.targetYear !== null && v.targetYear !== targetYears.get(key)),
  );

  let row = 1;
  textRow(sheet, row++, fillPattern(texts.title, { year }), { size: 13, bold: true });
  const plan = comparison.plan;
  const planText = plan
    ? `${/\d/.test(plan.number) ? `văn bản số ${plan.number}` : "văn bản"} của ${plan.issuerName}`
    : "kế hoạch của tỉnh";
  textRow(sheet, row++, fillPattern(texts.subtitle, { province: comparison.provinceName, plan: planText }), {
    size: 11,
    italic: true,
  });
  textRow(
    sheet,
    row++,
    fillPattern(texts.targets, {
      years: distinctYears.join(", "),
      mixed: distinctYears.length > 1 || mixed ? texts.mixedTargets : "",
      year,
    }),
    { size: 11 },
  );
  if (comparison.isIllustrative) {
    textRow(sheet, row++, texts.illustrativeNote, { size: 11, bold: true, italic: true, color: { argb: NOTE_COLOUR } });
  }
  row++;

  // Header: the fixed columns, then each locality with its plan's number (and a note mark).
  const headerRow = row++;
  const notes: string[] = [];
  const headers: string[] = [texts.order, texts.indicator, texts.unit, texts.provinceTarget, texts.content];
  localities.forEach((locality) => {
    const mark = locality.note ? ` (${notes.push(`${locality.name}: ${locality.note}.`)})` : "";
    headers.push(`${locality.name}${mark}${locality.planNumber ? `\n${locality.planNumber}` : ""}`);
  });
  headers.forEach((text, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = text;
    styleHeaderCell(cell, SIZE);
  });
  fitRowHeight(sheet.getRow(headerRow), widthsPt, SIZE, 2);

  const sectionRow = (text: string) => {
    const r = row++;
    sheet.mergeCells(r, 1, r, FIXED_COLUMNS);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    for (let c = 1; c <= lastColumn; c++) {
      const each = sheet.getCell(r, c);
      each.font = font(SIZE, { bold: true });
      each.border = BOX;
      each.fill = { type: "pattern", pattern: "solid", fgColor: { argb: GROUP_FILL } };
    }
    cell.alignment = { horizontal: "left", vertical: "middle" };
  };
  const styleRow = (r: number) => {
    for (let c = 1; c <= lastColumn; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = BOX;
      if (!cell.font?.name) cell.font = font(SIZE);
      cell.alignment = {
        horizontal: c === 2 ? "left" : "center",
        vertical: "middle",
        wrapText: true,
        ...(cell.alignment ?? {}),
      };
    }
  };

  // A. Counts by status, as the dashboard shows them.
  sectionRow(texts.countsHeading);
  const counts = localities.map((l) => statusCounts(comparison, l));
  for (const status of [...STATUS_ORDER, null]) {
    const r = row++;
    sheet.mergeCells(r, 2, r, 4);
    const label = sheet.getCell(r, 2);
    label.value = status ? statusLabel(status) : texts.total;
    label.font = font(SIZE, { bold: status === null });
    if (status) label.fill = { type: "pattern", pattern: "solid", fgColor: { argb: STATUS_FILLS[status] } };
    sheet.getCell(r, 5).value = texts.countsUnit;
    counts.forEach((c, i) => {
      const cell = sheet.getCell(r, FIXED_COLUMNS + 1 + i);
      cell.value = status ? c[status] : STATUS_ORDER.reduce((sum, s) => sum + c[s], 0);
      cell.numFmt = "0";
      cell.font = font(SIZE, { bold: status === null });
    });
    styleRow(r);
  }

  // B. Each indicator: the target, the actual and the assessment of every locality.
  sectionRow(texts.resultsHeading);
  let group: string | null | undefined;
  for (const indicator of indicators) {
    if (indicator.group !== group) {
      group = indicator.group;
      if (group) sectionRow(group);
    }
    const rowYear = targetYears.get(indicator.key)!;
    const first = row;
    const contents = [fillPattern(texts.target, { year: rowYear }), fillPattern(texts.actual, { year }), texts.status];
    contents.forEach((content, k) => {
      const r = row++;
      sheet.getCell(r, 5).value = content;
      localities.forEach((locality, i) => {
        const value = locality.values[indicator.key];
        if (!value) return;
        const cell = sheet.getCell(r, FIXED_COLUMNS + 1 + i);
        if (k === 0 && value.target) {
          cell.value =
            value.targetYear && value.targetYear !== rowYear ? `${value.target} (${value.targetYear})` : value.target;
        } else if (k === 1) {
          const text = actualText(value.actual, value.actualValue);
          if (text) cell.value = text;
        } else if (k === 2) {
          setStatus(cell, value.status ?? "NO_DATA");
        }
      });
      styleRow(r);
    });
    // The indicator's own columns span its three rows.
    sheet.getCell(first, 1).value = indicator.code;
    sheet.getCell(first, 2).value = indicator.name;
    if (indicator.unit) sheet.getCell(first, 3).value = indicator.unit;
    const province = indicator.provinceTarget;
    if (province)
      sheet.getCell(first, 4).value = province.year === rowYear ? province.text : `${province.text} (${province.year})`;
    for (let c = 1; c <= 4; c++) sheet.mergeCells(first, c, first + 2, c);
    for (let r = first; r < row; r++) styleRow(r);
    // The three rows share the height the merged name needs.
    const nameLines = wrappedLines(indicator.name, SIZE, widthsPt[1]!);
    for (let r = first; r < row; r++) {
      fitRowHeight(sheet.getRow(r), [0, 0, 0, 0, ...widthsPt.slice(4)], SIZE, Math.max(1, Math.ceil(nameLines / 3)));
    }
  }

  row++;
  textRow(sheet, row++, texts.notes, { size: SIZE, bold: true, italic: true });
  for (const [i, note] of notes.entries()) textRow(sheet, row++, `(${i + 1}) ${note}`, { size: SIZE, italic: true });
  textRow(sheet, row++, texts.blankNote, { size: SIZE, italic: true });

  sheet.views = [
    {
      state: "frozen",
      xSplit: FIXED_COLUMNS,
      ySplit: headerRow,
      topLeftCell: `${columnLetter(FIXED_COLUMNS + 1)}${headerRow + 1}`,
      activeCell: `${columnLetter(FIXED_COLUMNS + 1)}${headerRow + 1}`,
    },
  ];
  printSetup(sheet, {
    headerRows: `${headerRow}:${headerRow}`,
    titleColumns: `A:${columnLetter(FIXED_COLUMNS)}`,
    fitToWidth: Math.max(1, Math.ceil(localities.length / LOCALITIES_PER_PAGE)),
    overThenDown: true,
  });
}

function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const DATA_HEADERS = [
  "Địa phương",
  "Số kế hoạch",
  "Nhóm chỉ tiêu",
  "TT",
  "Chỉ tiêu",
  "Đơn vị",
  "Năm mục tiêu",
  "Mục tiêu (như văn bản)",
  "Mục tiêu (số)",
  "Thực hiện {year} (như báo cáo)",
  "Thực hiện {year} (số)",
  "Đánh giá",
];
const DATA_WIDTHS = [24, 13, 22, 7, 44, 10, 9, 14, 10, 14, 10, 15];

/** One row per locality and indicator, typed, with filters. */
function writeData(sheet: ExcelJS.Worksheet, comparison: LocalityComparison): void {
  DATA_WIDTHS.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  const headers = DATA_HEADERS.map((h) => fillPattern(h, { year: comparison.year }));
  headers.forEach((text, i) => {
    const cell = sheet.getCell(1, i + 1);
    cell.value = text;
    styleHeaderCell(cell, SIZE);
  });
  fitRowHeight(sheet.getRow(1), DATA_WIDTHS.map(columnWidthPt), SIZE, 2);
  let row = 2;
  for (const locality of comparison.localities) {
    for (const indicator of comparison.indicators) {
      const value = locality.values[indicator.key];
      if (!value) continue;
      const r = sheet.getRow(row++);
      r.getCell(1).value = locality.name;
      if (locality.planNumber) r.getCell(2).value = locality.planNumber;
      if (indicator.group) r.getCell(3).value = indicator.group;
      r.getCell(4).value = indicator.code;
      r.getCell(5).value = indicator.name;
      if (indicator.unit) r.getCell(6).value = indicator.unit;
      if (value.targetYear) r.getCell(7).value = value.targetYear;
      if (value.target) r.getCell(8).value = value.target;
      const target = writtenNumber(value.target);
      if (target) {
        r.getCell(9).value = target.value;
        r.getCell(9).numFmt = notationFormat({ prefix: "", suffix: "", decimals: target.decimals });
      }
      const text = actualText(value.actual, value.actualValue);
      if (text) r.getCell(10).value = text;
      const actual = writtenActual(value.actual, value.actualValue);
      if (actual) {
        r.getCell(11).value = actual.value;
        r.getCell(11).numFmt = notationFormat({ prefix: "", suffix: "", decimals: actual.decimals });
      }
      setStatus(r.getCell(12), value.status ?? "NO_DATA");
      for (let c = 1; c <= headers.length; c++) {
        const cell = r.getCell(c);
        cell.font = font(SIZE);
        cell.border = BOX;
        cell.alignment = { vertical: "middle", wrapText: true, horizontal: c >= 6 ? "center" : "left" };
      }
      fitRowHeight(r, DATA_WIDTHS.map(columnWidthPt), SIZE);
    }
  }
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2", activeCell: "B2" }];
  if (row > 2) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: row - 1, column: headers.length } };
  printSetup(sheet, { headerRows: "1:1", fitToWidth: 1 });
}
