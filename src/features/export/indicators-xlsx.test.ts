import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportSnapshot } from "@/features/reporting/snapshot";
import { dakLakComparison } from "../../../tests/fixtures/export/dak-lak-comparison";
import { eaSupReport } from "../../../tests/fixtures/export/ea-sup-report";
import { largeReport } from "../../../tests/fixtures/export/large-report";
import { mocChauReport } from "../../../tests/fixtures/export/moc-chau-report";
import {
  numberFormat,
  renderIndicatorWorkbook,
  renderLocalityComparisonWorkbook,
  STATUS_FILLS,
} from "./indicators-xlsx";

const STATUS_LABELS = {
  MET: "Đạt/vượt",
  ON_TRACK: "Đúng tiến độ",
  AT_RISK: "Có nguy cơ",
  OFF_TRACK: "Chậm tiến độ",
  NO_DATA: "Chưa có số liệu",
} as const;

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number, columns: number): unknown[] {
  return Array.from({ length: columns }, (_, i) => sheet.getCell(row, i + 1).value ?? null);
}

function findRow(sheet: ExcelJS.Worksheet, column: number, text: string): number {
  for (let row = 1; row <= sheet.rowCount; row++) if (sheet.getCell(row, column).value === text) return row;
  throw new Error(`no row with “${text}” in column ${column}`);
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.fgColor?.argb;
}

