import { describe, expect, it } from "vitest";
import { eaSupReport } from "../../../tests/fixtures/export/ea-sup-report";
import { mocChauReport } from "../../../tests/fixtures/export/moc-chau-report";
import { sizeColumns } from "./column-layout";
import { templateFor } from "./document-template";
import { textWidthPt } from "./measure-text";
import { buildReportModel, firstNameLine, officeOf, recipientItems, taskWording } from "./report-model";
import { wholeLines } from "./whole-lines";

describe("taskWording", () => {
  it("runs a titled task's text after its bold title", () => {
    expect(taskWording("Về giáo dục", "Nâng cao chất lượng.\nĐổi mới quản lý.")).toEqual([
      [{ text: "Về giáo dục: ", bold: true }, { text: "Nâng cao chất lượng." }],
      [{ text: "Đổi mới quản lý." }],
    ]);
  });

  it("keeps a title that ends with its own punctuation, a title alone and a text alone", () => {
    expect(taskWording("Về y tế:", "Xây dựng hệ thống y tế.")[0]![0]).toEqual({ text: "Về y tế: ", bold: true });
    expect(taskWording("Nâng cao nhận thức", "")).toEqual([[{ text: "Nâng cao nhận thức", bold: true }]]);
    expect(taskWording(null, "Huy động nguồn lực.")).toEqual([[{ text: "Huy động nguồn lực." }]]);
  });

  it("never cuts a long text", () => {
    const body = "Phát triển hệ thống dịch vụ xã hội đa dạng, liên thông. ".repeat(30).trim();
    expect(taskWording(null, body)[0]![0]!.text).toBe(body);
  });
});

describe("Nơi nhận", () => {
  it("writes State lines with semicolons, Như trên for the addressee and the archive last", () => {
    const items = recipientItems(
      { ...eaSupReport, recipients: ["UBND tỉnh Đắk Lắk (b/c)", "Lưu văn phòng"] },
      templateFor("STATE"),
      true,
    );
    expect(items).toEqual(["- Như trên;", "- Lưu: VT, VP."]);
  });

  it("writes Party lines with commas and the committee's office", () => {
    const ward = { ...mocChauReport, issuer: { ...mocChauReport.issuer, name: "Đảng ủy phường Mộc Châu" } };
    expect(
      recipientItems({ ...ward, recipients: ["Tỉnh ủy Sơn La (b/c)", "Lưu văn phòng"] }, templateFor("PARTY"), false),
    ).toEqual(["- Tỉnh ủy Sơn La (b/c),", "- Lưu Văn phòng Đảng ủy."]);
    expect(officeOf("Thành ủy Đà Lạt")).toBe("Thành ủy");
  });

  it("normalises what the snapshot wrote: dashes and end punctuation, one archive line", () => {
    expect(
      recipientItems(
        { ...eaSupReport, recipients: ["- TT Huyện ủy,", "CT, các PCT UBND huyện;", "Lưu: VT, VP, LĐTBXH."] },
        templateFor("STATE"),
        false,
      ),
    ).toEqual(["- TT Huyện ủy;", "- CT, các PCT UBND huyện;", "- Lưu: VT, VP, LĐTBXH."]);
  });
});

describe("header lines", () => {
  it("treats both lines of a People's Committee as its name, a Party committee's last line only", () => {
    expect(firstNameLine(["ỦY BAN NHÂN DÂN", "HUYỆN EA SÚP"])).toBe(0);
    expect(firstNameLine(["ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY PHƯỜNG MỘC CHÂU"])).toBe(1);
  });

  it("breaks a name too long for its column before the place, never inside it", () => {
    const style = { sizePt: 14, bold: true };
    expect(wholeLines("ĐẢNG ỦY PHƯỜNG MỘC CHÂU", style, 150)).toEqual(["ĐẢNG ỦY", "PHƯỜNG MỘC CHÂU"]);
    expect(wholeLines("BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", style, 200)).toEqual([
      "BAN CHẤP HÀNH ĐẢNG BỘ",
      "THÀNH PHỐ HỒ CHÍ MINH",
    ]);
    expect(wholeLines("ĐẢNG ỦY PHƯỜNG MỘC CHÂU", style, 400)).toEqual(["ĐẢNG ỦY PHƯỜNG MỘC CHÂU"]);
  });

  it("widens the issuer column for a long committee name rather than break it", () => {
    const ward = {
      ...mocChauReport,
      issuer: { ...mocChauReport.issuer, headerLines: ["ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY PHƯỜNG MỘC CHÂU"] },
    };
    const { header } = buildReportModel(ward, templateFor("PARTY"), { isDraft: false });
    expect(header.issuerLines.map((l) => l.text)).toEqual(["ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY PHƯỜNG MỘC CHÂU"]);
    expect(header.leftShare).toBeGreaterThan(templateFor("PARTY").header.leftColumnShare);
  });
});

describe("column sizes", () => {
  it("gives every column at least its longest unbreakable piece and the rest to the long text", () => {
    const style = { sizePt: 12 };
    const widths = sizeColumns(
      [
        { header: "TT", headerStyle: style, cells: [{ text: "10.10", style }] },
        {
          header: "Chỉ tiêu",
          headerStyle: style,
          cells: [{ text: "Diện tích nhà ở bình quân đầu người", style }],
          fills: true,
        },
        { header: "Đơn vị", headerStyle: style, cells: [{ text: "m² sàn/người", style }] },
      ],
      300,
      8,
    );
    expect(widths.reduce((a, b) => a + b, 0)).toBe(300);
    expect(widths[0]! - 8).toBeGreaterThan(textWidthPt("10.10", style));
    expect(widths[2]! - 8).toBeGreaterThan(textWidthPt("m² sàn/người", style));
    expect(widths[1]).toBeGreaterThan(widths[2]!);
  });
});
