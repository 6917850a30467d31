import { describe, expect, it } from "vitest";
import { combineProgress } from "./build-snapshot";

describe("combineProgress", () => {
  it("keeps the overall status and adds each lead agency's account under its name", () => {
    expect(
      combineProgress([
        { organizationId: null, status: "IN_PROGRESS", summary: "Đã triển khai.", organization: null },
        {
          organizationId: "a",
          status: "COMPLETED",
          summary: "Xong phần tuyên truyền.",
          organization: { name: "Ban Tuyên giáo" },
        },
      ]),
    ).toEqual({ status: "IN_PROGRESS", summary: "Đã triển khai.\nBan Tuyên giáo: Xong phần tuyên truyền." });
  });

  it("without an overall update, takes the agencies' worst status", () => {
    expect(
      combineProgress([
        { organizationId: "a", status: "COMPLETED", summary: null, organization: { name: "A" } },
        { organizationId: "b", status: "BEHIND", summary: "Chậm.", organization: { name: "B" } },
      ]),
    ).toEqual({ status: "BEHIND", summary: "B: Chậm." });
    expect(combineProgress([])).toEqual({ status: null, summary: null });
  });
});
