import { statusLabel, type IndicatorStatus } from "@/domain/indicator-status";
import type { DeadlineState } from "@/domain/reporting-calendar";
import type { ReportStatus, TaskStatus } from "@/generated/prisma/enums";

export type { ReportStatus, TaskStatus };

// How the statuses users read look, in one table: indicators (results grid, dashboards, charts),
// tasks, reports and their deadlines. A status always carries its text label; colour is never the
// only carrier. The Word and Excel exports keep their own fills (a document's palette, not the screen's).

export type Tone = "neutral" | "red" | "amber" | "green" | "blue";

/** The order statuses are listed in: legends, counts, stacked bars, pickers. */
export const INDICATOR_STATUSES = [
  "MET",
  "ON_TRACK",
  "AT_RISK",
  "OFF_TRACK",
  "NO_DATA",
] as const satisfies readonly IndicatorStatus[];

export const indicatorStatusLook: Record<
  IndicatorStatus,
  {
    /** The label of the domain (statusLabel), e.g. "Đúng tiến độ". */
    label: string;
    /** For matrix cells and legends, e.g. "Đúng". */
    short: string;
    /** Badge tone (src/ui/badge.tsx). */
    tone: Tone;
    /** Background and text of a label on the dashboards (contrast ≥ 4.5:1 on each). */
    classes: string;
    /** A solid fill: bars and legend swatches. */
    bar: string;
    /** The same colour for charts (SVG fills). */
    colour: string;
  }
> = {
  MET: {
    label: statusLabel("MET"),
    short: "Đạt",
    tone: "green",
    classes: "bg-emerald-100 text-emerald-900",
    bar: "bg-emerald-600",
    colour: "#047857",
  },
  ON_TRACK: {
    label: statusLabel("ON_TRACK"),
    short: "Đúng",
    tone: "blue",
    classes: "bg-sky-100 text-sky-900",
    bar: "bg-sky-600",
    colour: "#0369a1",
  },
  AT_RISK: {
    label: statusLabel("AT_RISK"),
    short: "Nguy cơ",
    tone: "amber",
    classes: "bg-amber-100 text-amber-950",
    bar: "bg-amber-500",
    colour: "#b45309",
  },
  OFF_TRACK: {
    label: statusLabel("OFF_TRACK"),
    short: "Chậm",
    tone: "red",
    classes: "bg-red-100 text-red-900",
    bar: "bg-red-600",
    colour: "#b91c1c",
  },
  NO_DATA: {
    label: statusLabel("NO_DATA"),
    short: "Chưa có",
    tone: "neutral",
    classes: "bg-stone-100 text-stone-700",
    bar: "bg-stone-300",
    colour: "#a8a29e",
  },
};

export const TASK_STATUSES = [
  "NOT_STARTED",
  "IN_PROGRESS",
  "COMPLETED",
  "BEHIND",
] as const satisfies readonly TaskStatus[];
export const taskStatusLook: Record<TaskStatus, { label: string; tone: Tone }> = {
  NOT_STARTED: { label: "Chưa triển khai", tone: "neutral" },
  IN_PROGRESS: { label: "Đang thực hiện", tone: "blue" },
  COMPLETED: { label: "Hoàn thành", tone: "green" },
  BEHIND: { label: "Chậm tiến độ", tone: "red" },
};

export const reportStatusLook: Record<ReportStatus, { label: string; tone: Tone }> = {
  DRAFT: { label: "Dự thảo", tone: "neutral" },
  SUBMITTED: { label: "Đã gửi, chờ duyệt", tone: "blue" },
  ACCEPTED: { label: "Đã được chấp nhận", tone: "green" },
  RETURNED: { label: "Bị trả lại", tone: "red" },
};

/** Where a report stands against its due day. */
export const deadlineTone: Record<DeadlineState, Tone> = {
  SUBMITTED: "green",
  OPEN: "neutral",
  DUE_SOON: "amber",
  OVERDUE: "red",
};
