import { describe, expect, it } from "vitest";
import { scanProgressLabel } from "./scan-progress-label";
import { readScanPages, scanPageOf, scanText } from "./scan-text";
import { readTsv } from "./tsv";

const HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
const word = (line: number, text: string, conf: number) => `5\t1\t1\t1\t${line}\t1\t0\t0\t10\t10\t${conf}\t${text}`;

describe("the pages of a scan as one text", () => {
  it("keeps a page's text and the words Tesseract doubted (digits held to the higher bar)", () => {
    const page = scanPageOf(
      readTsv([HEADER, word(1, "Đạt", 95), word(1, "20630", 80), word(2, "người", 40)].join("\n")),
    );
    expect(page).toEqual({ text: "Đạt 20630\nngười", uncertain: ["20630", "người"] });
  });

  it("joins pages with one blank line, trims them, drops empty pages and lists each uncertain word once", () => {
    const read = scanText([
      { text: "KẾ HOẠCH\n\n\n\nTriển khai", uncertain: ["2030"] },
      { text: "   ", uncertain: [] },
      { text: "\nI. MỤC TIÊU\n", uncertain: ["2030", "13.500"] },
    ]);
    expect(read.text).toBe("KẾ HOẠCH\n\nTriển khai\n\nI. MỤC TIÊU");
    expect(read.uncertainWords).toEqual(["2030", "13.500"]);
  });

  it("normalises to NFC, as every reader of the importer does", () => {
    const decomposed = "Hoa\u0300ng";
    const read = scanText([{ text: decomposed, uncertain: [decomposed] }]);
    expect(read.text).toBe("Hoàng");
    expect(read.uncertainWords).toEqual(["Hoàng"]);
  });

  it("reads back what the job stored, and nothing from a column holding something else", () => {
    const pages = [{ text: "a", uncertain: ["b"] }];
    expect(readScanPages(JSON.parse(JSON.stringify(pages)))).toEqual(pages);
    expect(readScanPages({ text: "a" })).toEqual([]);
    expect(readScanPages([{ text: 1, uncertain: [] }])).toEqual([]);
    expect(readScanPages(null)).toEqual([]);
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
