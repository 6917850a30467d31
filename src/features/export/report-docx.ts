import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from "docx";
import { formatDate, formatDateLong } from "@/domain/reporting-calendar";
import type { ReportSnapshot } from "@/features/reporting/snapshot";
import {
  fillPattern,
  reportCode,
  reportNumber,
  reportSubtitle,
  templateFor,
  type DocumentTemplate,
  type RuleStyle,
  type TextStyle,
} from "./document-template";
import { actualText, hasIllustrativeData, statusText, type SnapshotIndicator } from "./indicator-cells";

/**
 * The yearly report as an official Word document: header, number and date, title, the five
 * sections, the signature block with "Nơi nhận", then the indicator appendix on a new page.
 * Pure: the snapshot and the layout in, the bytes of a .docx out.
 */
export async function renderReportDocx(
  snapshot: ReportSnapshot,
  template: DocumentTemplate = templateFor(snapshot.issuer.notation),
): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocument(snapshot, template));
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

type ParagraphOptions = {
  align?: Align;
  firstLineMm?: number;
  leftMm?: number;
  spacingAfterPt?: number;
  spacingBeforePt?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** Multiple of single spacing; headers and tables stay single, body text may be looser. */
  lineSpacing?: number;
};

const TWIPS_PER_MM = 1440 / 25.4;
/** Word's single line spacing, in 240ths of a line. */
const SINGLE_LINE = 240;
const CELL_MARGIN_TWIPS = 80;
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const GRID_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

