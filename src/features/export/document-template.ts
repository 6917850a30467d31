import type { DocumentNotation } from "@/domain/document-number";
import type { ReportSnapshot } from "@/features/reporting/snapshot";
import { planKindLabel } from "./indicator-cells";

/**
 * The layout of an official document (a yearly report) as data: every text, font, size and
 * margin the Word renderer prints comes from here, so a change in the rules is a change of values,
 * not of code. Two defaults: STATE follows NĐ 30/2020/NĐ-CP, Phụ lục I; PARTY follows the layout
 * seen in the Party seeds. The Party's rules were replaced in 2026 (Quy định 399-QĐ/TW) and the
 * details are unverified, which is why `templateFor` takes overrides.
 */

export type TextStyle = {
  sizePt: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
};

/** A short horizontal line drawn under a header line, as a share of its column's width. */
export type RuleStyle = { widthShare: number };

export type TaskStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "BEHIND";

export type DocumentTemplate = {
  notation: DocumentNotation;
  fontFamily: string;
  /**
   * Printed on a report that has not been sent: the word in a box at the top right, above the
   * national title, where NĐ 30/2020 practice puts "Dự thảo"; its day and month are left blank
   * to be written when it is signed, like its number.
   */
  draft: { text: string; style: TextStyle; blankDate: string };
  page: {
    widthMm: number;
    heightMm: number;
    marginTopMm: number;
    marginBottomMm: number;
    marginLeftMm: number;
    marginRightMm: number;
    /** Distance from the top edge to the page-number header. */
    headerDistanceMm: number;
  };
  header: {
    /** Share of the text width taken by the issuer column; the rest goes to the national title. */
    leftColumnShare: number;
    /** All issuer lines but the last (the superior body). */
    issuerLineStyle: TextStyle;
    /** The last issuer line: the issuing body itself. */
    issuerNameStyle: TextStyle;
    uppercaseIssuer: boolean;
    issuerRule: RuleStyle | null;
    /** Printed under the issuer lines: "*" in Party documents. */
    issuerTrailer: { text: string; style: TextStyle } | null;
    nationalLines: { text: string; style: TextStyle }[];
    nationalRule: RuleStyle | null;
  };
  number: {
    /** Printed before the code in the header: "Số: " (State), "Số " (Party). */
    label: string;
    /** `{serial}` and `{issuerCode}` are replaced. */
    codePattern: string;
    /** Stands in for the serial while the report has none, leaving room to write it by hand. */
    blankSerial: string;
    style: TextStyle;
  };
  placeDate: {
    /** `{place}` and `{date}` ("ngày 10 tháng 12 năm 2026") are replaced. */
    pattern: string;
    style: TextStyle;
  };
  /** Under the title: `{start}` and `{end}` (dd/mm/yyyy) of the data period are replaced. */
  period: { pattern: string; style: TextStyle };
  /** "Kính gửi: …" under the title, naming the body above; null leaves it out (Party reports). */
  addressee: { pattern: string; style: TextStyle } | null;
  title: {
    documentType: { text: string; style: TextStyle };
    /** `{kind}` (lower-case), `{number}` and `{year}` are replaced. */
    subtitlePattern: string;
    /** For a plan without a number yet ("/KH-UBND"), where "số /KH-UBND" would read as a typo. */
    subtitleUnnumberedPattern: string;
    subtitleStyle: TextStyle;
    /** `{title}` is replaced; null leaves the plan title out. */
    planTitlePattern: string | null;
    planTitleStyle: TextStyle;
    rule: RuleStyle | null;
  };
  body: {
    style: TextStyle;
    firstLineIndentMm: number;
    spacingAfterPt: number;
    /** Multiple of single line spacing; NĐ 30 allows single to 1,5. */
    lineSpacing: number;
  };
  sectionHeadingStyle: TextStyle;
  sections: { leadership: string; results: string; shortcomings: string; nextYear: string; proposals: string };
  emptySection: string;
  /**
   * The last paragraph of the text, kept on the page of the signature: `{subject}` (the subtitle,
   * lower-cased: "kết quả thực hiện kế hoạch số … năm …") and `{issuer}` are replaced; null leaves it out.
   */
  closingPattern: string | null;
  /** Printed after the results text, pointing the reader to the appendix; null leaves it out. */
  appendixReference: string | null;
  taskTable: {
    caption: string | null;
    headers: { order: string; task: string; lead: string; progress: string };
    /** Shares of the text width: TT, Nhiệm vụ, Cơ quan chủ trì, Tình hình thực hiện. */
    columnShares: [number, number, number, number];
    headerStyle: TextStyle;
    cellStyle: TextStyle;
    statusLabels: Record<TaskStatus, string>;
  };
  recipients: {
    label: string;
    labelStyle: TextStyle;
    itemStyle: TextStyle;
    /** Added before every item. */
    itemPrefix: string;
    /** Ends every item but the last (";" in NĐ 30, "," in the Party seeds); the last ends with `lastEnd`. */
    separator: string;
    lastEnd: string;
    /** The first item when the report has an addressee ("Như trên": the body named in "Kính gửi"). */
    addresseeItem: string | null;
    /** The archive line, last: `{office}` is the issuer's office ("Đảng ủy", "Thành ủy"). */
    archive: string;
  };
  signature: {
    /** Used when the snapshot has no signing form. */
    defaultSigningForm: string | null;
    /** Share of the text width taken by the signature column (the rest holds "Nơi nhận"). */
    columnShare: number;
    formStyle: TextStyle;
    titleStyle: TextStyle;
    nameStyle: TextStyle;
    uppercaseFormAndTitle: boolean;
    /** Room for the signature and seal. */
    blankLinesBeforeName: number;
  };
  pageNumbers: {
    enabled: boolean;
    /** NĐ 30 numbers pages from the second; 1 numbers every page. */
    fromPage: 1 | 2;
    style: TextStyle;
  };
  appendix: {
    /** The word over the appendix title ("PHỤ LỤC"). */
    label: string;
    /** `{year}` is replaced. */
    titlePattern: string;
    titleStyle: TextStyle;
    /** `{number}`, `{date}` ("ngày 05 tháng 12 năm 2026") and `{issuer}` are replaced; null leaves it out. */
    attachedToPattern: string | null;
    attachedToStyle: TextStyle;
    illustrativeNote: string;
    illustrativeNoteStyle: TextStyle;
    headers: {
      order: string;
      name: string;
      unit: string;
      target2025: string;
      target2030: string;
      /** `{year}` is replaced. */
      actual: string;
      status: string;
    };
    /** The least share of the text width the indicator name keeps; the other columns are sized from their content. */
    nameMinShare: number;
    /** The least width of a target, actual or status column, so its header wraps in two or three lines, not five. */
    valueMinMm: number;
    headerStyle: TextStyle;
    cellStyle: TextStyle;
    /** Indent of a nested row's name per level. */
    nestedIndentMm: number;
    /** Printed for a target the plan leaves blank. */
    blankTarget: string;
    /** NĐ 30: an appendix's pages are numbered on their own. */
    ownPageNumbers: boolean;
    /** A4 turned sideways, as offices print wide appendix tables, with the same margins. */
    landscape: boolean;
  };
};

