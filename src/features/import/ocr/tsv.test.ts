import { describe, expect, it } from "vitest";
import { DOUBTFUL_NUMBER, DOUBTFUL_WORD, isDoubtful, readTsv } from "./tsv";

const HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
const word = (block: number, par: number, line: number, n: number, conf: number, text: string) =>
  `5\t1\t${block}\t${par}\t${line}\t${n}\t0\t0\t10\t10\t${conf}\t${text}`;
const structure = (level: number, block: number, par = 0, line = 0) =>
  `${level}\t1\t${block}\t${par}\t${line}\t0\t0\t0\t10\t10\t-1\t`;

describe("Tesseract's TSV", () => {
  const tsv = [
    HEADER,
    structure(1, 0),
    structure(2, 1),
    structure(3, 1, 1),
    structure(4, 1, 1, 1),
    word(1, 1, 1, 1, 96.3, "KẾ"),
    word(1, 1, 1, 2, 95.1, "HOẠCH"),
    structure(4, 1, 1, 2),
    word(1, 1, 2, 1, 93, "Triển"),
    word(1, 1, 2, 2, 41.5, "khaj"),
    structure(3, 1, 2),
    word(1, 2, 1, 1, 91, "Tỷ"),
    word(1, 2, 1, 2, 90, "lệ"),
    word(1, 2, 1, 3, 70.2, "20630"),
    word(1, 2, 1, 4, 95, "đạt"),
    word(1, 2, 1, 5, 12, " "),
  ].join("\n");

  it("reads words into lines in reading order, with an empty line between paragraphs", () => {
    const page = readTsv(tsv);
    expect(page.lines.map((l) => l.text)).toEqual(["KẾ HOẠCH", "Triển khaj", "Tỷ lệ 20630 đạt"]);
    expect(page.text).toBe("KẾ HOẠCH\nTriển khaj\n\nTỷ lệ 20630 đạt");
  });

  it("keeps each word's confidence and names the doubtful ones: a digit needs more", () => {
    const page = readTsv(tsv);
    expect(page.lines[1]!.words).toEqual([
      { text: "Triển", confidence: 93 },
      { text: "khaj", confidence: 41.5 },
    ]);
    // "20630" at 70 would pass as a word, not as a figure.
    expect(page.doubtful).toEqual(["khaj", "20630"]);
  });

  it("draws the lines exactly at the thresholds", () => {
    expect(isDoubtful({ text: "năm", confidence: DOUBTFUL_WORD })).toBe(false);
    expect(isDoubtful({ text: "năm", confidence: DOUBTFUL_WORD - 0.1 })).toBe(true);
    expect(isDoubtful({ text: "2030", confidence: DOUBTFUL_NUMBER })).toBe(false);
    expect(isDoubtful({ text: "2030", confidence: DOUBTFUL_NUMBER - 0.1 })).toBe(true);
    expect(isDoubtful({ text: "68/NQ-CP,", confidence: 80 })).toBe(true);
  });

  it("reads an empty page and a header alone as no text", () => {
    expect(readTsv("")).toEqual({ lines: [], text: "", doubtful: [] });
    expect(readTsv(`${HEADER}\n${structure(1, 0)}`)).toEqual({ lines: [], text: "", doubtful: [] });
  });
});
