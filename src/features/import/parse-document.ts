import {
  documentKindLabel,
  documentKindOf,
  formatDocumentNumber,
  parseDocumentNumber,
  type DocumentKind,
  type DocumentNumber,
} from "@/domain/document-number";
import { parseVietnameseDate } from "@/domain/reporting-calendar";
import { unifyDashes } from "@/domain/vietnamese-text";
import type { DocumentIndicator, DocumentTask, PlanDocument } from "@/features/plans/plan-document";
import type { OcrRepairs } from "./extract-text";
import { toBlocks, type Block } from "./parse-blocks";
import { readSignature } from "./parse-signature";
import {
  collectIndicators,
  joinParagraphs,
  noteTasks,
  range,
  readChildDeadlines,
  readObjectives,
  readProse,
  readPurpose,
  readTables,
  readTaskSection,
  sectionOf,
  splitSections,
  type Notes,
} from "./parse-sections";
import { capitalize, fold, foldSameLength, isAllCaps, startsLowercase, trimPunctuation } from "./text";

// The importer's core: plain text in, a PlanDocument out, with the source lines of every item and
// what could not be read clearly. Pure: no I/O, no clock, no randomness (the caller gives the key).
// extractPlan reads the front matter here (header, kind, title, preamble, signature), and the body's
// sections with the readers of parse-sections.ts, in the order of the document.

export type SourceRange = { from: number; to: number };

export type CitedDocument = {
  /** As the product writes it: "114/KH-UBND", "78-CTr/TU". */
  number: string;
  parsed: DocumentNumber;
  kind: DocumentKind | null;
  issuedOn: string | null;
  /** The words of the document, e.g. "Kế hoạch số 114/KH – UBND, ngày 14/6/2024". */
  text: string;
  /** Named right after "Thực hiện" / "Triển khai": the document this one implements. */
  implements: boolean;
  line: number;
};

export type Extraction = {
  document: PlanDocument;
  /** The source as lines, numbered from 1 in `sources`. */
  lines: string[];
  /** Where each item came from, keyed by its path in the document ("title", "tasks.0.children.1", "indicators.2"). */
  sources: Record<string, SourceRange>;
  /** What to check, keyed by a path ("number", "tasks.3.timeframe", "indicators.1.children.0.targets.2025"). */
  unclear: Record<string, string>;
  cited: CitedDocument[];
  warnings: string[];
  counts: { tasks: number; assignments: number; timeframes: number; indicators: number; targets: number };
  /** Set when the text was OCR output and was repaired before reading (extract-text.ts). */
  ocr?: OcrRepairs;
};

export type ExtractOptions = { key?: string; defaultTrack?: "PARTY" | "STATE" };

const KIND_WORDS: ReadonlyArray<readonly [string, DocumentKind]> = [
  ["chuong trinh hanh dong", "PROGRAMME"],
  ["chuong trinh", "PROGRAMME"],
  ["ke hoach", "PLAN"],
  ["nghi quyet", "RESOLUTION"],
  ["quyet dinh", "DECISION"],
  ["chi thi", "DIRECTIVE"],
  ["ket luan", "CONCLUSION"],
  ["huong dan", "GUIDANCE"],
  ["bao cao", "REPORT"],
  ["thong bao", "NOTICE"],
  ["cong van", "LETTER"],
];

// A title that begins in lower case ("thực hiện Nghị quyết …") is read with its kind in front, as the
// heading says it; a programme's heading word is "Chương trình" alone.
const kindTitle = (kind: DocumentKind) => (kind === "PROGRAMME" ? "Chương trình" : documentKindLabel(kind));

