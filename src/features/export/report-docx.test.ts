import { beforeAll, describe, expect, it } from "vitest";
import type { ReportSnapshot } from "@/features/reporting/snapshot";
import { daLatReport2025, eaSupReport2025, wardReport2025 } from "../../../tests/fixtures/export/demo";
import { eaSupReport } from "../../../tests/fixtures/export/ea-sup-report";
import { largeReport } from "../../../tests/fixtures/export/large-report";
import { mocChauReport } from "../../../tests/fixtures/export/moc-chau-report";
import {
  attribute,
  bodyParagraphs,
  gridColumns,
  halfPoints,
  isBold,
  isItalic,
  isUnderlined,
  paragraphs,
  propertyOf,
  readZipPart,
  sectionProperties,
  tables,
  type DocParagraph,
  type DocTable,
} from "../../../tests/fixtures/export/ooxml";
import { templateFor } from "./document-template";
import { textWidthPt } from "./measure-text";
import { renderReportDocx } from "./report-docx";

const STATUS_LABELS = {
  MET: "Đạt/vượt",
  ON_TRACK: "Đúng tiến độ",
  AT_RISK: "Có nguy cơ",
  OFF_TRACK: "Chậm tiến độ",
  NO_DATA: "Chưa có số liệu",
} as const;

/** Twips from millimetres, computed here independently of the renderer. */
const twips = (mm: number) => String(Math.round((mm * 1440) / 25.4));

async function documentXml(snapshot: ReportSnapshot, options: Parameters<typeof renderReportDocx>[1] = {}) {
  return readZipPart(await renderReportDocx(snapshot, options), "word/document.xml");
}

function paragraphWithText(ps: DocParagraph[], text: string): DocParagraph {
  const found = ps.find((p) => p.text === text);
  if (!found) throw new Error(`No paragraph reads “${text}”; paragraphs: ${ps.map((p) => p.text).join(" | ")}`);
  return found;
}

function appendixTable(xml: string): DocTable {
  const table = tables(xml).find((t) => t.rows[0]?.cells[1]?.text === "Chỉ tiêu");
  if (!table) throw new Error("appendix table not found");
  return table;
}

function taskTable(xml: string): DocTable {
  const table = tables(xml).find((t) => t.rows[0]?.cells[1]?.text === "Nhiệm vụ");
  if (!table) throw new Error("task table not found");
  return table;
}

function signatureTable(xml: string): DocTable {
  const table = tables(xml).find((t) => t.rows[0]?.cells[0]?.paragraphs[0]?.text === "Nơi nhận:");
  if (!table) throw new Error("signature table not found");
  return table;
}

