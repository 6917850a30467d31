import { describe, expect, it } from "vitest";
import { extractText } from "../extract-text";
import { scanProgressLabel } from "./scan-progress-label";
import { hasWordBoxes, readScanPages, scanPagesOf, scanText } from "./scan-text";

// Synthetic pages as Tesseract's TSV gives them: an A4 page at 300 dpi, words 32 pixels high, and
// the words listed in the order the test chooses (a table column by column, as Tesseract's
// automatic layout reads it), so that only their boxes can put them back in rows.

const HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
const WIDTH = 2480;
const HEIGHT = 3508;

type Word = { text: string; x: number; y: number; confidence: number; height?: number };

/** The words of `text` from `x` on one line at `y`, spaced as a printed line is. */
function words(text: string, x: number, y: number, doubted: Record<string, number> = {}): Word[] {
  const out: Word[] = [];
  for (const w of text.split(" ")) {
    out.push({ text: w, x, y, confidence: doubted[w] ?? 96 });
    x += w.length * 22 + 18;
  }
  return out;
}

function tsvOf(pages: Word[][]): string {
  const rows = [HEADER];
  pages.forEach((page, p) => {
    rows.push(`1\t${p + 1}\t0\t0\t0\t0\t0\t0\t${WIDTH}\t${HEIGHT}\t-1\t`);
    page.forEach((w, n) =>
      rows.push(
        `5\t${p + 1}\t1\t1\t1\t${n + 1}\t${w.x}\t${w.y}\t${w.text.length * 22}\t${w.height ?? 32}\t${w.confidence}\t${w.text}`,
      ),
    );
  });
  return rows.join("\n");
}

const read = (pages: Word[][]) => scanText(scanPagesOf(tsvOf(pages)));

// A table: TT | name | unit | 2025 | 2030, the second row's name wrapped over two lines, the third
// row's number missed by the OCR (its name wrapped too), then two parts of it on a line each.
const COLUMNS = [300, 500, 1150, 1450, 1800];
const TABLE: [number, string[]][] = [
  [400, ["TT", "Chỉ tiêu", "Đơn vị", "Năm 2025", "Năm 2030"]],
  [460, ["1", "Tỷ lệ hộ nghèo", "%", "5", "3"]],
  [520, ["2", "Tỷ lệ trẻ em đi học", "%", "95", "99"]],
  [572, ["", "đúng độ tuổi", "", "", ""]],
  [632, ["", "Tỷ lệ dân số có", "%", "90", "100"]],
  [684, ["", "thẻ bảo hiểm y tế", "", "", ""]],
  [736, ["", "Thành thị", "%", "92", "100"]],
  [788, ["", "Nông thôn", "%", "88", "98"]],
];

/** The table's words column by column, with prose before and after. */
function tablePage(doubted: Record<string, number> = {}): Word[] {
  const cells = COLUMNS.flatMap((x, column) =>
    TABLE.flatMap(([y, row]) => (row[column] ? words(row[column], x, y, doubted) : [])),
  );
  return [
    ...words("I. MỤC TIÊU", 300, 200),
    ...words("Các chỉ tiêu đến năm 2030 như sau:", 300, 300),
    ...cells,
    ...words("II. NHIỆM VỤ", 300, 1000),
  ];
}

