import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { cleanLine } from "../text";

// The fuzzer's seeds: the plan documents in tests/fixtures/import/ as they are (.md, .txt, and the
// PDFs in pdf/), and each .md also rendered to a .docx (paragraphs, its tab-separated rows as a real Word table), so that
// mutations reach the Word path (zip, XML, numbering) as well as the text path.

export type Seed = { name: string; bytes: Uint8Array };

const FIXTURES = path.resolve(import.meta.dirname, "../../../../tests/fixtures/import");

/** A Markdown or text plan as a Word file: one paragraph per line, tab-separated rows as a table. */
export async function renderDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) {
      const width = Math.max(...rows.map((r) => r.length));
      children.push(
        new Table({
          rows: rows.map(
            (r) =>
              new TableRow({
                children: Array.from(
                  { length: width },
                  (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? "")] }),
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
    children.push(new Paragraph({ children: [new TextRun(cleanLine(raw))] }));
  }
  flush();
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

export async function loadSeeds(): Promise<Seed[]> {
  const files = readdirSync(FIXTURES)
    .filter((f) => /\.(md|txt)$/.test(f) && f !== "README.md")
    .sort();
  const seeds: Seed[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
    seeds.push({ name: file, bytes });
    if (file.endsWith(".md"))
      seeds.push({ name: file.replace(/\.md$/, ".docx"), bytes: await renderDocx(new TextDecoder().decode(bytes)) });
  }
  // The same plans printed to PDF (issue 17; scripts/build-pdf-fixtures.ts), mutated byte by byte.
  for (const file of readdirSync(path.join(FIXTURES, "pdf")).sort())
    if (file.endsWith(".pdf"))
      seeds.push({ name: file, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, "pdf", file))) });
  return seeds;
}