describe("indicator workbook", () => {
  let sheet: ExcelJS.Worksheet;
  let headerRow: number;
  beforeAll(async () => {
    const workbook = await read(await renderIndicatorWorkbook(eaSupReport));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Phụ lục chỉ tiêu"]);
    sheet = workbook.worksheets[0]!;
    headerRow = findRow(sheet, 1, "TT");
  });

  it("opens with a title and the illustrative note above the header", () => {
    expect(sheet.getCell(1, 1).value).toBe("PHỤ LỤC — KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026");
    expect(sheet.getCell(2, 1).value).toBe("UBND huyện Ea Súp — Kết quả thực hiện kế hoạch năm 2026");
    expect(sheet.getCell(3, 1).value).toBe("Số liệu minh họa, không phải số liệu thực tế");
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
  });

  it("has the appendix columns", () => {
    expect(rowValues(sheet, headerRow, 7)).toEqual([
      "TT",
      "Chỉ tiêu",
      "Đơn vị",
      "Mục tiêu đến năm 2025",
      "Mục tiêu đến năm 2030",
      "Thực hiện năm 2026",
      "Đánh giá",
    ]);
    expect(sheet.getCell(headerRow, 2).font?.bold).toBe(true);
  });

  it("freezes the header and the indicator names", () => {
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow, xSplit: 2 });
  });

  it("stores plain numbers as numbers and every other notation as text, row by row in order", () => {
    const expected: unknown[][] = [
      ["1", "Ưu đãi NCC với cách mạng", null, null, null, null, null],
      ["1.1", eaSupReport.indicators[1]!.name, "%", "-", 100, 100, "Đạt/vượt"],
      ["2", "Lao động, việc làm, phát triển thị trường", null, null, null, null, null],
      ["2.1", "Tỉ lệ thất nghiệp chung", "%", "<4", "2-2,5", 2.8, "Đúng tiến độ"],
      ["2.3", "Tỉ lệ việc làm phi chính thức", "%", "<70", "<60", 66.5, "Có nguy cơ"],
      ["4", "Bảo hiểm xã hội, bảo hiểm thất nghiệp, bảo hiểm y tế", null, null, null, null, null],
      ["4.3", eaSupReport.indicators[6]!.name, "%", 45, 50, 24.01, "Chậm tiến độ"],
      ["4.8", "Hỗ trợ bảo hiểm y tế cho trẻ em", "Bậc học", "Tiểu học", "THCS", "Tiểu học", "Đúng tiến độ"],
      ["6", "Giáo dục", null, null, null, null, null],
      ["6.2", "Tỉ lệ huy động trẻ em nhà trẻ", "%", "30 - 35", "35 - 40", null, "Chưa có số liệu"],
      ["6.6", "Tỉ lệ đi học đúng tuổi cấp tiểu học", "%", 99.5, 99.6, 99.52, "Đạt/vượt"],
      ["7", "Y tế", null, null, null, null, null],
      ["7.1", "Mức sinh thay thế (Quốc gia)", "Mức độ", "Chưa đảm bảo", "Đảm bảo vững", "Đảm bảo vững", "Đạt/vượt"],
      ["7.4", "Chỉ tiêu số lượng trên 10.000 dân", null, null, null, null, null],
      ["-", "Số giường bệnh", "Giường", 15.7, 18, 16.2, "Đúng tiến độ"],
      ["-", "Số bác sỹ", "người", 5.6, 6.7, 5.8, "Đúng tiến độ"],
    ];
    expect(expected).toHaveLength(eaSupReport.indicators.length);
    const actual = expected.map((_, i) => rowValues(sheet, headerRow + 1 + i, 7));
    expect(actual).toEqual(expected);
    expect(typeof sheet.getCell(headerRow + 7, 6).value).toBe("number");
    expect(sheet.getCell(headerRow + 1 + expected.length, 2).value ?? null).toBeNull();
  });

  it("shows the decimals as written", () => {
    const at = (code: string, column: number) => sheet.getCell(findRow(sheet, 2, code), column);
    expect(at(eaSupReport.indicators[6]!.name, 6).numFmt).toBe("#,##0.00");
    expect(at("Tỉ lệ đi học đúng tuổi cấp tiểu học", 4).numFmt).toBe("#,##0.0");
    expect(at(eaSupReport.indicators[1]!.name, 5).numFmt).toBe("#,##0");
    // "5,60" and "5,80" keep their trailing zero.
    expect(at("Số bác sỹ", 4).numFmt).toBe("#,##0.00");
    expect(at("Số bác sỹ", 6).numFmt).toBe("#,##0.00");
  });

  it("sets group rows bold, indents nested names and boxes every cell", () => {
    eaSupReport.indicators.forEach((indicator, i) => {
      const row = headerRow + 1 + i;
      for (let column = 1; column <= 7; column++) {
        const cell = sheet.getCell(row, column);
        expect(Boolean(cell.font?.bold), `${indicator.name} column ${column}`).toBe(indicator.isGroup);
        expect(cell.border?.left?.style).toBe("thin");
        expect(cell.border?.bottom?.style).toBe("thin");
      }
      expect(sheet.getCell(row, 2).alignment?.indent ?? 0).toBe(indicator.depth);
    });
  });

  it("fills status cells with a colour beside the text", () => {
    const offTrack = sheet.getCell(findRow(sheet, 7, "Chậm tiến độ"), 7);
    expect(fillOf(offTrack)).toBe(STATUS_FILLS.OFF_TRACK);
    expect(fillOf(sheet.getCell(findRow(sheet, 7, "Đạt/vượt"), 7))).toBe(STATUS_FILLS.MET);
  });

  it("sets column widths wide enough for the names", () => {
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet.getColumn(7).width).toBeGreaterThanOrEqual(15);
  });

  it("leaves the note out for real figures", async () => {
    const real: ReportSnapshot = {
      ...eaSupReport,
      indicators: eaSupReport.indicators.map((ind) => ({ ...ind, isIllustrative: false })),
    };
    const workbook = await read(await renderIndicatorWorkbook(real));
    const values = workbook.worksheets[0]!.getSheetValues().flat();
    expect(values).not.toContain("Số liệu minh họa, không phải số liệu thực tế");
    expect(workbook.worksheets[0]!.getCell(3, 1).value ?? null).toBeNull();
  });

  it("reads a Party report's appendix the same way", async () => {
    const workbook = await read(await renderIndicatorWorkbook(mocChauReport));
    const ws = workbook.worksheets[0]!;
    const header = findRow(ws, 1, "TT");
    expect(rowValues(ws, header + 2, 7)).toEqual([
      "1.1",
      "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
      "%",
      "-",
      "khoảng trên 40%",
      31.5,
      "Đúng tiến độ",
    ]);
    expect(rowValues(ws, header + 4, 7)).toEqual([
      "1.3",
      mocChauReport.indicators[3]!.name,
      "%",
      "-",
      24.01,
      null,
      "Chưa có số liệu",
    ]);
  });
});

describe("numberFormat", () => {
  it("shows no separator on whole numbers and fixed decimals otherwise", () => {
    expect(numberFormat(0)).toBe("#,##0");
    expect(numberFormat(2)).toBe("#,##0.00");
  });
});