const STATE_TEMPLATE: DocumentTemplate = {
  notation: "STATE",
  fontFamily: "Times New Roman",
  draft: { text: "DỰ THẢO", style: { sizePt: 14, bold: true }, blankDate: "ngày      tháng      năm {year}" },
  page: {
    widthMm: 210,
    heightMm: 297,
    marginTopMm: 20,
    marginBottomMm: 20,
    marginLeftMm: 30,
    marginRightMm: 15,
    headerDistanceMm: 10,
  },
  header: {
    leftColumnShare: 0.4,
    issuerLineStyle: { sizePt: 13 },
    issuerNameStyle: { sizePt: 13, bold: true },
    uppercaseIssuer: true,
    // NĐ 30: under the issuing body, a line a third to a half as long as the name.
    issuerRule: { widthShare: 0.35 },
    issuerTrailer: null,
    nationalLines: [
      { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style: { sizePt: 13, bold: true } },
      // NĐ 30: the motto is underlined over its whole length, which an underline does exactly.
      { text: "Độc lập - Tự do - Hạnh phúc", style: { sizePt: 14, bold: true, underline: true } },
    ],
    nationalRule: null,
  },
  number: { label: "Số: ", codePattern: "{serial}/BC-{issuerCode}", blankSerial: "     ", style: { sizePt: 13 } },
  placeDate: { pattern: "{place}, {date}", style: { sizePt: 14, italics: true } },
  period: { pattern: "(Số liệu từ ngày {start} đến ngày {end})", style: { sizePt: 14, italics: true } },
  addressee: { pattern: "Kính gửi: {recipient}.", style: { sizePt: 14 } },
  title: {
    documentType: { text: "BÁO CÁO", style: { sizePt: 14, bold: true } },
    subtitlePattern: "Kết quả thực hiện {kind} số {number} năm {year}",
    subtitleUnnumberedPattern: "Kết quả thực hiện {kind} năm {year}",
    subtitleStyle: { sizePt: 14, bold: true },
    planTitlePattern: "{title}",
    planTitleStyle: { sizePt: 14, bold: true },
    rule: { widthShare: 0.3 },
  },
  body: { style: { sizePt: 14 }, firstLineIndentMm: 10, spacingAfterPt: 6, lineSpacing: 1.1 },
  sectionHeadingStyle: { sizePt: 14, bold: true },
  sections: {
    leadership: "I. Công tác lãnh đạo, chỉ đạo, quán triệt, tuyên truyền",
    results: "II. Kết quả thực hiện nhiệm vụ và chỉ tiêu",
    shortcomings: "III. Hạn chế, nguyên nhân",
    nextYear: "IV. Phương hướng, nhiệm vụ năm tới",
    proposals: "V. Kiến nghị, đề xuất",
  },
  emptySection: "(Chưa nhập nội dung)",
  closingPattern: "Trên đây là báo cáo {subject} của {issuer}./.",
  appendixReference: "Kết quả thực hiện các chỉ tiêu cụ thể có Phụ lục kèm theo.",
  taskTable: {
    caption: "Kết quả thực hiện các nhiệm vụ:",
    headers: { order: "TT", task: "Nhiệm vụ", lead: "Cơ quan chủ trì", progress: "Tình hình thực hiện" },
    columnShares: [0.08, 0.4, 0.2, 0.32],
    headerStyle: { sizePt: 12, bold: true },
    cellStyle: { sizePt: 12 },
    statusLabels: {
      NOT_STARTED: "Chưa triển khai",
      IN_PROGRESS: "Đang thực hiện",
      COMPLETED: "Hoàn thành",
      BEHIND: "Chậm tiến độ",
    },
  },
  recipients: {
    label: "Nơi nhận:",
    labelStyle: { sizePt: 12, bold: true, italics: true },
    itemStyle: { sizePt: 11 },
    itemPrefix: "- ",
    separator: ";",
    lastEnd: ".",
    addresseeItem: "Như trên",
    archive: "Lưu: VT, VP",
  },
  signature: {
    defaultSigningForm: null,
    columnShare: 0.5,
    formStyle: { sizePt: 14, bold: true },
    titleStyle: { sizePt: 14, bold: true },
    nameStyle: { sizePt: 14, bold: true },
    uppercaseFormAndTitle: true,
    blankLinesBeforeName: 4,
  },
  pageNumbers: { enabled: true, fromPage: 2, style: { sizePt: 14 } },
  appendix: {
    label: "PHỤ LỤC",
    titlePattern: "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {year}",
    titleStyle: { sizePt: 14, bold: true },
    attachedToPattern: "(Kèm theo Báo cáo số {number} {date} của {issuer})",
    attachedToStyle: { sizePt: 13, italics: true },
    illustrativeNote: "Số liệu minh họa, không phải số liệu thực tế",
    illustrativeNoteStyle: { sizePt: 13, bold: true, italics: true },
    headers: {
      order: "TT",
      name: "Chỉ tiêu",
      unit: "Đơn vị",
      target2025: "Mục tiêu đến năm 2025",
      target2030: "Mục tiêu đến năm 2030",
      actual: "Thực hiện năm {year}",
      status: "Đánh giá",
    },
    nameMinShare: 0.36,
    valueMinMm: 19,
    headerStyle: { sizePt: 12, bold: true },
    cellStyle: { sizePt: 12 },
    nestedIndentMm: 3,
    blankTarget: "-",
    ownPageNumbers: true,
    landscape: true,
  },
};

