import { describe, expect, it } from "vitest";
import {
  endedBodyMessage,
  existsOn,
  hasEnded,
  issueDateProblem,
  notOwedText,
  reportObligation,
  type Validity,
} from "./body-validity";

const district: Validity = { validFrom: null, validTo: "2025-06-30" };
const ward: Validity = { validFrom: "2025-07-01", validTo: null };
const province: Validity = { validFrom: null, validTo: null };

describe("existsOn and hasEnded", () => {
  it("include both ends of a body's life", () => {
    expect(existsOn(district, "2025-06-30")).toBe(true);
    expect(existsOn(district, "2025-07-01")).toBe(false);
    expect(existsOn(ward, "2025-06-30")).toBe(false);
    expect(existsOn(ward, "2025-07-01")).toBe(true);
    expect(existsOn(province, "1990-01-01")).toBe(true);
  });

  it("say a body has ended only from the day after its last day", () => {
    expect(hasEnded(district, "2025-06-30")).toBe(false);
    expect(hasEnded(district, "2025-07-01")).toBe(true);
    expect(hasEnded(ward, "2026-12-05")).toBe(false);
    expect(hasEnded(province, "2026-12-05")).toBe(false);
  });
});

describe("endedBodyMessage", () => {
  it("names the body and the day it ended, and says who acts now", () => {
    const message = endedBodyMessage("Thị ủy Mộc Châu", "2025-06-30");
    expect(message).toContain("Thị ủy Mộc Châu đã kết thúc hoạt động từ ngày 01/07/2025");
    expect(message).toContain("cơ quan kế thừa");
  });
});

describe("issueDateProblem", () => {
  const mocChau = { ...district, name: "Thị ủy Mộc Châu" };
  it("refuses a date after the issuer ended", () => {
    expect(issueDateProblem("2026-12-05", mocChau)).toMatch(
      /^Thị ủy Mộc Châu đã kết thúc hoạt động từ ngày 01\/07\/2025/,
    );
    expect(issueDateProblem("2025-07-01", mocChau)).not.toBeNull();
  });
  it("accepts any date up to the last day", () => {
    expect(issueDateProblem("2025-06-30", mocChau)).toBeNull();
    expect(issueDateProblem("2024-03-15", mocChau)).toBeNull();
  });
  it("refuses a date before the issuer began", () => {
    expect(issueDateProblem("2025-06-30", { ...ward, name: "Đảng ủy phường Mộc Châu" })).toBe(
      "Đảng ủy phường Mộc Châu bắt đầu hoạt động từ ngày 01/07/2025: ngày ban hành không thể trước ngày đó.",
    );
    expect(issueDateProblem("2025-07-01", { ...ward, name: "Đảng ủy phường Mộc Châu" })).toBeNull();
  });
  it("accepts any date for a body with an open life", () => {
    expect(issueDateProblem("2030-01-01", { ...province, name: "Tỉnh ủy Sơn La" })).toBeNull();
  });
});

describe("reportObligation", () => {
  const issued = (issuedOn: string | null, issuer: Validity, due: string) =>
    reportObligation({ status: "ISSUED", issuedOn, due, issuer });

  it("is owed for every year from the one the plan was issued in, while the issuer exists", () => {
    expect(issued("2024-03-15", province, "2024-12-15")).toEqual({ owed: true });
    expect(issued("2024-03-15", province, "2030-12-15")).toEqual({ owed: true });
  });

  it("is not owed for a year whose due day came before the plan was issued", () => {
    expect(issued("2026-12-05", province, "2025-12-15")).toEqual({ owed: false, reason: "ISSUED_LATER" });
    expect(issued("2026-12-05", province, "2026-12-15")).toEqual({ owed: true });
    // Issued on the due day itself: owed that day.
    expect(issued("2026-12-15", province, "2026-12-15")).toEqual({ owed: true });
    expect(issued("2026-12-16", province, "2026-12-15")).toEqual({ owed: false, reason: "ISSUED_LATER" });
  });

  it("is not owed by a body that ended before the due day, whatever the plan", () => {
    expect(issued("2024-03-15", district, "2024-12-15")).toEqual({ owed: true });
    expect(issued("2024-03-15", district, "2025-12-15")).toEqual({ owed: false, reason: "BODY_ENDED" });
    expect(issued("2024-03-15", district, "2026-12-15")).toEqual({ owed: false, reason: "BODY_ENDED" });
  });

  it("is owed by a body that began before the due day", () => {
    expect(issued("2025-09-15", ward, "2025-12-15")).toEqual({ owed: true });
    expect(issued(null, ward, "2024-12-15")).toEqual({ owed: false, reason: "BODY_NOT_YET" });
  });

  it("is owed by a plan recorded as issued without a date", () => {
    expect(issued(null, province, "2024-12-15")).toEqual({ owed: true });
    expect(reportObligation({ status: "SUPERSEDED", issuedOn: null, due: "2024-12-15", issuer: province })).toEqual({
      owed: true,
    });
  });

  it("is never owed by a draft", () => {
    expect(reportObligation({ status: "DRAFT", issuedOn: null, due: "2026-12-15", issuer: province })).toEqual({
      owed: false,
      reason: "NOT_ISSUED",
    });
  });

  it("takes a due day the parent set", () => {
    expect(issued("2026-12-05", province, "2026-11-30")).toEqual({ owed: false, reason: "ISSUED_LATER" });
  });
});

describe("notOwedText", () => {
  const context = {
    year: 2025,
    issuedOn: "2026-12-05",
    issuerName: "Thị ủy Mộc Châu",
    validFrom: null,
    validTo: "2025-06-30",
  };
  it("says why, in a sentence", () => {
    expect(notOwedText("ISSUED_LATER", context)).toBe(
      "Kế hoạch ban hành ngày 05/12/2026, sau hạn báo cáo năm 2025: không phải báo cáo năm này.",
    );
    expect(notOwedText("BODY_ENDED", context)).toContain("Thị ủy Mộc Châu đã kết thúc hoạt động ngày 30/06/2025");
    expect(notOwedText("NOT_ISSUED", context)).toBe("Kế hoạch chưa ban hành, nên chưa phải báo cáo năm 2025.");
    expect(notOwedText("BODY_NOT_YET", { ...context, validFrom: "2025-07-01", validTo: null, year: 2024 })).toContain(
      "bắt đầu hoạt động từ ngày 01/07/2025",
    );
  });
});