describe("locality comparison workbook", () => {
  let sheet: ExcelJS.Worksheet;
  let groupRow: number;
  beforeAll(async () => {
    const workbook = await read(await renderLocalityComparisonWorkbook(dakLakComparison));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["So sánh địa phương"]);
    sheet = workbook.worksheets[0]!;
    groupRow = findRow(sheet, 1, "Địa phương");
  });

  it("titles the sheet and notes illustrative figures", () => {
    expect(sheet.getCell(1, 1).value).toBe(
      "SO SÁNH KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026 GIỮA CÁC ĐỊA PHƯƠNG — TỈNH ĐẮK LẮK",
    );
    expect(sheet.getCell(2, 1).value).toBe("Số liệu minh họa, không phải số liệu thực tế");
  });

  it("merges a header over the three columns of each indicator", () => {
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    const r = groupRow;
    expect(merges).toEqual(
      expect.arrayContaining([
        `D${r}:F${r}`,
        `G${r}:I${r}`,
        `J${r}:L${r}`,
        `A${r}:A${r + 1}`,
        `B${r}:B${r + 1}`,
        `C${r}:C${r + 1}`,
      ]),
    );
    expect(rowValues(sheet, groupRow, 12)).toEqual([
      "Địa phương",
      "Ghi chú",
      "Số kế hoạch",
      "2.1. Tỉ lệ thất nghiệp chung (%)",
      "2.1. Tỉ lệ thất nghiệp chung (%)",
      "2.1. Tỉ lệ thất nghiệp chung (%)",
      "6.6. Tỉ lệ đi học đúng tuổi cấp tiểu học (%)",
      "6.6. Tỉ lệ đi học đúng tuổi cấp tiểu học (%)",
      "6.6. Tỉ lệ đi học đúng tuổi cấp tiểu học (%)",
      "4.8. Hỗ trợ bảo hiểm y tế cho trẻ em (Bậc học)",
      "4.8. Hỗ trợ bảo hiểm y tế cho trẻ em (Bậc học)",
      "4.8. Hỗ trợ bảo hiểm y tế cho trẻ em (Bậc học)",
    ]);
    expect(rowValues(sheet, groupRow + 1, 12).slice(3)).toEqual([
      "Mục tiêu",
      "Thực hiện",
      "Đánh giá",
      "Mục tiêu",
      "Thực hiện",
      "Đánh giá",
      "Mục tiêu",
      "Thực hiện",
      "Đánh giá",
    ]);
  });

  it("freezes the header rows and the locality names", () => {
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: groupRow + 1, xSplit: 1 });
  });

  it("writes a row per locality with numbers as numbers and missing values empty", () => {
    const first = groupRow + 2;
    expect(rowValues(sheet, first, 12)).toEqual([
      "Huyện Ea Súp",
      "Không còn từ 01/7/2025; kế hoạch do xã Ea Súp kế thừa",
      "/KH-UBND",
      "2-2,5",
      2.8,
      "Đúng tiến độ",
      99.6,
      99.52,
      "Đạt/vượt",
      "THCS",
      "Tiểu học",
      "Có nguy cơ",
    ]);
    expect(rowValues(sheet, first + 1, 12)).toEqual([
      "Xã Ea Súp",
      null,
      "07/KH-UBND",
      "<4",
      5.1,
      "Chậm tiến độ",
      99.5,
      null,
      "Chưa có số liệu",
      null,
      null,
      null,
    ]);
    expect(rowValues(sheet, first + 2, 12)).toEqual([
      "Phường Buôn Ma Thuột",
      null,
      null,
      "2-2,5",
      2.2,
      "Đạt/vượt",
      99.6,
      99.7,
      "Đạt/vượt",
      "THCS",
      "THCS",
      "Đạt/vượt",
    ]);
    expect(sheet.getCell(first + 3, 1).value ?? null).toBeNull();
  });

  it("gives each status both its label and its colour", () => {
    const first = groupRow + 2;
    for (const [row, column, status] of [
      [first, 6, "ON_TRACK"],
      [first, 12, "AT_RISK"],
      [first + 1, 6, "OFF_TRACK"],
      [first + 1, 9, "NO_DATA"],
      [first + 2, 9, "MET"],
    ] as const) {
      const cell = sheet.getCell(row, column);
      expect(cell.value).toBe(STATUS_LABELS[status]);
      expect(fillOf(cell)).toBe(STATUS_FILLS[status]);
    }
    // Distinct colours, so the colour says as much as the text.
    expect(new Set(Object.values(STATUS_FILLS)).size).toBe(5);
  });

  it("has no illustrative note when the figures are real", async () => {
    const workbook = await read(await renderLocalityComparisonWorkbook({ ...dakLakComparison, isIllustrative: false }));
    const ws = workbook.worksheets[0]!;
    expect(ws.getSheetValues().flat()).not.toContain("Số liệu minh họa, không phải số liệu thực tế");
    expect(findRow(ws, 1, "Địa phương")).toBe(groupRow - 1);
  });
});

describe("size", () => {
  it("writes every row of a 100-indicator report", async () => {
    const started = performance.now();
    const workbook = await read(await renderIndicatorWorkbook(largeReport(100)));
    const elapsed = performance.now() - started;
    const ws = workbook.worksheets[0]!;
    const header = findRow(ws, 1, "TT");
    expect(ws.getCell(header + 100, 2).value).toBe(largeReport(100).indicators[99]!.name);
    expect(ws.getCell(header + 101, 2).value ?? null).toBeNull();
    // Generous: measured at well under 0,1 s; this only catches a pathological slowdown.
    expect(elapsed).toBeLessThan(5000);
  });
});
