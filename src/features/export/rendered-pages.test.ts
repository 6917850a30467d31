import { beforeAll, describe, expect, it } from "vitest";
import {
  daLatReport2025,
  eaSupReport2025,
  sonLaLocalities2025,
  wardReport2025,
} from "../../../tests/fixtures/export/demo";
import { linesOf, renderPages, type RenderedFile } from "../../../tests/fixtures/export/libreoffice";
import { renderLocalityComparisonWorkbook } from "./comparison-xlsx";
import { renderIndicatorWorkbook } from "./indicators-xlsx";
import { renderReportDocx } from "./report-docx";

// The exports rendered by LibreOffice and read page by page, as an official would before sending
// them: the signature never alone on its page, numbers and names never broken, every page of a
// workbook numbered. Needs LibreOffice and poppler (installed by .ci/run; see libreoffice.ts).

const CLOSING = "Trên đây là báo cáo";

describe("the exports as pages (LibreOffice)", () => {
  let rendered: Record<string, RenderedFile>;
  beforeAll(async () => {
    rendered = renderPages({
      "ward.docx": await renderReportDocx(wardReport2025, { isDraft: true }),
      "dalat.docx": await renderReportDocx(daLatReport2025),
      "easup.docx": await renderReportDocx(eaSupReport2025, { isDraft: true }),
      "easup-appendix.xlsx": await renderIndicatorWorkbook(eaSupReport2025, { isDraft: true }),
      "sonla.xlsx": await renderLocalityComparisonWorkbook(sonLaLocalities2025),
    });
  }, 240_000);

  for (const [file, issuer] of [
    ["ward.docx", "Đảng ủy phường Mộc Châu"],
    ["dalat.docx", "Thành ủy Đà Lạt"],
    ["easup.docx", "UBND huyện Ea Súp"],
  ] as const) {
    describe(file, () => {
      it("puts the signature on a page that also holds the end of the text", () => {
        const { pages } = rendered[file]!;
        const signed = pages.findIndex((page) => page.includes("Nơi nhận:"));
        expect(signed, "page with Nơi nhận").toBeGreaterThan(0);
        const text = linesOf(pages[signed]!).join(" ");
        expect(text, `page ${signed + 1}`).toContain("Nơi nhận:");
        expect(text).toContain(CLOSING);
        expect(text).toContain(`của ${issuer}./.`);
        // Nothing of the report is left for a page after the signature: the appendix follows.
        expect(linesOf(pages[signed + 1]!)).toContain("PHỤ LỤC");
      });

      it("has no blank page, and the last page holds appendix rows", () => {
        const { pages } = rendered[file]!;
        expect(pages.length).toBeGreaterThanOrEqual(4);
        pages.forEach((page, i) => expect(linesOf(page).length, `page ${i + 1}`).toBeGreaterThan(3));
        expect(linesOf(pages.at(-1)!).join(" ")).toMatch(/Đạt\/vượt|tiến độ|Có nguy cơ|Chưa có số liệu/);
      });

      it("numbers the appendix's pages on their own: its second page is 2", () => {
        const { pages } = rendered[file]!;
        const appendix = pages.findIndex((page) => linesOf(page)[0] === "PHỤ LỤC");
        if (appendix + 1 < pages.length) expect(linesOf(pages[appendix + 1]!)[0]).toBe("2");
        // The report's own pages are numbered from the second.
        expect(linesOf(pages[1]!)[0]).toBe("2");
      });
    });
  }

  it("keeps the ward's committee name on one line and says DỰ THẢO on its draft", () => {
    const first = linesOf(rendered["ward.docx"]!.pages[0]!);
    expect(first[0]).toBe("DỰ THẢO");
    expect(first.some((line) => line.startsWith("ĐẢNG ỦY PHƯỜNG MỘC CHÂU"))).toBe(true);
    expect(first.some((line) => /^CHÂU\b/.test(line))).toBe(false);
    expect(rendered["ward.docx"]!.pages.join("\n")).toContain("Hoàng Văn Nam");
  });

  it("never breaks a TT number or a unit across lines", () => {
    const words = (file: string) => new Set(rendered[file]!.pages.flatMap((page) => page.split(/\s+/)));
    const eaSup = words("easup.docx");
    for (const code of ["5.10", "5.11", "10.1", "10.8", "7.10"]) expect(eaSup, code).toContain(code);
    const daLat = words("dalat.docx");
    expect(daLat).toContain("sàn/người");
    for (const broken of ["5.1/0", "10./1", "sàn/ngườ"]) {
      expect([...eaSup, ...daLat]).not.toContain(broken);
    }
  });

  it("prints the appendix workbook with its header row and “Trang n/m” on every page, figures as written", () => {
    const { pages } = rendered["easup-appendix.xlsx"]!;
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Trang ${i + 1}/${pages.length}`);
      expect(page, `page ${i + 1}`).toMatch(/TT\s+Chỉ tiêu/);
    });
    const text = pages.join("\n");
    expect(text).toContain("DỰ THẢO");
    // Decimal commas whatever LibreOffice's own locale.
    expect(text).toMatch(/\b2,66\b/);
    expect(text).not.toMatch(/\b2\.66\b/);
  });

  it("prints Sơn La's comparison readably: a few localities per page, numbered pages", () => {
    const { pages } = rendered["sonla.xlsx"]!;
    expect(pages.length).toBeLessThan(45);
    expect(pages[0]).toContain("SO SÁNH KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025 GIỮA CÁC ĐỊA PHƯƠNG");
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toMatch(/Trang \d+\/\d+/));
    // The header row with the indicator columns is repeated on every page of the matrix.
    const matrix = pages.filter((page) => page.includes("Nội dung"));
    expect(matrix.length).toBeGreaterThanOrEqual(4);
    expect(matrix.filter((page) => page.includes("Đánh giá")).length).toBeGreaterThan(matrix.length * 0.7);
  });
});
