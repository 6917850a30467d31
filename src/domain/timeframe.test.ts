import { describe, expect, it } from "vitest";
import { formatTimeframe, parseTimeframe, timeframeDeadline, type Timeframe } from "./timeframe";

// Every "Thời gian thực hiện:" of the Ea Súp plan, with the line of the seed it comes from.
const EA_SUP_TIMES: Array<[number, string]> = [
  [45, "Thường xuyên."],
  [53, "Thường xuyên."],
  [65, "Năm 2024 và các năm tiếp theo."],
  [73, "Năm 2024 và các năm tiếp theo."],
  [81, "Năm 2024 và các năm tiếp theo."],
  [93, "Năm 2024 và các năm tiếp theo."],
  [107, "Năm 2024 và các năm tiếp theo."],
  [117, "Năm 2024 và các năm tiếp theo."],
  [125, "Năm 2024 và các năm tiếp theo."],
  [139, "Năm 2024 và các năm tiếp theo."],
  [153, "Năm 2024 và các năm tiếp theo."],
  [161, "Năm 2024 và các năm tiếp theo."],
  [175, "Năm 2024 và các năm tiếp theo."],
  [191, "Năm 2024 và các năm tiếp theo."],
  [205, "Năm 2024 và các năm tiếp theo."],
  [221, "Năm 2024 và các năm tiếp theo."],
  [231, "Năm 2024 và các năm tiếp theo."],
  [243, "Năm 2024 và các năm tiếp theo."],
  [257, "Năm 2024 và các năm tiếp theo."],
  [269, "Năm 2024 và các năm tiếp theo."],
  [279, "Năm 2024 và các năm tiếp theo."],
  [287, "Năm 2024 và các năm tiếp theo."],
  [295, "Năm 2024 và các năm tiếp theo."],
];

describe("parseTimeframe: the Ea Súp plan", () => {
  it.each(EA_SUP_TIMES)("line %d: %j", (_line, text) => {
    const tf = parseTimeframe(text);
    expect(tf.text).toBe(text);
    if (text.startsWith("Thường xuyên")) {
      expect(tf).toEqual({ kind: "RECURRING", text });
      expect(formatTimeframe(tf)).toBe("Thường xuyên");
    } else {
      expect(tf).toEqual({ kind: "FROM_YEAR", year: 2024, text });
      expect(formatTimeframe(tf)).toBe("Từ năm 2024");
    }
  });

  it("leaves task 5.3, which has no time, unspecified", () => {
    expect(parseTimeframe(null)).toEqual({ kind: "UNSPECIFIED", text: null });
    expect(formatTimeframe(parseTimeframe(null))).toBe("Chưa xác định");
  });
});

describe("parseTimeframe", () => {
  it.each<[string, Omit<Timeframe, "text">]>([
    ["Thường xuyên", { kind: "RECURRING" }],
    ["thường xuyên, liên tục", { kind: "RECURRING" }],
    ["Hằng năm", { kind: "RECURRING" }],
    ["Hàng năm", { kind: "RECURRING" }],
    ["Định kỳ hằng năm", { kind: "RECURRING" }],
    ["Trước ngày 15/12 hằng năm", { kind: "RECURRING" }],
    ["Hằng quý", { kind: "RECURRING" }],
    ["Năm 2024 và các năm tiếp theo", { kind: "FROM_YEAR", year: 2024 }],
    ["năm 2024 và những năm tiếp theo", { kind: "FROM_YEAR", year: 2024 }],
    ["Từ năm 2024 và các năm tiếp theo", { kind: "FROM_YEAR", year: 2024 }],
    ["2024 và các năm tiếp theo", { kind: "FROM_YEAR", year: 2024 }],
    ["Từ năm 2025", { kind: "FROM_YEAR", year: 2025 }],
    ["Từ năm 2025 trở đi", { kind: "FROM_YEAR", year: 2025 }],
    ["Từ 2025", { kind: "FROM_YEAR", year: 2025 }],
    ["Quý I/2024", { kind: "BY_QUARTER", quarter: 1, year: 2024 }],
    ["quý IV năm 2024", { kind: "BY_QUARTER", quarter: 4, year: 2024 }],
    ["Quý II/2025", { kind: "BY_QUARTER", quarter: 2, year: 2025 }],
    ["Quý III - 2025", { kind: "BY_QUARTER", quarter: 3, year: 2025 }],
    ["Quý 3/2025", { kind: "BY_QUARTER", quarter: 3, year: 2025 }],
    ["Trong quý I/2024", { kind: "BY_QUARTER", quarter: 1, year: 2024 }],
    ["hoàn thành trong quý I/2024", { kind: "BY_QUARTER", quarter: 1, year: 2024 }],
    ["Trước ngày 20/7/2024", { kind: "BY_DATE", date: "2024-07-20" }],
    ["trước 20/7/2024", { kind: "BY_DATE", date: "2024-07-20" }],
    ["Chậm nhất ngày 30/6/2025", { kind: "BY_DATE", date: "2025-06-30" }],
    ["Hoàn thành trước ngày 15 tháng 12 năm 2024", { kind: "BY_DATE", date: "2024-12-15" }],
    ["20/7/2024", { kind: "BY_DATE", date: "2024-07-20" }],
    ["Năm 2025", { kind: "BY_YEAR", year: 2025 }],
    ["Trong năm 2025", { kind: "BY_YEAR", year: 2025 }],
    ["Đến năm 2025", { kind: "BY_YEAR", year: 2025 }],
    ["2025", { kind: "BY_YEAR", year: 2025 }],
    ["Trước năm 2026", { kind: "BY_YEAR", year: 2025 }],
    ["2024 - 2030", { kind: "PERIOD", year: 2024, endYear: 2030 }],
    ["2024 – 2030", { kind: "PERIOD", year: 2024, endYear: 2030 }],
    ["Giai đoạn 2024-2030", { kind: "PERIOD", year: 2024, endYear: 2030 }],
    ["giai đoạn 2021 - 2025", { kind: "PERIOD", year: 2021, endYear: 2025 }],
    ["Từ năm 2024 đến năm 2030", { kind: "PERIOD", year: 2024, endYear: 2030 }],
    ["Năm 2024 - 2030", { kind: "PERIOD", year: 2024, endYear: 2030 }],
    ["Thời gian thực hiện: Quý I/2024", { kind: "BY_QUARTER", quarter: 1, year: 2024 }],
    ["  Thường   xuyên.  ", { kind: "RECURRING" }],
  ])("%j", (text, expected) => {
    const tf = parseTimeframe(text);
    expect(tf).toEqual({ ...expected, text: text.replace(/\s+/g, " ").trim() });
  });

  it.each([
    ["Khi có yêu cầu", "words it cannot place"],
    ["Trước ngày 31/02/2024", "an impossible date"],
    ["2030 - 2024", "a reversed period"],
    ["Quý V/2024", "a fifth quarter"],
    ["Sau khi Kế hoạch được ban hành", "a relative time"],
  ])("keeps %j unspecified (%s), with its text", (text) => {
    expect(parseTimeframe(text)).toEqual({ kind: "UNSPECIFIED", text });
  });

  it("treats empty text as no time", () => {
    expect(parseTimeframe("")).toEqual({ kind: "UNSPECIFIED", text: null });
    expect(parseTimeframe("   ")).toEqual({ kind: "UNSPECIFIED", text: null });
  });

  it("reads text typed without diacritics and in NFD", () => {
    expect(parseTimeframe("quy IV nam 2024")).toMatchObject({ kind: "BY_QUARTER", quarter: 4, year: 2024 });
    expect(parseTimeframe("Năm 2024 và các năm tiếp theo".normalize("NFD"))).toMatchObject({
      kind: "FROM_YEAR",
      year: 2024,
    });
  });
});

