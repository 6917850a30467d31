import { describe, expect, it } from "vitest";
import type { DocumentIndicator, PlanDocument } from "@/features/plans/plan-document";
import { DOUBT_MESSAGES, doubtfulName, markDoubtful, markNumbering, markUncertainWords, misreadFigure } from "./doubt";
import type { Repair } from "./ocr-repair";
import type { Extraction } from "./parse-document";

describe("doubtful names", () => {
  it.each([
    ["€ 1 ho ngheo", "symbolName"],
    ["% dân số tham gia", "symbolName"],
    ["- ba bốn năm", "symbolName"],
    ["Tỷ lệ", "shortName"],
    ["Số 04", "shortName"],
    ["Hộ nghèo", "shortName"],
    ["Tỷ lệ hộ nghèo", null],
    ["04 dự án nhà ở", null],
    ["(HDI) chỉ số phát triển", null],
  ])("%s → %s", (name, expected) => expect(doubtfulName(name)).toBe(expected));
});

describe("misread figures", () => {
  it.each([
    ["20630", true],
    ["đến năm 20645", true],
    ["10.0000 dân", true],
    ["2030", false],
    ["10.000 dân", false],
    ["trên 95%", false],
    ["1,2%", false],
    ["20.000", false],
  ])("%s → %s", (target, expected) => expect(misreadFigure(target)).toBe(expected));
});

function extraction(document: Partial<PlanDocument>, sources: Extraction["sources"] = {}): Extraction {
  return {
    document: { indicators: [], tasks: [], ...document } as PlanDocument,
    lines: [],
    sources,
    unclear: {},
    cited: [],
    warnings: [],
    counts: { tasks: 0, assignments: 0, timeframes: 0, indicators: 0, targets: 0 },
  };
}

const guess = (line: number, original: string, replacement: string): Repair => ({
  id: 1,
  kind: "number",
  line,
  original,
  replacement,
  doubtful: true,
  applied: true,
});

describe("marking what was read from doubtful text", () => {
  it("marks short names and names starting with a symbol, at the item", () => {
    const e = extraction({
      indicators: [
        { code: "1", name: "€ hộ nghèo giảm", targets: { "2030": "1,5%" } },
        { code: "2", name: "Tỷ lệ", targets: { "2030": "95%" } },
        { code: "3", name: "Tỷ lệ hộ nghèo", targets: { "2030": "dưới 2%" } },
      ],
    });
    markDoubtful(e);
    expect(e.unclear).toEqual({
      "indicators.0": DOUBT_MESSAGES.symbolName,
      "indicators.1": DOUBT_MESSAGES.shortName,
    });
  });

  it("marks a target read from a guessed number on the item's lines, not one elsewhere", () => {
    const e = extraction(
      {
        indicators: [
          { code: "1", name: "Số bác sĩ trên vạn dân", targets: { "2030": "trên 10.000" } },
          { code: "2", name: "Số giường bệnh viện", targets: { "2030": "10.000" } },
        ],
      },
      { "indicators.0": { from: 3, to: 4 }, "indicators.1": { from: 9, to: 9 } },
    );
    markDoubtful(e, [guess(4, "10.0000", "10.000")]);
    expect(e.unclear["indicators.0.targets.2030"]).toBe(DOUBT_MESSAGES.repairedTarget("10.0000", "10.000"));
    expect(e.unclear["indicators.1.targets.2030"]).toBeUndefined();
  });

  it("ignores guesses the user turned off, and marks a target that still looks misread", () => {
    const e = extraction(
      { indicators: [{ code: "1", name: "Tuổi thọ trung bình", targets: { "2030": "20630" } }] },
      { "indicators.0": { from: 1, to: 1 } },
    );
    markDoubtful(e, [{ ...guess(1, "20630", "2030"), applied: false }]);
    expect(e.unclear["indicators.0.targets.2030"]).toBe(DOUBT_MESSAGES.misreadTarget);
  });

  it("marks a name holding a guessed word, walks children and skips groups, never overwriting a mark", () => {
    const e = extraction(
      {
        indicators: [
          {
            code: "I",
            name: "Nhóm",
            isGroup: true,
            children: [{ code: "1", name: "Tỷ lệ xyzqlw được hỗ trợ", targets: { "2030": "100%" } }],
          },
        ],
      },
      { "indicators.0.children.0": { from: 2, to: 2 } },
    );
    e.unclear["indicators.0.children.0.targets.2030"] = "đã có";
    markDoubtful(e, [{ ...guess(2, "xyzq1w", "xyzqlw"), kind: "letters" }]);
    expect(e.unclear).toEqual({
      "indicators.0.children.0": DOUBT_MESSAGES.repairedName,
      "indicators.0.children.0.targets.2030": "đã có",
    });
  });
});

