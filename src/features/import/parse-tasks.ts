import { parseTimeframe } from "@/domain/timeframe";
import type { DocumentTask } from "@/features/plans/plan-document";
import { splitAgencies, suspiciousAgency } from "./parse-agencies";
import type { Block } from "./parse-blocks";
import { readLabels, type LabelRole } from "./parse-labels";
import { fold, trimPunctuation } from "./text";

// The task tree of "Nhiệm vụ, giải pháp": numbered headings nest by their numbering (1. > 1.1. >
// a) > -), and what follows a heading is its text, its assignment lines or its sub-tasks.
//
// Two styles, told apart by whether the section has assignment lines at all:
// - State style (UBND): every task ends with "Cơ quan chủ trì …", "Thời gian thực hiện …"; the
//   paragraphs between a heading and those lines are the task's text.
// - Party style: no assignment lines; each paragraph under a group heading is a task of its own,
//   as is each "Về giáo dục: …" paragraph (whose own following paragraphs become its sub-tasks).

export type ReadTask = {
  task: DocumentTask;
  from: number;
  to: number;
  /** "" for the task, "lead", "timeframe" … for one field. */
  unclear: Record<string, string>;
  children: ReadTask[];
};

type Node = {
  numbering: string;
  title?: string;
  paragraphs: string[];
  labels: Partial<Record<LabelRole, string[]>>;
  timeframe?: string;
  level: number;
  from: number;
  to: number;
  children: Node[];
  hasLabels: boolean;
  inlineTitle: boolean;
  unclear: Record<string, string>;
};

const LEVEL = { letter: 6, bullet: 7, inline: 7, paragraph: 8 } as const;

const INLINE_TITLE = /^((?:ve|doi voi|trong linh vuc|linh vuc|trong cong tac)\s[^:.;]{2,80}?)\s*:\s*(?=\S)/;

function node(numbering: string, level: number, block: Block): Node {
  return {
    numbering,
    paragraphs: [],
    labels: {},
    level,
    from: block.from,
    to: block.to,
    children: [],
    hasLabels: false,
    inlineTitle: false,
    unclear: {},
  };
}

/**
 * A heading's text is a title ("Nâng cao nhận thức về …", "Về giáo dục") or the task itself (a
 * sentence ending with a full stop). "Về giáo dục: Triển khai …" is both.
 */
function headingContent(rest: string, target: Node) {
  const inline = INLINE_TITLE.exec(fold(rest));
  if (inline) {
    const cut = rest.indexOf(":", inline[1]!.length - 1);
    target.title = rest.slice(0, cut).trim();
    target.paragraphs.push(rest.slice(cut + 1).trim());
    target.inlineTitle = true;
    return;
  }
  const colon = rest.indexOf(":");
  if (
    colon > 0 &&
    colon < 80 &&
    rest.slice(0, colon).split(/\s+/).length <= 10 &&
    /^\s*\p{Lu}/u.test(rest.slice(colon + 1)) &&
    !rest.slice(0, colon).includes(".")
  ) {
    target.title = rest.slice(0, colon).trim();
    target.paragraphs.push(rest.slice(colon + 1).trim());
    target.inlineTitle = true;
    return;
  }
  if (/[.;:!?…]$/.test(rest) || rest.length > 250) target.paragraphs.push(rest);
  else target.title = rest;
}