describe("State report (UBND huyện Ea Súp), as sent", () => {
  let xml: string;
  let buffer: Buffer;
  beforeAll(async () => {
    buffer = await renderReportDocx(eaSupReport);
    xml = await readZipPart(buffer, "word/document.xml");
  });

  it("is a zip package Word can open", () => {
    expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("prints the issuer left and the national title right in a borderless two-column header", () => {
    const header = tables(xml)[0]!;
    expect(header.rows[0]!.cells).toHaveLength(2);
    expect(header.rows[0]!.cells[0]!.paragraphs.map((p) => p.text).filter(Boolean)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "HUYỆN EA SÚP",
    ]);
    expect(header.rows[0]!.cells[1]!.paragraphs.map((p) => p.text)).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
    ]);
    expect(header.xml).toMatch(/<w:tblBorders>[\s\S]*w:val="none"/);
    expect(header.xml).not.toMatch(/<w:top w:val="single"/);
  });

  it("sets the whole name of the People's Committee bold, over both lines, as NĐ 30 asks", () => {
    const ps = tables(xml)[0]!.rows[0]!.cells.flatMap((c) => c.paragraphs);
    const committee = paragraphWithText(ps, "ỦY BAN NHÂN DÂN").runs[0]!;
    const locality = paragraphWithText(ps, "HUYỆN EA SÚP").runs[0]!;
    const nation = paragraphWithText(ps, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").runs[0]!;
    const motto = paragraphWithText(ps, "Độc lập - Tự do - Hạnh phúc").runs[0]!;
    expect([isBold(committee), halfPoints(committee)]).toEqual([true, 26]);
    expect([isBold(locality), halfPoints(locality)]).toEqual([true, 26]);
    expect([isBold(nation), halfPoints(nation)]).toEqual([true, 26]);
    // 14 pt is the document's default size: the run inherits it.
    expect([isBold(motto), isUnderlined(motto), halfPoints(motto) || 28]).toEqual([true, true, 28]);
  });

  it("prints the number under the issuer and the place and date in italics under the motto", () => {
    const row = tables(xml)[0]!.rows[1]!;
    expect(row.cells[0]!.text).toBe("Số: 12/BC-UBND");
    expect(halfPoints(row.cells[0]!.paragraphs[0]!.runs[0]!)).toBe(26);
    expect(row.cells[1]!.text).toBe("Ea Súp, ngày 10 tháng 12 năm 2026");
    expect(isItalic(row.cells[1]!.paragraphs[0]!.runs[0]!)).toBe(true);
  });

  it("says nothing of a draft once sent", () => {
    expect(xml).not.toContain("DỰ THẢO");
  });

  it("titles the report BÁO CÁO, bold 14 pt, over the subtitle, the plan title, the addressee and the data period", () => {
    const ps = bodyParagraphs(xml);
    const kind = paragraphWithText(ps, "BÁO CÁO");
    // 14 pt is the body size, the document's default: the run inherits it.
    expect([isBold(kind.runs[0]!), halfPoints(kind.runs[0]!) || 28]).toEqual([true, 28]);
    const i = ps.indexOf(kind);
    expect(ps.slice(i + 1, i + 3).map((p) => p.text)).toEqual([
      "Kết quả thực hiện kế hoạch năm 2026",
      eaSupReport.plan.title,
    ]);
    const rest = ps.slice(i + 3).map((p) => p.text);
    expect(rest.filter(Boolean).slice(0, 2)).toEqual([
      "Kính gửi: UBND tỉnh Đắk Lắk.",
      "(Số liệu từ ngày 15/12/2025 đến ngày 14/12/2026)",
    ]);
    expect(isItalic(paragraphWithText(ps, "(Số liệu từ ngày 15/12/2025 đến ngày 14/12/2026)").runs[0]!)).toBe(true);
  });

  it("writes the five sections in order, with a placeholder for empty ones", () => {
    const texts = bodyParagraphs(xml).map((p) => p.text);
    const headings = [
      "I. Công tác lãnh đạo, chỉ đạo, quán triệt, tuyên truyền",
      "II. Kết quả thực hiện nhiệm vụ và chỉ tiêu",
      "III. Hạn chế, nguyên nhân",
      "IV. Phương hướng, nhiệm vụ năm tới",
      "V. Kiến nghị, đề xuất",
    ];
    const at = headings.map((h) => texts.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(texts[at[0]! + 1]).toBe(eaSupReport.sections.leadership.split("\n")[0]);
    expect(texts[at[0]! + 2]).toBe(eaSupReport.sections.leadership.split("\n")[1]);
    expect(texts[at[2]! + 1]).toBe("(Chưa nhập nội dung)");
    expect(texts[at[4]! + 1]).toBe("(Chưa nhập nội dung)");
    expect(texts.filter((t) => t === "(Chưa nhập nội dung)")).toHaveLength(2);
  });

  it("sets the body in 14 pt, justified, with a first-line indent", () => {
    const p = paragraphWithText(bodyParagraphs(xml), eaSupReport.sections.nextYear);
    expect(halfPoints(p.runs[0]!) || 28).toBe(28);
    expect(attribute(p.xml, "w:jc", "w:val")).toBe("both");
    expect(attribute(p.xml, "w:ind", "w:firstLine")).toBe(twips(10));
  });

  it("lists the tasks with lead agencies and their status and summary", () => {
    const table = taskTable(xml);
    expect(table.rows[0]!.cells.map((c) => c.text)).toEqual([
      "TT",
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "Tình hình thực hiện",
    ]);
    expect(table.rows.slice(1).map((r) => r.cells[0]!.text)).toEqual(eaSupReport.tasks.map((t) => t.numbering));
    const row = table.rows.find((r) => r.cells[0]!.text === "2.2")!;
    expect(row.cells[1]!.text).toBe(eaSupReport.tasks[2]!.body);
    expect(row.cells[2]!.text).toBe("Phòng Văn hoá và Thông tin; Phòng Lao động - Thương binh và Xã hội");
    expect(row.cells[3]!.text).toBe("Chậm tiến độ\nCơ sở dữ liệu an sinh xã hội mới cập nhật được 60% hồ sơ.");
    const first = table.rows.find((r) => r.cells[0]!.text === "1")!.cells[1]!;
    expect(first.text).toBe(eaSupReport.tasks[0]!.title);
    expect(isBold(first.paragraphs[0]!.runs[0]!)).toBe(true);
    expect(table.rows.find((r) => r.cells[0]!.text === "2.3")!.cells[3]!.text).toBe("Đang thực hiện");
  });

  it("ends the text with the closing paragraph, kept on the page of Nơi nhận and the signature", () => {
    const closing = "Trên đây là báo cáo kết quả thực hiện kế hoạch năm 2026 của UBND huyện Ea Súp./.";
    const body = xml.slice(xml.indexOf("<w:body>"), xml.indexOf(signatureTable(xml).xml));
    const tail = paragraphs(body.slice(body.lastIndexOf(closing) - 2000));
    const p = paragraphWithText(tail, closing);
    expect(p.xml).toContain("<w:keepNext/>");
    expect(p.xml).toContain("<w:keepLines/>");
    // Everything between the closing paragraph and the signature keeps with the next.
    const between = tail.slice(tail.indexOf(p) + 1);
    expect(between.length).toBeGreaterThan(0);
    expect(between.every((q) => q.xml.includes("<w:keepNext/>"))).toBe(true);
    // The signature table is one row that cannot split.
    const signature = signatureTable(xml);
    expect(signature.rows).toHaveLength(1);
    expect(signature.rows[0]!.xml).toContain("<w:cantSplit/>");
  });

  it("lists Nơi nhận as NĐ 30 writes it: Như trên for the addressee, a semicolon after each line, a full stop after Lưu", () => {
    const [left] = signatureTable(xml).rows[0]!.cells;
    const label = left!.paragraphs[0]!.runs[0]!;
    expect([isBold(label), isItalic(label), halfPoints(label)]).toEqual([true, true, 24]);
    expect(left!.paragraphs.slice(1).map((p) => p.text)).toEqual([
      "- Như trên;",
      "- TT Huyện ủy;",
      "- CT, các PCT UBND huyện;",
      "- Lưu: VT, VP.",
    ]);
    expect(left!.paragraphs.slice(1).every((p) => halfPoints(p.runs[0]!) === 22)).toBe(true);
  });

  it("signs on the right with the signing form, title and name", () => {
    const right = signatureTable(xml).rows[0]!.cells[1]!;
    const lines = right.paragraphs.map((p) => p.text);
    expect(lines.filter(Boolean)).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]);
    expect(lines.indexOf("Nguyễn Văn A") - lines.indexOf("PHÓ CHỦ TỊCH")).toBe(5);
    expect(isBold(right.paragraphs.at(-1)!.runs[0]!)).toBe(true);
  });

  it("sets Times New Roman as the document's font and no run in another font", async () => {
    const runs = paragraphs(xml)
      .flatMap((p) => p.runs)
      .filter((r) => r.text !== "");
    expect(runs.length).toBeGreaterThan(100);
    const otherFont = runs.filter((r) => {
      const font = attribute(r.properties, "w:rFonts", "w:ascii");
      return font !== null && font !== "Times New Roman";
    });
    expect(otherFont.map((r) => r.text)).toEqual([]);
    const styles = await readZipPart(buffer, "word/styles.xml");
    expect(attribute(styles.slice(styles.indexOf("<w:docDefaults")), "w:rFonts", "w:ascii")).toBe("Times New Roman");
  });

  it("names the issuing body as the file's author, not docx's “Un-named”", async () => {
    const core = await readZipPart(buffer, "docProps/core.xml");
    expect(propertyOf(core, "dc:creator")).toBe("UBND huyện Ea Súp");
    expect(propertyOf(core, "cp:lastModifiedBy")).toBe("UBND huyện Ea Súp");
    expect(propertyOf(core, "dc:title")).toBe("Kết quả thực hiện kế hoạch năm 2026");
  });

  it("is A4 portrait with the template's margins", () => {
    const report = sectionProperties(xml)[0]!;
    expect(report).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(attribute(report, "w:pgMar", "w:top")).toBe("1134");
    expect(attribute(report, "w:pgMar", "w:bottom")).toBe("1134");
    expect(attribute(report, "w:pgMar", "w:left")).toBe("1701");
    expect(attribute(report, "w:pgMar", "w:right")).toBe("850");
  });

  it("follows margin overrides", async () => {
    const wide = await documentXml(eaSupReport, {
      template: templateFor("STATE", { page: { marginLeftMm: 35, marginTopMm: 25 } }),
    });
    expect(attribute(wide, "w:pgMar", "w:left")).toBe(twips(35));
    expect(attribute(wide, "w:pgMar", "w:top")).toBe(twips(25));
  });

  it("numbers pages top centre from the second page", async () => {
    const [report] = sectionProperties(xml);
    expect(report).toContain("<w:titlePg/>");
    const rels = await readZipPart(buffer, "word/_rels/document.xml.rels");
    const headerFile = async (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(report!)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      return readZipPart(buffer, `word/${target}`);
    };
    const numbered = await headerFile("default");
    expect(numbered).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(attribute(numbered, "w:jc", "w:val")).toBe("center");
    expect(await headerFile("first")).not.toContain("PAGE");
  });

  it("puts the appendix in a section of its own: landscape, pages numbered from 1, unnumbered first page", () => {
    const [report, appendix] = sectionProperties(xml);
    expect(sectionProperties(xml)).toHaveLength(2);
    expect(report).not.toMatch(/<w:pgNumType w:start/);
    expect(appendix).toMatch(/<w:pgNumType w:start="1"/);
    expect(appendix).toContain("<w:titlePg/>");
    expect(appendix).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
  });

  it("heads the appendix with PHỤ LỤC, its title, the report's number and date and the illustrative note", () => {
    const ps = bodyParagraphs(xml);
    const label = paragraphWithText(ps, "PHỤ LỤC");
    const i = ps.indexOf(label);
    expect(ps.slice(i + 1, i + 3).map((p) => p.text)).toEqual([
      "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026",
      "(Kèm theo Báo cáo số 12/BC-UBND ngày 10 tháng 12 năm 2026 của UBND huyện Ea Súp)",
    ]);
    expect(ps.slice(i).map((p) => p.text)).toContain("Số liệu minh họa, không phải số liệu thực tế");
    // The appendix follows the signature's section break, not a page break inside the report.
    expect(xml.indexOf("<w:sectPr")).toBeLessThan(xml.indexOf(label.xml));
  });

  it("prints every indicator of the appendix in order, a blank target as “-”", () => {
    const table = appendixTable(xml);
    expect(table.rows[0]!.cells.map((c) => c.text)).toEqual([
      "TT",
      "Chỉ tiêu",
      "Đơn vị",
      "Mục tiêu đến năm 2025",
      "Mục tiêu đến năm 2030",
      "Thực hiện năm 2026",
      "Đánh giá",
    ]);
    const blank = (ind: (typeof eaSupReport.indicators)[number], text: string) => (ind.isGroup ? text : text || "-");
    const expected = eaSupReport.indicators.map((ind) => [
      ind.code,
      ind.name,
      ind.unit ?? "",
      blank(ind, ind.target2025),
      blank(ind, ind.target2030),
      ind.actual ?? "",
      ind.status ? STATUS_LABELS[ind.status] : "",
    ]);
    expect(table.rows.slice(1).map((r) => r.cells.map((c) => c.text))).toEqual(expected);
    const texts = table.rows.flatMap((r) => r.cells.map((c) => c.text));
    for (const written of ["2-2,5", "<4", "Tiểu học", "THCS", "99,5", "24,01", "5,60", "Đảm bảo vững"])
      expect(texts).toContain(written);
    for (const label of Object.values(STATUS_LABELS)) expect(texts).toContain(label);
  });

  it("sets group rows bold, kept with the next row, and indents nested rows", () => {
    const rows = appendixTable(xml).rows.slice(1);
    eaSupReport.indicators.forEach((ind, i) => {
      const runs = rows[i]!.cells.flatMap((c) => c.paragraphs.flatMap((p) => p.runs)).filter((r) => r.text !== "");
      expect(
        runs.every((r) => isBold(r) === ind.isGroup),
        `row ${ind.code} ${ind.name}`,
      ).toBe(true);
      expect(rows[i]!.cells[1]!.paragraphs[0]!.xml.includes("<w:keepNext/>")).toBe(ind.isGroup);
      const indent = attribute(rows[i]!.cells[1]!.paragraphs[0]!.xml, "w:ind", "w:left");
      expect(indent ?? "0", `indent of ${ind.name}`).toBe(ind.depth === 0 ? "0" : twips(ind.depth * 3));
    });
  });

  it("leaves the illustrative note out when no figure is illustrative", async () => {
    const real: ReportSnapshot = {
      ...eaSupReport,
      plan: { ...eaSupReport.plan, isIllustrative: false },
      indicators: eaSupReport.indicators.map((ind) => ({ ...ind, isIllustrative: false })),
    };
    expect(await documentXml(real)).not.toContain("Số liệu minh họa");
    const oneIllustrative = {
      ...real,
      indicators: real.indicators.map((ind, i) => ({ ...ind, isIllustrative: i === 3 })),
    };
    expect(await documentXml(oneIllustrative)).toContain("Số liệu minh họa, không phải số liệu thực tế");
  });
});