/** Splits text widths by shares so that the columns always add up to the text width exactly. */
function columnWidths(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((share) => Math.floor((total * share) / sum));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

class ReportWriter {
  private readonly textWidth: number;

  constructor(
    private readonly snapshot: ReportSnapshot,
    private readonly t: DocumentTemplate,
  ) {
    const { page } = t;
    this.textWidth = mm(page.widthMm) - mm(page.marginLeftMm) - mm(page.marginRightMm);
  }

  run(text: string, style: TextStyle): TextRun {
    return new TextRun({
      text,
      font: this.t.fontFamily,
      size: style.sizePt * 2,
      bold: style.bold || undefined,
      italics: style.italics || undefined,
      underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
    });
  }

  paragraph(runs: TextRun[], style: TextStyle, options: ParagraphOptions = {}): Paragraph {
    return new Paragraph({
      children: runs,
      alignment: options.align ?? AlignmentType.LEFT,
      indent: {
        firstLine: options.firstLineMm ? mm(options.firstLineMm) : undefined,
        left: options.leftMm ? mm(options.leftMm) : undefined,
      },
      spacing: {
        before: Math.round((options.spacingBeforePt ?? 0) * 20),
        after: Math.round((options.spacingAfterPt ?? 0) * 20),
        line: Math.round(SINGLE_LINE * (options.lineSpacing ?? 1)),
        lineRule: LineRuleType.AUTO,
      },
      keepNext: options.keepNext,
      pageBreakBefore: options.pageBreakBefore,
      // The paragraph mark takes the same font, so an empty line is as tall as its neighbours.
      run: { font: this.t.fontFamily, size: style.sizePt * 2 },
    });
  }

  text(text: string, style: TextStyle, options?: ParagraphOptions): Paragraph {
    return this.paragraph([this.run(text, style)], style, options);
  }

  centred(text: string, style: TextStyle, options: ParagraphOptions = {}): Paragraph {
    return this.text(text, style, { align: AlignmentType.CENTER, ...options });
  }

  /** A short centred line under a header line (NĐ 30), drawn as the bottom border of an empty paragraph. */
  rule(rule: RuleStyle, columnWidth: number): Paragraph {
    const side = Math.max(0, Math.round((columnWidth * (1 - rule.widthShare)) / 2));
    return new Paragraph({
      children: [],
      indent: { left: side, right: side },
      spacing: { before: 0, after: 0, line: SINGLE_LINE, lineRule: LineRuleType.AUTO },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
      run: { font: this.t.fontFamily, size: 4 },
    });
  }

  blank(sizePt: number): Paragraph {
    return this.paragraph([], { sizePt });
  }

  bodyParagraphs(text: string): Paragraph[] {
    const { body } = this.t;
    const lines = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "");
    const options: ParagraphOptions = {
      align: AlignmentType.JUSTIFIED,
      firstLineMm: body.firstLineIndentMm,
      spacingAfterPt: body.spacingAfterPt,
      lineSpacing: body.lineSpacing,
    };
    if (lines.length === 0) return [this.text(this.t.emptySection, { ...body.style, italics: true }, options)];
    return lines.map((line) => this.text(line, body.style, options));
  }

  heading(text: string): Paragraph {
    return this.text(text, this.t.sectionHeadingStyle, {
      align: AlignmentType.JUSTIFIED,
      firstLineMm: this.t.body.firstLineIndentMm,
      spacingBeforePt: this.t.body.spacingAfterPt,
      spacingAfterPt: this.t.body.spacingAfterPt,
      keepNext: true,
    });
  }

  cell(
    children: Paragraph[],
    width: number,
    options: { columnSpan?: number; centreVertically?: boolean } = {},
  ): TableCell {
    return new TableCell({
      children: children.length ? children : [new Paragraph({})],
      width: { size: width, type: WidthType.DXA },
      columnSpan: options.columnSpan,
      verticalAlign: options.centreVertically ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
      margins: { left: CELL_MARGIN_TWIPS, right: CELL_MARGIN_TWIPS, top: 20, bottom: 20 },
    });
  }

  table(rows: TableRow[], widths: number[], bordered: boolean): Table {
    return new Table({
      rows,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: bordered ? GRID_BORDERS : TableBorders.NONE,
    });
  }

  // --- Parts of the document ---

  headerTable(): Table {
    const { header, number, placeDate } = this.t;
    const widths = columnWidths(this.textWidth, [header.leftColumnShare, 1 - header.leftColumnShare]);
    const [leftWidth, rightWidth] = widths as [number, number];
    const { issuer } = this.snapshot;

    const issuerLines = issuer.headerLines.map((line, index) => {
      const isName = index === issuer.headerLines.length - 1;
      const shown = header.uppercaseIssuer ? line.toLocaleUpperCase("vi") : line;
      return this.centred(shown, isName ? header.issuerNameStyle : header.issuerLineStyle);
    });
    const left = [...issuerLines];
    if (header.issuerRule) left.push(this.rule(header.issuerRule, leftWidth));
    if (header.issuerTrailer) left.push(this.centred(header.issuerTrailer.text, header.issuerTrailer.style));

    const right = header.nationalLines.map((line) => this.centred(line.text, line.style));
    if (header.nationalRule) right.push(this.rule(header.nationalRule, rightWidth));

    const numberLine = this.centred(reportNumber(this.t, this.snapshot.reportSerial, issuer.issuerCode), number.style, {
      spacingBeforePt: 6,
    });
    const placeDateLine = this.centred(
      fillPattern(placeDate.pattern, { place: issuer.place, date: formatDateLong(this.snapshot.reportDate) }),
      placeDate.style,
      { spacingBeforePt: 6 },
    );

    return this.table(
      [
        new TableRow({ children: [this.cell(left, leftWidth), this.cell(right, rightWidth)] }),
        new TableRow({ children: [this.cell([numberLine], leftWidth), this.cell([placeDateLine], rightWidth)] }),
      ],
      widths,
      false,
    );
  }

  title(): Paragraph[] {
    const { title } = this.t;
    const { plan } = this.snapshot;
    const paragraphs = [
      this.centred(title.documentType.text, title.documentType.style, { spacingBeforePt: 18 }),
      this.centred(reportSubtitle(this.snapshot, this.t), title.subtitleStyle),
    ];
    if (title.planTitlePattern !== null && plan.title.trim() !== "") {
      paragraphs.push(
        this.centred(fillPattern(title.planTitlePattern, { title: plan.title.trim() }), title.planTitleStyle),
      );
    }
    if (title.rule) paragraphs.push(this.rule(title.rule, this.textWidth));
    paragraphs.push(this.blank(this.t.body.style.sizePt));
    return paragraphs;
  }

  sections(): (Paragraph | Table)[] {
    const { sections: titles } = this.t;
    const { sections } = this.snapshot;
    const results: (Paragraph | Table)[] = [this.heading(titles.results), ...this.bodyParagraphs(sections.results)];
    if (this.t.appendixReference && this.snapshot.indicators.length > 0) {
      results.push(...this.bodyParagraphs(this.t.appendixReference));
    }
    results.push(...this.taskTable());
    return [
      this.heading(titles.leadership),
      ...this.bodyParagraphs(sections.leadership),
      ...results,
      this.heading(titles.shortcomings),
      ...this.bodyParagraphs(sections.shortcomings),
      this.heading(titles.nextYear),
      ...this.bodyParagraphs(sections.nextYear),
      this.heading(titles.proposals),
      ...this.bodyParagraphs(sections.proposals),
    ];
  }

  taskTable(): (Paragraph | Table)[] {
    const { tasks } = this.snapshot;
    if (tasks.length === 0) return [];
    const spec = this.t.taskTable;
    const widths = columnWidths(this.textWidth, spec.columnShares);
    const [orderW, taskW, leadW, progressW] = widths as [number, number, number, number];
    const head = (text: string, width: number) =>
      this.cell([this.centred(text, spec.headerStyle)], width, { centreVertically: true });

    const rows = [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [
          head(spec.headers.order, orderW),
          head(spec.headers.task, taskW),
          head(spec.headers.lead, leadW),
          head(spec.headers.progress, progressW),
        ],
      }),
      ...tasks.map((task) => {
        const style = spec.cellStyle;
        const progress: Paragraph[] = [];
        if (task.status) progress.push(this.text(spec.statusLabels[task.status], { ...style, bold: true }));
        if (task.summary?.trim())
          progress.push(this.text(task.summary.trim(), style, { align: AlignmentType.JUSTIFIED }));
        return new TableRow({
          children: [
            this.cell([this.centred(task.numbering, style)], orderW),
            this.cell(
              [
                this.text(task.title?.trim() || task.body.trim(), style, {
                  align: AlignmentType.JUSTIFIED,
                  leftMm: task.depth * 2,
                }),
              ],
              taskW,
            ),
            this.cell([this.text(task.lead.join("; "), style)], leadW),
            this.cell(progress, progressW),
          ],
        });
      }),
    ];
    const caption = spec.caption ? this.bodyParagraphs(spec.caption) : [];
    return [...caption, this.table(rows, widths, true), this.blank(this.t.body.style.sizePt)];
  }

  signatureTable(): Table {
    const { recipients, signature } = this.t;
    const widths = columnWidths(this.textWidth, [1 - signature.columnShare, signature.columnShare]);
    const [leftWidth, rightWidth] = widths as [number, number];
    const { signer } = this.snapshot;

    const left = [
      this.text(recipients.label, recipients.labelStyle),
      ...this.snapshot.recipients.map((item) => {
        const trimmed = item.trim();
        const shown = /^[-–]/.test(trimmed) ? trimmed : recipients.itemPrefix + trimmed;
        return this.text(shown, recipients.itemStyle);
      }),
    ];

    const caps = (text: string) => (signature.uppercaseFormAndTitle ? text.toLocaleUpperCase("vi") : text);
    const form = signer.signingForm ?? signature.defaultSigningForm;
    const right: Paragraph[] = [];
    for (const line of (form ?? "").split(/\r?\n/).filter((l) => l.trim() !== "")) {
      right.push(this.centred(caps(line.trim()), signature.formStyle));
    }
    if (signer.title?.trim()) right.push(this.centred(caps(signer.title.trim()), signature.titleStyle));
    for (let i = 0; i < signature.blankLinesBeforeName; i++) right.push(this.blank(signature.nameStyle.sizePt));
    if (signer.name?.trim()) right.push(this.centred(signer.name.trim(), signature.nameStyle));

    return this.table(
      [new TableRow({ cantSplit: true, children: [this.cell(left, leftWidth), this.cell(right, rightWidth)] })],
      widths,
      false,
    );
  }

  appendix(): (Paragraph | Table)[] {
    const spec = this.t.appendix;
    const { snapshot } = this;
    const parts: (Paragraph | Table)[] = [
      this.centred(fillPattern(spec.titlePattern, { year: snapshot.year }), spec.titleStyle, { pageBreakBefore: true }),
    ];
    if (spec.attachedToPattern) {
      parts.push(
        this.centred(
          fillPattern(spec.attachedToPattern, {
            number: reportCode(this.t, snapshot.reportSerial, snapshot.issuer.issuerCode),
            date: formatDate(snapshot.reportDate),
            issuer: snapshot.issuer.name,
          }),
          spec.attachedToStyle,
        ),
      );
    }
    if (hasIllustrativeData(snapshot)) {
      parts.push(this.centred(spec.illustrativeNote, spec.illustrativeNoteStyle, { spacingBeforePt: 6 }));
    }
    parts.push(this.blank(spec.cellStyle.sizePt));
    parts.push(this.appendixTable());
    return parts;
  }

  appendixTable(): Table {
    const spec = this.t.appendix;
    const widths = columnWidths(this.textWidth, spec.columnShares);
    const h = spec.headers;
    const headerTexts = [
      h.order,
      h.name,
      h.unit,
      h.target2025,
      h.target2030,
      fillPattern(h.actual, { year: this.snapshot.year }),
      h.status,
    ];
    const headerRow = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: headerTexts.map((text, i) =>
        this.cell([this.centred(text, spec.headerStyle)], widths[i]!, { centreVertically: true }),
      ),
    });
    return this.table(
      [headerRow, ...this.snapshot.indicators.map((indicator) => this.indicatorRow(indicator, widths))],
      widths,
      true,
    );
  }

  private indicatorRow(indicator: SnapshotIndicator, widths: number[]): TableRow {
    const spec = this.t.appendix;
    const style: TextStyle = { ...spec.cellStyle, bold: indicator.isGroup || spec.cellStyle.bold };
    const values = [
      indicator.unit ?? "",
      indicator.target2025,
      indicator.target2030,
      actualText(indicator.actual, indicator.actualValue),
      statusText(indicator.status),
    ];
    return new TableRow({
      cantSplit: true,
      children: [
        this.cell([this.centred(indicator.code, style)], widths[0]!, { centreVertically: true }),
        this.cell(
          [
            this.text(indicator.name, style, {
              align: AlignmentType.LEFT,
              leftMm: indicator.depth * spec.nestedIndentMm,
            }),
          ],
          widths[1]!,
          { centreVertically: true },
        ),
        ...values.map((value, i) =>
          this.cell([this.centred(value, style)], widths[i + 2]!, { centreVertically: true }),
        ),
      ],
    });
  }

  pageNumberHeaders(): { headers?: { default: Header; first?: Header }; titlePage?: boolean } {
    const spec = this.t.pageNumbers;
    if (!spec.enabled) return {};
    const numbered = new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              children: [PageNumber.CURRENT],
              font: this.t.fontFamily,
              size: spec.style.sizePt * 2,
              bold: spec.style.bold,
            }),
          ],
        }),
      ],
    });
    if (spec.fromPage === 1) return { headers: { default: numbered } };
    // A different first page with an empty header: NĐ 30 numbers pages from the second.
    return { headers: { default: numbered, first: new Header({ children: [new Paragraph({})] }) }, titlePage: true };
  }
}

