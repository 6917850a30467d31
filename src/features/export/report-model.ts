import { formatDate, formatDateLong } from "@/domain/reporting-calendar";
import type { ReportSnapshot } from "@/features/reporting/snapshot";
import { appendixModel, type AppendixModel } from "./appendix-model";
import { DETAIL_ROWS_IN_DOCUMENT, localityAppendices } from "./locality-appendices";
import {
  fillPattern,
  reportCode,
  reportNumber,
  reportSubtitle,
  type DocumentTemplate,
  type RuleStyle,
  type TextStyle,
} from "./document-template";
import { fits, wholeLines } from "./whole-lines";
import { PT_PER_MM, textWidthPt } from "./measure-text";

// What a yearly report says and in which order, worked out once from the snapshot and the layout:
// the Word file (report-docx.ts) and the print view (report-document.tsx) both render this model
// and add only their own mechanics (runs and tables, or HTML and CSS), so the two never disagree
// about a word, a punctuation mark or where a line breaks in a name.

/** A line set as one paragraph and never broken: a header line, a part of a name. */
export type Line = { text: string; style: TextStyle };

/** A stretch of text in one style inside a paragraph. */
export type Run = { text: string; bold?: boolean };

export type TaskRow = {
  numbering: string;
  depth: number;
  /** The task's wording, whole: its title in bold, then its text. */
  paragraphs: Run[][];
  lead: string;
  status: string | null;
  summary: string[];
};

export type ReportModel = {
  template: DocumentTemplate;
  /** The mark of a report not yet sent ("DỰ THẢO"), or null. */
  draftMark: Line | null;
  header: {
    /** Share of the text width of the issuer column, widened so that no name breaks. */
    leftShare: number;
    issuerLines: Line[];
    issuerRule: RuleStyle | null;
    trailer: Line | null;
    nationalLines: Line[];
    number: Line;
    placeDate: Line;
  };
  title: Line[];
  titleRule: RuleStyle | null;
  addressee: Line | null;
  period: Line;
  sections: { key: SectionKey; heading: string; paragraphs: string[]; isEmpty: boolean }[];
  /** After the results text: the pointer to the appendix. */
  appendixReference: string | null;
  tasks: { caption: string | null; headers: string[]; columnShares: number[]; rows: TaskRow[] } | null;
  /** The last paragraph of the text; kept on the page of the signature. */
  closing: string | null;
  /**
   * The last section is short enough to go with the closing paragraph and the signature onto one
   * page, so the signature's page reads as the end of the report and not as a page of its own.
   */
  lastSectionWithSignature: boolean;
  recipients: { label: Line; items: Line[] };
  signature: { lines: Line[]; blankLines: number; name: Line | null };
  appendix: AppendixModel | null;
  /** A body compiling its localities: their tables, as appendices after the indicator appendix (issue 16). */
  localityAppendices: AppendixModel[];
};