describe("a scan laid out from Tesseract's word boxes", () => {
  it("puts a table read column by column back in rows, cells apart, wrapped cells whole", () => {
    const lines = read([tablePage()]).text.split("\n");
    expect(lines).toContain("TT\tChỉ tiêu\tĐơn vị\tNăm 2025\tNăm 2030");
    expect(lines).toContain("1\tTỷ lệ hộ nghèo\t%\t5\t3");
    expect(lines).toContain("2\tTỷ lệ trẻ em đi học đúng độ tuổi\t%\t95\t99");
    // A row whose number the OCR missed is still a row of its own.
    expect(lines).toContain("\tTỷ lệ dân số có thẻ bảo hiểm y tế\t%\t90\t100");
    // A line that starts with a capital where the name above ended short of its cell is a row.
    expect(lines).toContain("\tThành thị\t%\t92\t100");
    expect(lines).toContain("\tNông thôn\t%\t88\t98");
    expect(lines.indexOf("I. MỤC TIÊU")).toBeLessThan(lines.indexOf("Các chỉ tiêu đến năm 2030 như sau:"));
    expect(lines.at(-1)).toBe("II. NHIỆM VỤ");
  });

  it("does not let marks read as one tall word join the rows beside them", () => {
    const page = tablePage();
    // A last column of "X" marks, read as one word as tall as four lines.
    page.push(...words("Ghi chú", 2100, 400), { text: "x<|*x", x: 2100, y: 455, confidence: 0, height: 200 });
    const lines = read([page]).text.split("\n");
    expect(lines).toContain("TT\tChỉ tiêu\tĐơn vị\tNăm 2025\tNăm 2030\tGhi chú");
    expect(lines).toContain("1\tTỷ lệ hộ nghèo\t%\t5\t3\tx<|*x");
    expect(lines).toContain("2\tTỷ lệ trẻ em đi học đúng độ tuổi\t%\t95\t99\t");
  });

  it("keeps the two halves of a signature block apart", () => {
    const page = [
      ...words("Trên đây là kế hoạch thực hiện của huyện trong năm.", 300, 200),
      // Tesseract reads the left block, then the right one.
      ...words("Nơi nhận:", 300, 400),
      ...words("- Như trên;", 300, 452),
      ...words("- Lưu: VT.", 300, 504),
      ...words("KT. CHỦ TỊCH", 1600, 400),
      ...words("PHÓ CHỦ TỊCH", 1610, 452),
      ...words("Nguyễn Văn An", 1600, 620),
    ];
    const lines = read([page]).text.split("\n");
    expect(lines.filter((l) => /Nơi nhận|Như trên|Lưu/.test(l) && /CHỦ TỊCH|Nguyễn/.test(l))).toEqual([]);
    expect(lines.some((l) => l.startsWith("Nơi nhận:"))).toBe(true);
    expect(lines.some((l) => l.includes("KT. CHỦ TỊCH"))).toBe(true);
    expect(lines).toContain("Nguyễn Văn An");
  });

  it("keeps a doubtful digit marked, through to the target read from it", () => {
    const { text, uncertainWords } = read([tablePage({ "95": 70, "3": 99 })]);
    expect(uncertainWords).toEqual(["95"]);
    const extraction = extractText(text, { scan: { uncertainWords } });
    const at = extraction.document.indicators.findIndex((i) => i.name.startsWith("Tỷ lệ trẻ em đi học"));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(extraction.document.indicators[at]!.targets).toMatchObject({ "2025": "95" });
    expect(Object.keys(extraction.unclear)).toContain(`indicators.${at}.targets.2025`);
    const sure = extraction.document.indicators.findIndex((i) => i.name === "Tỷ lệ hộ nghèo");
    expect(Object.keys(extraction.unclear).some((k) => k.startsWith(`indicators.${sure}.`))).toBe(false);
  });

  it("drops a table's rules read as bars and a page number misread as letters", () => {
    const page = (n: number, number: string): Word[] => [
      ...words(number, 1240, 100),
      ...words(`Đoạn văn ${"một hai ba bốn".split(" ")[n - 1]} kết thúc bằng dấu chấm.`, 300, 1000),
      ...words("|", 280, 1000),
    ];
    const { text } = read([page(1, "1"), page(2, "2"), page(3, "dại"), page(4, "4")]);
    expect(text).not.toMatch(/\||dại/);
    expect(text).toContain("Đoạn văn ba kết thúc bằng dấu chấm.");
  });

  it("normalises to NFC and lists each uncertain word once", () => {
    const decomposed = "Hoa\u0300ng";
    const page = (y: number) => words(`${decomposed} 20630`, 300, y, { [decomposed]: 40, "20630": 80 });
    const { text, uncertainWords } = read([page(1000), page(1200)]);
    expect(text).toContain("Hoàng 20630");
    expect(uncertainWords).toEqual(["Hoàng", "20630"]);
  });
});

describe("the pages a job keeps", () => {
  it("reads back what the job stored, and nothing from a column holding something else", () => {
    const pages = scanPagesOf(tsvOf([words("Kế hoạch", 300, 300)]));
    expect(hasWordBoxes(pages)).toBe(true);
    expect(readScanPages(JSON.parse(JSON.stringify(pages)))).toEqual(pages);
    expect(readScanPages({ text: "a" })).toEqual([]);
    expect(readScanPages([{ width: 1, height: 1, words: [["a", 1, 2, 3]] }])).toEqual([]);
    expect(readScanPages(null)).toEqual([]);
  });

  it("still reads the text pages of a job stored before the boxes were kept", () => {
    const pages = readScanPages([
      { text: "KẾ HOẠCH\n\n\n\nTriển khai", uncertain: ["2030"] },
      { text: "   ", uncertain: [] },
      { text: "\nI. MỤC TIÊU\n", uncertain: ["2030", "13.500"] },
    ]);
    expect(hasWordBoxes(pages)).toBe(false);
    expect(scanText(pages)).toEqual({
      text: "KẾ HOẠCH\n\nTriển khai\n\nI. MỤC TIÊU",
      uncertainWords: ["2030", "13.500"],
    });
  });
});

describe("the progress shown", () => {
  it.each([
    ["QUEUED", 0, 8, "Đang chờ đến lượt nhận dạng…"],
    ["RUNNING", 0, 8, "Đang nhận dạng trang 1/8"],
    ["RUNNING", 2, 8, "Đang nhận dạng trang 3/8"],
    ["RUNNING", 8, 8, "Đang nhận dạng trang 8/8"],
    ["DONE", 8, 8, "Đã nhận dạng xong 8/8 trang"],
    ["FAILED", 3, 8, "Nhận dạng không thành công"],
    ["CANCELLED", 3, 8, "Đã hủy nhận dạng"],
  ] as const)("%s %i/%i → %s", (status, done, total, label) =>
    expect(scanProgressLabel(status, done, total)).toBe(label),
  );
});
