import { describe, expect, it } from "vitest";
import { missingBeforeIssue } from "./issue-check";

const sections = {
  purpose: "a",
  requirements: "",
  generalObjective: "b",
  vision: null,
  funding: "c",
  implementation: "d",
};

describe("missingBeforeIssue", () => {
  it("names empty sections and counts indicators without targets, tasks without a lead or a timeframe", () => {
    const missing = missingBeforeIssue({
      sections,
      indicators: [
        { inheritance: "INHERITED", depth: 0, isGroup: true, targets: {} },
        { inheritance: "INHERITED", depth: 1, isGroup: false, targets: { "2030": "25%" } },
        { inheritance: "LOCAL", depth: 1, isGroup: false, targets: { "2025": " " } },
        { inheritance: "DROPPED", depth: 1, isGroup: false, targets: {} },
      ],
      tasks: [
        { inheritance: "INHERITED", depth: 0, lead: [], timeframe: "" },
        { inheritance: "INHERITED", depth: 1, lead: ["UBND"], timeframe: "" },
        { inheritance: "LOCAL", depth: 1, lead: [], timeframe: "Thường xuyên" },
        { inheritance: "DROPPED", depth: 0, lead: [], timeframe: "" },
      ],
      parentChanges: 2,
    });
    expect(missing).toEqual([
      "Phần chưa có nội dung: “Yêu cầu”, “Tầm nhìn”",
      "1 chỉ tiêu chưa có mục tiêu năm 2025 hoặc 2030",
      "1 nhiệm vụ chưa có cơ quan chủ trì",
      "1 nhiệm vụ chưa có thời gian thực hiện",
      "2 thay đổi của kế hoạch cấp trên chưa được xử lý",
    ]);
  });
});
