import { describe, expect, it } from "vitest";
import { statusLabel } from "@/domain/indicator-status";
import { INDICATOR_STATUSES, indicatorStatusLook, reportStatusLook, TASK_STATUSES, taskStatusLook } from "./statuses";

describe("the status table", () => {
  it("gives every indicator status the domain's label, a short one, and one colour on every surface", () => {
    expect(INDICATOR_STATUSES.map((s) => [indicatorStatusLook[s].short, indicatorStatusLook[s].label])).toEqual([
      ["Đạt", "Đạt/vượt"],
      ["Đúng", "Đúng tiến độ"],
      ["Nguy cơ", "Có nguy cơ"],
      ["Chậm", "Chậm tiến độ"],
      ["Chưa có", "Chưa có số liệu"],
    ]);
    for (const s of INDICATOR_STATUSES) {
      expect(indicatorStatusLook[s].label).toBe(statusLabel(s));
      expect(indicatorStatusLook[s].colour).toMatch(/^#[0-9a-f]{6}$/);
    }
    // The same hue family on badges, labels and bars.
    const hue = (classes: string) => /(emerald|sky|amber|red|stone)/.exec(classes)?.[1];
    for (const s of INDICATOR_STATUSES)
      expect(hue(indicatorStatusLook[s].classes)).toBe(hue(indicatorStatusLook[s].bar));
  });

  it("names task and report states in Vietnamese", () => {
    expect(TASK_STATUSES.map((s) => taskStatusLook[s].label)).toEqual([
      "Chưa triển khai",
      "Đang thực hiện",
      "Hoàn thành",
      "Chậm tiến độ",
    ]);
    expect(reportStatusLook.RETURNED).toEqual({ label: "Bị trả lại", tone: "red" });
  });
});