describe("a draft (not yet sent)", () => {
  let xml: string;
  beforeAll(async () => {
    xml = await documentXml({ ...eaSupReport, reportSerial: null }, { isDraft: true });
  });

  it("says DỰ THẢO in a box at the top right, before the header", () => {
    const ps = paragraphs(xml);
    const mark = paragraphWithText(ps, "DỰ THẢO");
    expect(xml.indexOf(mark.xml)).toBeLessThan(xml.indexOf("<w:tbl>"));
    expect(isBold(mark.runs[0]!)).toBe(true);
    for (const side of ["top", "left", "bottom", "right"])
      expect(mark.xml).toMatch(new RegExp(`<w:${side} w:val="single"`));
    expect(Number(attribute(mark.xml, "w:ind", "w:left"))).toBeGreaterThan(0);
  });

  it("leaves the number, the day and the month blank, to be written when it is signed", () => {
    const row = tables(xml)[0]!.rows[1]!;
    expect(row.cells[0]!.text).toBe("Số:      /BC-UBND");
    expect(row.cells[1]!.text).toBe("Ea Súp, ngày      tháng      năm 2026");
    expect(bodyParagraphs(xml).map((p) => p.text)).toContain(
      "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng      năm 2026 của UBND huyện Ea Súp)",
    );
  });
});

