import { describe, expect, it } from "vitest";
import { contentDisposition, fileNameFromDisposition, safeFileName } from "./content-disposition";

describe("download file names", () => {
  it("removes characters file systems refuse", () => {
    expect(safeFileName("Báo cáo năm 2026 - 25-KH/ĐU.docx")).toBe("Báo cáo năm 2026 - 25-KH-ĐU.docx");
  });

  it("gives an ASCII fallback and the Vietnamese name in RFC 5987 form", () => {
    const header = contentDisposition("Báo cáo năm 2026 - 25-KH/ĐU.docx");
    expect(header).toMatch(
      /^attachment; filename="Bao_cao_nam_2026_-_25-KH-DU\.docx"; filename\*=UTF-8''B%C3%A1o%20c%C3%A1o/,
    );
    expect(fileNameFromDisposition(header)).toBe("Báo cáo năm 2026 - 25-KH-ĐU.docx");
  });

  it("reads a plain file name too", () => {
    expect(fileNameFromDisposition('attachment; filename="a.xlsx"')).toBe("a.xlsx");
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
