import { describe, expect, it } from "vitest";
import { DOUBTFUL_NUMBER, DOUBTFUL_WORD, isDoubtful, readTsv } from "./tsv";

const HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
const page = (n: number, width: number, height: number) => `1\t${n}\t0\t0\t0\t0\t0\t0\t${width}\t${height}\t-1\t`;
const structure = (level: number, block: number, par = 0, line = 0) =>
  `${level}\t1\t${block}\t${par}\t${line}\t0\t0\t0\t10\t10\t-1\t`;
const word = (n: number, x: number, y: number, conf: number, text: string, pageNumber = 1) =>
  `5\t${pageNumber}\t1\t1\t1\t${n}\t${x}\t${y}\t40\t30\t${conf}\t${text}`;

describe("Tesseract's TSV", () => {
  it("reads each word with its box and confidence, and the page's size", () => {
    const tsv = [
      HEADER,
      page(1, 2480, 3508),
      structure(2, 1),
      structure(3, 1, 1),
      structure(4, 1, 1, 1),
      word(1, 300, 200, 96.3, "KẾ"),
      word(2, 360, 201, 41.5, "HOẠCH"),
    ].join("\n");
    expect(readTsv(tsv)).toEqual([
      {
        width: 2480,
        height: 3508,
        words: [
          { text: "KẾ", x: 300, y: 200, width: 40, height: 30, confidence: 96.3 },
          { text: "HOẠCH", x: 360, y: 201, width: 40, height: 30, confidence: 41.5 },
        ],
      },
    ]);
  });

  it("leaves out blank words (a table's rule) and reads the pages of a multi-page image in order", () => {
    const tsv = [
      HEADER,
      page(2, 1000, 1400),
      word(1, 10, 10, 90, "hai", 2),
      page(1, 1000, 1400),
      word(1, 10, 10, 95, " ", 1),
      word(2, 60, 10, 95, "một", 1),
    ].join("\n");
    const pages = readTsv(tsv);
    expect(pages.map((p) => p.words.map((w) => w.text))).toEqual([["một"], ["hai"]]);
  });

  it("draws the lines of doubt exactly at the thresholds: a digit needs more confidence", () => {
    expect(isDoubtful({ text: "năm", confidence: DOUBTFUL_WORD })).toBe(false);
    expect(isDoubtful({ text: "năm", confidence: DOUBTFUL_WORD - 0.1 })).toBe(true);
    expect(isDoubtful({ text: "2030", confidence: DOUBTFUL_NUMBER })).toBe(false);
    expect(isDoubtful({ text: "2030", confidence: DOUBTFUL_NUMBER - 0.1 })).toBe(true);
    expect(isDoubtful({ text: "68/NQ-CP,", confidence: 80 })).toBe(true);
  });

  it("reads an empty output and a page without words as no words", () => {
    expect(readTsv("")).toEqual([]);
    expect(readTsv(`${HEADER}\n${page(1, 100, 100)}`)).toEqual([{ width: 100, height: 100, words: [] }]);
  });
});
