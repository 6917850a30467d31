import type { ReportSnapshot } from "@/features/reporting/snapshot";
import { sizeColumns } from "./column-layout";
import { fillPattern, type DocumentTemplate, type TextStyle } from "./document-template";
import { actualText, hasIllustrativeData, statusText } from "./indicator-cells";
import { PT_PER_MM } from "./measure-text";

// The indicator appendix of a report as the Word file, the print view and the Excel workbook print
// it: its headings, its columns sized from their content (so "10.1" and "m² sàn/người" stay on one
// line), and each row's cells as written, a blank target shown as "-".

export type AppendixRow = { cells: string[]; isGroup: boolean; depth: number };

export type AppendixModel = {
  label: { text: string; style: TextStyle };
  title: { text: string; style: TextStyle };
  attachedTo: { text: string; style: TextStyle } | null;
  illustrativeNote: { text: string; style: TextStyle } | null;
  headers: string[];
  /** Column widths in points, adding up to the text width. */
  widthsPt: number[];
  rows: AppendixRow[];
  headerStyle: TextStyle;
  cellStyle: TextStyle;
  nestedIndentMm: number;
  ownPageNumbers: boolean;
  landscape: boolean;
};

/** The cells of one indicator: TT, name, unit, target 2025, target 2030, actual, status. */
export function appendixCells(indicator: ReportSnapshot["indicators"][number], blankTarget: string): string[] {
  const target = (text: string) => (indicator.isGroup ? text.trim() : text.trim() || blankTarget);
  return [
    indicator.code.trim(),
    indicator.name.trim(),
    indicator.unit?.trim() ?? "",
    target(indicator.target2025),
    target(indicator.target2030),
    actualText(indicator.actual, indicator.actualValue),
    statusText(indicator.status),
  ];
}

export function appendixHeaders(template: DocumentTemplate, year: number): string[] {
  const h = template.appendix.headers;
  return [h.order, h.name, h.unit, h.target2025, h.target2030, fillPattern(h.actual, { year }), h.status];
}

export function appendixModel(
  snapshot: ReportSnapshot,
  t: DocumentTemplate,
  context: { widthPt: number; number: string; date: string },
): AppendixModel {
  const spec = t.appendix;
  const headers = appendixHeaders(t, snapshot.year);
  const rows = snapshot.indicators.map((indicator) => ({
    cells: appendixCells(indicator, spec.blankTarget),
    isGroup: indicator.isGroup,
    depth: indicator.depth,
  }));
  const bold = { ...spec.cellStyle, bold: true };
  const widthsPt = sizeColumns(
    headers.map((header, column) => ({
      header,
      headerStyle: spec.headerStyle,
      cells: rows.map((row) => ({
        text: row.cells[column]!,
        style: row.isGroup ? bold : spec.cellStyle,
        indentPt: column === 1 ? row.depth * spec.nestedIndentMm * PT_PER_MM : 0,
      })),
      fills: column === 1,
      minPt: column === 1 ? context.widthPt * spec.nameMinShare : column >= 3 ? spec.valueMinMm * PT_PER_MM : undefined,
    })),
    Math.floor(context.widthPt),
    8,
  );
  return {
    label: { text: spec.label, style: spec.titleStyle },
    title: { text: fillPattern(spec.titlePattern, { year: snapshot.year }), style: spec.titleStyle },
    attachedTo: spec.attachedToPattern
      ? {
          text: fillPattern(spec.attachedToPattern, {
            number: context.number,
            date: context.date,
            issuer: snapshot.issuer.name,
          }),
          style: spec.attachedToStyle,
        }
      : null,
    illustrativeNote: hasIllustrativeData(snapshot)
      ? { text: spec.illustrativeNote, style: spec.illustrativeNoteStyle }
      : null,
    headers,
    widthsPt,
    rows,
    headerStyle: spec.headerStyle,
    cellStyle: spec.cellStyle,
    nestedIndentMm: spec.nestedIndentMm,
    ownPageNumbers: spec.ownPageNumbers,
    landscape: spec.landscape,
  };
}
