import { describe, expect, it } from "vitest";
import { currentReportYear, dateTimeInVietnam, dayInVietnam, todayInVietnam } from "@/domain/vietnam-time";
import { childReportDue, daysLeftText, reportCalendar, reportYears } from "./calendar";

describe("the reporting calendar as applied", () => {
  it("reads today in Vietnam, not in the server's zone", () => {
    // 23:30 UTC on 14/12 is already 15/12 in Hà Nội (UTC+7).
    expect(todayInVietnam(new Date("2026-12-14T23:30:00Z"))).toBe("2026-12-15");
    expect(dayInVietnam(new Date("2026-12-14T23:30:00Z"))).toBe("15/12/2026");
    expect(dateTimeInVietnam(new Date("2026-03-04T23:05:00Z"))).toBe("05/03/2026 06:05");
    expect(dateTimeInVietnam(new Date("2026-12-14T16:59:00Z"))).toBe("14/12/2026 23:59");
    expect(currentReportYear(new Date("2026-12-31T18:00:00Z"))).toBe(2027);
    expect(reportYears(2024, new Date("2026-11-23T03:00:00Z"))).toEqual([2026, 2025, 2024]);
  });

  it("takes the due day from the parent plan, 15/12 by default, with the period 15/12 to 14/12", () => {
    expect(childReportDue(null)).toEqual({ day: 15, month: 12 });
    expect(reportCalendar(2026, null)).toEqual({
      year: 2026,
      start: "2025-12-15",
      end: "2026-12-14",
      due: "2026-12-15",
    });
    expect(reportCalendar(2026, { childReportDueDay: 10, childReportDueMonth: 12 }).due).toBe("2026-12-10");
    expect(reportCalendar(2026, { childReportDueDay: 10, childReportDueMonth: null }).due).toBe("2026-12-15");
    // An impossible day set by a parent falls back to the default instead of breaking the page.
    expect(reportCalendar(2026, { childReportDueDay: 31, childReportDueMonth: 2 }).due).toBe("2026-12-15");
  });

  it("says how long is left", () => {
    expect(daysLeftText(22)).toBe("còn 22 ngày");
    expect(daysLeftText(0)).toBe("hôm nay là hạn cuối");
    expect(daysLeftText(-3)).toBe("quá hạn 3 ngày");
  });
});
