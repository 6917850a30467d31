import { isLabelLine } from "./parse-labels";
import { cleanLine, fold, isAllCaps, isTableRule, startsLowercase, tableCells } from "./text";

// From lines to blocks: paragraphs (lines of one paragraph joined, a paragraph cut by a page break
// put back together), table rows, and what each starts with (I., II-, 1., 1.1., a), -, or nothing).
// Every block remembers the source lines it came from, for the review screen.

export type Marker =
  | { type: "roman"; label: string; value: number; rest: string }
  | { type: "number"; label: string; parts: number[]; rest: string }
  | { type: "letter"; label: string; rest: string }
  | { type: "bullet"; label: string; rest: string }
  | { type: "none"; rest: string };

export type Block = {
  kind: "text" | "table";
  /** First and last source line, 1-based. */
  from: number;
  to: number;
  /** The paragraph as one line (cleaned). */
  text: string;
  /** Its cleaned lines, for header and signature lines that must stay apart. */
  lines: { no: number; text: string }[];
  cells: string[];
  marker: Marker;
  key: string;
  isLabel: boolean;
};

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

function romanValue(s: string): number | null {
  if (!/^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || s === "") return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const value = ROMAN_VALUES[s[i]!]!;
    const next = ROMAN_VALUES[s[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** What a paragraph starts with. */
export function readMarker(text: string): Marker {
  const roman = /^([IVX]{1,5})\s*([.\-–—:)])\s*(?=\S)/.exec(text);
  if (roman) {
    const value = romanValue(roman[1]!);
    if (value !== null)
      return { type: "roman", label: `${roman[1]}${roman[2]}`, value, rest: text.slice(roman[0].length).trim() };
  }
  const number = /^(\d{1,2}(?:\.\d{1,2}){0,4})(\.\)|\.|\)|\s*[-–](?=\s))?\s+(?=\S)/.exec(text);
  if (number) {
    const parts = number[1]!.split(".").map(Number);
    const terminator = number[2] ?? "";
    if (parts.length > 1 || terminator !== "") {
      return {
        type: "number",
        label: `${number[1]}${terminator.trim()}`,
        parts,
        rest: text.slice(number[0].length).trim(),
      };
    }
  }
  const letter = /^([a-zđ])\s?([).])\s+(?=\S)/.exec(text);
  if (letter) return { type: "letter", label: `${letter[1]}${letter[2]}`, rest: text.slice(letter[0].length).trim() };
  const bullet = /^([-–—•+∙·▪◦*])\s+(?=\S)|^(•)(?=\S)/.exec(text);
  if (bullet) return { type: "bullet", label: bullet[1] ?? bullet[2]!, rest: text.slice(bullet[0].length).trim() };
  return { type: "none", rest: text };
}

const OWN_LINE = /^(?:noi nhan|phu luc|kt\.?\s|tm\.?\s|t\/m\b|k\/t\b|tl\.?\s|tuq\.?\s|q\.\s)/;

/** Lines that always begin a new paragraph, even without a blank line before them. */
function startsBlock(text: string): boolean {
  const marker = readMarker(text);
  if (marker.type !== "none") return true;
  if (OWN_LINE.test(fold(text))) return true;
  return isLabelLine(text);
}

function newBlock(no: number, text: string): Block {
  return {
    kind: "text",
    from: no,
    to: no,
    text,
    lines: [{ no, text }],
    cells: [],
    marker: { type: "none", rest: text },
    key: "",
    isLabel: false,
  };
}

function finish(block: Block): Block {
  block.marker = block.kind === "table" ? { type: "none", rest: block.text } : readMarker(block.text);
  block.key = fold(block.text);
  block.isLabel = block.kind === "text" && isLabelLine(block.text);
  return block;
}

/**
 * Splits the source into blocks. Documents with blank lines between paragraphs (Word, most
 * Markdown) join the lines of a paragraph; text pasted with one paragraph per line and no blank
 * lines keeps each line apart. In both, a paragraph beginning in lower case continues the one
 * before it (a page break of the original).
 */
export function toBlocks(source: string): { lines: string[]; blocks: Block[] } {
  const lines = source
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/\s+$/, ""));
  const cleaned = lines.map((raw) => ({
    raw,
    cells: isTableRule(raw) ? [] : tableCells(raw),
    text: isTableRule(raw) ? "" : cleanLine(raw),
  }));
  const nonBlank = cleaned.filter((l) => l.text !== "" || (l.cells && l.cells.some((c) => c !== ""))).length;
  const blank = cleaned.length - nonBlank;
  const linePerParagraph = nonBlank > 8 && blank / nonBlank < 0.15;

  const blocks: Block[] = [];
  let open: Block | null = null;
  const close = () => {
    if (open) blocks.push(finish(open));
    open = null;
  };
  cleaned.forEach((line, index) => {
    const no = index + 1;
    if (line.cells) {
      close();
      if (line.cells.some((c) => c !== "")) {
        const block = newBlock(no, line.cells.filter((c) => c !== "").join(" "));
        block.kind = "table";
        block.cells = line.cells;
        blocks.push(finish(block));
      }
      return;
    }
    if (line.text === "") {
      close();
      return;
    }
    const current: Block | null = open;
    if (current) {
      const previous = current.lines[current.lines.length - 1]!.text;
      const join = linePerParagraph
        ? startsLowercase(line.text) && !startsBlock(line.text) && !isAllCaps(previous)
        : !startsBlock(line.text) && !isAllCaps(previous) && !isAllCaps(line.text) && !/\.\/\.$/.test(previous);
      if (join) {
        current.text = `${current.text} ${line.text}`;
        current.lines.push({ no, text: line.text });
        current.to = no;
        return;
      }
    }
    close();
    open = newBlock(no, line.text);
  });
  close();
  return { lines, blocks: mergeContinuations(blocks) };
}

/** "…duy trì mức sinh thay thế," + "nhất là đối với …": one paragraph cut by a page break. */
function mergeContinuations(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    const continues =
      previous !== undefined &&
      block.kind === "text" &&
      previous.kind === "text" &&
      block.marker.type === "none" &&
      !block.isLabel &&
      startsLowercase(block.text) &&
      !isAllCaps(previous.text) &&
      !(previous.isLabel && /[.;:]$/.test(previous.text)) &&
      !/\.\/\.$/.test(previous.text) &&
      !OWN_LINE.test(block.key);
    if (continues) {
      previous.text = `${previous.text} ${block.text}`;
      previous.lines.push(...block.lines);
      previous.to = block.to;
      previous.key = fold(previous.text);
      previous.marker = readMarker(previous.text);
      continue;
    }
    out.push(block);
  }
  return out;
}
