import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { extractPlan } from "./parse-document";
import { readUpload } from "./read-file";
import { formatCounter, readNumbering, readStyleNumbering, writeNumberingAsText } from "./word-numbering";

// Word's automatic numbering, written in as text before mammoth reads the file (word-numbering.ts).

describe("formatCounter", () => {
  it("writes a counter as Word's formats do", () => {
    expect([1, 4, 9, 14, 40].map((n) => formatCounter(n, "upperRoman"))).toEqual(["I", "IV", "IX", "XIV", "XL"]);
    expect(formatCounter(3, "lowerRoman")).toBe("iii");
    expect([1, 2, 26, 27].map((n) => formatCounter(n, "lowerLetter"))).toEqual(["a", "b", "z", "aa"]);
    expect(formatCounter(2, "upperLetter")).toBe("B");
    expect(formatCounter(7, "decimal")).toBe("7");
    expect(formatCounter(7, "decimalZero")).toBe("07");
    expect(formatCounter(7, "none")).toBe("");
  });
});

const NUMBERING = `<w:numbering>
  <w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61485;"/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="6"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="6"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>
  <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Mục %1 ($&amp;)"/></w:lvl></w:abstractNum>
  <w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>`;

const paragraph = (text: string, numId?: number, ilvl = 0) =>
  `<w:p w:rsidR="00A1"><w:pPr>${numId === undefined ? "" : `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`}<w:jc w:val="both"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

const texts = (xml: string) =>
  [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );

describe("writeNumberingAsText", () => {
  it("writes each numbered paragraph's label in front of its text, counting as Word does", () => {
    const xml = [
      paragraph("KẾ HOẠCH"),
      paragraph("MỤC ĐÍCH, YÊU CẦU", 1, 0),
      paragraph("NHIỆM VỤ, GIẢI PHÁP", 1, 0),
      paragraph("Tuyên truyền", 1, 1),
      paragraph("Đối với cán bộ", 1, 2),
      paragraph("Đối với Nhân dân", 1, 2),
      paragraph("in tờ rơi", 1, 3),
      paragraph("Y tế", 1, 1),
      paragraph("Trạm y tế", 1, 2),
      paragraph("TỔ CHỨC THỰC HIỆN", 1, 0),
      paragraph("Phòng Nội vụ", 2, 0),
      paragraph("Phòng Y tế", 2, 0),
    ].join("");
    const out = writeNumberingAsText(`<w:body>${xml}</w:body>`, readNumbering(NUMBERING));
    expect(texts(out)).toEqual([
      "KẾ HOẠCH",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "II. NHIỆM VỤ, GIẢI PHÁP",
      "1. Tuyên truyền",
      "1.1. Đối với cán bộ",
      "1.2. Đối với Nhân dân",
      "- in tờ rơi",
      "2. Y tế",
      "2.1. Trạm y tế",
      "III. TỔ CHỨC THỰC HIỆN",
      "c) Phòng Nội vụ",
      "d) Phòng Y tế",
    ]);
    expect(out).not.toContain("<w:numPr>");
  });

  it("continues a definition's counters in another list that uses it, as Word does after a paste", () => {
    const xml = [paragraph("A", 1, 0), paragraph("B", 1, 0), paragraph("C", 3, 0)].join("");
    expect(texts(writeNumberingAsText(xml, readNumbering(NUMBERING)))).toEqual(["I. A", "II. B", "III. C"]);
  });

  it("reads the paragraph's own numbering, not the one a tracked change recorded, and keeps the change", () => {
    const change = `<w:pPrChange w:id="7" w:author="A"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:pPrChange>`;
    const xml = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>${change}</w:pPr><w:r><w:t>NHIỆM VỤ</w:t></w:r></w:p>`;
    const out = writeNumberingAsText(xml, readNumbering(NUMBERING));
    expect(texts(out)).toEqual(["I. NHIỆM VỤ"]);
    expect(out).toContain(change);
    expect(out.indexOf("I. ")).toBeGreaterThan(out.indexOf("</w:pPrChange></w:pPr>"));
  });

  it("writes a label holding $ as it is", () => {
    expect(texts(writeNumberingAsText(paragraph("Phạm vi", 4, 0), readNumbering(NUMBERING)))).toEqual([
      "Mục 1 ($&amp;) Phạm vi",
    ]);
  });

  it("numbers paragraphs whose style numbers them, a level tied to a style included", () => {
    const numbering = NUMBERING.replace(
      `<w:lvl w:ilvl="1"><w:start w:val="1"/>`,
      `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:pStyle w:val="Heading2"/>`,
    );
    const lists = readNumbering(numbering);
    const styles = readStyleNumbering(
      `<w:styles><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
       <w:style w:styleId="Heading2" w:type="paragraph"><w:basedOn w:val="Heading1"/></w:style>
       <w:style w:type="paragraph" w:styleId="Normal"><w:pPr/></w:style></w:styles>`,
      lists,
    );
    const styled = (text: string, style: string, extra = "") =>
      `<w:p><w:pPr><w:pStyle w:val="${style}"/>${extra}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const xml = [
      styled("MỤC ĐÍCH", "Heading1"),
      styled("NHIỆM VỤ", "Heading1"),
      styled("Tuyên truyền", "Heading2"),
      styled("Văn bản thường", "Normal"),
      styled("Không đánh số", "Heading1", `<w:numPr><w:numId w:val="0"/></w:numPr>`),
      styled("TỔ CHỨC THỰC HIỆN", "Heading1"),
    ].join("");
    const out = writeNumberingAsText(xml, lists, styles);
    expect(texts(out)).toEqual([
      "I. MỤC ĐÍCH",
      "II. NHIỆM VỤ",
      "1. Tuyên truyền",
      "Văn bản thường",
      "Không đánh số",
      "III. TỔ CHỨC THỰC HIỆN",
    ]);
    // The style's numbering is switched off on the four labelled paragraphs (the fifth had it off), so nothing numbers them twice,
    // and writing the labels again changes nothing.
    expect(out.match(/<w:numId w:val="0"\/>/g)).toHaveLength(5);
    expect(writeNumberingAsText(out, lists, styles)).toBe(out);
  });

  it("leaves paragraphs alone whose list it does not know, or whose list is 0 (numbering switched off)", () => {
    const xml = paragraph("Không rõ", 9, 0) + paragraph("Tắt", 0, 0);
    expect(writeNumberingAsText(xml, readNumbering(NUMBERING))).toBe(xml);
  });
});

describe("a .docx with automatic numbering", () => {
  it("is read with the labels its paragraph styles give, once", async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: "sections",
            levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", alignment: AlignmentType.LEFT }],
          },
        ],
      },
      // The docx package writes a style's numbering into styles.xml; its typings do not list the option.
      styles: {
        paragraphStyles: [
          {
            id: "Muc",
            name: "Mục",
            basedOn: "Normal",
            paragraph: { numbering: { reference: "sections", level: 0 } } as never,
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph("KẾ HOẠCH"),
            new Paragraph({ text: "MỤC ĐÍCH, YÊU CẦU", style: "Muc" }),
            new Paragraph({ text: "NHIỆM VỤ", style: "Muc" }),
          ],
        },
      ],
    });
    const read = await readUpload("muc.docx", new Uint8Array(await Packer.toBuffer(doc)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.text.split("\n").filter(Boolean)).toEqual(["KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ"]);
  });

  it("is read with its labels, so that the tasks come out numbered as the official sees them", async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: "plan",
            levels: [
              { level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.DECIMAL, text: "%2.", alignment: AlignmentType.LEFT },
              { level: 2, format: LevelFormat.LOWER_LETTER, text: "%3)", alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph("KẾ HOẠCH"),
            new Paragraph("Thực hiện Nghị quyết số 42-NQ/TW"),
            new Paragraph({ text: "MỤC ĐÍCH, YÊU CẦU", numbering: { reference: "plan", level: 0 } }),
            new Paragraph({ text: "NHIỆM VỤ VÀ GIẢI PHÁP", numbering: { reference: "plan", level: 0 } }),
            new Paragraph({
              text: "Tuyên truyền, nâng cao nhận thức về chính sách xã hội",
              numbering: { reference: "plan", level: 1 },
            }),
            new Paragraph({
              text: "Tổ chức quán triệt nghị quyết đến cán bộ, đảng viên.",
              numbering: { reference: "plan", level: 2 },
            }),
            new Paragraph({ text: "Phát triển hệ thống an sinh xã hội", numbering: { reference: "plan", level: 1 } }),
            new Paragraph({ text: "TỔ CHỨC THỰC HIỆN", numbering: { reference: "plan", level: 0 } }),
          ],
        },
      ],
    });
    const read = await readUpload("ke-hoach.docx", new Uint8Array(await Packer.toBuffer(doc)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const lines = read.text.split("\n").filter(Boolean);
    expect(lines).toEqual(
      expect.arrayContaining([
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Tuyên truyền, nâng cao nhận thức về chính sách xã hội",
        "a) Tổ chức quán triệt nghị quyết đến cán bộ, đảng viên.",
        "2. Phát triển hệ thống an sinh xã hội",
        "III. TỔ CHỨC THỰC HIỆN",
      ]),
    );
    const { document } = extractPlan(read.text, { key: "numbered-docx" });
    expect(document.tasks.map((t) => t.numbering)).toEqual(["1.", "2."]);
  });
});