/** "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG": a line of capitals naming the kind of document. */
function kindLine(block: Block): { kind: DocumentKind; rest: string } | null {
  if (block.kind !== "text") return null;
  const first = block.lines[0]!.text;
  const key = fold(first).replace(/[.:]+$/, "");
  for (const [words, kind] of KIND_WORDS) {
    if (key === words)
      return {
        kind,
        rest: block.lines
          .slice(1)
          .map((l) => l.text)
          .join(" "),
      };
    if (key.startsWith(`${words} `) && isAllCaps(first.slice(0, words.length + 2))) {
      const rest = first.slice(words.length).trim();
      return isAllCaps(rest) ? null : { kind, rest };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Cited documents

const CITED =
  /(\d{1,5}(?:\/\d{4})?)\s*(?:-\s*([A-ZĐ][A-Za-zĐđ]{0,5})\s*\/\s*([A-ZĐ][A-Za-zĐđ0-9]{0,8}(?:-[A-ZĐ][A-Za-zĐđ0-9]{0,8})?)|\/\s*([A-ZĐ][A-Za-zĐđ]{0,5})\s*-\s*([A-ZĐ][A-Za-zĐđ0-9]{0,8}(?:-[A-ZĐ][A-Za-zĐđ0-9]{0,8})?))(?![\p{L}\d])/gu;

export function findCitedDocuments(blocks: Block[], ownNumber: string | null): CitedDocument[] {
  const out: CitedDocument[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    const text = unifyDashes(block.text);
    const key = foldSameLength(text);
    for (const m of text.matchAll(CITED)) {
      const compact = m[2] ? `${m[1]}-${m[2]}/${m[3]}` : `${m[1]}/${m[4]}-${m[5]}`;
      const parsed = parseDocumentNumber(compact);
      if (!parsed.ok || parsed.value.serial === null) continue;
      const number = formatDocumentNumber(parsed.value);
      if (number === ownNumber || seen.has(number.toUpperCase())) continue;
      seen.add(number.toUpperCase());
      const before = key.slice(Math.max(0, m.index - 45), m.index);
      const kindMatch = KIND_WORDS.map(([words, kind]) => ({ at: before.lastIndexOf(words), words, kind }))
        .filter((k) => k.at >= 0)
        .sort((a, b) => b.at - a.at || b.words.length - a.words.length)[0];
      const start = kindMatch ? m.index - before.length + kindMatch.at : m.index;
      const after = /^\s*,?\s*ngay\s*(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4})/.exec(key.slice(m.index + m[0].length));
      const end = m.index + m[0].length + (after ? after[0].length : 0);
      const lead = key.slice(Math.max(0, start - 14), start);
      out.push({
        number,
        parsed: parsed.value,
        kind: kindMatch?.kind ?? documentKindOf(parsed.value.typeCode),
        issuedOn: after ? parseVietnameseDate(after[1]!.replace(/\s+/g, "")) : null,
        text: block.text.slice(start, end),
        implements: /(?:thuc hien|trien khai)\s*$/.test(lead) && !out.some((c) => c.implements),
        line: lineOf(block, m.index),
      });
    }
  }
  return out;
}

function lineOf(block: Block, offset: number): number {
  let at = 0;
  for (const line of block.lines) {
    if (offset <= at + line.text.length) return line.no;
    at += line.text.length + 1;
  }
  return block.to;
}

// ---------------------------------------------------------------------------------------------
// The parts of a document

type Header = {
  number: string;
  numberLine: number | null;
  numberError: string | null;
  place: string | null;
  issuedOn: string | null;
  dateLine: number | null;
  dateBlank: boolean;
  issuer: { text: string; no: number }[];
  trackHint: "PARTY" | "STATE" | null;
};

function readHeader(blocks: Block[]): Header {
  const header: Header = {
    number: "",
    numberLine: null,
    numberError: null,
    place: null,
    issuedOn: null,
    dateLine: null,
    dateBlank: false,
    issuer: [],
    trackHint: null,
  };
  for (const block of blocks) {
    const lines =
      block.kind === "table" ? block.cells.filter(Boolean).map((text) => ({ no: block.from, text })) : block.lines;
    for (const { no, text } of lines) {
      const key = fold(text);
      if (/^so\s*[:.]?\s*[\d\s]*[/-]\s*[a-z]/.test(key) && header.numberLine === null) {
        const written = text.replace(/^\S+\s*[:.]?\s*/u, "");
        const parsed = parseDocumentNumber(written);
        header.number = parsed.ok ? formatDocumentNumber(parsed.value) : written.trim();
        header.numberError = parsed.ok ? null : parsed.error;
        header.numberLine = no;
        continue;
      }
      if (/^dang cong san viet nam$/.test(key)) {
        header.trackHint = "PARTY";
        continue;
      }
      if (/cong hoa xa hoi chu nghia viet nam/.test(key)) {
        header.trackHint ??= "STATE";
        continue;
      }
      if (/^doc lap\s*-\s*tu do\s*-\s*hanh phuc/.test(key)) continue;
      if (/,\s*ngay\b/.test(key) && header.dateLine === null) {
        header.place = trimPunctuation(text.split(",")[0] ?? "") || null;
        header.issuedOn = parseVietnameseDate(text);
        header.dateBlank = header.issuedOn === null && /ngay\s+thang\s+nam/.test(key);
        header.dateLine = no;
        continue;
      }
      if (isAllCaps(text) && text.length <= 80) header.issuer.push({ text: text.trim(), no });
    }
  }
  return header;
}

// ---------------------------------------------------------------------------------------------

function countTasks(tasks: DocumentTask[]): { tasks: number; assignments: number; timeframes: number } {
  let counts = { tasks: 0, assignments: 0, timeframes: 0 };
  for (const task of tasks) {
    counts.tasks++;
    counts.assignments +=
      (task.lead?.length ?? 0) +
      (task.coordinating?.length ?? 0) +
      (task.directing?.length ?? 0) +
      (task.advising?.length ?? 0);
    if (task.timeframe) counts.timeframes++;
    const inner = countTasks(task.children ?? []);
    counts = {
      tasks: counts.tasks + inner.tasks,
      assignments: counts.assignments + inner.assignments,
      timeframes: counts.timeframes + inner.timeframes,
    };
  }
  return counts;
}

function countIndicators(indicators: DocumentIndicator[]): { indicators: number; targets: number } {
  let counts = { indicators: 0, targets: 0 };
  for (const indicator of indicators) {
    if (!indicator.isGroup) counts.indicators++;
    counts.targets += Object.keys(indicator.targets ?? {}).length;
    const inner = countIndicators(indicator.children ?? []);
    counts = { indicators: counts.indicators + inner.indicators, targets: counts.targets + inner.targets };
  }
  return counts;
}

const VIETNAMESE_MARKS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu;

/** Text that lost its diacritics (a scan read by OCR, a file typed without Vietnamese input). */
export function looksLikeLostDiacritics(text: string): boolean {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < 300) return false;
  const marked = (text.normalize("NFC").match(VIETNAMESE_MARKS) ?? []).length;
  return marked / letters < 0.05;
}

/** Where the body ends: "./." closes the last paragraph; "Trên đây là …" and "Nơi nhận" follow it. */
function splitBody(blocks: Block[]): { body: Block[]; after: Block[] } {
  let bodyEnd = blocks.findIndex(
    (b, i) => i > 0 && b.kind === "text" && (/^noi nhan\b/.test(b.key) || /^tren day la\b/.test(b.key)),
  );
  const closing = blocks.findIndex((b) => b.kind === "text" && /\.\/\.$/.test(b.text));
  if (closing >= 0 && (bodyEnd < 0 || closing < bodyEnd)) bodyEnd = closing + 1;
  if (bodyEnd < 0) {
    const firstTable = blocks.findIndex((b) => b.kind === "table");
    const appendix = blocks.findIndex((b) => /^phu luc\b/.test(b.key));
    bodyEnd = [firstTable, appendix, blocks.length].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b));
  }
  return { body: blocks.slice(0, bodyEnd), after: blocks.slice(bodyEnd) };
}

