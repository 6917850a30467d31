import type ExcelJS from "exceljs";
import { formatDateLong } from "@/domain/reporting-calendar";
import type { ReportSnapshot } from "@/features/reporting/snapshot";
import { appendixModel, type AppendixModel } from "./appendix-model";
import { addAppendixSheet } from "./appendix-sheet";
import { fillPattern, reportCode, reportSubtitle, templateFor, type DocumentTemplate } from "./document-template";
import { NumberFormats, writtenActual, writtenNumber } from "./excel-numbers";
import { localityAppendices } from "./locality-appendices";
import { PT_PER_MM } from "./measure-text";
import {
  BOX,
  columnWidthFor,
  fitRowHeight,
  font,
  GROUP_FILL,
  newWorkbook,
  NOTE_COLOUR,
  printSetup,
  setFigure,
  setStatus,
  styleHeaderCell,
  textRow,
  toBuffer,
} from "./xlsx-common";

/**
 * The indicator appendix of a report as a one-sheet workbook: the same headings, columns and
 * values as the Word appendix (appendix-model.ts), the report's number and date in the heading,
 * "DỰ THẢO" on a report not yet sent, figures as numbers shown as written (excel-numbers.ts),
 * A4 landscape with the header row repeated and page numbers in the footer.
 */

export const INDICATOR_SHEET_NAME = "Phụ lục chỉ tiêu";
/** The sheets of a compiled report, in the order of its locality appendices (locality-appendices.ts). */
export const LOCALITY_SHEET_NAMES = ["Báo cáo các địa phương", "Tổng hợp từ địa phương", "Số liệu từng địa phương"];

const SIZE = 12;
/** A4 landscape less the margins set in printSetup (25 + 15 mm). */
const LANDSCAPE_TEXT_WIDTH_PT = (297 - 40) * PT_PER_MM;

export async function renderIndicatorWorkbook(
  snapshot: ReportSnapshot,
  options: { isDraft?: boolean; template?: DocumentTemplate } = {},
): Promise<Buffer> {
  const template = options.template ?? templateFor(snapshot.issuer.notation);
  const isDraft = options.isDraft ?? false;
  const date = isDraft
    ? fillPattern(template.draft.blankDate, { year: snapshot.reportDate.slice(0, 4) })
    : formatDateLong(snapshot.reportDate);
  const model = appendixModel(snapshot, template, {
    widthPt: LANDSCAPE_TEXT_WIDTH_PT,
    number: reportCode(template, snapshot.reportSerial, snapshot.issuer.issuerCode),
    date,
  });
  const workbook = newWorkbook({
    author: snapshot.issuer.name,
    title: `${model.label.text} ${model.title.text.toLocaleLowerCase("vi")}`,
    subject: reportSubtitle(snapshot, template),
  });
  const sheet = workbook.addWorksheet(INDICATOR_SHEET_NAME);
  const columns = model.headers.length;
  const widthsPt = model.widthsPt;
  widthsPt.forEach((pt, i) => {
    sheet.getColumn(i + 1).width = columnWidthFor(pt);
  });

  let row = 1;
  if (isDraft) {
    const mark = sheet.getCell(row, columns);
    mark.value = template.draft.text;
    mark.font = font(13, { bold: true });
    mark.alignment = { horizontal: "center", vertical: "middle" };
    mark.border = BOX;
    row += 1;
  }
  textRow(sheet, row++, model.label.text, { size: 13, bold: true }, { merge: columns, align: "center" });
  textRow(sheet, row++, model.title.text, { size: 13, bold: true }, { merge: columns, align: "center" });
  if (model.attachedTo) {
    textRow(sheet, row++, model.attachedTo.text, { size: SIZE, italic: true }, { merge: columns, align: "center" });
  }
  if (model.illustrativeNote) {
    textRow(
      sheet,
      row++,
      model.illustrativeNote.text,
      { size: SIZE, italic: true, bold: true, color: { argb: NOTE_COLOUR } },
      {
        merge: columns,
        align: "center",
      },
    );
  }
  row++;

  const headerRow = row++;
  model.headers.forEach((text, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = text;
    styleHeaderCell(cell, SIZE);
  });
  fitRowHeight(sheet.getRow(headerRow), widthsPt, SIZE);

  const formats = new NumberFormats(
    snapshot.indicators.flatMap((indicator, i) => {
      const cells = model.rows[i]!.cells;
      return [writtenNumber(cells[3]), writtenNumber(cells[4]), writtenActual(indicator.actual, indicator.actualValue)];
    }),
  );
  snapshot.indicators.forEach((indicator, i) => {
    const current = sheet.getRow(row++);
    writeIndicatorRow(current, model, i, formats, indicator);
    fitRowHeight(current, widthsPt, SIZE);
  });
  const lastRow = row - 1;

  // Header stays visible while scrolling down, the indicator names while scrolling right; the
  // header row filters (by status, by unit) for the clerk.
  sheet.views = [
    {
      state: "frozen",
      xSplit: 2,
      ySplit: headerRow,
      topLeftCell: `C${headerRow + 1}`,
      activeCell: `C${headerRow + 1}`,
    },
  ];
  if (lastRow > headerRow)
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: columns } };
  printSetup(sheet, { headerRows: `${headerRow}:${headerRow}`, fitToWidth: 1 });

  // A body that compiles its localities: their appendices follow, one sheet each, numbered as in Word.
  const localities = localityAppendices(snapshot, template, {
    widthPt: LANDSCAPE_TEXT_WIDTH_PT,
    number: reportCode(template, snapshot.reportSerial, snapshot.issuer.issuerCode),
    date,
    firstNumber: 2,
  });
  localities.forEach((appendix, i) =>
    addAppendixSheet(workbook, appendix, LOCALITY_SHEET_NAMES[i] ?? appendix.label.text),
  );
  return toBuffer(workbook);
}

function writeIndicatorRow(
  row: ExcelJS.Row,
  model: AppendixModel,
  index: number,
  formats: NumberFormats,
  indicator: ReportSnapshot["indicators"][number],
): void {
  const { cells, isGroup, depth } = model.rows[index]!;
  row.getCell(1).value = cells[0]!;
  row.getCell(2).value = cells[1]!;
  if (cells[2]) row.getCell(3).value = cells[2];
  setFigure(row.getCell(4), cells[3]!, writtenNumber(cells[3]), formats);
  setFigure(row.getCell(5), cells[4]!, writtenNumber(cells[4]), formats);
  setFigure(row.getCell(6), cells[5]!, writtenActual(indicator.actual, indicator.actualValue), formats);
  setStatus(row.getCell(7), indicator.status);

  for (let column = 1; column <= cells.length; column++) {
    const cell = row.getCell(column);
    cell.font = font(SIZE, { bold: isGroup });
    cell.border = BOX;
    if (isGroup && column < 7) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: GROUP_FILL } };
    cell.alignment =
      column === 2
        ? { horizontal: "left", vertical: "middle", wrapText: true, indent: depth }
        : { horizontal: "center", vertical: "middle", wrapText: true };
  }
}
