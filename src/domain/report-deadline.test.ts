import { describe, expect, it } from "vitest";
import {
  childDueProblem,
  deadlineText,
  effectiveDue,
  extensionProblem,
  hasExtension,
  isLate,
  reportLock,
} from "./report-deadline";

describe("effectiveDue", () => {
  it("is the original without an extension", () => {
    expect(effectiveDue({ original: "2026-12-05", extended: null })).toBe("2026-12-05");
  });
  it("is the extension when it is later", () => {
    expect(effectiveDue({ original: "2026-12-05", extended: "2026-12-10" })).toBe("2026-12-10");
  });
  it("is the original when the parent moved it past the extension (or to the same day)", () => {
    expect(effectiveDue({ original: "2026-12-12", extended: "2026-12-10" })).toBe("2026-12-12");
    expect(effectiveDue({ original: "2026-12-10", extended: "2026-12-10" })).toBe("2026-12-10");
    expect(hasExtension({ original: "2026-12-10", extended: "2026-12-10" })).toBe(false);
    expect(hasExtension({ original: "2026-12-12", extended: "2026-12-10" })).toBe(false);
    expect(hasExtension({ original: "2026-12-05", extended: "2026-12-10" })).toBe(true);
    expect(hasExtension({ original: "2026-12-05", extended: null })).toBe(false);
  });
  it("compares across months and years", () => {
    expect(effectiveDue({ original: "2026-12-31", extended: "2027-01-02" })).toBe("2027-01-02");
    expect(effectiveDue({ original: "2026-11-30", extended: "2026-12-01" })).toBe("2026-12-01");
  });
});

describe("isLate: always against the original deadline", () => {
  const original = "2026-12-05";
  it("sent on the due day is on time, the day after is late", () => {
    expect(isLate({ original, submittedOn: "2026-12-05", today: "2026-12-20" })).toBe(false);
    expect(isLate({ original, submittedOn: "2026-12-06", today: "2026-12-20" })).toBe(true);
    expect(isLate({ original, submittedOn: "2026-11-01", today: "2026-12-20" })).toBe(false);
  });
  it("not sent: late only once the due day has passed", () => {
    expect(isLate({ original, submittedOn: null, today: "2026-12-04" })).toBe(false);
    expect(isLate({ original, submittedOn: null, today: "2026-12-05" })).toBe(false);
    expect(isLate({ original, submittedOn: null, today: "2026-12-06" })).toBe(true);
  });
  it("a report sent within its extension still counts as late", () => {
    // extended to 10/12, sent on 8/12: within the extension, late against the original
    expect(isLate({ original, submittedOn: "2026-12-08", today: "2026-12-20" })).toBe(true);
  });
});

describe("childDueProblem: localities are due no later than the body itself", () => {
  it("accepts an earlier day or the same day", () => {
    expect(childDueProblem({ day: 5, month: 12 }, { day: 15, month: 12 })).toBeNull();
    expect(childDueProblem({ day: 15, month: 12 }, { day: 15, month: 12 })).toBeNull();
    expect(childDueProblem({ day: 30, month: 11 }, { day: 1, month: 12 })).toBeNull();
    expect(childDueProblem({ day: 1, month: 1 }, { day: 15, month: 12 })).toBeNull();
  });
  it("refuses a later day, naming both days", () => {
    expect(childDueProblem({ day: 16, month: 12 }, { day: 15, month: 12 })).toBe(
      "Hạn của cấp dưới (16/12) không được sau hạn nộp báo cáo của chính cơ quan mình (15/12): cấp dưới phải nộp trước để cơ quan kịp tổng hợp.",
    );
    expect(childDueProblem({ day: 1, month: 12 }, { day: 30, month: 11 })).toMatch(/01\/12.*30\/11/);
    expect(childDueProblem({ day: 31, month: 12 }, { day: 5, month: 12 })).not.toBeNull();
  });
});

describe("extensionProblem", () => {
  it("needs a day after the deadline in force", () => {
    expect(extensionProblem("2026-12-05", "2026-12-06")).toBeNull();
    expect(extensionProblem("2026-12-05", "2027-01-10")).toBeNull();
    expect(extensionProblem("2026-12-05", "2026-12-05")).toBe("Ngày gia hạn phải sau hạn hiện tại (05/12/2026)");
    expect(extensionProblem("2026-12-05", "2026-12-01")).toBe("Ngày gia hạn phải sau hạn hiện tại (05/12/2026)");
  });
  it("refuses a day that does not exist", () => {
    expect(extensionProblem("2026-12-05", "2026-02-30")).toBe("Ngày gia hạn không hợp lệ (dd/mm/yyyy)");
    expect(extensionProblem("2026-12-05", "10/12/2026")).toBe("Ngày gia hạn không hợp lệ (dd/mm/yyyy)");
  });
});

describe("deadlineText", () => {
  it("shows both dates and the reason when extended", () => {
    expect(deadlineText({ original: "2026-12-05", extended: "2026-12-10" }, "Lũ quét chia cắt địa bàn")).toBe(
      "Hạn gốc 05/12/2026, gia hạn đến 10/12/2026: Lũ quét chia cắt địa bàn",
    );
    expect(deadlineText({ original: "2026-12-05", extended: "2026-12-10" })).toBe(
      "Hạn gốc 05/12/2026, gia hạn đến 10/12/2026",
    );
  });
  it("shows the original alone otherwise", () => {
    expect(deadlineText({ original: "2026-12-05", extended: null }, "x")).toBe("Hạn nộp: 05/12/2026");
    expect(deadlineText({ original: "2026-12-12", extended: "2026-12-10" })).toBe("Hạn nộp: 12/12/2026");
  });
});

describe("reportLock", () => {
  const deadline = { original: "2026-12-05", extended: null };
  it("a submitted report is locked, awaiting review", () => {
    const lock = reportLock({ status: "SUBMITTED", deadline, today: "2026-12-01" });
    expect(lock.editable).toBe(false);
    expect(lock.notice).toMatch(/đang chờ cấp trên xem xét/);
  });
  it("an accepted report is locked for good", () => {
    const lock = reportLock({ status: "ACCEPTED", deadline, today: "2026-12-20" });
    expect(lock).toEqual({ editable: false, notice: "Báo cáo đã được cấp trên chấp nhận nên không sửa được nữa." });
  });
  it("a draft, a returned report or none is editable, silent until the deadline", () => {
    for (const status of ["DRAFT", "RETURNED", null] as const) {
      expect(reportLock({ status, deadline, today: "2026-12-05" })).toEqual({ editable: true, notice: null });
    }
  });
  it("past the deadline it stays editable and says it is overdue", () => {
    expect(reportLock({ status: "DRAFT", deadline, today: "2026-12-08" })).toEqual({
      editable: true,
      notice: "Đã quá hạn nộp (05/12/2026) 3 ngày. Báo cáo vẫn sửa và gửi được, nhưng được tính là nộp muộn.",
    });
    expect(reportLock({ status: "RETURNED", deadline, today: "2026-12-06" }).notice).toMatch(/1 ngày/);
  });
  it("an extension moves the overdue notice to the extended date", () => {
    const extended = { original: "2026-12-05", extended: "2026-12-10" };
    expect(reportLock({ status: "DRAFT", deadline: extended, today: "2026-12-08" })).toEqual({
      editable: true,
      notice: null,
    });
    expect(reportLock({ status: "DRAFT", deadline: extended, today: "2026-12-11" }).notice).toMatch(
      /quá hạn nộp \(10\/12\/2026\) 1 ngày/,
    );
  });
});
