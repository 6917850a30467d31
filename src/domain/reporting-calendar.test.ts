import { describe, expect, it } from "vitest";
import {
  addDays,
  daysUntil,
  deadlineState,
  DUE_SOON_DAYS,
  formatDate,
  formatDateLong,
  isIsoDate,
  parseVietnameseDate,
  reportingPeriod,
  reportingYearOf,
} from "./reporting-calendar";

describe("reportingPeriod", () => {
  it("runs from 15/12 of the previous year to 14/12, due 15/12", () => {
    expect(reportingPeriod(2024)).toEqual({ year: 2024, start: "2023-12-15", end: "2024-12-14", due: "2024-12-15" });
    expect(reportingPeriod(2030)).toEqual({ year: 2030, start: "2029-12-15", end: "2030-12-14", due: "2030-12-15" });
  });

  it("takes another due day without moving the data period", () => {
    expect(reportingPeriod(2025, { day: 10, month: 12 })).toEqual({
      year: 2025,
      start: "2024-12-15",
      end: "2025-12-14",
      due: "2025-12-10",
    });
  });

  it("takes another period start", () => {
    expect(reportingPeriod(2025, { day: 20, month: 12 }, { day: 1, month: 12 })).toEqual({
      year: 2025,
      start: "2024-12-01",
      end: "2025-11-30",
      due: "2025-12-20",
    });
  });

  it("uses the calendar year when the period starts on 1/1", () => {
    expect(reportingPeriod(2025, { day: 15, month: 1 }, { day: 1, month: 1 })).toMatchObject({
      start: "2025-01-01",
      end: "2025-12-31",
    });
  });

  it("ends on the last day of February in leap years when the period starts on 1/3", () => {
    expect(reportingPeriod(2024, undefined, { day: 1, month: 3 }).end).toBe("2024-02-29");
    expect(reportingPeriod(2025, undefined, { day: 1, month: 3 }).end).toBe("2025-02-28");
  });

  it("rejects impossible days and years", () => {
    expect(() => reportingPeriod(2024, { day: 31, month: 11 })).toThrow("Hạn báo cáo không hợp lệ: 31/11");
    expect(() => reportingPeriod(2024, { day: 29, month: 2 })).toThrow(RangeError);
    expect(() => reportingPeriod(2024, undefined, { day: 0, month: 12 })).toThrow(
      "Ngày bắt đầu kỳ báo cáo không hợp lệ",
    );
    expect(() => reportingPeriod(2024.5)).toThrow("Năm không hợp lệ");
  });
});

describe("reportingYearOf", () => {
  it.each([
    ["2024-12-15", 2025],
    ["2024-12-14", 2024],
    ["2024-12-31", 2025],
    ["2025-01-01", 2025],
    ["2024-06-30", 2024],
    ["2023-12-15", 2024],
  ])("%s belongs to %d", (iso, year) => {
    expect(reportingYearOf(iso)).toBe(year);
  });

  it("agrees with reportingPeriod at both ends", () => {
    const p = reportingPeriod(2026);
    expect(reportingYearOf(p.start)).toBe(2026);
    expect(reportingYearOf(p.end)).toBe(2026);
    expect(reportingYearOf(addDays(p.end, 1))).toBe(2027);
    expect(reportingYearOf(addDays(p.start, -1))).toBe(2025);
  });

  it("follows a custom period start", () => {
    expect(reportingYearOf("2025-12-01", { day: 1, month: 12 })).toBe(2026);
    expect(reportingYearOf("2025-12-31", { day: 1, month: 1 })).toBe(2025);
  });

  it("rejects a malformed date", () => {
    expect(() => reportingYearOf("15/12/2024")).toThrow("Ngày không hợp lệ");
  });
});

describe("daysUntil", () => {
  it("counts whole days, negative when late", () => {
    expect(daysUntil("2024-12-15", "2024-12-01")).toBe(14);
    expect(daysUntil("2024-12-15", "2024-12-15")).toBe(0);
    expect(daysUntil("2024-12-15", "2024-12-16")).toBe(-1);
    expect(daysUntil("2025-01-05", "2024-12-25")).toBe(11);
  });

  it("counts across leap days", () => {
    expect(daysUntil("2024-03-01", "2024-02-28")).toBe(2);
    expect(daysUntil("2025-03-01", "2025-02-28")).toBe(1);
  });

  it("is not shifted by daylight-saving days of any zone", () => {
    expect(daysUntil("2024-04-01", "2024-03-30")).toBe(2);
    expect(daysUntil("2024-10-28", "2024-10-26")).toBe(2);
  });

  it("rejects impossible dates", () => {
    expect(() => daysUntil("2024-02-30", "2024-01-01")).toThrow(RangeError);
  });
});

