import { readFileSync } from "node:fs";
import path from "node:path";
import { Document, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import eaSup from "../../../prisma/seed/plans/ea-sup.json";
import { planDocumentSchema } from "@/features/plans/plan-document";
import { compareExtraction, rate } from "./accuracy";
import { extractPlan } from "./parse-document";
import { htmlToLines, READ_MESSAGES, readUpload } from "./read-file";
import { cleanLine } from "./text";

// Reading uploads: Word files through mammoth (a .docx is built here with the `docx` package from
// the Ea Súp fixture, with the header and signature in layout tables as real files have them), text
// files as UTF-8, and every kind of bad file refused with its message.

const FIXTURE = path.resolve(import.meta.dirname, "../../../tests/fixtures/import/ea-sup-ubnd-huyen-ke-hoach-2024.md");
const encoder = new TextEncoder();

function cell(lines: string[]) {
  return new TableCell({ children: lines.map((line) => new Paragraph(line)) });
}

/** The Ea Súp plan as Word would hold it: header table, paragraphs, the appendix as a real table. */
async function eaSupDocx(): Promise<Uint8Array> {
  const lines = readFileSync(FIXTURE, "utf8").split("\n");
  const children: (Paragraph | Table)[] = [
    new Table({
      rows: [
        new TableRow({
          children: [
            cell(["ỦY BAN NHÂN DÂN", "HUYỆN EA SÚP", "Số: /KH-UBND"]),
            cell(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Ea Súp, ngày tháng năm 2024"]),
          ],
        }),
      ],
    }),
  ];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length)
      children.push(
        new Table({ rows: rows.map((r) => new TableRow({ children: r.map((text) => cell(text ? [text] : [])) })) }),
      );
    rows = [];
  };
  for (const raw of lines.slice(5)) {
    if (raw.includes("\t")) {
      rows.push(raw.split("\t"));
      continue;
    }
    if (!raw.trim()) continue;
    flush();
    children.push(new Paragraph({ children: [new TextRun(cleanLine(raw))] }));
  }
  flush();
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe("Word files", () => {
  it("reads the Ea Súp plan from a .docx as well as from its text, header table included", async () => {
    const read = await readUpload("ke-hoach-ea-sup.docx", await eaSupDocx());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.format).toBe("docx");
    expect(read.text).toContain("2.1\tTỉ lệ thất nghiệp chung\t%\t<4\t2-2,5\tX");
    const extraction = extractPlan(read.text);
    expect(extraction.document.issuerHeader).toEqual(["ỦY BAN NHÂN DÂN", "HUYỆN EA SÚP"]);
    expect(extraction.document).toMatchObject({ number: "/KH-UBND", place: "Ea Súp", track: "STATE" });
    const report = compareExtraction(planDocumentSchema.parse(eaSup), extraction.document);
    for (const metric of ["tasks", "agencies", "timeframes", "indicators", "targetsExact"] as const)
      expect(rate(report[metric]), `${metric}\n${report.misses.join("\n")}`).toBe(1);
  });

  it("drops footnote marks, lists footnotes at the end and keeps m² from a superscript", async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph("Nghị quyết Hội nghị lần thứ tám.")] } },
      sections: [
        {
          children: [
            new Paragraph("KẾ HOẠCH"),
            new Paragraph({
              children: [
                new TextRun("Diện tích nhà ở đạt khoảng 30 m"),
                new TextRun({ text: "2", superScript: true }),
                new TextRun(" sàn/người"),
                new FootnoteReferenceRun(1),
                new TextRun("."),
              ],
            }),
          ],
        },
      ],
    });
    const read = await readUpload("a.docx", new Uint8Array(await Packer.toBuffer(doc)));
    expect(read).toMatchObject({ ok: true });
    if (!read.ok) return;
    expect(read.text).toContain("Diện tích nhà ở đạt khoảng 30 m² sàn/người.");
    expect(read.text).toMatch(/Chú thích 1: Nghị quyết Hội nghị lần thứ tám\./);
    expect(read.text).not.toContain("[1]");
  });

  it("refuses a Word file with no text", async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph(""), new Paragraph("   ")] }] });
    expect(await readUpload("trong.docx", new Uint8Array(await Packer.toBuffer(doc)))).toEqual({
      ok: false,
      error: READ_MESSAGES.noText,
    });
  });

  it("refuses a broken Word file and a zip that is not one", async () => {
    expect(await readUpload("hong.docx", encoder.encode("không phải tệp zip"))).toEqual({
      ok: false,
      error: READ_MESSAGES.brokenDocx,
    });
    const zip = new JSZip();
    zip.file("ghi-chu.txt", "xin chào");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect(await readUpload("nen.docx", bytes)).toEqual({ ok: false, error: READ_MESSAGES.brokenDocx });
    expect(await readUpload("nen.txt", bytes)).toEqual({ ok: false, error: READ_MESSAGES.binary });
  });
});

