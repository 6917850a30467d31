import { normalizeName } from "@/domain/vietnamese-text";
import type { DocumentIndicator, PlanDocument } from "@/features/plans/plan-document";
import type { Block } from "./parse-blocks";
import type { SourceRange } from "./parse-document";
import { readProseIndicators, type ProseIndicator } from "./parse-prose";
import { readIndicatorTable, readTaskTable, tableRuns, type TableIndicator } from "./parse-table";
import { readTasks, type ReadTask } from "./parse-tasks";
import { fold, foldSameLength } from "./text";

// One reader per part of a plan's body: sections I–V by their headings, then I. Mục đích, yêu cầu,
// II. Mục tiêu (with the indicators written as prose), the appendix tables, III. Nhiệm vụ, giải pháp,
// and the deadlines the plan sets for the bodies below. extractPlan (parse-document.ts) calls them in
// the order of the document; each writes where its items came from and what is unclear into Notes.

/** Where items came from and what to check, filled by the readers in document order. */
export type Notes = {
  sources: Record<string, SourceRange>;
  unclear: Record<string, string>;
  warnings: string[];
};

export type SectionName = "purpose" | "objectives" | "tasks" | "funding" | "implementation" | "other";

export function sectionOf(key: string): SectionName {
  if (/nhiem vu|giai phap/.test(key)) return "tasks";
  if (/muc dich|yeu cau/.test(key)) return "purpose";
  if (/to chuc thuc hien|trach nhiem thuc hien|phan cong/.test(key)) return "implementation";
  if (/kinh phi|nguon luc thuc hien/.test(key)) return "funding";
  if (/muc tieu|chi tieu/.test(key)) return "objectives";
  return "other";
}

export function range(blocks: Block[]): SourceRange | null {
  if (!blocks.length) return null;
  return { from: Math.min(...blocks.map((b) => b.from)), to: Math.max(...blocks.map((b) => b.to)) };
}

export function joinParagraphs(parts: string[]): string | null {
  const text = parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join("\n\n");
  return text || null;
}

export type Sections = Record<SectionName, Block[]> & { headings: Partial<Record<SectionName, Block>> };

/** Sections I–V by their titles; a plan without section headings is all tasks. */
export function splitSections(blocks: Block[], hasHeadings: boolean): Sections {
  const sections: Sections = {
    purpose: [],
    objectives: [],
    tasks: [],
    funding: [],
    implementation: [],
    other: [],
    headings: {},
  };
  let currentSection: SectionName | null = null;
  for (const block of blocks) {
    if (block.marker.type === "roman") {
      currentSection = sectionOf(fold(block.marker.rest));
      sections.headings[currentSection] ??= block;
      continue;
    }
    if (currentSection) sections[currentSection].push(block);
  }
  if (!hasHeadings) sections.tasks = blocks;
  return sections;
}

/** I. Mục đích, yêu cầu: the paragraphs of each, under "1. Mục đích" and "2. Yêu cầu". */
export function readPurpose(blocks: Block[]): { purpose: string[]; requirements: string[] } {
  const purpose: string[] = [];
  const requirements: string[] = [];
  let into = purpose;
  for (const block of blocks) {
    if (block.marker.type === "number") {
      const key = fold(block.marker.rest);
      if (/^yeu cau/.test(key)) into = requirements;
      else if (/^muc dich/.test(key)) into = purpose;
      const inline = /^[^:]{2,40}:\s*(.+)$/u.exec(block.marker.rest);
      if (/^(?:yeu cau|muc dich)/.test(key)) {
        if (inline) into.push(inline[1]!);
        continue;
      }
    }
    into.push(block.text);
  }
  return { purpose, requirements };
}

export type Objectives = {
  general: string[];
  vision: string[];
  generalBlocks: Block[];
  visionBlocks: Block[];
  /** The paragraphs under "Chỉ tiêu cụ thể", read as indicators. */
  indicatorBlocks: Block[];
  /** The year the indicators are set for ("đến năm 2030"), from a heading or the section. */
  milestone: string | null;
};

