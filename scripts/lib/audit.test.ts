import { describe, expect, it } from "vitest";
import { seriousFindings, unexplained, type AuditReport } from "./audit";

const report: AuditReport = {
  vulnerabilities: {
    "next-auth": {
      name: "next-auth",
      severity: "high",
      via: [
        {
          source: 1,
          name: "next-auth",
          title: "Open redirect",
          url: "https://github.com/advisories/GHSA-aaaa",
          severity: "high",
        },
        {
          source: 2,
          name: "next-auth",
          title: "Minor leak",
          url: "https://github.com/advisories/GHSA-bbbb",
          severity: "low",
        },
      ],
    },
    // Only depends on a vulnerable package: reported through that package, not again.
    wrapper: { name: "wrapper", severity: "critical", via: ["jose"] },
    jose: {
      name: "jose",
      severity: "critical",
      via: [
        {
          source: 3,
          name: "jose",
          title: "Bad signature",
          url: "https://github.com/advisories/GHSA-cccc",
          severity: "critical",
        },
      ],
    },
  },
};

describe("npm audit against the allowlist", () => {
  it("keeps the high and critical advisories, once each", () => {
    expect(seriousFindings(report).map((f) => `${f.package} ${f.severity}`)).toEqual([
      "next-auth high",
      "jose critical",
    ]);
  });

  it("lets through only what the allowlist explains, while its date holds", () => {
    const findings = seriousFindings(report);
    const allowed = [
      {
        advisory: "https://github.com/advisories/GHSA-aaaa",
        package: "next-auth",
        reason: "The redirect is not used: pages.signIn is fixed.",
      },
      {
        advisory: "https://github.com/advisories/GHSA-cccc",
        package: "jose",
        reason: "Waits for next-auth 4.25",
        until: "2026-01-01",
      },
    ];
    expect(unexplained(findings, allowed, "2026-12-05").map((f) => f.package)).toEqual(["jose"]);
    expect(unexplained(findings, [{ ...allowed[0]!, reason: " " }], "2026-12-05")).toHaveLength(2);
    expect(unexplained(findings, [], "2026-12-05")).toHaveLength(2);
  });
});
