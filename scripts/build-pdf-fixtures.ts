import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { cleanLine } from "../src/features/import/text";

// The PDFs the importer's accuracy is measured on (issue 17): each seed plan of
// tests/fixtures/import/*.md laid out as an office would print it (Word page, Times 13 pt,
// justified paragraphs with a first-line indent, the page number at the top, a running footer,
// the appendix as a real Word table, one footnote), then printed to PDF by LibreOffice, exactly as
// a district's PDF is made. The output is committed (tests/fixtures/import/pdf/) because LibreOffice
// takes seconds per document; run again after a seed changes:
//   npx tsx scripts/build-pdf-fixtures.ts        (needs `soffice`, Debian's libreoffice-writer-nogui)

const FIXTURES = path.resolve(import.meta.dirname, "../tests/fixtures/import");
const OUT = path.join(FIXTURES, "pdf");

const FONT = "Times New Roman";
const cm = (n: number) => Math.round((n / 2.54) * 1440);

function footnoteFor(text: string): string {
  return /NQ\/TW/.test(text)
    ? "Nghị quyết số 42-NQ/TW ngày 24/11/2023 Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII."
    : "Văn bản được trích dẫn theo bản lưu tại Văn phòng.";
}

/** A seed plan (Markdown, tab-separated appendix rows) as an office's Word file. */
export async function renderOfficeDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  let footnoteUsed = false;
  const run = (t: string) => new TextRun({ text: t, font: FONT, size: 26 });
  const flush = () => {
    if (rows.length) {
      const width = Math.max(...rows.map((r) => r.length));
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: rows.map(
            (r) =>
              new TableRow({
                children: Array.from(
                  { length: width },
                  (_, i) =>
                    new TableCell({
                      children: [
                        new Paragraph({ children: [new TextRun({ text: r[i] ?? "", font: FONT, size: 22 })] }),
                      ],
                    }),
                ),
              }),
          ),
        }),
      );
    }
    rows = [];
  };
  for (const raw of text.split("\n")) {
    if (raw.includes("\t")) {
      rows.push(raw.split("\t"));
      continue;
    }
    if (!raw.trim()) continue;
    flush();
    const line = cleanLine(raw);
    // One footnote, on the first paragraph of the body that cites a Resolution.
    const note = !footnoteUsed && line.length > 200 && /Nghị quyết/.test(line);
    if (note) footnoteUsed = true;
    children.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: cm(1) },
        spacing: { after: 120, line: 276 },
        children: note ? [run(line), new FootnoteReferenceRun(1)] : [run(line)],
      }),
    );
  }
  flush();
  const document = new Document({
    footnotes: {
      1: { children: [new Paragraph({ children: [new TextRun({ text: footnoteFor(text), font: FONT, size: 20 })] })] },
    },
    sections: [
      {
        properties: {
          page: { margin: { top: cm(2), bottom: cm(2), left: cm(3), right: cm(1.5) } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 24 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: "Bản lưu hành nội bộ — không sao chụp", font: FONT, size: 18 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "pdf-fixtures-"));
  try {
    const seeds = readdirSync(FIXTURES).filter((f) => f.endsWith(".md") && f !== "README.md");
    for (const file of seeds) {
      const docx = path.join(work, file.replace(/\.md$/, ".docx"));
      writeFileSync(docx, await renderOfficeDocx(readFileSync(path.join(FIXTURES, file), "utf8")));
    }
    execFileSync(
      "soffice",
      ["--headless", `-env:UserInstallation=file://${work}/profile`, "--convert-to", "pdf", "--outdir", OUT].concat(
        seeds.map((f) => path.join(work, f.replace(/\.md$/, ".docx"))),
      ),
      { stdio: "inherit" },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
