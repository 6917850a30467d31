import { readFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { craftDocx, documentXml, paragraphXml } from "./fuzz/craft-zip";
import { documentBeyondLimits, measureTrees } from "./document-shape";
import { LIMIT_MESSAGES, MAX_DEPTH, MAX_DOCX_UNPACKED_BYTES, MAX_TASKS } from "./limits";
import { readDocument } from "./read-document";
import { READ_MESSAGES, readUpload } from "./read-file";
import { readInWorker } from "./read-in-worker";

// Documents built to hurt the server (issue 12): every value read from them is bounded, the
// package is unpacked within a budget, and the reading runs in a worker thread with time and
// memory limits. Each must end in a message (or a draft), quickly, and leave the next upload served.

// Generous timeouts: these build and read megabytes, on a shared two-core machine; times are not asserted.
vi.setConfig({ testTimeout: 60_000 });

const FIXTURE = path.resolve(import.meta.dirname, "../../../tests/fixtures/import/ea-sup-ubnd-huyen-ke-hoach-2024.md");

/** A list whose first level is upper-case Roman numerals starting at `start`. */
const romanList = (start: string, ilvl = "0") =>
  `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;

const planBody = [
  paragraphXml("KẾ HOẠCH"),
  paragraphXml("Thực hiện Nghị quyết số 42-NQ/TW"),
  paragraphXml("NHIỆM VỤ, GIẢI PHÁP", { numId: 1, ilvl: 0 }),
  paragraphXml("Tuyên truyền, phổ biến chính sách xã hội"),
].join("");

describe("values read from a Word file are bounded", () => {
  it("a list starting at 10^12 in Roman numerals is read at once, its counter capped at Word's 32767", async () => {
    const docx = craftDocx({ document: documentXml(planBody), numbering: romanList("1000000000000") });
    expect(docx.length).toBeLessThan(4000);
    const read = await readUpload("la-ma.docx", docx);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.text).toMatch(/^MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMDCCLXVII\. NHIỆM VỤ/m);
  });

  it("a list level of 10^9 is ignored, not counted up to", async () => {
    const body = planBody.replace('w:ilvl w:val="0"', 'w:ilvl w:val="999999999"');
    const docx = craftDocx({ document: documentXml(body), numbering: romanList("1", "999999999") });
    const read = await readUpload("cap.docx", docx);
    expect(read).toMatchObject({ ok: true });
  });
});

describe("a .docx is unpacked within a budget", () => {
  // 40 MB of paragraphs deflate to about 40 KB.
  const huge = () => Buffer.from(documentXml(paragraphXml("a").repeat((40 * 1024 * 1024) / 60)));

  it("a package whose text unpacks beyond the budget (a zip bomb) is refused before it is parsed", async () => {
    const bomb = craftDocx({ document: huge() });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await readUpload("bom.docx", bomb)).toEqual({ ok: false, error: LIMIT_MESSAGES.unpackedTooLarge });
    expect(MAX_DOCX_UNPACKED_BYTES).toBeLessThan(40 * 1024 * 1024);
  });

  it("a package that declares less than it holds stops inflating at the declared size, and is refused as broken", async () => {
    const liar = craftDocx({ document: huge(), declaredDocumentSize: 2000 });
    expect(await readUpload("doi.docx", liar)).toEqual({ ok: false, error: READ_MESSAGES.brokenDocx });
  });
});

describe("the parser's input and output are bounded", () => {
  it("numbering nested 300 levels deep gives a draft no deeper than the bound", async () => {
    const lines = ["KẾ HOẠCH", "Thực hiện Nghị quyết 42-NQ/TW", "II. NHIỆM VỤ, GIẢI PHÁP"];
    for (let depth = 1; depth <= 300; depth++) lines.push(`${Array(depth).fill("1").join(".")}. Nhiệm vụ cấp ${depth}`);
    const read = await readDocument({ kind: "paste", text: lines.join("\n\n"), key: "import-test" });
    expect(read.status).toBe("ok");
    if (read.status === "ok")
      expect(measureTrees(read.extraction.document.tasks, 10_000).depth).toBeLessThanOrEqual(MAX_DEPTH);
  });

  it("a document with more tasks than the bound is refused", () => {
    const many = { tasks: Array.from({ length: MAX_TASKS + 1 }, () => ({ title: "x" })), indicators: [] };
    expect(documentBeyondLimits(many)).toBe(LIMIT_MESSAGES.tooManyTasks);
    let deep: { title: string; children?: unknown[] } = { title: "x" };
    for (let i = 0; i < 20_000; i++) deep = { title: "x", children: [deep] };
    expect(documentBeyondLimits({ tasks: [deep], indicators: [] })).toBe(LIMIT_MESSAGES.tooDeep);
  });

  it("too many lines, or one line too long, are refused before parsing", async () => {
    const many = `KẾ HOẠCH\n${"- Nhiệm vụ\n".repeat(25_000)}`;
    expect(await readDocument({ kind: "paste", text: many, key: "import-test" })).toEqual({
      status: "error",
      message: LIMIT_MESSAGES.tooManyLines,
    });
    const long = `KẾ HOẠCH\n${"nhiệm vụ ".repeat(5_000)}`;
    expect(await readDocument({ kind: "paste", text: long, key: "import-test" })).toEqual({
      status: "error",
      message: LIMIT_MESSAGES.lineTooLong,
    });
  });
});

describe("large but legal documents", () => {
  const manyParagraphs = (n: number) =>
    craftDocx({
      document: documentXml(
        [
          paragraphXml("KẾ HOẠCH"),
          paragraphXml("NHIỆM VỤ, GIẢI PHÁP"),
          ...Array.from({ length: n }, (_, i) => paragraphXml(`${i + 1}. Nhiệm vụ số ${i + 1} về dân số.`)),
        ].join(""),
      ),
    });

  it("a Word file of 10,000 paragraphs is read into a draft, in a worker thread", async () => {
    const read = await readInWorker({
      kind: "file",
      name: "dai.docx",
      bytes: manyParagraphs(10_000),
      key: "import-test",
    });
    expect(read.status).toBe("ok");
  });

  it("a Word file of more paragraphs than the bound is refused before mammoth reads it", async () => {
    expect(await readUpload("qua-dai.docx", manyParagraphs(25_000))).toEqual({
      ok: false,
      error: LIMIT_MESSAGES.tooManyLines,
    });
  });
});

describe("reading in a worker thread", () => {
  it("reads a real plan into a draft", async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const read = await readInWorker({ kind: "file", name: "ea-sup.md", bytes, key: "import-test" });
    expect(read.status).toBe("ok");
    if (read.status === "ok") expect(read.extraction.counts.tasks).toBeGreaterThan(20);
    // The caller's bytes are left as they were (only a copy moves to the thread).
    expect(bytes.length).toBeGreaterThan(0);
  });

  it("stops a document over its time limit with a message, and reads the next one", async () => {
    const text = readFileSync(FIXTURE, "utf8");
    const slow = await readInWorker({ kind: "paste", text, key: "import-test" }, { timeMs: 1, memoryMb: 256 });
    expect(slow).toMatchObject({ status: "error", message: LIMIT_MESSAGES.timeout });
    expect((await readInWorker({ kind: "paste", text, key: "import-test" })).status).toBe("ok");
  });

  it("stops a document that needs more memory than allowed with a message", async () => {
    const text = `KẾ HOẠCH\n\n${"1. Nhiệm vụ tuyên truyền về dân số\n\nCơ quan chủ trì: Phòng Y tế\n\n".repeat(4_000)}`;
    const outcome = await readInWorker({ kind: "paste", text, key: "import-test" }, { timeMs: 30_000, memoryMb: 8 });
    expect(outcome).toMatchObject({ status: "error", message: LIMIT_MESSAGES.memory });
  });

  it("answers a hostile Word file with its message from the thread", async () => {
    const docx = craftDocx({ document: documentXml(planBody), numbering: romanList("1000000000000") });
    const read = await readInWorker({ kind: "file", name: "la-ma.docx", bytes: docx, key: "import-test" });
    expect(read.status).toBe("ok");
  });
});

/** A one-page PDF whose page draws `ops` (deflated, so a small file can hold millions of them). */
function craftPdf(ops: string): Uint8Array {
  const stream = deflateSync(Buffer.from(ops, "latin1"));
  const head = Buffer.from(
    "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n" +
      "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " +
      "/Resources <</Font <</F1 <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>>>>>>> endobj\n" +
      `4 0 obj <</Length ${stream.length} /Filter /FlateDecode>> stream\n`,
    "latin1",
  );
  const tail = Buffer.from("\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n", "latin1");
  return new Uint8Array(Buffer.concat([head, stream, tail]));
}

describe("a hostile PDF", () => {
  it("a page of 300,000 pieces of text (a few kilobytes deflated) ends with a message, and the next file is read", async () => {
    const bomb = craftPdf(`BT /F1 10 Tf 72 400 Td ${"0 -20 Td (a) Tj 0 20 Td (b) Tj ".repeat(150_000)}ET`);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const outcome = await readInWorker({ kind: "file", name: "bom.pdf", bytes: bomb, key: "import-test" });
    expect(outcome.status).toBe("error");
    if (outcome.status === "error")
      expect([LIMIT_MESSAGES.tooManyLines, LIMIT_MESSAGES.timeout, LIMIT_MESSAGES.memory]).toContain(outcome.message);
    const pdf = readFileSync(path.resolve(FIXTURE, "../pdf/ea-sup-ubnd-huyen-ke-hoach-2024.pdf"));
    const next = await readInWorker({
      kind: "file",
      name: "ea-sup.pdf",
      bytes: new Uint8Array(pdf),
      key: "import-test",
    });
    expect(next).toMatchObject({ status: "ok", format: "pdf" });
  });

  it("a PDF whose page never ends within the time limit is stopped with the time message", async () => {
    const slow = craftPdf(`BT /F1 1 Tf ${"1 0 Td (a) Tj ".repeat(150_000)}ET`);
    const outcome = await readInWorker(
      { kind: "file", name: "cham.pdf", bytes: slow, key: "import-test" },
      { timeMs: 50, memoryMb: 256 },
    );
    expect(outcome).toMatchObject({ status: "error", message: LIMIT_MESSAGES.timeout });
  });
});