describe("a plan without indicators", () => {
  it("has no appendix, no reference to one and one section", async () => {
    const xml = await documentXml({ ...eaSupReport, indicators: [] });
    expect(xml).not.toContain("PHỤ LỤC");
    expect(xml).not.toContain("Phụ lục kèm theo");
    expect(xml).toContain("V. Kiến nghị, đề xuất");
    expect(sectionProperties(xml)).toHaveLength(1);
  });
});

describe("Party report (Thị ủy Mộc Châu)", () => {
  let xml: string;
  beforeAll(async () => {
    xml = await documentXml(mocChauReport);
  });

  it("prints the Party header, the superior body regular and the committee bold", () => {
    const header = tables(xml)[0]!;
    const left = header.rows[0]!.cells[0]!.paragraphs;
    expect(left.map((p) => p.text)).toEqual(["ĐẢNG BỘ TỈNH SƠN LA", "THỊ ỦY MỘC CHÂU", "*"]);
    expect(left.slice(0, 2).map((p) => isBold(p.runs[0]!))).toEqual([false, true]);
    const title = header.rows[0]!.cells[1]!.paragraphs;
    expect(title.map((p) => p.text)).toEqual(["ĐẢNG CỘNG SẢN VIỆT NAM"]);
    expect(isBold(title[0]!.runs[0]!) && isUnderlined(title[0]!.runs[0]!)).toBe(true);
    expect(xml).not.toContain("CỘNG HÒA");
  });

  it("writes the number without a colon, the place and date in italics, and no Kính gửi", () => {
    const row = tables(xml)[0]!.rows[1]!;
    expect(row.cells[0]!.text).toBe("Số 45-BC/TXU");
    expect(row.cells[1]!.text).toBe("Mộc Châu, ngày 05 tháng 12 năm 2026");
    expect(isItalic(row.cells[1]!.paragraphs[0]!.runs[0]!)).toBe(true);
    expect(xml).not.toContain("Số: ");
    expect(xml).not.toContain("Kính gửi");
  });

  it("ends each line of Nơi nhận with a comma and the last with a full stop, as the Party seeds do", () => {
    expect(
      signatureTable(xml)
        .rows[0]!.cells[0]!.paragraphs.slice(1)
        .map((p) => p.text),
    ).toEqual(["- Thường trực Tỉnh ủy (b/c),", "- Các đồng chí Thị ủy viên,", "- Lưu VPTU."]);
  });

  it("signs on behalf of the standing committee when the snapshot has no signing form", () => {
    expect(
      signatureTable(xml)
        .rows[0]!.cells[1]!.paragraphs.map((p) => p.text)
        .filter(Boolean),
    ).toEqual(["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn B"]);
  });
});

