import { describe, expect, it } from "vitest";
import * as domain from "./index";
import { parseVietnameseNumber } from "./decimal";
import { parseDocumentNumber } from "./document-number";
import { indicatorStatus } from "./indicator-status";
import { reportingPeriod } from "./reporting-calendar";
import { parseTarget } from "./target-notation";
import { parseTimeframe } from "./timeframe";
import { normalizeName } from "./vietnamese-text";

describe("domain index", () => {
  it("re-exports the same functions as the modules", () => {
    expect(domain.parseVietnameseNumber).toBe(parseVietnameseNumber);
    expect(domain.parseTarget).toBe(parseTarget);
    expect(domain.parseDocumentNumber).toBe(parseDocumentNumber);
    expect(domain.reportingPeriod).toBe(reportingPeriod);
    expect(domain.parseTimeframe).toBe(parseTimeframe);
    expect(domain.normalizeName).toBe(normalizeName);
    expect(domain.indicatorStatus).toBe(indicatorStatus);
  });

  it("exposes every public function of the core", () => {
    const expected = [
      "formatVietnameseNumber",
      "stripDiacritics",
      "unifyDashes",
      "matchesQuery",
      "formatTarget",
      "describeTarget",
      "compareAmbition",
      "inferDirection",
      "targetMatches",
      "isNumericTarget",
      "formatDocumentNumber",
      "sameDocumentNumber",
      "documentKindOf",
      "documentKindLabel",
      "reportingYearOf",
      "daysUntil",
      "deadlineState",
      "formatDate",
      "formatDateLong",
      "parseVietnameseDate",
      "addDays",
      "isIsoDate",
      "formatTimeframe",
      "timeframeDeadline",
      "statusLabel",
    ];
    for (const name of expected) expect(typeof (domain as Record<string, unknown>)[name], name).toBe("function");
  });
});
