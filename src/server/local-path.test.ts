import { describe, expect, it } from "vitest";
import { localPath, sameSiteRedirect } from "./local-path";

// Issue 12: "/sign-in?callbackUrl=%2F%5Cevil.example%2Fphish" sent people to another site.

describe("localPath", () => {
  it("keeps paths of this site, with their query and fragment", () => {
    expect(localPath("/plans")).toBe("/plans");
    expect(localPath("/plans/1?year=2025#tasks")).toBe("/plans/1?year=2025#tasks");
    expect(localPath("/plans/../reports")).toBe("/reports");
    expect(localPath("/tim?q=%2F%2Fevil")).toBe("/tim?q=%2F%2Fevil");
  });

  it.each([
    ["/\\evil.example/phish"], // the reported one, decoded
    ["/\t/evil.example"], // %2F%09%2F decoded
    ["/\n/evil.example"],
    ["//evil.example"],
    ["///evil.example"],
    ["/\\/evil.example"],
    ["\\\\evil.example"],
    ["/./\\evil.example"],
    ["/.//evil.example"],
    ["/%2e//evil.example"],
    ["https://evil.example"],
    ["https:evil.example"],
    ["http:/evil.example"],
    ["javascript:alert(1)"],
    ["evil.example"],
    [" /plans"],
    [""],
    [undefined],
  ])("refuses %j", (raw) => {
    expect(localPath(raw)).toBe("/plans");
  });
});

describe("sameSiteRedirect (next-auth's redirect callback)", () => {
  const base = "http://127.0.0.1:3000";
  it("keeps this site's paths and addresses, and sends anything else to the plan list", () => {
    expect(sameSiteRedirect("/plans/1", base)).toBe("http://127.0.0.1:3000/plans/1");
    expect(sameSiteRedirect("http://127.0.0.1:3000/reports", base)).toBe("http://127.0.0.1:3000/reports");
    expect(sameSiteRedirect("/\\evil.example/phish", base)).toBe("http://127.0.0.1:3000/plans");
    expect(sameSiteRedirect("https://evil.example/", base)).toBe("http://127.0.0.1:3000/plans");
    expect(sameSiteRedirect("http://127.0.0.1:3000//evil.example", base)).toBe("http://127.0.0.1:3000/plans");
    expect(sameSiteRedirect("http://127.0.0.1:3000.evil.example/", base)).toBe("http://127.0.0.1:3000/plans");
  });
});
