import { formatDate } from "@/domain/reporting-calendar";
import type { ReportSnapshot } from "@/features/reporting/snapshot";
import type { AppendixModel, AppendixRow } from "./appendix-model";
import { sizeColumns } from "./column-layout";
import { fillPattern, type DocumentTemplate } from "./document-template";
import { statusText } from "./indicator-cells";
import { PT_PER_MM } from "./measure-text";

// The appendices a body's report carries when it compiles its localities (issue 16): where each
// locality's report stands, the indicators with the body's figure, the figure compiled from the
// localities and the counts by status, then every locality's target, figure and status per
// indicator. Built as ordinary appendices (appendix-model.ts), so the Word file and the print view
// render them as they render the indicator appendix.

type Compiled = NonNullable<ReportSnapshot["compiled"]>;

const COUNT_HEADERS = [
  ["MET", "Đạt/ vượt"],
  ["ON_TRACK", "Đúng tiến độ"],
  ["AT_RISK", "Có nguy cơ"],
  ["OFF_TRACK", "Chậm tiến độ"],
  ["NO_DATA", "Chưa có số liệu"],
] as const;

function appendix(
  t: DocumentTemplate,
  context: { widthPt: number; attachedTo: string | null; number: number },
  title: string,
  headers: string[],
  rows: AppendixRow[],
): AppendixModel {
  const spec = t.appendix;
  const bold = { ...spec.cellStyle, bold: true };
  const widthsPt = sizeColumns(
    headers.map((header, column) => ({
      header,
      headerStyle: spec.headerStyle,
      cells: rows.map((row) => ({
        text: row.cells[column] ?? "",
        style: row.isGroup ? bold : spec.cellStyle,
        indentPt: column === 1 ? row.depth * spec.nestedIndentMm * PT_PER_MM : 0,
      })),
      fills: column === 1,
      minPt: column === 1 ? context.widthPt * spec.nameMinShare * 0.7 : undefined,
    })),
    Math.floor(context.widthPt),
    8,
  );
  return {
    label: { text: `${spec.label} ${context.number}`, style: spec.titleStyle },
    title: { text: title, style: spec.titleStyle },
    attachedTo: context.attachedTo ? { text: context.attachedTo, style: spec.attachedToStyle } : null,
    illustrativeNote: null,
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

const plain = (cells: string[], depth = 0): AppendixRow => ({ cells, isGroup: false, depth });

/**
 * The per-locality figures of a province run to thousands of rows (Sơn La: 75 localities × 99
 * indicators, 6,849 rows; the largest province about 16,000), hundreds of pages nobody prints, and
 * the Word file took 12–35 s to write. Beyond this many rows the document leaves them to the Excel
 * workbook, which always has them (appendix-sheet.ts), and says so under the summary.
 */
export const DETAIL_ROWS_IN_DOCUMENT = 1500;

export function localityAppendices(
  snapshot: ReportSnapshot,
  t: DocumentTemplate,
  context: {
    widthPt: number;
    number: string;
    date: string;
    firstNumber: number;
    /** At most this many rows of per-locality figures; more are left to the workbook (default: all). */
    detailRowsLimit?: number;
  },
): AppendixModel[] {
  const compiled: Compiled | null | undefined = snapshot.compiled;
  if (!compiled || compiled.localities.length === 0) return [];
  const year = snapshot.year;
  const attachedTo = t.appendix.attachedToPattern
    ? fillPattern(t.appendix.attachedToPattern, {
        number: context.number,
        date: context.date,
        issuer: snapshot.issuer.name,
      })
    : null;
  const at = (offset: number) => ({ widthPt: context.widthPt, attachedTo, number: context.firstNumber + offset });
  const names = new Map(compiled.localities.map((l) => [l.planId, l.name]));

  const standing = appendix(
    t,
    at(0),
    `TÌNH HÌNH BÁO CÁO NĂM ${year} CỦA CÁC ĐỊA PHƯƠNG`,
    ["TT", "Địa phương", "Kế hoạch thực hiện", "Báo cáo năm", "Hạn gửi", "Ngày gửi"],
    [
      ...compiled.localities.map((l, index) =>
        plain([
          String(index + 1),
          l.note ? `${l.name} (${l.note})` : l.name,
          l.planNumber,
          l.report.late ? `${l.report.label}, muộn` : l.report.label,
          l.report.due ? formatDate(l.report.due) : "",
          l.report.submittedOn ? formatDate(l.report.submittedOn) : "",
        ]),
      ),
      ...(compiled.withoutPlan.length
        ? [
            plain([
              "",
              `Chưa ban hành kế hoạch thực hiện (${compiled.withoutPlan.length}): ${compiled.withoutPlan.join(", ")}`,
              "",
              "",
              "",
              "",
            ]),
          ]
        : []),
    ],
  );

  const indicatorRows = compiled.indicators.map((i): AppendixRow =>
    i.isGroup
      ? { cells: [i.code, i.name, "", "", "", "", "", "", "", "", ""], isGroup: true, depth: 0 }
      : plain(
          [
            i.code,
            i.name,
            i.unit ?? "",
            i.own.actual ?? "",
            i.compiled ?? "Không tổng hợp",
            ...COUNT_HEADERS.map(([status]) => String(i.counts[status])),
            i.offTrack.join(", "),
          ],
          Math.max(0, i.depth - 1),
        ),
  );
  const detailRows: AppendixRow[] = [];
  for (const i of compiled.indicators) {
    if (i.isGroup) {
      detailRows.push({ cells: [i.code, i.name, "", "", ""], isGroup: true, depth: 0 });
      continue;
    }
    detailRows.push({
      cells: [i.code, i.unit ? `${i.name} (${i.unit})` : i.name, "", "", ""],
      isGroup: true,
      depth: 0,
    });
    for (const v of i.values)
      detailRows.push(plain(["", names.get(v.planId) ?? "", v.target ?? "-", v.actual ?? "", statusText(v.status)], 1));
  }
  const detailsInDocument = detailRows.length <= (context.detailRowsLimit ?? Infinity);
  if (!detailsInDocument)
    indicatorRows.push(
      plain([
        "",
        `Số liệu của từng địa phương theo từng chỉ tiêu (${detailRows.length.toLocaleString("vi-VN")} dòng): xem tệp Excel kèm theo, trang “Số liệu từng địa phương”.`,
        ...Array.from({ length: 9 }, () => ""),
      ]),
    );
  const summary = appendix(
    t,
    at(1),
    `TỔNG HỢP CHỈ TIÊU NĂM ${year} TỪ CÁC ĐỊA PHƯƠNG`,
    [
      "TT",
      "Chỉ tiêu",
      "Đơn vị tính",
      `Thực hiện của ${snapshot.issuer.name}`,
      "Tổng hợp từ các địa phương",
      ...COUNT_HEADERS.map(([, header]) => header),
      "Địa phương chậm tiến độ",
    ],
    indicatorRows,
  );

  if (!detailsInDocument) return [standing, summary];
  const details = appendix(
    t,
    at(2),
    `SỐ LIỆU CHỈ TIÊU NĂM ${year} CỦA TỪNG ĐỊA PHƯƠNG`,
    ["TT", "Chỉ tiêu, địa phương", "Chỉ tiêu của địa phương", `Thực hiện năm ${year}`, "Đánh giá"],
    detailRows,
  );
  return [standing, summary, details];
}
