import ExcelJS from "exceljs";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { notationFormat, type NumberFormats, type WrittenNumber } from "./excel-numbers";
import { statusText } from "./indicator-cells";
import { textWidthPt } from "./measure-text";

// What the Excel files share: the font, borders and status fills, A4 print setup with repeated
// header rows and page numbers in the footer, the file's author, rows as tall as their wrapped text.

/** Times New Roman like the printed report; Excel falls back silently where it is missing. */
export const FONT_NAME = "Times New Roman";

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

export const HEADER_FILL = "FFD9D9D9";
export const GROUP_FILL = "FFF2F2F2";
export const NOTE_COLOUR = "FFC00000";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
export const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export function font(sizePt: number, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size: sizePt, ...extra };
}

/** The file's author and title: the issuing body, not exceljs's "Unknown". */
export function newWorkbook(meta: { author: string; title: string; subject?: string }): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.author;
  workbook.lastModifiedBy = meta.author;
  workbook.company = meta.author;
  workbook.title = meta.title;
  if (meta.subject) workbook.subject = meta.subject;
  return workbook;
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as ArrayBuffer);
}

/** Inches from millimetres, for Excel's page margins. */
const inches = (mm: number) => Math.round((mm / 25.4) * 100) / 100;

/**
 * A4 landscape, margins after NĐ 30 (left 30 mm for binding), the header rows repeated on every
 * page and "Trang n/m" at the foot. `fitToWidth` pages wide, as many down as needed.
 */
export function printSetup(
  sheet: ExcelJS.Worksheet,
  options: { headerRows: string; titleColumns?: string; fitToWidth: number; overThenDown?: boolean },
): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: options.fitToWidth,
    fitToHeight: 0,
    horizontalCentered: true,
    pageOrder: options.overThenDown ? "overThenDown" : "downThenOver",
    margins: {
      left: inches(25),
      right: inches(15),
      top: inches(20),
      bottom: inches(20),
      header: inches(8),
      footer: inches(8),
    },
    printTitlesRow: options.headerRows,
    ...(options.titleColumns ? { printTitlesColumn: options.titleColumns } : {}),
  };
  sheet.headerFooter = {
    oddFooter: `&C&"${FONT_NAME},Regular"&11Trang &P/&N`,
    evenFooter: `&C&"${FONT_NAME},Regular"&11Trang &P/&N`,
  };
}

/** Points of a column `width` characters wide (Excel's unit: the digit width of Calibri 11, 7 px). */
export function columnWidthPt(width: number): number {
  return (width * 7 + 5) * 0.75;
}

/** The column width, in Excel's characters, that is `pt` points wide. */
export function columnWidthFor(pt: number): number {
  return Math.round(((pt / 0.75 - 5) / 7) * 100) / 100;
}

/** Lines `text` takes in a column `widthPt` wide, wrapping at spaces as Excel does. */
export function wrappedLines(text: string, sizePt: number, widthPt: number, bold = false): number {
  const room = Math.max(1, widthPt - 6);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(" ")) {
      const w = textWidthPt(word, { sizePt, bold });
      const space = line > 0 ? textWidthPt(" ", { sizePt, bold }) : 0;
      if (line > 0 && line + space + w > room) {
        lines += 1 + Math.floor(w / room);
        line = w % room;
      } else {
        line += space + w;
      }
    }
  }
  return lines;
}

/**
 * Sets a row tall enough for its wrapped text: Excel and LibreOffice do not grow rows written by
 * exceljs when they open the file, so long names would otherwise be cut. `widthsPt[i]` is the
 * width of the cell in column i + 1 (the merged width for a merged cell, 0 to skip it).
 */
export function fitRowHeight(row: ExcelJS.Row, widthsPt: readonly number[], sizePt: number, minLines = 1): void {
  let lines = minLines;
  widthsPt.forEach((width, i) => {
    if (width <= 0) return;
    const cell = row.getCell(i + 1);
    const text = typeof cell.value === "string" ? cell.value : "";
    if (!text) return;
    const indent = (cell.alignment?.indent ?? 0) * 9;
    lines = Math.max(lines, wrappedLines(text, sizePt, width - indent, Boolean(cell.font?.bold)));
  });
  row.height = Math.ceil(lines * sizePt * 1.22 + 4);
}

/** A written figure as a number with its notation (see excel-numbers.ts), or the text as written. */
export function setFigure(
  cell: ExcelJS.Cell,
  text: string | null,
  figure: WrittenNumber | null,
  formats: NumberFormats | null,
): void {
  if (figure) {
    cell.value = figure.value;
    cell.numFmt = formats ? formats.format(figure) : notationFormat(figure);
  } else if (text !== null && text.trim() !== "") {
    cell.value = text.trim();
  }
}

export function setStatus(cell: ExcelJS.Cell, status: IndicatorStatus | null): void {
  const label = statusText(status);
  if (label === "") return;
  cell.value = label;
  if (status) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: STATUS_FILLS[status] } };
}

export function styleHeaderCell(cell: ExcelJS.Cell, sizePt: number): void {
  cell.font = font(sizePt, { bold: true });
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  cell.border = BOX;
}

/** A line of text over the table, not merged: it reads from column A whatever the widths. */
export function textRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  text: string,
  style: Partial<ExcelJS.Font>,
  options: { merge?: number; align?: "left" | "center" | "right"; heightPt?: number } = {},
): ExcelJS.Cell {
  if (options.merge && options.merge > 1) sheet.mergeCells(row, 1, row, options.merge);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT_NAME, ...style };
  cell.alignment = { horizontal: options.align ?? "left", vertical: "middle", wrapText: Boolean(options.merge) };
  if (options.heightPt) sheet.getRow(row).height = options.heightPt;
  return cell;
}
