import type ExcelJS from "exceljs";
import type { AppendixModel } from "./appendix-model";
import {
  BOX,
  columnWidthFor,
  fitRowHeight,
  font,
  GROUP_FILL,
  printSetup,
  styleHeaderCell,
  textRow,
} from "./xlsx-common";

// An appendix of the Word report as a worksheet: the same label, title, headers and rows (the
// localities' appendices of a compiled report, locality-appendices.ts), so the clerk who condenses
// the localities' figures can sort and sum them instead of retyping the Word tables.

const SIZE = 12;

/** Counts and serial numbers become numbers Excel can sum; everything else stays as written. */
const WHOLE_NUMBER = /^\d{1,9}$/;

export function addAppendixSheet(
  workbook: ExcelJS.Workbook,
  model: AppendixModel,
  sheetName: string,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName);
  const columns = model.headers.length;
  model.widthsPt.forEach((pt, i) => {
    sheet.getColumn(i + 1).width = columnWidthFor(pt);
  });
  let row = 1;
  textRow(sheet, row++, model.label.text, { size: 13, bold: true }, { merge: columns, align: "center" });
  textRow(sheet, row++, model.title.text, { size: 13, bold: true }, { merge: columns, align: "center" });
  if (model.attachedTo)
    textRow(sheet, row++, model.attachedTo.text, { size: SIZE, italic: true }, { merge: columns, align: "center" });
  row++;

  const headerRow = row++;
  model.headers.forEach((text, i) =>
    styleHeaderCell(Object.assign(sheet.getCell(headerRow, i + 1), { value: text }), SIZE),
  );
  fitRowHeight(sheet.getRow(headerRow), model.widthsPt, SIZE);

  for (const { cells, isGroup, depth } of model.rows) {
    const current = sheet.getRow(row++);
    cells.forEach((text, i) => {
      const cell = current.getCell(i + 1);
      if (text !== "") cell.value = WHOLE_NUMBER.test(text) && i !== 0 ? Number(text) : text;
      cell.font = font(SIZE, { bold: isGroup });
      cell.border = BOX;
      if (isGroup) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: GROUP_FILL } };
      cell.alignment =
        i === 1
          ? { horizontal: "left", vertical: "middle", wrapText: true, indent: depth }
          : { horizontal: "center", vertical: "middle", wrapText: true };
    });
    fitRowHeight(current, model.widthsPt, SIZE);
  }

  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: headerRow, topLeftCell: `C${headerRow + 1}` }];
  if (row - 1 > headerRow)
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: row - 1, column: columns } };
  printSetup(sheet, { headerRows: `${headerRow}:${headerRow}`, fitToWidth: 1 });
  return sheet;
}