/** II. Mục tiêu: the general objective, the vision, and the paragraphs that state indicators. */
export function readObjectives(blocks: Block[], sectionHeading: Block | undefined): Objectives {
  const general: string[] = [];
  const vision: string[] = [];
  const indicatorBlocks: Block[] = [];
  const generalBlocks: Block[] = [];
  const visionBlocks: Block[] = [];
  let objectiveMode: "general" | "vision" | "indicators" = "general";
  let milestone: string | null = null;
  for (const block of blocks) {
    if (block.marker.type === "number" || block.marker.type === "letter") {
      const rest = block.marker.rest;
      const colon = rest.indexOf(":");
      const heading = fold(colon > 0 ? rest.slice(0, colon) : rest);
      const year = /\b(20\d\d)\b/.exec(heading)?.[1];
      let recognised = true;
      if (/tam nhin/.test(heading)) objectiveMode = "vision";
      else if (/tong quat|muc tieu chung/.test(heading)) objectiveMode = "general";
      else if (/chi tieu|cu the/.test(heading)) {
        objectiveMode = "indicators";
        if (year) milestone = year;
      } else if (/^muc tieu\b/.test(heading) && heading.split(" ").length <= 8) {
        if (year) milestone = year;
        continue;
      } else recognised = false;
      if (recognised) {
        if (colon > 0 && rest.slice(colon + 1).trim()) {
          const inlineText = rest.slice(colon + 1).trim();
          if (objectiveMode === "indicators")
            indicatorBlocks.push({
              ...block,
              text: inlineText,
              marker: { type: "none", rest: inlineText },
              key: fold(inlineText),
            });
          else (objectiveMode === "vision" ? vision : general).push(inlineText);
          (objectiveMode === "vision" ? visionBlocks : generalBlocks).push(block);
        }
        continue;
      }
    }
    if (objectiveMode === "indicators") indicatorBlocks.push(block);
    else if (objectiveMode === "vision") {
      vision.push(block.text);
      visionBlocks.push(block);
    } else {
      general.push(block.text);
      generalBlocks.push(block);
    }
  }
  if (!milestone) {
    const years = blocks.map((b) => /\b(20[2-9]\d)\b/.exec(b.key)?.[1]).filter((y): y is string => Boolean(y));
    milestone = sectionHeading ? (/\b(20\d\d)\b/.exec(sectionHeading.key)?.[1] ?? years.sort().at(-1) ?? null) : null;
  }
  return { general, vision, generalBlocks, visionBlocks, indicatorBlocks, milestone };
}

/** The appendix tables (and any other indicator or task table of the document). */
export function readTables(blocks: Block[]): { indicators: TableIndicator[]; tasks: ReadTask[] } {
  const indicators: TableIndicator[] = [];
  const tasks: ReadTask[] = [];
  for (const run of tableRuns(blocks)) {
    const read = readIndicatorTable(run);
    if (read) indicators.push(...read);
    else tasks.push(...(readTaskTable(run) ?? []));
  }
  return { indicators, tasks };
}

/**
 * The indicators written as prose: those under "Chỉ tiêu cụ thể", or, when the document has neither
 * such paragraphs nor an indicator table, the general objective's sentences that carry a figure.
 */
export function readProse(objectives: Objectives, tableIndicators: TableIndicator[], notes: Notes): ProseIndicator[] {
  const { indicatorBlocks, generalBlocks, milestone } = objectives;
  let prose: ProseIndicator[] = [];
  if (indicatorBlocks.length) prose = readProseIndicators(indicatorBlocks, milestone ?? "2030");
  else if (!tableIndicators.length && generalBlocks.length)
    prose = readProseIndicators(generalBlocks, milestone ?? "2030").filter((p) =>
      /\d/.test(Object.values(p.indicator.targets ?? {})[0] ?? ""),
    );
  if (prose.length && !milestone)
    notes.warnings.push(
      "Không thấy năm mốc của các chỉ tiêu (ví dụ “đến năm 2030”): các chỉ tiêu được ghi cho năm 2030, hãy kiểm tra.",
    );
  return prose;
}

/**
 * III. Nhiệm vụ, giải pháp: the section's tasks, then those of a task table (the appendix that assigns
 * the work) less the rows that repeat one of them (those complete it instead).
 */
export function readTaskSection(blocks: Block[], tableTasks: ReadTask[], notes: Notes): ReadTask[] {
  const { tasks: proseTasks, labelled } = readTasks(blocks);
  const fromTable = mergeTableTasks(proseTasks, tableTasks);
  const tasks = [...proseTasks, ...fromTable.tasks];
  if (fromTable.merged)
    notes.warnings.push(
      `Bảng phân công nhiệm vụ nhắc lại ${fromTable.merged} nhiệm vụ đã có ở mục Nhiệm vụ: cơ quan và thời gian trong bảng được ghi vào các nhiệm vụ đó, hãy kiểm tra.`,
    );
  if (!labelled && !tableTasks.length && tasks.length)
    notes.warnings.push(
      "Văn bản không ghi cơ quan chủ trì, thời gian cho từng nhiệm vụ (văn bản của Đảng thường giao việc ở mục Tổ chức thực hiện): hãy bổ sung nếu cần.",
    );
  return tasks;
}

/**
 * The rows of a task table that are new work. A row whose text is the text of a task of the section
 * (the appendix that assigns the section's tasks; compared without case, diacritics or punctuation,
 * each task once) gives that task the agencies and time it lacks and is dropped; a group left
 * without rows goes with them. Texts that merely look alike stay two tasks: dropping one wrongly
 * would lose work the official never sees on the review screen. `merged` counts what was joined.
 */
