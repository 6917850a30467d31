import JSZip from "jszip";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { craftZip, paragraphXml } from "./craft-zip";
import type { Seed } from "./seeds";

// Documents mutated from the seeds, deterministically from a number (issue 15, point 8): cut short,
// bytes flipped, control characters and broken UTF-8, huge paragraphs, numbering nested hundreds of
// levels, thousands of repeated lines; for Word files also broken or missing zip entries, sizes that
// lie, a zip bomb, hostile list numbering and tables nested inside tables. Each must end in a
// message or a draft (scripts/fuzz-import.ts, src/features/import/fuzz.test.ts).

export type Mutant = { name: string; bytes: Uint8Array; operation: string; seed: string };

type Random = { int: (from: number, to: number) => number; pick: <T>(items: readonly T[]) => T };

export function random(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  return { int, pick: (items) => items[int(0, items.length - 1)]! };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Operations on the text of a document (a text file's bytes, or a Word file's document.xml).
const TEXT_OPERATIONS: Record<string, (text: string, r: Random, word: boolean) => string> = {
  cut: (text, r) => text.slice(0, r.int(0, text.length)),
  deleteRange: (text, r) => {
    const from = r.int(0, text.length);
    return text.slice(0, from) + text.slice(Math.min(text.length, from + r.int(1, 5000)));
  },
  repeatRange: (text, r) => {
    const from = r.int(0, Math.max(0, text.length - 200));
    const piece = text.slice(from, from + r.int(1, 200));
    return text.slice(0, from) + piece.repeat(r.int(2, 2000)) + text.slice(from);
  },
  hugeParagraph: (text, r, word) => {
    const line = "nhiệm vụ trọng tâm ".repeat(r.int(1_000, 20_000));
    return insertParagraph(text, r, word, line);
  },
  deepNumbering: (text, r, word) => {
    const depth = r.int(20, 400);
    const lines: string[] = [];
    for (let d = 1; d <= depth; d++) lines.push(`${Array(d).fill(r.int(1, 9)).join(".")}. Nhiệm vụ cấp ${d}`);
    return word ? insertParagraph(text, r, true, ...lines) : insertParagraph(text, r, false, lines.join("\n\n"));
  },
  manyLines: (text, r, word) => {
    const count = r.int(1_000, 30_000);
    return word
      ? insertRawXml(text, r, paragraphXml("- Cơ quan chủ trì: Phòng Nội vụ").repeat(count))
      : insertParagraph(text, r, false, "- Cơ quan chủ trì: Phòng Nội vụ\n".repeat(count));
  },
  controlCharacters: (text, r) => {
    const chars = ["\u0000", "\u0001", "\u001b", "\ufffe", "\ud800", "\u202e", "\u200b", "%", "_", "\\"];
    let out = text;
    for (let i = r.int(1, 40); i > 0; i--) {
      const at = r.int(0, out.length);
      out = out.slice(0, at) + r.pick(chars) + out.slice(at);
    }
    return out;
  },
  nestedTables: (text, r, word) => {
    const depth = r.int(20, 600);
    if (!word) return insertParagraph(text, r, false, "\t".repeat(depth) + "x");
    const open = "<w:tbl><w:tr><w:tc>";
    const close = "<w:p/></w:tc></w:tr></w:tbl>";
    return insertRawXml(text, r, open.repeat(depth) + paragraphXml("Sâu") + close.repeat(depth));
  },
  brokenXml: (text, r) => {
    let out = text;
    for (let i = r.int(1, 10); i > 0; i--) {
      const at = r.int(0, out.length);
      out = out.slice(0, at) + r.pick(["<", ">", "</w:p>", "<w:p>", "&", '"', "<w:t>"]) + out.slice(at);
    }
    return out;
  },
};

function insertParagraph(text: string, r: Random, word: boolean, ...lines: string[]): string {
  if (word) return insertRawXml(text, r, lines.map((line) => paragraphXml(escapeXml(line))).join(""));
  const at = text.lastIndexOf("\n", r.int(0, text.length)) + 1;
  return `${text.slice(0, at)}${lines.join("\n")}\n${text.slice(at)}`;
}

/** XML inserted before a random paragraph of document.xml (or at the end of the body). */
function insertRawXml(xml: string, r: Random, fragment: string): string {
  const starts = [...xml.matchAll(/<w:p[ >]/g)].map((m) => m.index!);
  const at = starts.length ? r.pick(starts) : Math.max(0, xml.lastIndexOf("</w:body>"));
  return xml.slice(0, at) + fragment + xml.slice(at);
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// Operations on the bytes of a file, whatever it is.
const BYTE_OPERATIONS: Record<string, (bytes: Uint8Array, r: Random) => Uint8Array> = {
  truncateBytes: (bytes, r) => bytes.slice(0, r.int(0, bytes.length)),
  flipBytes: (bytes, r) => {
    const out = bytes.slice();
    for (let i = r.int(1, 64); i > 0; i--) {
      const at = r.int(0, out.length - 1);
      out[at] = out[at]! ^ r.int(1, 255);
    }
    return out;
  },
  flipOneByte: (bytes, r) => {
    const out = bytes.slice();
    const at = r.int(0, out.length - 1);
    out[at] = out[at]! ^ (1 << r.int(0, 7));
    return out;
  },
  zeroRange: (bytes, r) => {
    const out = bytes.slice();
    const from = r.int(0, out.length - 1);
    out.fill(0, from, Math.min(out.length, from + r.int(1, 4096)));
    return out;
  },
};

// Operations on the package of a Word file.
const PACKAGE_OPERATIONS: Record<string, (zip: JSZip, r: Random) => Promise<Uint8Array>> = {
  dropEntry: async (zip, r) => {
    zip.remove(r.pick(Object.keys(zip.files)));
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  },
  hostileNumbering: async (zip, r) => {
    const start = r.pick(["1000000000000", "-5", "99999999999999999999", "32768", "abc", "4000"]);
    const ilvl = r.pick(["0", "8", "9", "999999999", "-1"]);
    const format = r.pick(["upperRoman", "lowerLetter", "decimalZero", "bullet", "none", "weird"]);
    const numbering = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%1.%2.%3.%9."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/>${'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride>'.repeat(r.int(1, 3000))}</w:num></w:numbering>`;
    zip.file("word/numbering.xml", numbering);
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file(
      "word/document.xml",
      xml.replace(
        /<w:p>/g,
        () => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>`,
      ),
    );
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  },
  lyingSizes: async (zip, r) => {
    const entries = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map(async (f) => ({ name: f.name, data: Buffer.from(await f.async("uint8array")) })),
    );
    return craftZip(
      entries.map((e) => ({
        ...e,
        declaredSize: r.pick([0, 1, e.data.length - 1, e.data.length + 1, 0xffffffff, undefined]),
      })),
    );
  },
  zipBomb: async (zip, r) => {
    const body = paragraphXml("a").repeat(r.int(600_000, 900_000));
    zip.file("word/document.xml", `<w:document><w:body>${body}</w:body></w:document>`);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  },
  manyEntries: async (zip, r) => {
    for (let i = r.int(2_000, 5_000); i > 0; i--) zip.file(`word/media/x${i}.xml`, "<x/>");
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  },
};

const isDocx = (seed: Seed) => seed.name.endsWith(".docx");

/** The n-th mutant of a run: deterministic in (runSeed, n). */
export async function mutant(seeds: Seed[], runSeed: number, n: number): Promise<Mutant> {
  const r = random(runSeed * 1_000_003 + n);
  const seed = r.pick(seeds);
  const kinds = isDocx(seed)
    ? [...Object.keys(TEXT_OPERATIONS), ...Object.keys(BYTE_OPERATIONS), ...Object.keys(PACKAGE_OPERATIONS)]
    : seed.name.endsWith(".pdf")
      ? Object.keys(BYTE_OPERATIONS)
      : [...Object.keys(TEXT_OPERATIONS), ...Object.keys(BYTE_OPERATIONS)];
  const operation = r.pick(kinds);
  let bytes: Uint8Array;
  if (operation in BYTE_OPERATIONS) bytes = BYTE_OPERATIONS[operation]!(seed.bytes, r);
  else if (!isDocx(seed)) bytes = encoder.encode(TEXT_OPERATIONS[operation]!(decoder.decode(seed.bytes), r, false));
  else {
    const zip = await JSZip.loadAsync(seed.bytes);
    if (operation in PACKAGE_OPERATIONS) bytes = await PACKAGE_OPERATIONS[operation]!(zip, r);
    else {
      const xml = await zip.file("word/document.xml")!.async("string");
      zip.file("word/document.xml", TEXT_OPERATIONS[operation]!(xml, r, true));
      bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    }
  }
  return { name: `fuzz-${n}-${seed.name}`, bytes, operation, seed: seed.name };
}

export const OPERATIONS = [
  ...Object.keys(TEXT_OPERATIONS),
  ...Object.keys(BYTE_OPERATIONS),
  ...Object.keys(PACKAGE_OPERATIONS),
];
