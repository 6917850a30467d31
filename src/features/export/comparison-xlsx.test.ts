import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { dakLakComparison } from "../../../tests/fixtures/export/dak-lak-comparison";
import { sonLaLocalities2025 } from "../../../tests/fixtures/export/demo";
import { propertyOf, readZipPart } from "../../../tests/fixtures/export/ooxml";
import { renderLocalityComparisonWorkbook, statusCounts } from "./comparison-xlsx";
import { STATUS_FILLS } from "./xlsx-common";

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number, from: number, to: number): unknown[] {
  return Array.from({ length: to - from + 1 }, (_, i) => sheet.getCell(row, from + i).value ?? null);
}

function findRow(sheet: ExcelJS.Worksheet, column: number, text: string): number {
  for (let row = 1; row <= sheet.rowCount; row++) if (sheet.getCell(row, column).value === text) return row;
  throw new Error(`no row with “${text}” in column ${column}`);
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe("locality comparison (Đắk Lắk fixture)", () => {
  let buffer: Buffer;
  let sheet: ExcelJS.Worksheet;
  let data: ExcelJS.Worksheet;
  let header: number;
  beforeAll(async () => {
    buffer = await renderLocalityComparisonWorkbook(dakLakComparison);
    const workbook = await readWorkbook(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["So sánh địa phương", "Số liệu"]);
    [sheet, data] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    header = findRow(sheet, 1, "TT");
  });

  it("titles the sheet in column A, unmerged, with the plan, the years and the illustrative note", () => {
    expect(sheet.getCell(1, 1).value).toBe("SO SÁNH KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026 GIỮA CÁC ĐỊA PHƯƠNG");
    expect(sheet.getCell(2, 1).value).toBe(
      "Tỉnh Đắk Lắk — các địa phương thực hiện văn bản số 54-CTr/TU của Tỉnh ủy Đắk Lắk",
    );
    expect(sheet.getCell(3, 1).value).toMatch(
      /^Mục tiêu: chỉ tiêu trong kế hoạch của từng địa phương cho mốc 2030 \(năm của mốc ghi ở từng dòng\); Thực hiện: số liệu năm 2026/,
    );
    expect(sheet.getCell(4, 1).value).toBe("Số liệu minh họa, không phải số liệu thực tế");
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges.some((m) => m.startsWith("A1:"))).toBe(false);
  });

  it("has the indicator columns, then a column per locality named with its plan's number", () => {
    expect(rowValues(sheet, header, 1, 8)).toEqual([
      "TT",
      "Chỉ tiêu",
      "Đơn vị",
      "Mục tiêu của tỉnh",
      "Nội dung",
      "Huyện Ea Súp (1)\n/KH-UBND",
      "Xã Ea Súp\n07/KH-UBND",
      "Phường Buôn Ma Thuột",
    ]);
    expect(sheet.getCell(header, 9).value ?? null).toBeNull();
    expect(sheet.getCell(header, 6).alignment?.wrapText).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 5, ySplit: header });
  });

  it("counts each locality's indicators by status, as the dashboard does", () => {
    const labels = ["Đạt/vượt", "Đúng tiến độ", "Có nguy cơ", "Chậm tiến độ", "Chưa có số liệu", "Tổng số chỉ tiêu"];
    const first = findRow(sheet, 2, "Đạt/vượt");
    expect(labels.map((_, i) => sheet.getCell(first + i, 2).value)).toEqual(labels);
    expect(labels.map((_, i) => rowValues(sheet, first + i, 6, 8))).toEqual([
      [1, 0, 3],
      [1, 0, 0],
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
      [3, 2, 3],
    ]);
    expect(fillOf(sheet.getCell(first + 3, 2))).toBe(STATUS_FILLS.OFF_TRACK);
    expect(statusCounts(dakLakComparison, dakLakComparison.localities[1]!)).toEqual({
      MET: 0,
      ON_TRACK: 0,
      AT_RISK: 0,
      OFF_TRACK: 1,
      NO_DATA: 1,
    });
  });

  it("writes each indicator as three rows under its group: the target with its year, the actual, the status", () => {
    const group = findRow(sheet, 1, "2. Lao động, việc làm");
    const first = group + 1;
    expect(rowValues(sheet, first, 1, 8)).toEqual([
      "2.1",
      "Tỉ lệ thất nghiệp chung",
      "%",
      "<4",
      "Mục tiêu 2030",
      "2-2,5",
      "<4 (2025)",
      "2-2,5",
    ]);
    expect(rowValues(sheet, first + 1, 5, 8)).toEqual(["Thực hiện 2026", "2,8", "5,1", "2,2"]);
    expect(rowValues(sheet, first + 2, 5, 8)).toEqual(["Đánh giá", "Đúng tiến độ", "Chậm tiến độ", "Đạt/vượt"]);
    expect(fillOf(sheet.getCell(first + 2, 7))).toBe(STATUS_FILLS.OFF_TRACK);
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining([`A${first}:A${first + 2}`, `B${first}:B${first + 2}`]));
    // A locality whose plan lacks the indicator has empty cells, not "no data".
    const insurance = findRow(sheet, 1, "4.8");
    expect(rowValues(sheet, insurance + 2, 6, 8)).toEqual(["Có nguy cơ", null, "Đạt/vượt"]);
    expect(findRow(sheet, 1, "6. Giáo dục")).toBeLessThan(findRow(sheet, 1, "6.6"));
  });

  it("explains the note mark of a locality that no longer exists", () => {
    expect(sheet.getSheetValues().flat()).toContain(
      "(1) Huyện Ea Súp: Không còn từ 01/7/2025; kế hoạch do xã Ea Súp kế thừa.",
    );
  });

  it("prints A4 landscape, fitted to the page width, header row and indicator columns repeated, numbered", () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${header}:${header}`,
      printTitlesColumn: "A:E",
    });
    expect(sheet.headerFooter.oddFooter).toMatch(/Trang &P\/&N/);
    expect(data.headerFooter.oddFooter).toMatch(/Trang &P\/&N/);
  });

  it("keeps the figures typed on the data sheet, one row per locality and indicator, with filters", () => {
    expect(rowValues(data, 1, 1, 12)).toEqual([
      "Địa phương",
      "Số kế hoạch",
      "Nhóm chỉ tiêu",
      "TT",
      "Chỉ tiêu",
      "Đơn vị",
      "Năm mục tiêu",
      "Mục tiêu (như văn bản)",
      "Mục tiêu (số)",
      "Thực hiện 2026 (như báo cáo)",
      "Thực hiện 2026 (số)",
      "Đánh giá",
    ]);
    expect(rowValues(data, 2, 1, 12)).toEqual([
      "Huyện Ea Súp",
      "/KH-UBND",
      "2. Lao động, việc làm",
      "2.1",
      "Tỉ lệ thất nghiệp chung",
      "%",
      2030,
      "2-2,5",
      null,
      "2,8",
      2.8,
      "Đúng tiến độ",
    ]);
    const row = findRow(data, 1, "Xã Ea Súp");
    expect(rowValues(data, row, 7, 11)).toEqual([2025, "<4", 4, "5,1", 5.1]);
    expect(data.getCell(row, 11).numFmt).toBe("0.0");
    // Eight values: three, two and three localities × indicators, under the header.
    expect(data.autoFilter).toBe("A1:L9");
  });

  it("names the province's plan issuer as the author", async () => {
    const core = await readZipPart(buffer, "docProps/core.xml");
    expect(propertyOf(core, "dc:creator")).toBe("Tỉnh ủy Đắk Lắk");
    expect(propertyOf(core, "cp:lastModifiedBy")).toBe("Tỉnh ủy Đắk Lắk");
  });
});

describe("locality comparison of Sơn La (13 localities × 39 indicators, demo data)", () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    sheet = (await readWorkbook(await renderLocalityComparisonWorkbook(sonLaLocalities2025))).worksheets[0]!;
  });

  it("has 5 + 13 columns, not 120, printed two page widths across", () => {
    expect(sonLaLocalities2025.localities).toHaveLength(13);
    expect(sonLaLocalities2025.indicators).toHaveLength(39);
    const header = findRow(sheet, 1, "TT");
    expect(sheet.getRow(header).cellCount).toBe(18);
    expect(sheet.pageSetup.fitToWidth).toBe(2);
    expect(sheet.pageSetup.pageOrder).toBe("overThenDown");
  });

  it("has a row for each indicator's target, actual and status, and every group heading", () => {
    expect(
      sheet
        .getSheetValues()
        .flat()
        .filter((v) => v === "Đánh giá"),
    ).toHaveLength(39);
    for (const group of new Set(sonLaLocalities2025.indicators.map((i) => i.group))) findRow(sheet, 1, group!);
  });

  it("counts the indicators each locality's plan has", () => {
    const total = findRow(sheet, 2, "Tổng số chỉ tiêu");
    sonLaLocalities2025.localities.forEach((locality, i) => {
      expect(sheet.getCell(total, 6 + i).value).toBe(Object.keys(locality.values).length);
    });
  });
});