describe("the ward's 2025 report (25-KH/ĐU, demo data)", () => {
  let xml: string;
  beforeAll(async () => {
    xml = await documentXml(wardReport2025, { isDraft: true });
  });

  it("keeps “ĐẢNG ỦY PHƯỜNG MỘC CHÂU” on one line: its column is wider than the name", () => {
    const header = tables(xml)[0]!;
    const lines = header.rows[0]!.cells[0]!.paragraphs.map((p) => p.text);
    expect(lines).toEqual(["ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY PHƯỜNG MỘC CHÂU", "*"]);
    const [left] = gridColumns(header.xml);
    const name = textWidthPt("ĐẢNG ỦY PHƯỜNG MỘC CHÂU", { sizePt: 14, bold: true }) * 20;
    expect(left! - 2 * 80).toBeGreaterThan(name);
  });

  it("signs with the signer's name", () => {
    expect(
      signatureTable(xml)
        .rows[0]!.cells[1]!.paragraphs.map((p) => p.text)
        .filter(Boolean),
    ).toEqual(["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Hoàng Văn Nam"]);
  });

  it("lists Nơi nhận with the body above and the committee's office", () => {
    expect(
      signatureTable(xml)
        .rows[0]!.cells[0]!.paragraphs.slice(1)
        .map((p) => p.text),
    ).toEqual(["- Tỉnh ủy Sơn La (b/c),", "- Lưu Văn phòng Đảng ủy."]);
  });

  it("prints a sub-task's title and its whole text, not the title alone", () => {
    for (const title of ["Về giáo dục", "Về y tế"]) {
      const task = wardReport2025.tasks.find((t) => t.title === title)!;
      const cell = taskTable(xml).rows.find((r) => r.cells[1]!.text.startsWith(`${title}: `))!.cells[1]!;
      expect(cell.text).toBe(`${title}: ${task.body.trim()}`);
      expect(cell.paragraphs[0]!.runs.map((r) => [r.text, isBold(r)])).toEqual([
        [`${title}: `, true],
        [task.body.trim(), false],
      ]);
    }
  });
});

