import { describe, expect, it } from "vitest";
import { eaSupReport } from "../../../tests/fixtures/export/ea-sup-report";
import { mocChauReport } from "../../../tests/fixtures/export/moc-chau-report";
import {
  DEFAULT_TEMPLATES,
  fillPattern,
  reportCode,
  reportNumber,
  reportSubtitle,
  templateFor,
} from "./document-template";
import { planKindLabel } from "./indicator-cells";

describe("report numbers", () => {
  it("writes the State form with a colon and BC before the issuer", () => {
    expect(reportNumber(templateFor("STATE"), "12", "UBND")).toBe("Số: 12/BC-UBND");
  });

  it("leaves five spaces for the serial of an unnumbered State report", () => {
    expect(reportNumber(templateFor("STATE"), null, "UBND")).toBe("Số:      /BC-UBND");
  });

  it("writes the Party form without a colon, BC after the serial", () => {
    expect(reportNumber(templateFor("PARTY"), "45", "TU")).toBe("Số 45-BC/TU");
    expect(reportNumber(templateFor("PARTY"), null, "TXU")).toBe("Số    -BC/TXU");
  });

  it("gives the bare code for the appendix's 'Kèm theo Báo cáo số …'", () => {
    expect(reportCode(templateFor("STATE"), "12", "UBND")).toBe("12/BC-UBND");
    expect(reportCode(templateFor("PARTY"), "45", "ThU")).toBe("45-BC/ThU");
  });
});

describe("templateFor", () => {
  it("gives NĐ 30 defaults for State documents", () => {
    const t = templateFor("STATE");
    expect(t.fontFamily).toBe("Times New Roman");
    expect(t.page).toMatchObject({
      widthMm: 210,
      heightMm: 297,
      marginTopMm: 20,
      marginBottomMm: 20,
      marginLeftMm: 30,
      marginRightMm: 15,
    });
    expect(t.header.nationalLines.map((l) => l.text)).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
    ]);
    expect(t.header.nationalLines.every((l) => l.style.bold)).toBe(true);
    expect(t.recipients.labelStyle).toEqual({ sizePt: 12, bold: true, italics: true });
    expect(t.recipients.itemStyle.sizePt).toBe(11);
    expect(t.pageNumbers.fromPage).toBe(2);
  });

  it("gives the Party header, trailer and signing form", () => {
    const t = templateFor("PARTY");
    expect(t.header.nationalLines).toEqual([
      { text: "ĐẢNG CỘNG SẢN VIỆT NAM", style: { sizePt: 15, bold: true, underline: true } },
    ]);
    expect(t.header.issuerTrailer?.text).toBe("*");
    expect(t.signature.defaultSigningForm).toBe("T/M BAN THƯỜNG VỤ");
  });

  it("merges nested overrides and keeps the untouched values", () => {
    const t = templateFor("PARTY", {
      number: { label: "Số: " },
      header: { nationalLines: [{ text: "ĐẢNG CỘNG SẢN VIỆT NAM", style: { sizePt: 14, bold: true } }] },
      page: { marginLeftMm: 35 },
    });
    expect(reportNumber(t, "45", "TU")).toBe("Số: 45-BC/TU");
    expect(t.header.nationalLines).toEqual([{ text: "ĐẢNG CỘNG SẢN VIỆT NAM", style: { sizePt: 14, bold: true } }]);
    expect(t.page.marginLeftMm).toBe(35);
    expect(t.page.marginRightMm).toBe(15);
    expect(t.header.issuerTrailer?.text).toBe("*");
  });

  it("never changes the defaults", () => {
    const before = structuredClone(DEFAULT_TEMPLATES);
    const t = templateFor("STATE", { page: { marginTopMm: 25 } });
    t.sections.leadership = "changed";
    t.header.nationalLines[0]!.text = "changed";
    expect(DEFAULT_TEMPLATES).toEqual(before);
    expect(templateFor("STATE").page.marginTopMm).toBe(20);
  });
});

describe("fillPattern", () => {
  it("replaces known placeholders and leaves unknown ones visible", () => {
    expect(fillPattern("{place}, {date} {oops}", { place: "Ea Súp", date: "ngày 10 tháng 12 năm 2026" })).toBe(
      "Ea Súp, ngày 10 tháng 12 năm 2026 {oops}",
    );
  });
});

describe("reportSubtitle", () => {
  it("names a numbered plan by kind and number", () => {
    expect(reportSubtitle(mocChauReport, templateFor("PARTY"))).toBe(
      "Kết quả thực hiện kế hoạch số 15-KH/TXU năm 2026",
    );
  });

  it("drops 'số …' for an unnumbered plan", () => {
    expect(reportSubtitle(eaSupReport, templateFor("STATE"))).toBe("Kết quả thực hiện kế hoạch năm 2026");
  });

  it("lower-cases the kind label", () => {
    expect(planKindLabel("PROGRAMME")).toBe("chương trình hành động");
    expect(planKindLabel("Kế hoạch")).toBe("kế hoạch");
  });
});
