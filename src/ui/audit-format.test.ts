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

  it("writes a year as a year, not as a number with a thousands dot", () => {
    expect(auditValue(2026, "year")).toBe("2026");
    expect(auditValue(2024, "baselineYear")).toBe("2024");
    expect(auditValue(12026)).toBe("12.026");
  });

  it("shows text that only looks like a date as it was typed", () => {
    expect(auditValue("2025-02-30")).toBe("2025-02-30");
    expect(auditValue("2025-13-01T10:00")).toBe("2025-13-01T10:00");
  });

  it("says codes in words, by the field they were recorded in", () => {
    expect(auditValue("HIGHER_BETTER", "direction")).toBe("Càng cao càng tốt");
    expect(auditValue("INHERITED", "inheritance")).toBe("Kế thừa cấp trên");
    expect(auditValue("SUBMITTED", "status")).toBe("Đã gửi, chờ duyệt");
    expect(auditValue("ON_TRACK", "qualitativeStatus")).toBe("Đúng tiến độ");
    expect(auditValue("EDITOR", "role")).toBe("Nhập liệu");
    expect(auditValue("RETARGETED", "kind")).toBe("Cấp trên đổi mục tiêu");
    expect(auditValue("IN_PROGRESS")).toBe("Đang thực hiện");
  });

  it("writes nested records as fields, targets as year and text, and shortens what is long", () => {
    expect(
      auditValue([
        { year: 2025, text: "95%", kind: "EXACT" },
        { year: 2030, text: "97%" },
      ]),
    ).toBe("2025: 95%; 2030: 97%");
    expect(auditValue({ before: { "2030": "25%" }, after: { "2030": "27%" } })).toBe(
      "Trước: 2030: 25%, Sau: 2030: 27%",
    );
    const long = auditValue("x".repeat(500));
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);
  });

  it("never shows an id: it names an organisation or a user it knows, and says nothing else of it", () => {
    const id = "0b6f9a52-52d4-4f0e-8d3f-2f5d8e0b1c11";
    expect(auditValue(id, "organizationId", { organizations: new Map([[id, "Tỉnh ủy Sơn La"]]) })).toBe(
      "Tỉnh ủy Sơn La",
    );
    expect(auditValue(id)).toBe("(một mục khác trong hệ thống)");
  });
});

describe("auditFields", () => {
  it("names every field in Vietnamese, says codes in words, and leaves internal fields and ids out", () => {
    expect(auditFields({ status: "DRAFT", publishedAt: null, openReportsUpdated: 2 })).toEqual([
      ["Trạng thái", "Dự thảo"],
      ["Công bố", "—"],
      ["Báo cáo chưa gửi được đổi hạn", "2"],
    ]);
    const org = "0b6f9a52-52d4-4f0e-8d3f-2f5d8e0b1c11";
    expect(
      auditFields(
        {
          id: "x",
          indicatorId: "1e0c5b38-8f3a-4a53-9d9b-9a1f65c2b0aa",
          planId: "1e0c5b38-8f3a-4a53-9d9b-9a1f65c2b0ab",
          organizationId: org,
          year: 2026,
          text: "5,5",
          value: 5.5,
          version: 3,
        },
        { organizations: new Map([[org, "Đảng ủy phường Mộc Châu"]]) },
      ),
    ).toEqual([
      ["Đơn vị", "Đảng ủy phường Mộc Châu"],
      ["Năm", "2026"],
      ["Số liệu", "5,5"],
      ["Giá trị", "5,5"],
    ]);
    expect(auditFields(null)).toEqual([]);
    expect(auditFields("text")).toEqual([["", "text"]]);
  });
});