/**
 * Differences from the State layout, as seen in the Party seeds (Đà Lạt 222-KH/ThU, Sơn La) and
 * the 2018 Party guidance. Unverified against Quy định 399-QĐ/TW (2026): override when known.
 */
const PARTY_TEMPLATE: DocumentTemplate = {
  ...STATE_TEMPLATE,
  notation: "PARTY",
  header: {
    leftColumnShare: 0.45,
    issuerLineStyle: { sizePt: 14 },
    issuerNameStyle: { sizePt: 14, bold: true },
    uppercaseIssuer: true,
    issuerRule: null,
    issuerTrailer: { text: "*", style: { sizePt: 14 } },
    nationalLines: [{ text: "ĐẢNG CỘNG SẢN VIỆT NAM", style: { sizePt: 15, bold: true, underline: true } }],
    nationalRule: null,
  },
  number: { label: "Số ", codePattern: "{serial}-BC/{issuerCode}", blankSerial: "   ", style: { sizePt: 14 } },
  // Party reports go up without "Kính gửi"; the body above is the first line of "Nơi nhận".
  addressee: null,
  title: {
    ...STATE_TEMPLATE.title,
    documentType: { text: "BÁO CÁO", style: { sizePt: 16, bold: true } },
  },
  recipients: {
    label: "Nơi nhận:",
    labelStyle: { sizePt: 14, underline: true },
    itemStyle: { sizePt: 12 },
    itemPrefix: "- ",
    // As in the Party seeds (Sơn La, Đà Lạt): a comma after each line, a full stop after the last.
    separator: ",",
    lastEnd: ".",
    addresseeItem: null,
    archive: "Lưu Văn phòng {office}",
  },
  signature: {
    ...STATE_TEMPLATE.signature,
    defaultSigningForm: "T/M BAN THƯỜNG VỤ",
  },
};