describe("text files and bad files", () => {
  it("reads UTF-8 with or without a byte-order mark, and UTF-16 with one", async () => {
    const text = "KẾ HOẠCH\n\nTriển khai Nghị quyết số 68/NQ-CP";
    expect(await readUpload("a.md", encoder.encode(text))).toEqual({ ok: true, text, format: "markdown" });
    expect(await readUpload("a.txt", new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(text)]))).toEqual({
      ok: true,
      text,
      format: "text",
    });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    expect(await readUpload("a.txt", utf16)).toEqual({ ok: true, text, format: "text" });
  });

  it("refuses text that is not UTF-8 (Windows-1258, TCVN3, UTF-16 without its mark)", async () => {
    const latin1 = new Uint8Array(Buffer.from("Kế hoạch triển khai", "latin1"));
    expect(await readUpload("cu.txt", latin1)).toEqual({ ok: false, error: READ_MESSAGES.encoding });
    const noBom = new Uint8Array(Buffer.from("Kế hoạch triển khai thực hiện", "utf16le"));
    expect(await readUpload("cu.txt", noBom)).toEqual({ ok: false, error: READ_MESSAGES.encoding });
    // TCVN3 (ABC) text saved as if it were Unicode: "Kế hoạch thực hiện Nghị quyết số 42".
    const tcvn3 =
      "KÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 42-NQ/TW vÒ tiÕp tôc ®æi míi, n©ng cao chÊt l­îng chÝnh s¸ch x· héi. ".repeat(
        5,
      );
    expect(await readUpload("tcvn3.txt", encoder.encode(tcvn3))).toEqual({
      ok: false,
      error: READ_MESSAGES.legacyFont,
    });
  });

  it("refuses empty files, PDFs under another name, old Word files, images and other types", async () => {
    expect(await readUpload("rong.md", new Uint8Array())).toEqual({ ok: false, error: READ_MESSAGES.empty });
    expect(await readUpload("rong.txt", encoder.encode("  \n\n ")).then((r) => r.ok)).toBe(false);
    expect(await readUpload("a.docx", encoder.encode("%PDF-1.7 ..."))).toEqual({
      ok: false,
      error: READ_MESSAGES.pdfRenamed,
    });
    expect(await readUpload("a.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({
      ok: false,
      error: READ_MESSAGES.oldWord,
    });
    expect(
      await readUpload("anh.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    ).toMatchObject({ ok: false });
    expect(await readUpload("bang.xlsx", encoder.encode("x"))).toEqual({ ok: false, error: READ_MESSAGES.type });
    expect(await readUpload("lon.md", new Uint8Array(2 * 1024 * 1024 + 1))).toEqual({
      ok: false,
      error: READ_MESSAGES.tooLarge,
    });
  });
});

describe("mammoth's HTML as lines", () => {
  it("writes data tables as tab-separated rows and layout tables cell by cell", () => {
    const html =
      "<table><tr><td><p>ỦY BAN NHÂN DÂN</p><p>HUYỆN EA SÚP</p></td><td><p>Ea Súp, ngày 1 tháng 7 năm 2024</p></td></tr></table>" +
      "<p><strong>KẾ HOẠCH</strong></p>" +
      "<table><tr><td><p>TT</p></td><td><p>Chỉ tiêu</p></td><td><p>Đơn vị</p></td></tr><tr><td><p>1.1</p></td><td><p>Tỉ lệ &lt;4 &amp; khác</p></td><td><p>%</p></td></tr></table>";
    expect(htmlToLines(html).filter(Boolean)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "HUYỆN EA SÚP",
      "Ea Súp, ngày 1 tháng 7 năm 2024",
      "KẾ HOẠCH",
      "TT\tChỉ tiêu\tĐơn vị",
      "1.1\tTỉ lệ <4 & khác\t%",
    ]);
  });

  it("numbers the items of Word's automatic lists", () => {
    const html =
      "<ol><li>Nâng cao nhận thức<ol><li>Tập trung tuyên truyền.</li></ol></li><li>Nâng cao năng lực</li></ol><ul><li>Một ý</li></ul>";
    expect(htmlToLines(html).filter(Boolean)).toEqual([
      "1. Nâng cao nhận thức",
      "1.1. Tập trung tuyên truyền.",
      "2. Nâng cao năng lực",
      "- Một ý",
    ]);
  });
});
