import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// Accessibility (issue 20, part 2): WCAG 2.1 A and AA, checked by axe-core in the page as it stands.
// Serious and critical findings fail the test, each named with the elements it was found on; no rule
// is switched off.

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").join(" ")}`)
        .join("\n")}`,
  );
  // Soft: every page of a test is checked and reported, not only up to the first with a finding.
  expect.soft(report, `${page.url()}\n${report.join("\n")}`).toEqual([]);
}
