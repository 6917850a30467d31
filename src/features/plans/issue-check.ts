import { PLAN_SECTIONS, type PlanSectionKey } from "./sections";

// What a draft still lacks, listed before it is issued: issuing cannot be undone (a change afterwards
// is an amendment), so the approver confirms with this list in front of them.

type Item = { inheritance: "LOCAL" | "INHERITED" | "DROPPED"; depth: number };

export function missingBeforeIssue(input: {
  sections: Record<PlanSectionKey, string | null>;
  indicators: (Item & { isGroup: boolean; targets: Record<string, string> })[];
  tasks: (Item & { lead: string[]; timeframe: string })[];
  parentChanges: number;
}): string[] {
  const missing: string[] = [];
  const empty = PLAN_SECTIONS.filter(([key]) => !input.sections[key]?.trim()).map(([, label]) => `“${label}”`);
  if (empty.length) missing.push(`Phần chưa có nội dung: ${empty.join(", ")}`);
  const indicators = input.indicators.filter((i) => !i.isGroup && i.inheritance !== "DROPPED");
  const noTarget = indicators.filter((i) => !Object.values(i.targets).some((t) => t.trim())).length;
  if (noTarget) missing.push(`${noTarget} chỉ tiêu chưa có mục tiêu năm 2025 hoặc 2030`);
  // Only tasks without sub-tasks are assigned to an agency (a group's sub-tasks are).
  const tasks = input.tasks.filter((t) => t.inheritance !== "DROPPED");
  const leaves = tasks.filter((t, i) => !(tasks[i + 1] && tasks[i + 1]!.depth > t.depth));
  const noLead = leaves.filter((t) => t.lead.length === 0).length;
  if (noLead) missing.push(`${noLead} nhiệm vụ chưa có cơ quan chủ trì`);
  const noTime = leaves.filter((t) => !t.timeframe.trim()).length;
  if (noTime) missing.push(`${noTime} nhiệm vụ chưa có thời gian thực hiện`);
  if (input.parentChanges) missing.push(`${input.parentChanges} thay đổi của kế hoạch cấp trên chưa được xử lý`);
  return missing;
}