function mergeTableTasks(prose: ReadTask[], table: ReadTask[]): { tasks: ReadTask[]; merged: number } {
  const leaves = (items: ReadTask[]): ReadTask[] =>
    items.flatMap((item) => (item.children.length ? leaves(item.children) : [item]));
  const text = (item: ReadTask) => normalizeName(`${item.task.title ?? ""} ${item.task.body}`);
  const open = new Map<string, ReadTask[]>();
  for (const leaf of leaves(prose)) open.set(text(leaf), [...(open.get(text(leaf)) ?? []), leaf]);
  let merged = 0;
  const keep = (items: ReadTask[]): ReadTask[] =>
    items.flatMap((item) => {
      if (item.children.length) {
        const children = keep(item.children);
        if (!children.length) return [];
        item.children = children;
        item.task.children = children.map((child) => child.task);
        return [item];
      }
      const twin = open.get(text(item))?.shift();
      if (!twin) return [item];
      merged++;
      for (const field of ["lead", "coordinating", "timeframe"] as const) {
        if (twin.task[field]?.length || !item.task[field]?.length) continue;
        (twin.task as Record<string, unknown>)[field] = item.task[field];
        if (item.unclear[field]) twin.unclear[field] = item.unclear[field];
        else delete twin.unclear[field];
      }
      return [];
    });
  return { tasks: keep(table), merged };
}

/** The deadlines this plan sets for the plans and reports of the bodies below (in Tổ chức thực hiện). */
export function readChildDeadlines(blocks: Block[], notes: Notes): PlanDocument["childDeadlines"] {
  const childDeadlines: PlanDocument["childDeadlines"] = { plans: null, reports: null };
  for (const block of blocks) {
    const key = foldSameLength(block.text);
    const plans =
      /hoan thanh (?:truoc|trong) (?:quy (?:iv|iii|ii|i|[1-4]) ?\/ ?\d{4}|ngay \d{1,2}\/\d{1,2}\/\d{4}|thang \d{1,2}\/\d{4}|nam \d{4})|truoc ngay \d{1,2}\/\d{1,2}\/\d{4}/.exec(
        key,
      );
    if (plans && !childDeadlines.plans && /ke hoach|chuong trinh/.test(key.slice(0, plans.index))) {
      childDeadlines.plans = block.text.slice(plans.index, plans.index + plans[0].length);
      notes.sources["childDeadlines.plans"] = { from: block.from, to: block.to };
    }
    const reports = /(?:(?:hang|hang) nam\s*)?\(?truoc ngay \d{1,2}\/\d{1,2}(?!\s*\/\s*\d)\)?/.exec(key);
    if (reports && !childDeadlines.reports && /bao cao|tong hop/.test(key)) {
      childDeadlines.reports = block.text
        .slice(reports.index, reports.index + reports[0].length)
        .replace(/^\((.*)\)$/, "$1");
      notes.sources["childDeadlines.reports"] = { from: block.from, to: block.to };
    }
  }
  return childDeadlines;
}

/** The indicators of the document: the appendix tables', then the prose ones (coded "VB…" beside a table). */
export function collectIndicators(
  tableIndicators: TableIndicator[],
  prose: ProseIndicator[],
  notes: Notes,
): DocumentIndicator[] {
  const indicators: DocumentIndicator[] = [];
  const addTableIndicator = (item: TableIndicator, path: string) => {
    notes.sources[path] = { from: item.from, to: item.to };
    for (const [field, message] of Object.entries(item.unclear))
      notes.unclear[field ? `${path}.${field}` : path] = message;
    item.children.forEach((child, i) => addTableIndicator(child, `${path}.children.${i}`));
  };
  tableIndicators.forEach((item) => {
    addTableIndicator(item, `indicators.${indicators.length}`);
    indicators.push(item.indicator);
  });
  prose.forEach((item) => {
    const path = `indicators.${indicators.length}`;
    notes.sources[path] = { from: item.from, to: item.to };
    for (const [field, message] of Object.entries(item.unclear))
      notes.unclear[field ? `${path}.${field}` : path] = message;
    if (tableIndicators.length) item.indicator.code = `VB${item.indicator.code}`;
    indicators.push(item.indicator);
  });
  return indicators;
}

/** Where each task (and sub-task) came from, and what to check in it. */
export function noteTasks(tasks: ReadTask[], notes: Notes): void {
  const addTask = (item: ReadTask, path: string) => {
    notes.sources[path] = { from: item.from, to: item.to };
    for (const [field, message] of Object.entries(item.unclear))
      notes.unclear[field ? `${path}.${field}` : path] = message;
    item.children.forEach((child, i) => addTask(child, `${path}.children.${i}`));
  };
  tasks.forEach((item, i) => addTask(item, `tasks.${i}`));
}
