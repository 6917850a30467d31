import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportSnapshot } from "@/features/reporting/snapshot";
import { compiledTwoLocalities } from "../../../tests/fixtures/export/compiled";
import { eaSupReport2025, wardReport2025 } from "../../../tests/fixtures/export/demo";
import { eaSupReport } from "../../../tests/fixtures/export/ea-sup-report";
import { largeReport } from "../../../tests/fixtures/export/large-report";
import { mocChauReport } from "../../../tests/fixtures/export/moc-chau-report";
import { propertyOf, readZipPart } from "../../../tests/fixtures/export/ooxml";
import { FORMAT_BUDGET } from "./excel-numbers";
import { LOCALITY_SHEET_NAMES, renderIndicatorWorkbook } from "./indicators-xlsx";
import { STATUS_FILLS } from "./xlsx-common";

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
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

describe("indicator workbook of a sent report", () => {
  let buffer: Buffer;
  let sheet: ExcelJS.Worksheet;
  let headerRow: number;
  beforeAll(async () => {
    buffer = await renderIndicatorWorkbook(eaSupReport);
    const workbook = await readWorkbook(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Phụ lục chỉ tiêu"]);
    sheet = workbook.worksheets[0]!;
    headerRow = findRow(sheet, 1, "TT");
  });

  it("heads the sheet as the Word appendix: PHỤ LỤC, the title, the report's number and date, the note", () => {
    expect(rowValues(sheet, 1, 1)).toEqual(["PHỤ LỤC"]);
    expect(sheet.getCell(2, 1).value).toBe("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026");
    expect(sheet.getCell(3, 1).value).toBe(
      "(Kèm theo Báo cáo số 12/BC-UBND ngày 10 tháng 12 năm 2026 của UBND huyện Ea Súp)",
    );
    expect(sheet.getCell(4, 1).value).toBe("Số liệu minh họa, không phải số liệu thực tế");
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
    expect(sheet.getSheetValues().flat()).not.toContain("DỰ THẢO");
  });

  it("has the appendix columns, frozen with the names, and a filter on the header", () => {
    expect(rowValues(sheet, headerRow, 7)).toEqual([
      "TT",
      "Chỉ tiêu",
      "Đơn vị",
      "Mục tiêu đến năm 2025",
      "Mục tiêu đến năm 2030",
      "Thực hiện năm 2026",
      "Đánh giá",
    ]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow, xSplit: 2 });
    const last = headerRow + eaSupReport.indicators.length;
    expect(sheet.autoFilter).toBe(`A${headerRow}:G${last}`);
  });

  it("stores figures as numbers, notation and all, and text as text, row by row in order", () => {
    const expected: unknown[][] = [
      ["1", "Ưu đãi NCC với cách mạng", null, null, null, null, null],
      ["1.1", eaSupReport.indicators[1]!.name, "%", "-", 100, 100, "Đạt/vượt"],
      ["2", "Lao động, việc làm, phát triển thị trường", null, null, null, null, null],
      ["2.1", "Tỉ lệ thất nghiệp chung", "%", 4, "2-2,5", 2.8, "Đúng tiến độ"],
      ["2.3", "Tỉ lệ việc làm phi chính thức", "%", 70, 60, 66.5, "Có nguy cơ"],
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
    expect(expected.map((_, i) => rowValues(sheet, headerRow + 1 + i, 7))).toEqual(expected);
    expect(sheet.getCell(headerRow + 1 + expected.length, 2).value ?? null).toBeNull();
  });

  it("shows each figure exactly as written whatever the reader's regional settings", () => {
    const at = (name: string, column: number) => sheet.getCell(findRow(sheet, 2, name), column);
    // The written value shows literally ("24,01", "<4", "5,60"); a value typed over it keeps the notation.
    expect(at(eaSupReport.indicators[6]!.name, 6).numFmt).toBe('[=24.01]"24,01";0.00');
    expect(at("Tỉ lệ thất nghiệp chung", 4).numFmt).toBe('[=4]"<4";"<"0');
    expect(at("Số bác sỹ", 4).numFmt).toBe('[=5.6]"5,60";0.00');
    expect(at("Tỉ lệ đi học đúng tuổi cấp tiểu học", 4).numFmt).toBe('[=99.5]"99,5";0.0');
    expect(at(eaSupReport.indicators[1]!.name, 5).numFmt).toBe('[=100]"100";0');
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
    expect(fillOf(sheet.getCell(findRow(sheet, 7, "Chậm tiến độ"), 7))).toBe(STATUS_FILLS.OFF_TRACK);
    expect(fillOf(sheet.getCell(findRow(sheet, 7, "Đạt/vượt"), 7))).toBe(STATUS_FILLS.MET);
  });

  it("prints on A4 landscape, one page wide, the header repeated and the page number at the foot", () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    });
    expect(sheet.headerFooter.oddFooter).toMatch(/Trang &P\/&N/);
  });

  it("names the issuing body as the author, not exceljs's “Unknown”", async () => {
    const core = await readZipPart(buffer, "docProps/core.xml");
    expect(propertyOf(core, "dc:creator")).toBe("UBND huyện Ea Súp");
    expect(propertyOf(core, "cp:lastModifiedBy")).toBe("UBND huyện Ea Súp");
  });

  it("leaves the note out for real figures", async () => {
    const real: ReportSnapshot = {
      ...eaSupReport,
      indicators: eaSupReport.indicators.map((ind) => ({ ...ind, isIllustrative: false })),
    };
    const workbook = await readWorkbook(await renderIndicatorWorkbook(real));
    expect(workbook.worksheets[0]!.getSheetValues().flat()).not.toContain(
      "Số liệu minh họa, không phải số liệu thực tế",
    );
  });

  it("reads a Party report's appendix the same way", async () => {
    const ws = (await readWorkbook(await renderIndicatorWorkbook(mocChauReport))).worksheets[0]!;
    const header = findRow(ws, 1, "TT");
    expect(rowValues(ws, header + 2, 7)).toEqual([
      "1.1",
      "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
      "%",
      "-",
      40,
      31.5,
      "Đúng tiến độ",
    ]);
    expect(ws.getCell(header + 2, 5).numFmt).toBe('[=40]"khoảng trên 40%";"khoảng trên "0"%"');
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

describe("indicator workbook of a draft", () => {
  it("says DỰ THẢO above the heading and leaves the number and the day blank", async () => {
    const ws = (
      await readWorkbook(await renderIndicatorWorkbook({ ...eaSupReport, reportSerial: null }, { isDraft: true }))
    ).worksheets[0]!;
    expect(ws.getCell(1, 7).value).toBe("DỰ THẢO");
    expect(ws.getCell(1, 7).border?.top?.style).toBe("thin");
    expect(ws.getCell(2, 1).value).toBe("PHỤ LỤC");
    expect(ws.getCell(4, 1).value).toBe(
      "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng      năm 2026 của UBND huyện Ea Súp)",
    );
  });
});

describe("a workbook with more figures than Excel has number formats", () => {
  it("keeps every figure a number with its notation, in formats that follow the reader's decimal mark", async () => {
    const many: ReportSnapshot = {
      ...eaSupReport,
      indicators: Array.from({ length: FORMAT_BUDGET + 10 }, (_, i) => ({
        ...eaSupReport.indicators[3]!,
        code: `9.${i + 1}`,
        target2025: `<${i + 1},5`,
        actual: `${i},25`,
        actualValue: i + 0.25,
      })),
    };
    const ws = (await readWorkbook(await renderIndicatorWorkbook(many))).worksheets[0]!;
    const first = findRow(ws, 1, "9.1");
    expect([ws.getCell(first, 4).value, ws.getCell(first, 4).numFmt]).toEqual([1.5, '"<"0.0']);
    expect([ws.getCell(first, 6).value, ws.getCell(first, 6).numFmt]).toEqual([0.25, "0.00"]);
  });
});

describe("size", () => {
  it("writes every row of a 100-indicator report", async () => {
    const ws = (await readWorkbook(await renderIndicatorWorkbook(largeReport(100)))).worksheets[0]!;
    const header = findRow(ws, 1, "TT");
    expect(ws.getCell(header + 100, 2).value).toBe(largeReport(100).indicators[99]!.name);
    expect(ws.getCell(header + 101, 2).value ?? null).toBeNull();
  });

  it("types the demo's Ea Súp appendix within Excel's number formats", async () => {
    const ws = (await readWorkbook(await renderIndicatorWorkbook(eaSupReport2025))).worksheets[0]!;
    const cell = ws.getCell(findRow(ws, 1, "5.10"), 4);
    expect(typeof cell.value).toBe("number");
    expect(cell.numFmt).toMatch(/^\[=/);
  });
});

describe("a report compiling its localities", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readWorkbook(
      await renderIndicatorWorkbook({ ...wardReport2025, compiled: compiledTwoLocalities }, { isDraft: true }),
    );
  });

  it("adds the localities' appendices after the indicator sheet, one sheet each, numbered as in Word", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Phụ lục chỉ tiêu", ...LOCALITY_SHEET_NAMES]);
    expect(workbook.worksheets.slice(1).map((s) => s.getCell(1, 1).value)).toEqual([
      "PHỤ LỤC 2",
      "PHỤ LỤC 3",
      "PHỤ LỤC 4",
    ]);
  });

  it("lists where each locality's report stands, the ended body with its successor", () => {
    const ws = workbook.getWorksheet("Báo cáo các địa phương")!;
    const ward = findRow(ws, 2, "Đảng ủy phường Mộc Châu");
    expect(rowValues(ws, ward, 6)).toEqual([
      "1",
      "Đảng ủy phường Mộc Châu",
      "25-KH/ĐU",
      "Đã nộp",
      "15/12/2026",
      "04/12/2026",
    ]);
    findRow(ws, 2, "Thị ủy Mộc Châu (Đã kết thúc hoạt động ngày 30/06/2025; nay: Đảng ủy phường Mộc Châu)");
    findRow(ws, 2, "Chưa ban hành kế hoạch thực hiện (1): Phường Chiềng Sinh");
  });

  it("gives the compiled figure and the counts by status as numbers the clerk can sum", () => {
    const ws = workbook.getWorksheet("Tổng hợp từ địa phương")!;
    const row = findRow(ws, 1, "1.1");
    expect(rowValues(ws, row, 11)).toEqual([
      "1.1",
      "Dân số trung bình",
      "người",
      "128.500",
      "42.000 (cộng, 2/2 địa phương)",
      1,
      0,
      0,
      1,
      0,
      "Thị ủy Mộc Châu",
    ]);
  });

  it("gives every locality's target, figure and status under its indicator", () => {
    const ws = workbook.getWorksheet("Số liệu từng địa phương")!;
    const first = findRow(ws, 1, "1.1");
    expect(ws.getCell(first, 2).value).toBe("Dân số trung bình (người)");
    expect(rowValues(ws, first + 2, 5)).toEqual(
      ["", "Thị ủy Mộc Châu", "31.000", "30.000", "Chậm tiến độ"].map((v) => (v === "" ? null : v)),
    );
  });

  it("keeps every locality's figures, however many, where the Word file leaves them out", async () => {
    const indicator = compiledTwoLocalities.indicators[1]!;
    const localities = Array.from({ length: 40 }, (_, n) => ({
      ...compiledTwoLocalities.localities[0]!,
      planId: `p-${n}`,
      name: `Đảng ủy xã số ${n + 1}`,
    }));
    const many = {
      ...compiledTwoLocalities,
      localities,
      indicators: Array.from({ length: 40 }, (_, k) => ({
        ...indicator,
        id: `i-${k}`,
        code: `1.${k + 1}`,
        values: localities.map((l) => ({ ...indicator.values[0]!, planId: l.planId })),
      })),
    };
    const big = await readWorkbook(await renderIndicatorWorkbook({ ...wardReport2025, compiled: many }));
    const ws = big.getWorksheet("Số liệu từng địa phương")!;
    const last = findRow(ws, 1, "1.40");
    expect(ws.getCell(last + 40, 2).value).toBe("Đảng ủy xã số 40");
  });

  it("keeps a report without localities to its one sheet", async () => {
    const plain = await readWorkbook(await renderIndicatorWorkbook(wardReport2025));
    expect(plain.worksheets.map((s) => s.name)).toEqual(["Phụ lục chỉ tiêu"]);
  });
});