export function readTasks(blocks: Block[]): { tasks: ReadTask[]; labelled: boolean } {
  const labelled = blocks.some((b) => b.isLabel);
  const roots: Node[] = [];
  const stack: Node[] = [];
  let lastNumbered = 0;

  const attach = (n: Node) => {
    while (stack.length && stack[stack.length - 1]!.level >= n.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(n);
    else roots.push(n);
    stack.push(n);
  };
  const current = () => stack[stack.length - 1];
  const extend = (n: Node, block: Block) => {
    n.to = Math.max(n.to, block.to);
  };

  for (const block of blocks) {
    if (block.kind !== "text") continue;
    const labels = block.isLabel ? readLabels(block.text) : [];
    if (labels.length) {
      const target = current();
      if (!target) continue;
      for (const label of labels) {
        if (label.role === "timeframe") {
          target.timeframe = trimPunctuation(label.value) || undefined;
        } else {
          const names = splitAgencies(label.value);
          // In place: copying the list for each line was quadratic on thousands of lines (found by the fuzzer).
          (target.labels[label.role] ??= []).push(...names);
        }
      }
      target.hasLabels = true;
      extend(target, block);
      continue;
    }
    const marker = block.marker;
    if (marker.type === "number" || marker.type === "letter") {
      const level = marker.type === "number" ? marker.parts.length : Math.max(LEVEL.letter, lastNumbered + 1);
      if (marker.type === "number") lastNumbered = level;
      const n = node(marker.label, level, block);
      headingContent(marker.rest, n);
      attach(n);
      continue;
    }
    if (marker.type === "roman") continue;
    const parent = current();
    if (!parent) continue; // The section's introduction ("Căn cứ chức năng, nhiệm vụ …").
    const text = block.text;
    const inline = marker.type === "none" && INLINE_TITLE.test(block.key);

    if (labelled) {
      if (parent.hasLabels) {
        // After a task's assignment lines, a new paragraph is a new (unnumbered) task.
        const n = node(marker.type === "bullet" ? marker.label : "", Math.max(parent.level, LEVEL.paragraph), block);
        n.paragraphs.push(marker.type === "bullet" ? marker.rest : text);
        while (stack.length && stack[stack.length - 1] !== parent) stack.pop();
        stack.pop();
        attach(n);
      } else {
        parent.paragraphs.push(text);
        extend(parent, block);
      }
      continue;
    }

    // Party style.
    if (inline) {
      const n = node("", LEVEL.inline, block);
      headingContent(block.text, n);
      while (stack.length && stack[stack.length - 1]!.level >= LEVEL.inline) stack.pop();
      attach(n);
      continue;
    }
    const owner = [...stack].reverse().find((s) => s.level < LEVEL.paragraph)!;
    if (!owner.title && owner.paragraphs.length > 0 && !owner.inlineTitle) {
      // A numbered task written as a sentence: what follows is more of its text.
      owner.paragraphs.push(text);
      extend(owner, block);
      continue;
    }
    const n = node(marker.type === "bullet" ? marker.label : "", LEVEL.paragraph, block);
    n.paragraphs.push(marker.type === "bullet" ? marker.rest : text);
    while (stack.length && stack[stack.length - 1] !== owner) stack.pop();
    attach(n);
  }

  const finish = (n: Node): ReadTask => {
    const children = n.children.map(finish);
    // "Về nước sạch: A" followed by B and C: the heading keeps its title, A, B and C are its tasks.
    let paragraphs = n.paragraphs;
    if (n.inlineTitle && children.length && paragraphs.length) {
      const first: ReadTask = {
        task: { numbering: "", body: paragraphs.join("\n\n") },
        from: n.from,
        to: n.from,
        unclear: {},
        children: [],
      };
      children.unshift(first);
      paragraphs = [];
    }
    const task: DocumentTask = { numbering: n.numbering, body: paragraphs.join("\n\n") };
    if (n.title) task.title = n.title;
    for (const role of ["lead", "coordinating", "directing", "advising"] as const) {
      const names = n.labels[role];
      if (names?.length) {
        task[role] = names;
        const problem = names.map(suspiciousAgency).find(Boolean);
        if (problem) n.unclear[role] = problem;
      }
    }
    if (n.timeframe !== undefined) {
      task.timeframe = n.timeframe;
      if (parseTimeframe(n.timeframe).kind === "UNSPECIFIED")
        n.unclear.timeframe = `Không hiểu thời gian thực hiện “${n.timeframe}”: hãy viết dạng “Thường xuyên”, “Quý II/2024”, “Năm 2024 và các năm tiếp theo”`;
    }
    if (labelled && children.length === 0) {
      const assigned = n.labels.lead?.length || n.labels.directing?.length || n.labels.advising?.length;
      if (!assigned) n.unclear.lead = "Không thấy cơ quan chủ trì của nhiệm vụ này";
      if (n.timeframe === undefined) n.unclear.timeframe = "Không thấy thời gian thực hiện của nhiệm vụ này";
    }
    if (children.length) task.children = children.map((c) => c.task);
    if (!task.title && !task.body) n.unclear[""] = "Nhiệm vụ không có nội dung";
    return { task, from: n.from, to: n.to, unclear: n.unclear, children };
  };
  return { tasks: roots.map(finish), labelled };
}
