/**
 * When to remind someone of a deadline: 30, 7 and 1 days before the due day, and once it has passed.
 * Pure: the clock is an argument, so the rules are tested on any day. The job that calls it
 * (src/features/notifications/reminders.ts) runs hourly and stores each reminder under a key naming
 * the deadline and the stage, so running it again, or on several app instances, adds nothing.
 */

import { daysUntil } from "./reporting-calendar";
import { todayInVietnam } from "./vietnam-time";

/** The stages, from the first reminder to the last. */
export type ReminderStage = "D30" | "D7" | "D1" | "OVERDUE";

/** Days before the due day at which a reminder is sent (the stage holds until the next one). */
export const REMINDER_DAYS = { D30: 30, D7: 7, D1: 1 } as const;

/**
 * How long after the due day a missed deadline is still worth one "overdue" message: a deadline
 * that passed long before the system was installed (or before the job first ran) is not news.
 */
export const OVERDUE_WINDOW_DAYS = 60;

/** Something with a due day: a yearly report, a plan a parent requires by a date. */
export type Deadline = {
  /** Stable identity of the deadline (e.g. "report:<planId>:2026"); part of the dedupe key. */
  key: string;
  /** The last day it is on time, "YYYY-MM-DD" (a calendar day in Vietnam). */
  due: string;
  /** Sent, submitted, issued: nothing to remind of. */
  done: boolean;
};

export type DueReminder<T extends Deadline> = {
  deadline: T;
  stage: ReminderStage;
  /** Whole days from today to the due day: 0 on the day, negative once past. */
  daysLeft: number;
  /** `${key}:${stage}`: the same deadline at the same stage is one event. */
  dedupeKey: string;
};

/**
 * The stage a deadline is at today: OVERDUE from the day after the due day (within the window),
 * D1 on the last day and the day before, D7 from 7 days before, D30 from 30 days before; null
 * earlier, or when the overdue window has closed.
 */
export function reminderStage(due: string, today: string): ReminderStage | null {
  const days = daysUntil(due, today);
  if (days < 0) return -days <= OVERDUE_WINDOW_DAYS ? "OVERDUE" : null;
  if (days <= REMINDER_DAYS.D1) return "D1";
  if (days <= REMINDER_DAYS.D7) return "D7";
  if (days <= REMINDER_DAYS.D30) return "D30";
  return null;
}

/**
 * The reminders due at `now` (read as a day in Vietnam): one per open deadline, at its current
 * stage only. A job that was not running for a while does not send the stages it missed, only the
 * one that holds today.
 */
export function dueReminders<T extends Deadline>(now: Date, deadlines: readonly T[]): DueReminder<T>[] {
  const today = todayInVietnam(now);
  const reminders: DueReminder<T>[] = [];
  for (const deadline of deadlines) {
    if (deadline.done) continue;
    const stage = reminderStage(deadline.due, today);
    if (!stage) continue;
    reminders.push({
      deadline,
      stage,
      daysLeft: daysUntil(deadline.due, today),
      dedupeKey: `${deadline.key}:${stage}`,
    });
  }
  return reminders;
}
