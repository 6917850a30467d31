import { statusLabel, type IndicatorStatus } from "@/domain/indicator-status";

// Labels and badge tones for the statuses of results (src/ui/labels.ts holds the other enums).

export type TaskStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "BEHIND";

export const TASK_STATUSES: TaskStatus[] = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "BEHIND"];
export const taskStatusLabels: Record<TaskStatus, string> = {
  NOT_STARTED: "Chưa triển khai",
  IN_PROGRESS: "Đang thực hiện",
  COMPLETED: "Hoàn thành",
  BEHIND: "Chậm tiến độ",
};
export const taskStatusTones: Record<TaskStatus, "neutral" | "blue" | "green" | "red"> = {
  NOT_STARTED: "neutral",
  IN_PROGRESS: "blue",
  COMPLETED: "green",
  BEHIND: "red",
};

export const INDICATOR_STATUSES: IndicatorStatus[] = ["MET", "ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA"];
export const indicatorStatusLabels: Record<IndicatorStatus, string> = Object.fromEntries(
  INDICATOR_STATUSES.map((s) => [s, statusLabel(s)]),
) as Record<IndicatorStatus, string>;
export const indicatorStatusTones: Record<IndicatorStatus, "green" | "blue" | "amber" | "red" | "neutral"> = {
  MET: "green",
  ON_TRACK: "blue",
  AT_RISK: "amber",
  OFF_TRACK: "red",
  NO_DATA: "neutral",
};

/** The first year results can be entered for, and the last (the current one). */
export const FIRST_RESULTS_YEAR = 2024;