type FrontMatter = {
  header: Header;
  parsedNumber: ReturnType<typeof parseDocumentNumber> | null;
  kind: DocumentKind;
  title: string;
  titleBlock: Block | null;
  preambleBlocks: Block[];
  /** Where the sections start (after the preamble). */
  bodyStart: number;
  hasSections: boolean;
};

/**
 * The header (issuer, number, place and date), the kind line ("KẾ HOẠCH"), the title and the
 * preamble. The kind line splits the header from the title; the first section heading (I., II- …)
 * ends the preamble. A plan without section headings starts its body at the first numbered
 * paragraph or assignment line, and that body is read as tasks.
 */
function readFrontMatter(body: Block[], notes: Notes): FrontMatter {
  const { sources, unclear } = notes;
  const firstRoman = body.findIndex((b) => b.marker.type === "roman" && sectionOf(fold(b.marker.rest)) !== "other");
  let kindIndex = -1;
  let kind: { kind: DocumentKind; rest: string } | null = null;
  for (let i = 0; i < Math.min(firstRoman >= 0 ? firstRoman : body.length, 40); i++) {
    kind = kindLine(body[i]!);
    if (kind) {
      kindIndex = i;
      break;
    }
  }
  const candidate = kindIndex >= 0 && !kind?.rest ? body[kindIndex + 1] : undefined;
  const titleBlock: Block | null =
    candidate && candidate.kind === "text" && candidate.marker.type === "none" && !candidate.isLabel ? candidate : null;
  // A title whose first line is in capitals goes on in lower case in the block(s) after it
  // ("THỰC HIỆN NGHỊ QUYẾT SỐ 42-NQ/TW" / "của Ban Chấp hành Trung ương …"): read to its end.
  let titleRest = 0;
  if (titleBlock && isAllCaps(titleBlock.text))
    for (let next = body[kindIndex + 2 + titleRest]; next; next = body[kindIndex + 2 + titleRest]) {
      if (next.kind !== "text" || next.marker.type !== "none" || next.isLabel || !startsLowercase(next.text)) break;
      titleRest++;
    }
  const afterTitle = kindIndex >= 0 ? kindIndex + (titleBlock ? 2 + titleRest : 1) : 0;
  const firstNumbered = body.findIndex(
    (b, i) => i >= afterTitle && (b.isLabel || b.marker.type === "number" || b.marker.type === "letter"),
  );
  const searchEnd = firstRoman >= 0 ? firstRoman : firstNumbered >= 0 ? firstNumbered : body.length;
  const headerBlocks =
    kindIndex >= 0
      ? body.slice(0, kindIndex)
      : body
          .slice(0, searchEnd)
          .filter((b) => b.kind === "table" || isAllCaps(b.text) || /^so\b|,\s*ngay\b/.test(b.key));
  const header = readHeader(headerBlocks);
  const preambleBlocks = body
    .slice(afterTitle, searchEnd)
    .filter((b) => b.kind === "text" && !headerBlocks.includes(b) && !/^\(kem theo/.test(b.key));
  const parsedNumber = header.number ? parseDocumentNumber(header.number) : null;
  const kindValue: DocumentKind =
    kind?.kind ?? (parsedNumber?.ok ? documentKindOf(parsedNumber.value.typeCode) : null) ?? "PLAN";
  let title = kind?.rest
    ? kind.rest
    : [titleBlock, ...body.slice(kindIndex + 2, kindIndex + 2 + titleRest)].map((b) => b?.text ?? "").join(" ");
  if (title && /^\p{Ll}/u.test(title)) title = `${kindTitle(kindValue)} ${title}`;
  title = title.replace(/\s+/g, " ").trim();
  if (kindIndex >= 0) sources.kind = { from: body[kindIndex]!.from, to: body[kindIndex]!.from };
  else unclear.kind = "Không thấy tên loại văn bản (KẾ HOẠCH, CHƯƠNG TRÌNH …): hãy chọn loại";
  if (titleBlock) sources.title = { from: titleBlock.from, to: body[kindIndex + 1 + titleRest]!.to };
  else if (kind?.rest && kindIndex >= 0) sources.title = { from: body[kindIndex]!.from, to: body[kindIndex]!.to };
  if (!title) unclear.title = "Không thấy trích yếu của văn bản: hãy nhập";

  if (header.numberLine !== null) sources.number = { from: header.numberLine, to: header.numberLine };
  if (!header.number)
    unclear.number = "Không thấy số, ký hiệu văn bản: hãy nhập (văn bản chưa có số viết dạng /KH-UBND hoặc -KH/TU)";
  else if (header.numberError) unclear.number = header.numberError;
  if (header.dateLine !== null) {
    sources.issuedOn = { from: header.dateLine, to: header.dateLine };
    sources.place = { from: header.dateLine, to: header.dateLine };
  }
  if (header.dateBlank) unclear.issuedOn = "Văn bản để trống ngày ban hành (dự thảo): ngày sẽ được ghi khi ban hành";
  else if (header.dateLine === null) unclear.issuedOn = "Không thấy địa danh, ngày tháng của văn bản";
  else if (!header.issuedOn) unclear.issuedOn = "Không đọc được ngày ban hành: hãy nhập";
  if (!header.place) unclear.place = "Không thấy địa danh nơi ban hành";
  if (header.issuer.length)
    sources.issuerHeader = { from: header.issuer[0]!.no, to: header.issuer[header.issuer.length - 1]!.no };
  else
    unclear.issuerHeader =
      "Không thấy tên cơ quan ban hành ở đầu văn bản: hãy nhập (mỗi dòng một cấp, ví dụ ỦY BAN NHÂN DÂN / HUYỆN EA SÚP)";
  return {
    header,
    parsedNumber,
    kind: kindValue,
    title,
    titleBlock,
    preambleBlocks,
    bodyStart: searchEnd,
    hasSections: firstRoman >= 0,
  };
}

/** Party or State: the header says it; else the number, the issuer, or who "ban hành" it. */
function readTrack(front: FrontMatter, defaultTrack: "PARTY" | "STATE" | undefined): "PARTY" | "STATE" {
  const { header, parsedNumber, preambleBlocks } = front;
  const issuerKey = fold(header.issuer.map((l) => l.text).join(" "));
  const preambleKey = fold(preambleBlocks.map((b) => b.text).join(" "));
  return (
    header.trackHint ??
    (parsedNumber?.ok ? parsedNumber.value.notation : null) ??
    (/\b(?:uy ban nhan dan|ubnd|hoi dong nhan dan)\b/.test(issuerKey)
      ? "STATE"
      : /\b(?:dang bo|tinh uy|thanh uy|huyen uy|thi uy|dang uy)\b/.test(issuerKey)
        ? "PARTY"
        : null) ??
    (/\b(?:tinh uy|thanh uy|huyen uy|thi uy|dang uy)\b[^.;]{0,40}\bban hanh\b/.test(preambleKey)
      ? "PARTY"
      : /\b(?:ubnd|uy ban nhan dan)\b[^.;]{0,40}\bban hanh\b/.test(preambleKey)
        ? "STATE"
        : null) ??
    defaultTrack ??
    "STATE"
  );
}

export function extractPlan(source: string, options: ExtractOptions = {}): Extraction {
  const { lines, blocks } = toBlocks(source);
  const notes: Notes = { sources: {}, unclear: {}, warnings: [] };
  const { sources, unclear, warnings } = notes;

  const { body, after } = splitBody(blocks);
  const front = readFrontMatter(body, notes);
  const { header, title, titleBlock, preambleBlocks } = front;
  const sections = splitSections(body.slice(front.bodyStart), front.hasSections);
  const { purpose, requirements } = readPurpose(sections.purpose);
  const objectives = readObjectives(sections.objectives, sections.headings.objectives);
  const tables = readTables(blocks);
  const prose = readProse(objectives, tables.indicators, notes);
  const tasks = readTaskSection(sections.tasks, tables.tasks, notes);
  const implementationText = joinParagraphs(sections.implementation.map((b) => b.text));
  const signature = readSignature(after);
  const childDeadlines = readChildDeadlines(sections.implementation, notes);

  // The documents it implements and cites. The preamble's "Thực hiện Kế hoạch số 114/KH-UBND …"
  // names the parent more surely than the title's "Triển khai Nghị quyết số 68/NQ-CP …" (a document
  // higher up the cascade).
  const numberValue = header.number || null;
  const cited = findCitedDocuments([...preambleBlocks, ...(titleBlock ? [titleBlock] : [])], numberValue);
  cited.forEach((c, i) => (sources[`cited.${i}`] = { from: c.line, to: c.line }));

  const track = readTrack(front, options.defaultTrack);
  const indicators = collectIndicators(tables.indicators, prose, notes);
  noteTasks(tasks, notes);

  const sectionSource = (name: string, list: Block[]) => {
    const r = range(list);
    if (r) sources[`sections.${name}`] = r;
  };
  sectionSource("preamble", preambleBlocks);
  sectionSource("purpose", sections.purpose);
  sectionSource(
    "requirements",
    sections.purpose.filter(
      (b) => requirements.includes(b.text) || (b.marker.type === "number" && /^yeu cau/.test(fold(b.marker.rest))),
    ),
  );
  sectionSource("generalObjective", objectives.generalBlocks);
  sectionSource("vision", objectives.visionBlocks);
  sectionSource("funding", sections.funding);
  sectionSource("implementation", sections.implementation);
  if (signature.recipientsRange) sources.recipients = signature.recipientsRange;
  if (signature.signerRange) sources.signer = signature.signerRange;

  if (looksLikeLostDiacritics(source))
    warnings.push(
      "Văn bản có vẻ đã mất dấu tiếng Việt (bản quét đọc bằng OCR?): nội dung được giữ như trong tệp; hãy kiểm tra kỹ tên cơ quan và chỉ tiêu.",
    );

  const document: PlanDocument = {
    key: options.key ?? "import-draft",
    kind: front.kind,
    track,
    number: header.number,
    issuedOn: header.issuedOn,
    place: header.place,
    title: title ? capitalize(title) : "",
    issuerHeader: header.issuer.map((l) => l.text),
    parentKey: null,
    citedKeys: [],
    signer: signature.signer,
    sections: {
      preamble: joinParagraphs(preambleBlocks.map((b) => b.text)),
      purpose: joinParagraphs(purpose),
      requirements: joinParagraphs(requirements),
      generalObjective: joinParagraphs(objectives.general),
      vision: joinParagraphs(objectives.vision),
      funding: joinParagraphs(sections.funding.map((b) => b.text)),
      implementation: implementationText,
    },
    childDeadlines,
    recipients: signature.recipients,
    tasks: tasks.map((t) => t.task),
    indicators,
  };
  const taskCounts = countTasks(document.tasks);
  const indicatorCounts = countIndicators(document.indicators);
  return { document, lines, sources, unclear, cited, warnings, counts: { ...taskCounts, ...indicatorCounts } };
}

/** Nothing of a plan was found: no title, no task, no indicator. */
export function isEmptyExtraction(extraction: Extraction): boolean {
  return (
    !extraction.document.title && extraction.document.tasks.length === 0 && extraction.document.indicators.length === 0
  );
}