export const SECTION_KEYS = ["leadership", "results", "shortcomings", "nextYear", "proposals"] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** Left and right padding of a cell, in points (the Word renderer's cell margins, 80 twips each). */
export const CELL_PADDING_PT = 8;

/** Width of the text between the margins, in points; `landscape` for a page turned sideways. */
export function textWidthOfPagePt(template: DocumentTemplate, landscape = false): number {
  const { page } = template;
  return ((landscape ? page.heightMm : page.widthMm) - page.marginLeftMm - page.marginRightMm) * PT_PER_MM;
}

export function buildReportModel(
  snapshot: ReportSnapshot,
  template: DocumentTemplate,
  options: { isDraft: boolean },
): ReportModel {
  const t = template;
  const widthPt = textWidthOfPagePt(t);
  const dateText = options.isDraft
    ? fillPattern(t.draft.blankDate, { year: snapshot.reportDate.slice(0, 4) })
    : formatDateLong(snapshot.reportDate);
  const subtitle = reportSubtitle(snapshot, t);
  const recipientBody = snapshot.recipientBody?.trim() || null;
  const addressee = t.addressee && recipientBody ? t.addressee : null;

  const appendixContext = {
    widthPt: textWidthOfPagePt(t, t.appendix.landscape),
    number: reportCode(t, snapshot.reportSerial, snapshot.issuer.issuerCode),
    date: dateText,
  };
  const first = snapshot.indicators.length > 0 ? appendixModel(snapshot, t, appendixContext) : null;
  const localities = localityAppendices(snapshot, t, {
    ...appendixContext,
    firstNumber: first ? 2 : 1,
    detailRowsLimit: DETAIL_ROWS_IN_DOCUMENT,
  });
  // With more than one appendix, each is numbered ("PHỤ LỤC 1", "PHỤ LỤC 2" …).
  const indicatorAppendix =
    first && localities.length ? { ...first, label: { ...first.label, text: `${first.label.text} 1` } } : first;

  return {
    template: t,
    draftMark: options.isDraft ? { text: t.draft.text, style: t.draft.style } : null,
    header: header(snapshot, t, widthPt, dateText),
    title: [
      { text: t.title.documentType.text, style: t.title.documentType.style },
      { text: subtitle, style: t.title.subtitleStyle },
      ...(t.title.planTitlePattern !== null && snapshot.plan.title.trim()
        ? [
            {
              text: fillPattern(t.title.planTitlePattern, { title: snapshot.plan.title.trim() }),
              style: t.title.planTitleStyle,
            },
          ]
        : []),
    ],
    titleRule: t.title.rule,
    addressee: addressee
      ? { text: fillPattern(addressee.pattern, { recipient: recipientBody! }), style: addressee.style }
      : null,
    period: {
      text: fillPattern(t.period.pattern, {
        start: formatDate(snapshot.period.start),
        end: formatDate(snapshot.period.end),
      }),
      style: t.period.style,
    },
    sections: SECTION_KEYS.map((key) => {
      const paragraphs = paragraphsOf(snapshot.sections[key]);
      return {
        key,
        heading: t.sections[key],
        paragraphs: paragraphs.length ? paragraphs : [t.emptySection],
        isEmpty: paragraphs.length === 0,
      };
    }),
    appendixReference: t.appendixReference && snapshot.indicators.length > 0 ? t.appendixReference : null,
    lastSectionWithSignature: isShort(paragraphsOf(snapshot.sections[SECTION_KEYS[SECTION_KEYS.length - 1]!])),
    tasks: taskTable(snapshot, t),
    closing: t.closingPattern
      ? fillPattern(t.closingPattern, {
          subject: subtitle.charAt(0).toLocaleLowerCase("vi") + subtitle.slice(1),
          issuer: snapshot.issuer.name,
        })
      : null,
    recipients: {
      label: { text: t.recipients.label, style: t.recipients.labelStyle },
      items: recipientItems(snapshot, t, addressee !== null).map((text) => ({ text, style: t.recipients.itemStyle })),
    },
    signature: signature(snapshot, t, widthPt),
    appendix: indicatorAppendix,
    localityAppendices: localities,
  };
}

/** At most three paragraphs and about a third of a page: little enough to move with the signature. */
const SHORT_SECTION_CHARACTERS = 700;
function isShort(paragraphs: string[]): boolean {
  return paragraphs.length <= 3 && paragraphs.join("").length <= SHORT_SECTION_CHARACTERS;
}

/** Non-blank lines of a text, trimmed: each becomes a paragraph. */
export function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function header(snapshot: ReportSnapshot, t: DocumentTemplate, widthPt: number, dateText: string) {
  const { header: h } = t;
  const raw = snapshot.issuer.headerLines.map((line) => (h.uppercaseIssuer ? line.toLocaleUpperCase("vi") : line));
  const nameFrom = firstNameLine(raw);
  const styled = raw.map((text, i) => ({ text, style: i >= nameFrom ? h.issuerNameStyle : h.issuerLineStyle }));
  const number = { text: reportNumber(t, snapshot.reportSerial, snapshot.issuer.issuerCode), style: t.number.style };
  const placeDate = {
    text: fillPattern(t.placeDate.pattern, { place: snapshot.issuer.place, date: dateText }),
    style: t.placeDate.style,
  };
  const nationalLines = h.nationalLines.map((line) => ({ text: line.text, style: line.style }));

  // The issuer column is widened (never past what the right column needs) so its lines stay whole;
  // a line still too long is broken before the place.
  const widest = (lines: Line[]) => Math.max(0, ...lines.map((l) => textWidthPt(l.text, l.style)));
  const rightNeeds = widest([...nationalLines, placeDate]) + CELL_PADDING_PT + 4;
  const maxLeft = widthPt - rightNeeds;
  const leftNeeds = widest([...styled, number]) + CELL_PADDING_PT + 4;
  const leftPt = Math.max(
    h.leftColumnShare * widthPt,
    Math.min(leftNeeds, Math.max(maxLeft, h.leftColumnShare * widthPt)),
  );
  const room = leftPt - CELL_PADDING_PT - 4;
  const issuerLines = styled.flatMap((line) =>
    fits(line.text, line.style, room)
      ? [line]
      : wholeLines(line.text, line.style, room).map((text) => ({ text, style: line.style })),
  );
  return {
    leftShare: leftPt / widthPt,
    issuerLines,
    issuerRule: h.issuerRule,
    trailer: h.issuerTrailer ? { text: h.issuerTrailer.text, style: h.issuerTrailer.style } : null,
    nationalLines,
    number,
    placeDate,
  };
}

/**
 * Where the issuing body's own name starts among the header lines: NĐ 30 sets the whole name in
 * bold and the body above it (cơ quan chủ quản) in regular type. A People's Committee or Council
 * writes its one name over two lines ("ỦY BAN NHÂN DÂN" / "HUYỆN EA SÚP"); otherwise the last line
 * is the body and the lines above it are its superior ("ĐẢNG BỘ TỈNH SƠN LA" / "THỊ ỦY MỘC CHÂU").
 */
export function firstNameLine(lines: string[]): number {
  if (lines.length <= 1) return 0;
  const first = lines[0]!.toLocaleUpperCase("vi").trim();
  if (first === "ỦY BAN NHÂN DÂN" || first === "HỘI ĐỒNG NHÂN DÂN") return 0;
  return lines.length - 1;
}

function taskTable(snapshot: ReportSnapshot, t: DocumentTemplate): ReportModel["tasks"] {
  if (snapshot.tasks.length === 0) return null;
  const spec = t.taskTable;
  return {
    caption: spec.caption,
    headers: [spec.headers.order, spec.headers.task, spec.headers.lead, spec.headers.progress],
    columnShares: [...spec.columnShares],
    rows: snapshot.tasks.map((task) => ({
      numbering: task.numbering.trim(),
      depth: task.depth,
      paragraphs: taskWording(task.title, task.body),
      lead: task.lead.join("; "),
      status: task.status ? spec.statusLabels[task.status] : null,
      summary: paragraphsOf(task.summary),
    })),
  };
}

/**
 * A task as the plan words it, whole: its title in bold ("Về giáo dục"), run into the first
 * paragraph of its text after a colon, and every further paragraph of the text.
 */
export function taskWording(title: string | null, body: string): Run[][] {
  const heading = title?.replace(/\s+/g, " ").trim() ?? "";
  const text = paragraphsOf(body);
  if (!heading) return text.map((p) => [{ text: p }]);
  if (!text.length) return [[{ text: heading, bold: true }]];
  const joined = /[:.;]$/.test(heading) ? `${heading} ` : `${heading}: `;
  return [[{ text: joined, bold: true }, { text: text[0]! }], ...text.slice(1).map((p) => [{ text: p }])];
}

/**
 * "Nơi nhận" as offices write it: the body above (or "Như trên" when the report names it in
 * "Kính gửi"), the other recipients, then the archive line; each item after a dash, ending with
 * the separator, the last with a full stop.
 */
export function recipientItems(snapshot: ReportSnapshot, t: DocumentTemplate, hasAddressee: boolean): string[] {
  const spec = t.recipients;
  const bare = (item: string) =>
    item
      .replace(/^\s*[-–—•]\s*/, "")
      .replace(/[\s;,.]+$/, "")
      .trim();
  const body = snapshot.recipientBody?.trim() ?? "";
  const isAddressee = (item: string) => body !== "" && bare(item).replace(/\s*\(b\/c\)$/i, "") === body;
  const isArchive = (item: string) => /^lưu\b/i.test(bare(item));

  const items = snapshot.recipients.map(bare).filter(Boolean);
  const others = items.filter((item) => !isArchive(item) && !(hasAddressee && isAddressee(item)));
  const written = items.filter(isArchive).at(-1);
  // The snapshot's generic "Lưu văn phòng" says which office only in the layout's words.
  const archive =
    written && !/^lưu\s*(văn phòng)?$/i.test(written)
      ? written
      : fillPattern(spec.archive, { office: officeOf(snapshot.issuer.name) });
  const list = [...(hasAddressee && spec.addresseeItem ? [spec.addresseeItem] : []), ...others, archive];
  return list.map((item, i) => `${spec.itemPrefix}${item}${i === list.length - 1 ? spec.lastEnd : spec.separator}`);
}

/** "Đảng ủy phường Mộc Châu" → "Đảng ủy", "Thành ủy Đà Lạt" → "Thành ủy": the committee whose office keeps the copy. */
export function officeOf(issuerName: string): string {
  const committee = /^(Tỉnh ủy|Thành ủy|Thị ủy|Huyện ủy|Quận ủy|Đảng ủy)/iu.exec(issuerName.trim());
  return committee ? committee[1]! : issuerName.trim();
}

function signature(snapshot: ReportSnapshot, t: DocumentTemplate, widthPt: number): ReportModel["signature"] {
  const spec = t.signature;
  const room = widthPt * spec.columnShare - CELL_PADDING_PT - 4;
  const caps = (text: string) => (spec.uppercaseFormAndTitle ? text.toLocaleUpperCase("vi") : text);
  const form = snapshot.signer.signingForm ?? spec.defaultSigningForm;
  const whole = (text: string, style: TextStyle): Line[] =>
    wholeLines(text, style, room).map((part) => ({ text: part, style }));
  const lines: Line[] = [
    ...paragraphsOf(form).flatMap((line) => whole(caps(line), spec.formStyle)),
    ...(snapshot.signer.title?.trim() ? whole(caps(snapshot.signer.title.trim()), spec.titleStyle) : []),
  ];
  const name = snapshot.signer.name?.replace(/\s+/g, " ").trim();
  return { lines, blankLines: spec.blankLinesBeforeName, name: name ? { text: name, style: spec.nameStyle } : null };
}
