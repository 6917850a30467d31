import { describe, expect, it } from "vitest";
import { auditFields, auditValue } from "./audit-format";

describe("auditValue", () => {
  it("writes values as the product does: decimal comma, dd/mm/yyyy, yes and no", () => {
    expect(auditValue(24.01)).toBe("24,01");
    expect(auditValue("2025-06-30")).toBe("30/06/2025");
    expect(auditValue("2026-03-04T23:05:00.000Z")).toBe("05/03/2026 06:05");
    expect(auditValue(true)).toBe("có");
    expect(auditValue(null)).toBe("—");
    expect(auditValue("Đạt 95%")).toBe("Đạt 95%");
    expect(auditValue("71.5")).toBe("71,5");
    expect(auditValue("2025-06-30T00:00:00.000Z")).toBe("30/06/2025");
  });

  it("shows text that only looks like a date as it was typed", () => {
    expect(auditValue("2025-02-30")).toBe("2025-02-30");
    expect(auditValue("2025-13-01T10:00")).toBe("2025-13-01T10:00");
  });

  it("keeps nested values as JSON, shortened when long", () => {
    expect(auditValue([{ year: 2025 }])).toBe('[{"year":2025}]');
    const long = auditValue("x".repeat(500));
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("auditFields", () => {
  it("names common fields in Vietnamese and keeps the code of the others", () => {
    expect(auditFields({ status: "DRAFT", publishedAt: null, openReportsUpdated: 2 })).toEqual([
      ["Trạng thái", "DRAFT"],
      ["Công bố", "—"],
      ["openReportsUpdated", "2"],
    ]);
    expect(auditFields(null)).toEqual([]);
    expect(auditFields("text")).toEqual([["", "text"]]);
  });
});
