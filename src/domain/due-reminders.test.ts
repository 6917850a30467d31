import { describe, expect, it } from "vitest";
import { dueReminders, OVERDUE_WINDOW_DAYS, reminderStage, type Deadline } from "./due-reminders";
import { addDays } from "./reporting-calendar";

// A clock set to a moment: 08:00 in Vietnam (01:00 UTC) on the given day.
const at = (day: string) => new Date(`${day}T01:00:00.000Z`);
const report = (due: string, done = false, key = "report:p1:2026"): Deadline => ({ key, due, done });
const DUE = "2026-12-15";

describe("reminderStage", () => {
  const cases: [number, ReturnType<typeof reminderStage>][] = [
    [45, null],
    [31, null],
    [30, "D30"],
    [29, "D30"],
    [10, "D30"],
    [8, "D30"],
    [7, "D7"],
    [2, "D7"],
    [1, "D1"],
    [0, "D1"],
    [-1, "OVERDUE"],
    [-OVERDUE_WINDOW_DAYS, "OVERDUE"],
    [-(OVERDUE_WINDOW_DAYS + 1), null],
    [-400, null],
  ];
  it.each(cases)("%i days before the due day → %s", (daysLeft, stage) => {
    expect(reminderStage(DUE, addDays(DUE, -daysLeft))).toBe(stage);
  });

  it("counts calendar days across a month and a year end", () => {
    expect(reminderStage("2027-01-02", "2026-12-31")).toBe("D7");
    expect(reminderStage("2026-03-01", "2026-02-28")).toBe("D1");
    expect(reminderStage("2024-03-01", "2024-01-31")).toBe("D30"); // 2024 is a leap year: 30 days
  });
});

describe("dueReminders", () => {
  it("reminds of an open deadline at its current stage only, with a key naming deadline and stage", () => {
    const [reminder, ...rest] = dueReminders(at("2026-12-05"), [report(DUE)]);
    expect(rest).toEqual([]);
    expect(reminder).toMatchObject({ stage: "D30", daysLeft: 10, dedupeKey: "report:p1:2026:D30" });
  });

  it("says nothing of a deadline that is done, whatever the day", () => {
    for (const day of ["2026-11-20", "2026-12-14", "2026-12-15", "2026-12-20"])
      expect(dueReminders(at(day), [report(DUE, true)])).toEqual([]);
  });

  it("walks the stages as the clock moves: each stage one key, the same key while the stage holds", () => {
    const keys = new Set<string>();
    for (let day = "2026-11-01"; day <= "2027-03-01"; day = addDays(day, 1))
      for (const r of dueReminders(at(day), [report(DUE)])) keys.add(r.dedupeKey);
    expect([...keys]).toEqual([
      "report:p1:2026:D30",
      "report:p1:2026:D7",
      "report:p1:2026:D1",
      "report:p1:2026:OVERDUE",
    ]);
  });

  it("reads the clock as a day in Vietnam: 18:00 UTC on the 14th is already the due day there", () => {
    expect(dueReminders(new Date("2026-12-14T16:59:00Z"), [report(DUE)])[0]).toMatchObject({ daysLeft: 1 });
    expect(dueReminders(new Date("2026-12-14T17:00:00Z"), [report(DUE)])[0]).toMatchObject({ daysLeft: 0 });
    expect(dueReminders(new Date("2026-12-15T17:00:00Z"), [report(DUE)])[0]).toMatchObject({
      stage: "OVERDUE",
      daysLeft: -1,
    });
  });

  it("handles several deadlines apart and keeps their order", () => {
    const reminders = dueReminders(at("2026-12-10"), [
      report("2026-12-15", false, "a"),
      report("2026-12-11", false, "b"),
      report("2026-12-15", true, "c"),
      report("2027-06-30", false, "d"),
      report("2026-12-01", false, "e"),
    ]);
    expect(reminders.map((r) => [r.deadline.key, r.stage, r.daysLeft])).toEqual([
      ["a", "D7", 5],
      ["b", "D1", 1],
      ["e", "OVERDUE", -9],
    ]);
  });

  it("refuses a malformed due day rather than guessing", () => {
    expect(() => dueReminders(at("2026-12-05"), [report("15/12/2026")])).toThrow(RangeError);
  });
});
