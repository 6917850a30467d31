import ExcelJS from "exceljs";
import type { IndicatorStatus } from "@/domain/indicator-status";
import type { LocalityComparison, ReportSnapshot } from "@/features/reporting/snapshot";
import {
  DEFAULT_TEMPLATES,
  fillPattern,
  reportSubtitle,
  templateFor,
  type DocumentTemplate,
} from "./document-template";
import {
  actualFractionDigits,
  actualText,
  hasIllustrativeData,
  numericCell,
  statusText,
  type SnapshotIndicator,
} from "./indicator-cells";

/**
 * Excel versions of the indicator appendix and of the province-wide comparison. Figures are
 * stored as numbers, never as "24,01" text, so they can be summed and charted; how the decimal
 * separator is shown is left to Excel's locale (vi-VN shows 24,01).
 */

export const INDICATOR_SHEET_NAME = "Phụ lục chỉ tiêu";
export const COMPARISON_SHEET_NAME = "So sánh địa phương";

export const COMPARISON_TEXTS = {
  // The province as the snapshot names it ("Tỉnh Đắk Lắk", "Thành phố Hà Nội"): adding "TỈNH"
  // here would be wrong for the centrally-run cities and doubled for full names.
  title: "SO SÁNH KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {year} GIỮA CÁC ĐỊA PHƯƠNG — {province}",
  locality: "Địa phương",
  note: "Ghi chú",
  planNumber: "Số kế hoạch",
  target: "Mục tiêu",
  actual: "Thực hiện",
  status: "Đánh giá",
  illustrativeNote: DEFAULT_TEMPLATES.STATE.appendix.illustrativeNote,
} as const;

/**
 * Status fills, always next to the status text: colour alone would be lost in black-and-white
 * printing and by colour-blind readers.
 */
export const STATUS_FILLS: Record<IndicatorStatus, string> = {
  MET: "FFC6EFCE",
  ON_TRACK: "FFDDEBF7",
  AT_RISK: "FFFFEB9C",
  OFF_TRACK: "FFFFC7CE",
  NO_DATA: "FFEDEDED",
};

const HEADER_FILL = "FFD9D9D9";
const NOTE_COLOUR = "FFC00000";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
/** Times New Roman like the printed report; Excel falls back silently where it is missing. */
const FONT_NAME = "Times New Roman";
const FONT_SIZE = 12;

/**
 * An explicit number of decimals per cell, not "#,##0.##": that format leaves a dangling
 * separator on whole numbers ("100,") and drops the zero the user wrote in "5,60". The format
 * code uses Excel's invariant separators; Excel shows them per locale (vi-VN: "1.500,50").
 */
export function numberFormat(fractionDigits: number): string {
  return fractionDigits > 0 ? `#,##0.${"0".repeat(fractionDigits)}` : "#,##0";
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as ArrayBuffer);
}

function newWorkbook(creator: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  return workbook;
}

function font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size: FONT_SIZE, ...extra };
}

/** A written value as a cell: a plain number becomes a number cell with the decimals written. */
function setWrittenValue(cell: ExcelJS.Cell, text: string | null): void {
  const numeric = numericCell(text);
  if (numeric) {
    cell.value = numeric.value;
    cell.numFmt = numberFormat(numeric.fractionDigits);
  } else if (text !== null && text.trim() !== "") {
    cell.value = text;
  }
}

function setActualValue(cell: ExcelJS.Cell, actual: string | null, actualValue: number | null): void {
  if (actualValue !== null && Number.isFinite(actualValue)) {
    cell.value = actualValue;
    cell.numFmt = numberFormat(actualFractionDigits(actual, actualValue));
  } else {
    const text = actualText(actual, actualValue);
    if (text !== "") cell.value = text;
  }
}

function setStatus(cell: ExcelJS.Cell, status: IndicatorStatus | null): void {
  const label = statusText(status);
  if (label === "") return;
  cell.value = label;
  if (status) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: STATUS_FILLS[status] } };
}

/** Points per line of 12 pt text, with the leading Excel itself uses. */
const LINE_HEIGHT_PT = 15.75;

/**
 * Sets a row tall enough for its wrapped text. Excel and LibreOffice do not grow rows written
 * by exceljs when they open the file, so long indicator names would otherwise overflow into
 * the next row. The width of a Times New Roman 12 pt character is taken as one column unit,
 * which errs on the tall side.
 */
function fitRowHeight(row: ExcelJS.Row, widths: readonly number[]): void {
  let lines = 1;
  widths.forEach((width, i) => {
    const value = row.getCell(i + 1).value;
    if (typeof value !== "string") return;
    const indent = row.getCell(i + 1).alignment?.indent ?? 0;
    const perLine = Math.max(4, Math.floor(width - 1 - indent * 2));
    const needed = value.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  row.height = Math.ceil(lines * LINE_HEIGHT_PT + 3);
}

function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = font({ bold: true });
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  cell.border = BOX;
}

function titleRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  lastColumn: number,
  text: string,
  extra: Partial<ExcelJS.Font> = {},
): void {
  sheet.mergeCells(row, 1, row, lastColumn);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = font({ bold: true, size: 14, ...extra });
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
}

/** The appendix columns, from the same template texts as the Word appendix. */
export function appendixHeaders(template: DocumentTemplate, year: number): string[] {
  const h = template.appendix.headers;
  return [h.order, h.name, h.unit, h.target2025, h.target2030, fillPattern(h.actual, { year }), h.status];
}

