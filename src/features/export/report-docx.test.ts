import { beforeAll, describe, expect, it } from "vitest";
import type { ReportSnapshot } from "@/features/reporting/snapshot";
import { eaSupReport } from "../../../tests/fixtures/export/ea-sup-report";
import { largeReport } from "../../../tests/fixtures/export/large-report";
import { mocChauReport } from "../../../tests/fixtures/export/moc-chau-report";
import {
  attribute,
  bodyParagraphs,
  halfPoints,
  isBold,
  isItalic,
  isUnderlined,
  paragraphs,
  readZipPart,
  tables,
  type DocParagraph,
  type DocTable,
} from "../../../tests/fixtures/export/ooxml";
import { templateFor } from "./document-template";
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

async function documentXml(
  snapshot: ReportSnapshot,
  template = templateFor(snapshot.issuer.notation),
): Promise<string> {
  return readZipPart(await renderReportDocx(snapshot, template), "word/document.xml");
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

describe("State report (UBND huyện Ea Súp)", () => {
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

  it("sets the header lines bold and sized as NĐ 30 asks", () => {
    const ps = tables(xml)[0]!.rows[0]!.cells.flatMap((c) => c.paragraphs);
    const superior = paragraphWithText(ps, "ỦY BAN NHÂN DÂN").runs[0]!;
    const issuer = paragraphWithText(ps, "HUYỆN EA SÚP").runs[0]!;
    const nation = paragraphWithText(ps, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").runs[0]!;
    const motto = paragraphWithText(ps, "Độc lập - Tự do - Hạnh phúc").runs[0]!;
    expect([isBold(superior), halfPoints(superior)]).toEqual([false, 26]);
    expect([isBold(issuer), halfPoints(issuer)]).toEqual([true, 26]);
    expect([isBold(nation), halfPoints(nation)]).toEqual([true, 26]);
    expect([isBold(motto), isUnderlined(motto), halfPoints(motto)]).toEqual([true, true, 28]);
  });

  it("prints the number under the issuer and the place and date in italics under the motto", () => {
    const row = tables(xml)[0]!.rows[1]!;
    expect(row.cells[0]!.text).toBe("Số: 12/BC-UBND");
    expect(halfPoints(row.cells[0]!.paragraphs[0]!.runs[0]!)).toBe(26);
    expect(row.cells[1]!.text).toBe("Ea Súp, ngày 10 tháng 12 năm 2026");
    expect(isItalic(row.cells[1]!.paragraphs[0]!.runs[0]!)).toBe(true);
  });

  it("leaves room for the serial of an unnumbered report", async () => {
    const draft = await documentXml({ ...eaSupReport, reportSerial: null });
    expect(tables(draft)[0]!.rows[1]!.cells[0]!.text).toBe("Số:      /BC-UBND");
    expect(draft).toContain('<w:t xml:space="preserve">Số:      /BC-UBND</w:t>');
  });

  it("titles the report BÁO CÁO, bold 14 pt, over the subtitle and the plan title", () => {
    const ps = bodyParagraphs(xml);
    const kind = paragraphWithText(ps, "BÁO CÁO");
    expect([isBold(kind.runs[0]!), halfPoints(kind.runs[0]!)]).toEqual([true, 28]);
    const i = ps.indexOf(kind);
    expect(ps[i + 1]!.text).toBe("Kết quả thực hiện kế hoạch năm 2026");
    expect(ps[i + 2]!.text).toBe(eaSupReport.plan.title);
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
    // Each line of a section is its own paragraph.
    expect(texts[at[0]! + 1]).toBe(eaSupReport.sections.leadership.split("\n")[0]);
    expect(texts[at[0]! + 2]).toBe(eaSupReport.sections.leadership.split("\n")[1]);
    // Shortcomings is "" and proposals is blank: both print the placeholder.
    expect(texts[at[2]! + 1]).toBe("(Chưa nhập nội dung)");
    expect(texts[at[4]! + 1]).toBe("(Chưa nhập nội dung)");
    expect(texts.filter((t) => t === "(Chưa nhập nội dung)")).toHaveLength(2);
  });

  it("sets the body in 14 pt, justified, with a first-line indent", () => {
    const p = paragraphWithText(bodyParagraphs(xml), eaSupReport.sections.nextYear);
    expect(halfPoints(p.runs[0]!)).toBe(28);
    expect(attribute(p.xml, "w:jc", "w:val")).toBe("both");
    expect(attribute(p.xml, "w:ind", "w:firstLine")).toBe(twips(10));
  });

  it("lists the tasks with lead agencies and their status and summary", () => {
    const table = tables(xml).find((t) => t.rows[0]?.cells[1]?.text === "Nhiệm vụ")!;
    expect(table.rows[0]!.cells.map((c) => c.text)).toEqual([
      "TT",
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "Tình hình thực hiện",
    ]);
    expect(table.rows.slice(1).map((r) => r.cells[0]!.text)).toEqual(eaSupReport.tasks.map((t) => t.numbering));
    const row = table.rows.find((r) => r.cells[0]!.text === "2.2")!;
    expect(row.cells[2]!.text).toBe("Phòng Văn hoá và Thông tin; Phòng Lao động - Thương binh và Xã hội");
    expect(row.cells[3]!.text).toBe("Chậm tiến độ\nCơ sở dữ liệu an sinh xã hội mới cập nhật được 60% hồ sơ.");
    expect(table.rows.find((r) => r.cells[0]!.text === "1")!.cells[1]!.text).toBe(eaSupReport.tasks[0]!.title);
    expect(table.rows.find((r) => r.cells[0]!.text === "2.3")!.cells[3]!.text).toBe("Đang thực hiện");
  });

  it("signs on the right with the signing form, title and name, and lists recipients on the left", () => {
    const signature = tables(xml).find((t) => t.rows[0]?.cells[0]?.paragraphs[0]?.text === "Nơi nhận:")!;
    const [left, right] = signature.rows[0]!.cells;
    const label = left!.paragraphs[0]!.runs[0]!;
    expect([isBold(label), isItalic(label), halfPoints(label)]).toEqual([true, true, 24]);
    expect(left!.paragraphs.slice(1).map((p) => p.text)).toEqual([
      "- UBND tỉnh Đắk Lắk (b/c);",
      "- TT Huyện ủy;",
      "- CT, các PCT UBND huyện;",
      "- Lưu: VT, VP.",
    ]);
    expect(left!.paragraphs.slice(1).every((p) => halfPoints(p.runs[0]!) === 22)).toBe(true);
    const lines = right!.paragraphs.map((p) => p.text);
    expect(lines.filter(Boolean)).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]);
    // Room for the signature between the title and the name.
    expect(lines.indexOf("Nguyễn Văn A") - lines.indexOf("PHÓ CHỦ TỊCH")).toBe(5);
    expect(isBold(right!.paragraphs.at(-1)!.runs[0]!)).toBe(true);
  });

  it("uses Times New Roman for every run and as the default font", async () => {
    const runs = paragraphs(xml)
      .flatMap((p) => p.runs)
      .filter((r) => r.text !== "");
    expect(runs.length).toBeGreaterThan(100);
    const withoutFont = runs.filter((r) => attribute(r.properties, "w:rFonts", "w:ascii") !== "Times New Roman");
    expect(withoutFont.map((r) => r.text)).toEqual([]);
    const styles = await readZipPart(buffer, "word/styles.xml");
    expect(attribute(styles.slice(styles.indexOf("<w:docDefaults")), "w:rFonts", "w:ascii")).toBe("Times New Roman");
  });

  it("is A4 portrait with the template's margins", () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(attribute(xml, "w:pgMar", "w:top")).toBe("1134");
    expect(attribute(xml, "w:pgMar", "w:bottom")).toBe("1134");
    expect(attribute(xml, "w:pgMar", "w:left")).toBe("1701");
    expect(attribute(xml, "w:pgMar", "w:right")).toBe("850");
  });

  it("follows margin overrides", async () => {
    const wide = await documentXml(eaSupReport, templateFor("STATE", { page: { marginLeftMm: 35, marginTopMm: 25 } }));
    expect(attribute(wide, "w:pgMar", "w:left")).toBe(twips(35));
    expect(attribute(wide, "w:pgMar", "w:top")).toBe(twips(25));
  });

  it("numbers pages top centre from the second page", async () => {
    expect(xml).toContain("<w:titlePg/>");
    const rels = await readZipPart(buffer, "word/_rels/document.xml.rels");
    const headerFile = async (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(xml)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      return readZipPart(buffer, `word/${target}`);
    };
    const numbered = await headerFile("default");
    expect(numbered).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(attribute(numbered, "w:jc", "w:val")).toBe("center");
    expect(await headerFile("first")).not.toContain("PAGE");
  });

  it("starts the appendix on a new page with its title, attachment line and illustrative note", () => {
    const ps = bodyParagraphs(xml);
    const title = paragraphWithText(ps, "PHỤ LỤC — KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026");
    expect(title.xml).toContain("<w:pageBreakBefore/>");
    const i = ps.indexOf(title);
    expect(ps[i + 1]!.text).toBe("(Kèm theo Báo cáo số 12/BC-UBND ngày 10/12/2026 của UBND huyện Ea Súp)");
    expect(ps[i + 2]!.text).toBe("Số liệu minh họa, không phải số liệu thực tế");
  });

  it("prints every indicator of the appendix in order with its targets, actual and status", () => {
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
    const expected = eaSupReport.indicators.map((ind) => [
      ind.code,
      ind.name,
      ind.unit ?? "",
      ind.target2025,
      ind.target2030,
      ind.actual ?? "",
      ind.status ? STATUS_LABELS[ind.status] : "",
    ]);
    expect(table.rows.slice(1).map((r) => r.cells.map((c) => c.text))).toEqual(expected);
    // Spot checks that the fixture carries the notations worth printing verbatim.
    const texts = table.rows.flatMap((r) => r.cells.map((c) => c.text));
    for (const written of ["2-2,5", "<4", "Tiểu học", "THCS", "99,5", "24,01", "5,60", "Đảm bảo vững"])
      expect(texts).toContain(written);
    for (const label of Object.values(STATUS_LABELS)) expect(texts).toContain(label);
  });

  it("sets group rows bold and indents nested rows", () => {
    const rows = appendixTable(xml).rows.slice(1);
    eaSupReport.indicators.forEach((ind, i) => {
      const runs = rows[i]!.cells.flatMap((c) => c.paragraphs.flatMap((p) => p.runs)).filter((r) => r.text !== "");
      expect(
        runs.every((r) => isBold(r) === ind.isGroup),
        `row ${ind.code} ${ind.name}`,
      ).toBe(true);
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

describe("a plan without indicators", () => {
  it("has no appendix and no reference to one", async () => {
    const xml = await documentXml({ ...eaSupReport, indicators: [] });
    expect(xml).not.toContain("PHỤ LỤC");
    expect(xml).not.toContain("Phụ lục kèm theo");
    expect(xml).toContain("V. Kiến nghị, đề xuất");
  });
});

describe("Party report (Thị ủy Mộc Châu)", () => {
  let xml: string;
  beforeAll(async () => {
    xml = await documentXml(mocChauReport);
  });

  it("prints the Party header and never the State one", () => {
    const header = tables(xml)[0]!;
    expect(header.rows[0]!.cells[0]!.paragraphs.map((p) => p.text)).toEqual([
      "ĐẢNG BỘ TỈNH SƠN LA",
      "THỊ ỦY MỘC CHÂU",
      "*",
    ]);
    const title = header.rows[0]!.cells[1]!.paragraphs;
    expect(title.map((p) => p.text)).toEqual(["ĐẢNG CỘNG SẢN VIỆT NAM"]);
    expect(isBold(title[0]!.runs[0]!) && isUnderlined(title[0]!.runs[0]!)).toBe(true);
    expect(xml).not.toContain("CỘNG HÒA");
    expect(xml).not.toContain("Độc lập - Tự do - Hạnh phúc");
  });

  it("writes the number without a colon and the place and date in italics", () => {
    const row = tables(xml)[0]!.rows[1]!;
    expect(row.cells[0]!.text).toBe("Số 45-BC/TXU");
    expect(row.cells[1]!.text).toBe("Mộc Châu, ngày 05 tháng 12 năm 2026");
    expect(isItalic(row.cells[1]!.paragraphs[0]!.runs[0]!)).toBe(true);
    expect(xml).not.toContain("Số: ");
  });

  it("names the plan by its number in the subtitle", () => {
    expect(bodyParagraphs(xml).map((p) => p.text)).toContain("Kết quả thực hiện kế hoạch số 15-KH/TXU năm 2026");
  });

  it("signs on behalf of the standing committee when the snapshot has no signing form", () => {
    const signature = tables(xml).find((t) => t.rows[0]?.cells[0]?.paragraphs[0]?.text === "Nơi nhận:")!;
    expect(signature.rows[0]!.cells[1]!.paragraphs.map((p) => p.text).filter(Boolean)).toEqual([
      "T/M BAN THƯỜNG VỤ",
      "PHÓ BÍ THƯ",
      "Trần Văn B",
    ]);
  });

  it("prints the appendix with the note, since the plan is illustrative", () => {
    expect(bodyParagraphs(xml).map((p) => p.text)).toContain("Số liệu minh họa, không phải số liệu thực tế");
    expect(
      appendixTable(xml)
        .rows.slice(1)
        .map((r) => r.cells[1]!.text),
    ).toEqual(mocChauReport.indicators.map((i) => i.name));
  });
});

describe("size", () => {
  it("renders a 100-indicator report with every row in the appendix, well within a request", async () => {
    const report = largeReport(100);
    const started = performance.now();
    const xml = await documentXml(report);
    const elapsed = performance.now() - started;
    expect(appendixTable(xml).rows).toHaveLength(101);
    // Generous: measured at 0,13–0,24 s on 2 cores; this only catches a pathological slowdown.
    expect(elapsed).toBeLessThan(5000);
  });
});