export function buildReportDocument(snapshot: ReportSnapshot, template: DocumentTemplate): Document {
  const writer = new ReportWriter(snapshot, template);
  const { page } = template;
  const pageNumbers = writer.pageNumberHeaders();
  return new Document({
    creator: snapshot.issuer.name,
    title: reportSubtitle(snapshot, template),
    styles: {
      default: {
        document: {
          // Vietnamese for spelling and hyphenation, set once here rather than on every run.
          run: { font: template.fontFamily, size: template.body.style.sizePt * 2, language: { value: "vi-VN" } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(page.widthMm), height: mm(page.heightMm) },
            margin: {
              top: mm(page.marginTopMm),
              bottom: mm(page.marginBottomMm),
              left: mm(page.marginLeftMm),
              right: mm(page.marginRightMm),
              header: mm(page.headerDistanceMm),
              footer: mm(page.headerDistanceMm),
            },
          },
          titlePage: pageNumbers.titlePage,
        },
        headers: pageNumbers.headers,
        children: [
          writer.headerTable(),
          ...writer.title(),
          ...writer.sections(),
          writer.blank(template.body.style.sizePt),
          writer.signatureTable(),
          // A plan without indicators has nothing to annex; an empty table would look like lost data.
          ...(snapshot.indicators.length > 0 ? writer.appendix() : []),
        ],
      },
    ],
  });
}
