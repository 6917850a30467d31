/** The narrative sections of a plan, in document order, with their Vietnamese headings. */
export const PLAN_SECTIONS = [
  ["purpose", "Mục đích"],
  ["requirements", "Yêu cầu"],
  ["generalObjective", "Mục tiêu tổng quát"],
  ["vision", "Tầm nhìn"],
  ["funding", "Kinh phí"],
  ["implementation", "Tổ chức thực hiện"],
] as const;

export type PlanSectionKey = (typeof PLAN_SECTIONS)[number][0];