describe("appendix columns sized for their content", () => {
  it("keeps “10.10”, “5.10” and “m² sàn/người” on one line in their columns", async () => {
    for (const snapshot of [eaSupReport2025, daLatReport2025]) {
      const table = appendixTable(await documentXml(snapshot));
      const widths = gridColumns(table.xml);
      const room = (column: number) => widths[column]! - 2 * 80;
      const longest = (column: number, text: (i: (typeof snapshot.indicators)[number]) => string) =>
        Math.max(
          ...snapshot.indicators.flatMap((i) =>
            text(i)
              .split(/\s+/)
              .map((piece) => textWidthPt(piece, { sizePt: 12, bold: i.isGroup }) * 20),
          ),
        );
      expect(room(0)).toBeGreaterThan(longest(0, (i) => i.code));
      expect(room(2)).toBeGreaterThan(longest(2, (i) => i.unit ?? ""));
      expect(room(3)).toBeGreaterThan(longest(3, (i) => i.target2025));
      expect(room(4)).toBeGreaterThan(longest(4, (i) => i.target2030));
    }
  });
});

describe("size", () => {
  it("renders a 100-indicator report with every row in the appendix", async () => {
    expect(appendixTable(await documentXml(largeReport(100))).rows).toHaveLength(101);
  });
});