describe("deadlineState", () => {
  it.each([
    ["2024-12-15", "2024-11-30", false, "OPEN"],
    ["2024-12-15", "2024-12-01", false, "DUE_SOON"],
    ["2024-12-15", "2024-12-10", false, "DUE_SOON"],
    ["2024-12-15", "2024-12-15", false, "DUE_SOON"],
    ["2024-12-15", "2024-12-16", false, "OVERDUE"],
    ["2024-12-15", "2025-03-01", false, "OVERDUE"],
    ["2024-12-15", "2025-03-01", true, "SUBMITTED"],
    ["2024-12-15", "2024-10-01", true, "SUBMITTED"],
  ] as const)("due %s, today %s, submitted %s → %s", (due, today, submitted, state) => {
    expect(deadlineState(due, today, submitted)).toBe(state);
  });

  it("flags as due soon exactly 14 days ahead", () => {
    expect(DUE_SOON_DAYS).toBe(14);
    expect(deadlineState("2024-12-15", addDays("2024-12-15", -14), false)).toBe("DUE_SOON");
    expect(deadlineState("2024-12-15", addDays("2024-12-15", -15), false)).toBe("OPEN");
  });
});

describe("addDays and isIsoDate", () => {
  it("adds and subtracts across months and years", () => {
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2024-12-15", 0)).toBe("2024-12-15");
  });

  it("recognises valid ISO dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-2-9")).toBe(false);
    expect(isIsoDate("15/12/2024")).toBe(false);
  });
});

describe("formatDate", () => {
  it("writes dd/mm/yyyy", () => {
    expect(formatDate("2024-12-15")).toBe("15/12/2024");
    expect(formatDate("2024-05-09")).toBe("09/05/2024");
  });

  it("rejects a malformed date", () => {
    expect(() => formatDate("2024-13-01")).toThrow(RangeError);
  });
});

describe("formatDateLong", () => {
  it("pads days below 10 and months 1 and 2, as NĐ 30/2020 asks", () => {
    expect(formatDateLong("2024-05-09")).toBe("ngày 09 tháng 5 năm 2024");
    expect(formatDateLong("2024-02-28")).toBe("ngày 28 tháng 02 năm 2024");
    expect(formatDateLong("2024-01-05")).toBe("ngày 05 tháng 01 năm 2024");
    expect(formatDateLong("2024-12-15")).toBe("ngày 15 tháng 12 năm 2024");
    expect(formatDateLong("2023-11-24")).toBe("ngày 24 tháng 11 năm 2023");
  });
});

describe("parseVietnameseDate", () => {
  it.each([
    ["15/12/2024", "2024-12-15"],
    ["15-12-2024", "2024-12-15"],
    ["15.12.2024", "2024-12-15"],
    ["ngày 15 tháng 12 năm 2024", "2024-12-15"],
    ["Ngày 15 Tháng 12 Năm 2024", "2024-12-15"],
    ["ngay 15 thang 12 nam 2024", "2024-12-15"],
    ["15 tháng 12 năm 2024", "2024-12-15"],
    ["9/5/2024", "2024-05-09"],
    ["09/5/2024", "2024-05-09"],
    ["ngày 09/5/2024", "2024-05-09"],
    ["28/02/2024", "2024-02-28"],
    ["29/02/2024", "2024-02-29"],
    [" 15 / 12 / 2024 ", "2024-12-15"],
    ["15/12/2024.", "2024-12-15"],
    ["2024-12-15", "2024-12-15"],
    ["Đà Lạt, ngày 15 tháng 5 năm 2024", "2024-05-15"],
    ["ngày 15 tháng 5 năm 2024".normalize("NFD"), "2024-05-15"],
  ])("%j → %s", (text, iso) => {
    expect(parseVietnameseDate(text)).toBe(iso);
  });

  it.each([
    ["31/02/2024", "a day February does not have"],
    ["29/02/2023", "29 February outside a leap year"],
    ["31/04/2024", "a day April does not have"],
    ["00/12/2024", "day zero"],
    ["15/13/2024", "month 13"],
    ["15/12/24", "a two-digit year"],
    ["15/12-2024", "mixed separators"],
    ["ngày tháng năm 2024", "the blank date of a draft"],
    ["Ea Súp, ngày tháng năm 2024", "a draft's place-and-date line"],
    ["", "empty"],
    ["hôm nay", "words"],
    ["2024-02-30", "an impossible ISO date"],
  ])("rejects %j (%s)", (text) => {
    expect(parseVietnameseDate(text)).toBeNull();
  });

  it("round-trips formatDate and formatDateLong", () => {
    for (const iso of ["2024-12-15", "2024-05-09", "2024-02-29", "2030-01-01"]) {
      expect(parseVietnameseDate(formatDate(iso))).toBe(iso);
      expect(parseVietnameseDate(formatDateLong(iso))).toBe(iso);
    }
  });
});
