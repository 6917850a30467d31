import { describe, expect, it } from "vitest";
import { missingBeforeSubmission } from "./narrative-sections";

const empty = {
  numberSerial: null,
  leadership: null,
  results: "",
  shortcomings: "  ",
  nextYear: null,
  proposals: null,
};
const indicator = (actual: string | null, isGroup = false) => ({
  code: "1",
  name: "x",
  unit: null,
  isGroup,
  depth: 0,
  target2025: "",
  target2030: "",
  actual,
  actualValue: null,
  status: null,
  isIllustrative: false,
});
const task = (depth: number, status: "COMPLETED" | null) => ({
  numbering: "1",
  title: null,
  body: "x",
  depth,
  lead: [],
  status,
  summary: null,
});

describe("missingBeforeSubmission", () => {
  it("lists the number, every empty section, indicators without a figure and tasks without a status", () => {
    const missing = missingBeforeSubmission(empty, {
      year: 2026,
      indicators: [indicator(null, true), indicator(null), indicator("5"), indicator(null)],
      tasks: [task(0, null), task(1, null), task(1, "COMPLETED"), task(0, null)],
    });
    expect(missing).toEqual([
      "Số báo cáo (sẽ in “Số     /BC…” để điền tay)",
      "Phần “I. Công tác lãnh đạo, chỉ đạo, quán triệt, tuyên truyền” chưa có nội dung",
      "Phần “II. Kết quả thực hiện nhiệm vụ và chỉ tiêu” chưa có nội dung",
      "Phần “III. Hạn chế, nguyên nhân” chưa có nội dung",
      "Phần “IV. Phương hướng, nhiệm vụ năm tới” chưa có nội dung",
      "Phần “V. Kiến nghị, đề xuất” chưa có nội dung",
      "2 chỉ tiêu chưa có số liệu năm 2026",
      "2 nhiệm vụ chưa cập nhật tiến độ năm 2026",
    ]);
  });

  it("is empty for a complete report", () => {
    const full = {
      numberSerial: "45",
      leadership: "a",
      results: "b",
      shortcomings: "c",
      nextYear: "d",
      proposals: "e",
    };
    expect(
      missingBeforeSubmission(full, { year: 2026, indicators: [indicator("1")], tasks: [task(0, "COMPLETED")] }),
    ).toEqual([]);
  });
});
