import type { ReportSnapshot } from "./snapshot";

// The narrative sections of a yearly report, in order, with the headings the form and the
// confirmation before sending use.

export const NARRATIVE_SECTIONS = [
  ["leadership", "I. Công tác lãnh đạo, chỉ đạo, quán triệt, tuyên truyền"],
  ["results", "II. Kết quả thực hiện nhiệm vụ và chỉ tiêu"],
  ["shortcomings", "III. Hạn chế, nguyên nhân"],
  ["nextYear", "IV. Phương hướng, nhiệm vụ năm tới"],
  ["proposals", "V. Kiến nghị, đề xuất"],
] as const;

export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number][0];

export type Narrative = { numberSerial: string | null } & Record<NarrativeSection, string | null>;

/**
 * What a report about to be sent still lacks, in the words the official reads before confirming:
 * its number, each empty section, the indicators without this year's figure, the tasks without a
 * progress status.
 */
export function missingBeforeSubmission(
  report: Narrative,
  snapshot: Pick<ReportSnapshot, "year" | "indicators" | "tasks">,
): string[] {
  return [...missingNarrative(report), ...missingFigures(snapshot)];
}

/** The number and the sections still empty (the form recomputes it after each save). */
export function missingNarrative(report: Narrative): string[] {
  const missing: string[] = [];
  if (!report.numberSerial) missing.push("Số báo cáo (sẽ in “Số     /BC…” để điền tay)");
  for (const [name, label] of NARRATIVE_SECTIONS)
    if (!report[name]?.trim()) missing.push(`Phần “${label}” chưa có nội dung`);
  return missing;
}

/** The indicators without this year's figure and the tasks without a progress status. */
export function missingFigures(snapshot: Pick<ReportSnapshot, "year" | "indicators" | "tasks">): string[] {
  const missing: string[] = [];
  const noFigure = snapshot.indicators.filter((i) => !i.isGroup && i.actual === null).length;
  if (noFigure > 0) missing.push(`${noFigure} chỉ tiêu chưa có số liệu năm ${snapshot.year}`);
  // A task with sub-tasks has no status of its own (its sub-tasks have): the next row is deeper.
  const tasks = snapshot.tasks;
  const noStatus = tasks.filter((t, i) => t.status === null && !(tasks[i + 1] && tasks[i + 1]!.depth > t.depth)).length;
  if (noStatus > 0) missing.push(`${noStatus} nhiệm vụ chưa cập nhật tiến độ năm ${snapshot.year}`);
  return missing;
}