/** The indicator appendix of a report as a one-sheet workbook. */
export async function renderIndicatorWorkbook(
  snapshot: ReportSnapshot,
  template: DocumentTemplate = templateFor(snapshot.issuer.notation),
): Promise<Buffer> {
  const workbook = newWorkbook(snapshot.issuer.name);
  const headers = appendixHeaders(template, snapshot.year);
  const sheet = workbook.addWorksheet(INDICATOR_SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });

  let row = 1;
  titleRow(sheet, row++, headers.length, fillPattern(template.appendix.titlePattern, { year: snapshot.year }));
  titleRow(sheet, row++, headers.length, `${snapshot.issuer.name} — ${reportSubtitle(snapshot, template)}`, {
    size: FONT_SIZE,
    bold: false,
    italic: true,
  });
  if (hasIllustrativeData(snapshot)) {
    titleRow(sheet, row++, headers.length, template.appendix.illustrativeNote, {
      size: FONT_SIZE,
      color: { argb: NOTE_COLOUR },
    });
  }
  row++;

  const headerRow = row++;
  headers.forEach((text, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = text;
    styleHeaderCell(cell);
  });
  sheet.getRow(headerRow).height = 33;

  const widths = [6, 60, 11, 14, 14, 14, 17];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const indicator of snapshot.indicators) {
    const current = sheet.getRow(row++);
    writeIndicatorRow(current, indicator);
    fitRowHeight(current, widths);
  }
  // Header stays visible while scrolling down, the indicator names while scrolling right.
  sheet.views = [
    {
      state: "frozen",
      xSplit: 2,
      ySplit: headerRow,
      topLeftCell: `C${headerRow + 1}`,
      activeCell: `C${headerRow + 1}`,
    },
  ];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  return toBuffer(workbook);
}

function writeIndicatorRow(row: ExcelJS.Row, indicator: SnapshotIndicator): void {
  const bold = indicator.isGroup;
  row.getCell(1).value = indicator.code;
  row.getCell(2).value = indicator.name;
  if (indicator.unit) row.getCell(3).value = indicator.unit;
  setWrittenValue(row.getCell(4), indicator.target2025);
  setWrittenValue(row.getCell(5), indicator.target2030);
  setActualValue(row.getCell(6), indicator.actual, indicator.actualValue);
  setStatus(row.getCell(7), indicator.status);

  for (let column = 1; column <= 7; column++) {
    const cell = row.getCell(column);
    cell.font = font({ bold });
    cell.border = BOX;
    cell.alignment =
      column === 2
        ? { horizontal: "left", vertical: "middle", wrapText: true, indent: indicator.depth }
        : { horizontal: "center", vertical: "middle", wrapText: true };
  }
}

/** A row per locality, a column group (target, actual, status) per indicator. */
export async function renderLocalityComparisonWorkbook(comparison: LocalityComparison): Promise<Buffer> {
  const texts = COMPARISON_TEXTS;
  const workbook = newWorkbook(comparison.provinceName);
  const sheet = workbook.addWorksheet(COMPARISON_SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const fixedColumns = 3;
  const lastColumn = fixedColumns + comparison.indicators.length * 3;

  let row = 1;
  titleRow(
    sheet,
    row++,
    lastColumn,
    fillPattern(texts.title, { year: comparison.year, province: comparison.provinceName.toLocaleUpperCase("vi") }),
  );
  if (comparison.isIllustrative) {
    titleRow(sheet, row++, lastColumn, texts.illustrativeNote, { size: FONT_SIZE, color: { argb: NOTE_COLOUR } });
  }
  row++;

  const groupRow = row++;
  const subRow = row++;
  [texts.locality, texts.note, texts.planNumber].forEach((text, i) => {
    sheet.mergeCells(groupRow, i + 1, subRow, i + 1);
    sheet.getCell(groupRow, i + 1).value = text;
  });
  comparison.indicators.forEach((indicator, i) => {
    const first = fixedColumns + 1 + i * 3;
    sheet.mergeCells(groupRow, first, groupRow, first + 2);
    const unit = indicator.unit ? ` (${indicator.unit})` : "";
    sheet.getCell(groupRow, first).value = `${indicator.code}. ${indicator.name}${unit}`;
    [texts.target, texts.actual, texts.status].forEach((text, j) => {
      sheet.getCell(subRow, first + j).value = text;
    });
  });
  for (const r of [groupRow, subRow]) {
    for (let column = 1; column <= lastColumn; column++) styleHeaderCell(sheet.getCell(r, column));
  }
  sheet.getRow(groupRow).height = 48;

  const widths = [26, 30, 14, ...comparison.indicators.flatMap(() => [14, 14, 14])];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });

  for (const locality of comparison.localities) {
    const current = sheet.getRow(row++);
    current.getCell(1).value = locality.name;
    if (locality.note) current.getCell(2).value = locality.note;
    if (locality.planNumber) current.getCell(3).value = locality.planNumber;
    comparison.indicators.forEach((indicator, i) => {
      const first = fixedColumns + 1 + i * 3;
      const value = locality.values[indicator.key];
      if (!value) return;
      setWrittenValue(current.getCell(first), value.target);
      setActualValue(current.getCell(first + 1), value.actual, value.actualValue);
      setStatus(current.getCell(first + 2), value.status);
    });
    for (let column = 1; column <= lastColumn; column++) {
      const cell = current.getCell(column);
      cell.font = font();
      cell.border = BOX;
      cell.alignment = { horizontal: column <= 2 ? "left" : "center", vertical: "middle", wrapText: true };
    }
    fitRowHeight(current, widths);
  }

  sheet.views = [
    { state: "frozen", xSplit: 1, ySplit: subRow, topLeftCell: `B${subRow + 1}`, activeCell: `B${subRow + 1}` },
  ];
  sheet.pageSetup.printTitlesRow = `${groupRow}:${subRow}`;
  return toBuffer(workbook);
}