describe("formatTimeframe", () => {
  it.each([
    ["Thường xuyên", "Thường xuyên"],
    ["Hằng năm", "Hằng năm"],
    ["Định kỳ hằng năm", "Hằng năm"],
    ["Hằng quý", "Hằng quý"],
    ["Hằng tháng", "Hằng tháng"],
    ["Từ năm 2025", "Từ năm 2025"],
    ["Năm 2024 và các năm tiếp theo", "Từ năm 2024"],
    ["quý IV năm 2024", "Quý IV/2024"],
    ["Quý 1/2024", "Quý I/2024"],
    ["Trước ngày 20/7/2024", "Trước ngày 20/07/2024"],
    ["Năm 2025", "Năm 2025"],
    ["2024 - 2030", "Giai đoạn 2024-2030"],
    ["Khi có yêu cầu", "Khi có yêu cầu"],
  ])("%j → %j", (text, label) => {
    expect(formatTimeframe(parseTimeframe(text))).toBe(label);
  });

  it("reads its own labels back to the same meaning", () => {
    for (const text of [
      "Quý IV/2024",
      "Trước ngày 20/07/2024",
      "Năm 2025",
      "Giai đoạn 2024-2030",
      "Từ năm 2024",
      "Thường xuyên",
      "Hằng năm",
    ]) {
      const tf = parseTimeframe(text);
      const again = parseTimeframe(formatTimeframe(tf));
      expect({ ...again, text: null }).toEqual({ ...tf, text: null });
    }
  });

  it("falls back to the text when a timeframe object lacks its fields", () => {
    expect(formatTimeframe({ kind: "BY_YEAR", text: "năm sau" })).toBe("năm sau");
    expect(formatTimeframe({ kind: "PERIOD", year: 2024, text: null })).toBe("Chưa xác định");
  });
});

describe("timeframeDeadline", () => {
  it.each([
    ["Trước ngày 20/7/2024", "2024-07-20"],
    ["Quý I/2024", "2024-03-31"],
    ["Quý II/2024", "2024-06-30"],
    ["Quý III/2024", "2024-09-30"],
    ["quý IV năm 2024", "2024-12-31"],
    ["Năm 2025", "2025-12-31"],
    ["Giai đoạn 2024-2030", "2030-12-31"],
  ])("%j is due %s", (text, due) => {
    expect(timeframeDeadline(parseTimeframe(text))).toBe(due);
  });

  it.each(["Thường xuyên", "Năm 2024 và các năm tiếp theo", "Khi có yêu cầu"])("%j has no deadline", (text) => {
    expect(timeframeDeadline(parseTimeframe(text))).toBeNull();
  });

  it("has no deadline without a time", () => {
    expect(timeframeDeadline(parseTimeframe(null))).toBeNull();
  });
});