describe("marking what was read from words Tesseract doubted", () => {
  const lines = [
    "1. Tuổi thọ trung bình đến năm 2030 đạt 75 tuổi",
    "2. Số bác sĩ trên vạn dân đạt 13.500, người",
    "3. Tỷ lệ hộ nghèo giảm dưới 2%",
  ];
  const read = () => {
    const e = extraction(
      {
        indicators: [
          { code: "1", name: "Tuổi thọ trung bình", targets: { "2030": "75 tuổi" } },
          { code: "2", name: "Số bác sĩ trên vạn dân", targets: { "2030": "13.500 người" } },
          { code: "3", name: "Tỷ lệ hộ nghèo", targets: { "2030": "dưới 2%" } },
        ],
      },
      { "indicators.0": { from: 1, to: 1 }, "indicators.1": { from: 2, to: 2 }, "indicators.2": { from: 3, to: 3 } },
    );
    e.lines = lines;
    return e;
  };

  it("marks a target holding an uncertain number on the item's own lines, punctuation aside", () => {
    const e = read();
    markUncertainWords(e, ["13.500,"]);
    expect(e.unclear).toEqual({ "indicators.1.targets.2030": DOUBT_MESSAGES.uncertainWord("13.500") });
  });

  it("marks a name holding an uncertain word, and nothing for a word on other lines or in no item", () => {
    const e = read();
    markUncertainWords(e, ["nghèo", "xyz", "75"]);
    expect(e.unclear).toEqual({
      "indicators.0.targets.2030": DOUBT_MESSAGES.uncertainWord("75"),
      "indicators.2": DOUBT_MESSAGES.uncertainWord("nghèo"),
    });
  });

  it("does not mark a target for an uncertain year in its name's line that the target does not hold", () => {
    const e = read();
    markUncertainWords(e, ["2030"]);
    expect(e.unclear).toEqual({});
  });

  it("keeps a mark already there, skips groups, and does nothing without words", () => {
    const e = read();
    e.unclear["indicators.1.targets.2030"] = "đã có";
    markUncertainWords(e, ["13.500"]);
    markUncertainWords(e, []);
    expect(e.unclear).toEqual({ "indicators.1.targets.2030": "đã có" });
  });

  it("ignores single letters, which Tesseract doubts all the time", () => {
    const e = read();
    e.document.indicators[2]!.name = "Tỷ lệ hộ nghèo a";
    e.lines[2] = "3. Tỷ lệ hộ nghèo a giảm dưới 2%";
    markUncertainWords(e, ["a"]);
    expect(e.unclear).toEqual({});
  });
});

describe("marking numbering that does not fit, on a scan", () => {
  const item = (code: string, name: string, children: DocumentIndicator[] = [], isGroup = false) =>
    ({ code, name, targets: {}, children, isGroup }) as unknown as DocumentIndicator;

  it("marks a misread number, the items hung under it, one that does not continue its parent's, and a row without one under a sub-item", () => {
    const e = extraction({
      indicators: [
        item(
          "1",
          "Ưu đãi người có công",
          [
            item("1.1", "Tỷ lệ hộ có mức sống khá", [item("-", "Lao động, việc làm và thị trường")]),
            item("1.2", "Tỷ lệ hộ được hỗ trợ nhà"),
          ],
          true,
        ),
        item(
          "2",
          "Lao động",
          [
            item("2.1", "Tỷ lệ thất nghiệp chung"),
            item("2h,", "Tỷ lệ thất nghiệp thành thị", [item("2.3", "Tỷ lệ việc làm phi chính thức")]),
            item("2.4", "Tỷ lệ lao động nông nghiệp"),
            item("3.1", "Chỉ số phát triển con người"),
          ],
          true,
        ),
      ],
    });
    markNumbering(e);
    expect(e.unclear).toEqual({
      "indicators.0.children.0.children.0": DOUBT_MESSAGES.unnumbered("1.1"),
      "indicators.1.children.1": DOUBT_MESSAGES.misreadNumber("2h,"),
      "indicators.1.children.1.children.0": DOUBT_MESSAGES.misplacedNumber("2.3", "2h,"),
      "indicators.1.children.3": DOUBT_MESSAGES.misplacedNumber("3.1", "2"),
    });
  });

  it("leaves well-numbered items, unnumbered lists and a mark already there alone", () => {
    const e = extraction({
      indicators: [
        item(
          "1",
          "Kinh tế",
          [item("1.1", "Tăng trưởng bình quân năm"), item("1.2", "Thu nhập bình quân đầu người")],
          true,
        ),
        item("-", "Tỷ lệ hộ nghèo giảm hằng năm"),
        item("a)", "Tỷ lệ trẻ em đi học đúng tuổi"),
        item("2.x", "Tỷ lệ che phủ rừng đạt"),
      ],
    });
    e.unclear["indicators.3"] = "đã có";
    markNumbering(e);
    expect(e.unclear).toEqual({ "indicators.3": "đã có" });
  });
});