export const DEFAULT_TEMPLATES: Readonly<Record<DocumentNotation, DocumentTemplate>> = {
  STATE: STATE_TEMPLATE,
  PARTY: PARTY_TEMPLATE,
};

/** Nested partial: an override names only what it changes. Arrays and tuples are replaced whole. */
export type TemplateOverrides = DeepPartial<DocumentTemplate>;

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** The default layout for a notation with overrides merged in; the defaults are never mutated. */
export function templateFor(notation: DocumentNotation, overrides?: TemplateOverrides): DocumentTemplate {
  const base = structuredClone(DEFAULT_TEMPLATES[notation]);
  return overrides ? (deepMerge(base, overrides) as DocumentTemplate) : base;
}

function deepMerge(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(target) || !isPlainObject(patch)) return patch === undefined ? target : structuredClone(patch);
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    result[key] = deepMerge(result[key], value);
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Fills `{name}` placeholders; an unknown placeholder is left as written so the mistake shows. */
export function fillPattern(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** "12/BC-UBND", "     /BC-UBND" for a draft; Party "45-BC/TU", "   -BC/TU". */
export function reportCode(template: DocumentTemplate, serial: string | null, issuerCode: string): string {
  return fillPattern(template.number.codePattern, { serial: serial ?? template.number.blankSerial, issuerCode });
}

/** The header line: "Số: 12/BC-UBND", "Số:      /BC-UBND" for a draft; Party "Số 45-BC/TU". */
export function reportNumber(template: DocumentTemplate, serial: string | null, issuerCode: string): string {
  return template.number.label + reportCode(template, serial, issuerCode);
}

/** "Kết quả thực hiện kế hoạch số 114/KH-UBND năm 2026"; without "số …" for an unnumbered plan. */
export function reportSubtitle(snapshot: ReportSnapshot, template: DocumentTemplate): string {
  const { plan, year } = snapshot;
  const numbered = /\d/.test(plan.number);
  const pattern = numbered ? template.title.subtitlePattern : template.title.subtitleUnnumberedPattern;
  return fillPattern(pattern, { kind: planKindLabel(plan.kind), number: plan.number.trim(), year });
}
