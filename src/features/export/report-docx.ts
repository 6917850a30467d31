import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
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
  type ISectionOptions,
} from "docx";
import type { ReportSnapshot } from "@/features/reporting/snapshot";
import {
  reportSubtitle,
  templateFor,
  type DocumentTemplate,
  type RuleStyle,
  type TextStyle,
} from "./document-template";
import { buildReportModel, type Line, type ReportModel, type Run } from "./report-model";

/**
 * The yearly report as an official Word document, rendered from the report model (report-model.ts,
 * which the print view renders too): header, number and date, title, the five sections with the
 * tasks, the closing paragraph kept with "Nơi nhận" and the signature, then the indicator appendix
 * as a section of its own with its own page numbers. Pure: the snapshot and the layout in, bytes out.
 */
export async function renderReportDocx(
  snapshot: ReportSnapshot,
  options: { isDraft?: boolean; template?: DocumentTemplate } = {},
): Promise<Buffer> {
  const template = options.template ?? templateFor(snapshot.issuer.notation);
  return Packer.toBuffer(buildReportDocument(snapshot, template, options.isDraft ?? false));
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

type ParagraphOptions = {
  align?: Align;
  firstLineMm?: number;
  leftMm?: number;
  spacingAfterPt?: number;
  spacingBeforePt?: number;
  /** Keep on the page of the next paragraph (or the next table's first row). */
  keepNext?: boolean;
  /** Keep the paragraph's own lines on one page. */
  keepLines?: boolean;
  /** Multiple of single spacing; headers and tables stay single, body text may be looser. */
  lineSpacing?: number;
};

const TWIPS_PER_MM = 1440 / 25.4;
const TWIPS_PER_PT = 20;
/** Word's single line spacing, in 240ths of a line. */
const SINGLE_LINE = 240;
/** A cell's left and right margin: CELL_PADDING_PT in report-model.ts is twice this. */
const CELL_MARGIN_TWIPS = 80;
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const GRID_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

/** Splits a width by shares so that the columns always add up to it exactly. */
function columnWidths(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((share) => Math.floor((total * share) / sum));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

class ReportWriter {
  readonly textWidth: number;
  /** The text width of the appendix's pages, turned sideways or not. */
  readonly appendixWidth: number;
  private readonly t: DocumentTemplate;

  constructor(private readonly model: ReportModel) {
    this.t = model.template;
    const { page } = this.t;
    this.textWidth = mm(page.widthMm) - mm(page.marginLeftMm) - mm(page.marginRightMm);
    const appendixPage = this.t.appendix.landscape ? page.heightMm : page.widthMm;
    this.appendixWidth = mm(appendixPage) - mm(page.marginLeftMm) - mm(page.marginRightMm);
  }

  /**
   * The font and the body size come from the document's defaults (styles.xml); a run states only
   * what differs, which keeps a long report's XML, and the time to write it, small.
   */
  run(text: string, style: TextStyle): TextRun {
    return new TextRun({
      text,
      size: style.sizePt === this.t.body.style.sizePt ? undefined : style.sizePt * 2,
      bold: style.bold || undefined,
      italics: style.italics || undefined,
      underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
    });
  }

  /** Only what differs from the document's defaults (left aligned, no indent, single spacing, no space around). */
  paragraph(runs: TextRun[], style: TextStyle, options: ParagraphOptions = {}): Paragraph {
    const before = Math.round((options.spacingBeforePt ?? 0) * 20);
    const after = Math.round((options.spacingAfterPt ?? 0) * 20);
    const line = Math.round(SINGLE_LINE * (options.lineSpacing ?? 1));
    const indented = options.firstLineMm || options.leftMm;
    return new Paragraph({
      children: runs,
      alignment: options.align && options.align !== AlignmentType.LEFT ? options.align : undefined,
      indent: indented
        ? {
            firstLine: options.firstLineMm ? mm(options.firstLineMm) : undefined,
            left: options.leftMm ? mm(options.leftMm) : undefined,
          }
        : undefined,
      spacing:
        before || after || line !== SINGLE_LINE ? { before, after, line, lineRule: LineRuleType.AUTO } : undefined,
      keepNext: options.keepNext,
      keepLines: options.keepLines,
      // The paragraph mark takes the same size, so an empty line is as tall as its neighbours.
      run: style.sizePt === this.t.body.style.sizePt ? undefined : { size: style.sizePt * 2 },
    });
  }

  text(text: string, style: TextStyle, options?: ParagraphOptions): Paragraph {
    return this.paragraph([this.run(text, style)], style, options);
  }

  runs(runs: Run[], style: TextStyle, options?: ParagraphOptions): Paragraph {
    return this.paragraph(
      runs.map((r) => this.run(r.text, { ...style, bold: r.bold || style.bold })),
      style,
      options,
    );
  }

  centred(line: Line, options: ParagraphOptions = {}): Paragraph {
    return this.text(line.text, line.style, { align: AlignmentType.CENTER, ...options });
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

  blank(sizePt: number, options: ParagraphOptions = {}): Paragraph {
    return this.paragraph([], { sizePt }, options);
  }

  bodyParagraph(text: string, style: TextStyle, options: ParagraphOptions = {}): Paragraph {
    const { body } = this.t;
    return this.text(text, style, {
      align: AlignmentType.JUSTIFIED,
      firstLineMm: body.firstLineIndentMm,
      spacingAfterPt: body.spacingAfterPt,
      lineSpacing: body.lineSpacing,
      ...options,
    });
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

  cell(children: Paragraph[], width: number, options: { centreVertically?: boolean } = {}): TableCell {
    // Margins are the table's (below) and top alignment is Word's default: stated once, not per cell.
    return new TableCell({
      children: children.length ? children : [new Paragraph({})],
      width: { size: width, type: WidthType.DXA },
      verticalAlign: options.centreVertically ? VerticalAlignTable.CENTER : undefined,
    });
  }

  table(rows: TableRow[], widths: number[], bordered: boolean): Table {
    return new Table({
      rows,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: bordered ? GRID_BORDERS : TableBorders.NONE,
      margins: { left: CELL_MARGIN_TWIPS, right: CELL_MARGIN_TWIPS, top: 20, bottom: 20 },
    });
  }

  // --- Parts of the document ---

  /** "DỰ THẢO" in a box at the top right, above the national title. */
  draftMark(mark: Line): Paragraph {
    const box: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 2 };
    const boxWidth = mm(40);
    return new Paragraph({
      children: [this.run(mark.text, mark.style)],
      alignment: AlignmentType.CENTER,
      indent: { left: this.textWidth - boxWidth },
      spacing: { before: 0, after: 120, line: SINGLE_LINE, lineRule: LineRuleType.AUTO },
      border: { top: box, bottom: box, left: box, right: box },
      run: { font: this.t.fontFamily, size: mark.style.sizePt * 2 },
    });
  }

  headerTable(): Table {
    const { header } = this.model;
    const widths = columnWidths(this.textWidth, [header.leftShare, 1 - header.leftShare]);
    const [leftWidth, rightWidth] = widths as [number, number];
    const left = header.issuerLines.map((line) => this.centred(line));
    if (header.issuerRule) left.push(this.rule(header.issuerRule, leftWidth));
    if (header.trailer) left.push(this.centred(header.trailer));
    const right = header.nationalLines.map((line) => this.centred(line));
    return this.table(
      [
        new TableRow({ children: [this.cell(left, leftWidth), this.cell(right, rightWidth)] }),
        new TableRow({
          children: [
            this.cell([this.centred(header.number, { spacingBeforePt: 6 })], leftWidth),
            this.cell([this.centred(header.placeDate, { spacingBeforePt: 6 })], rightWidth),
          ],
        }),
      ],
      widths,
      false,
    );
  }

  title(): Paragraph[] {
    const { title, titleRule, addressee, period } = this.model;
    const paragraphs = title.map((line, i) => this.centred(line, { spacingBeforePt: i === 0 ? 18 : 0 }));
    if (titleRule) paragraphs.push(this.rule(titleRule, this.textWidth));
    if (addressee) paragraphs.push(this.centred(addressee, { spacingBeforePt: 6 }));
    paragraphs.push(this.centred(period, { spacingBeforePt: 6 }));
    paragraphs.push(this.blank(this.t.body.style.sizePt));
    return paragraphs;
  }

  sections(): (Paragraph | Table)[] {
    const body = this.t.body.style;
    const last = this.model.sections.length - 1;
    return this.model.sections.flatMap((section, index) => {
      // A short last section goes with the closing paragraph and the signature (see the model).
      const keep = index === last && this.model.lastSectionWithSignature ? { keepNext: true, keepLines: true } : {};
      return [
        this.heading(section.heading),
        ...section.paragraphs.map((text) =>
          this.bodyParagraph(text, section.isEmpty ? { ...body, italics: true } : body, keep),
        ),
        ...(section.key === "results" ? this.resultsExtras() : []),
      ];
    });
  }

  private resultsExtras(): (Paragraph | Table)[] {
    const { appendixReference, tasks } = this.model;
    const parts: (Paragraph | Table)[] = [];
    if (appendixReference) parts.push(this.bodyParagraph(appendixReference, this.t.body.style));
    if (tasks) {
      if (tasks.caption) parts.push(this.bodyParagraph(tasks.caption, this.t.body.style, { keepNext: true }));
      parts.push(this.taskTable(tasks), this.blank(this.t.body.style.sizePt));
    }
    return parts;
  }

  taskTable(tasks: NonNullable<ReportModel["tasks"]>): Table {
    const spec = this.t.taskTable;
    const widths = columnWidths(this.textWidth, tasks.columnShares);
    const [orderW, taskW, leadW, progressW] = widths as [number, number, number, number];
    const style = spec.cellStyle;
    const head = (text: string, width: number) =>
      this.cell([this.centred({ text, style: spec.headerStyle })], width, { centreVertically: true });
    const justified = { align: AlignmentType.JUSTIFIED } as const;
    return this.table(
      [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: tasks.headers.map((text, i) => head(text, widths[i]!)),
        }),
        ...tasks.rows.map(
          (row) =>
            new TableRow({
              children: [
                this.cell([this.centred({ text: row.numbering, style: { ...style, bold: row.depth === 0 } })], orderW),
                this.cell(
                  row.paragraphs.map((runs) => this.runs(runs, style, { ...justified, leftMm: row.depth * 2 })),
                  taskW,
                ),
                this.cell([this.text(row.lead, style)], leadW),
                this.cell(
                  [
                    ...(row.status ? [this.text(row.status, { ...style, bold: true })] : []),
                    ...row.summary.map((line) => this.text(line, style, justified)),
                  ],
                  progressW,
                ),
              ],
            }),
        ),
      ],
      widths,
      true,
    );
  }

  /**
   * The closing paragraph, "Nơi nhận" and the signature on one page: the paragraph keeps its lines
   * together and stays with the next, the spacer stays with the table, and the table's one row
   * cannot split, so the signature never stands alone on a page.
   */
  closingAndSignature(): (Paragraph | Table)[] {
    const parts: (Paragraph | Table)[] = [];
    if (this.model.closing) {
      parts.push(this.bodyParagraph(this.model.closing, this.t.body.style, { keepNext: true, keepLines: true }));
    }
    parts.push(this.blank(this.t.body.style.sizePt, { keepNext: true }), this.signatureTable());
    return parts;
  }

  signatureTable(): Table {
    const { recipients, signature } = this.model;
    const share = this.t.signature.columnShare;
    const widths = columnWidths(this.textWidth, [1 - share, share]);
    const [leftWidth, rightWidth] = widths as [number, number];
    const left = [
      this.text(recipients.label.text, recipients.label.style),
      ...recipients.items.map((item) => this.text(item.text, item.style)),
    ];
    const right = signature.lines.map((line) => this.centred(line));
    const nameSize = this.t.signature.nameStyle.sizePt;
    for (let i = 0; i < signature.blankLines; i++) right.push(this.blank(nameSize));
    if (signature.name) right.push(this.centred(signature.name));
    return this.table(
      [new TableRow({ cantSplit: true, children: [this.cell(left, leftWidth), this.cell(right, rightWidth)] })],
      widths,
      false,
    );
  }

  appendix(appendix: NonNullable<ReportModel["appendix"]>): (Paragraph | Table)[] {
    const parts: (Paragraph | Table)[] = [this.centred(appendix.label), this.centred(appendix.title)];
    if (appendix.attachedTo) parts.push(this.centred(appendix.attachedTo));
    parts.push(this.rule({ widthShare: 0.2 }, this.appendixWidth));
    if (appendix.illustrativeNote) parts.push(this.centred(appendix.illustrativeNote, { spacingBeforePt: 6 }));
    parts.push(this.blank(appendix.cellStyle.sizePt));
    parts.push(this.appendixTable(appendix));
    return parts;
  }

  appendixTable(appendix: NonNullable<ReportModel["appendix"]>): Table {
    const widths = columnWidths(
      this.appendixWidth,
      appendix.widthsPt.map((w) => w * TWIPS_PER_PT),
    );
    const headerRow = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: appendix.headers.map((text, i) =>
        this.cell([this.centred({ text, style: appendix.headerStyle })], widths[i]!, { centreVertically: true }),
      ),
    });
    const rows = appendix.rows.map((row) => {
      const style: TextStyle = { ...appendix.cellStyle, bold: row.isGroup || appendix.cellStyle.bold };
      // A group's row stays on the page of its first indicator.
      const keepNext = row.isGroup || undefined;
      return new TableRow({
        cantSplit: true,
        children: row.cells.map((text, i) =>
          this.cell(
            [
              i === 1
                ? this.text(text, style, { leftMm: row.depth * appendix.nestedIndentMm, keepNext })
                : this.centred({ text, style }, { keepNext }),
            ],
            widths[i]!,
            { centreVertically: true },
          ),
        ),
      });
    });
    return this.table([headerRow, ...rows], widths, true);
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

export function buildReportDocument(snapshot: ReportSnapshot, template: DocumentTemplate, isDraft = false): Document {
  const model = buildReportModel(snapshot, template, { isDraft });
  const writer = new ReportWriter(model);
  const { page } = template;
  const pageProperties = (
    restartNumbers: boolean,
    landscape = false,
  ): NonNullable<ISectionOptions["properties"]>["page"] => ({
    // docx swaps width and height itself for a landscape section.
    size: {
      width: mm(page.widthMm),
      height: mm(page.heightMm),
      orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
    },
    margin: {
      top: mm(page.marginTopMm),
      bottom: mm(page.marginBottomMm),
      left: mm(page.marginLeftMm),
      right: mm(page.marginRightMm),
      header: mm(page.headerDistanceMm),
      footer: mm(page.headerDistanceMm),
    },
    pageNumbers: restartNumbers ? { start: 1 } : undefined,
  });
  const sections: ISectionOptions[] = [
    {
      properties: { page: pageProperties(false), titlePage: writer.pageNumberHeaders().titlePage },
      headers: writer.pageNumberHeaders().headers,
      children: [
        ...(model.draftMark ? [writer.draftMark(model.draftMark)] : []),
        writer.headerTable(),
        ...writer.title(),
        ...writer.sections(),
        ...writer.closingAndSignature(),
      ],
    },
  ];
  // A plan without indicators has nothing to annex; an empty table would look like lost data.
  if (model.appendix) {
    sections.push({
      properties: {
        page: pageProperties(model.appendix.ownPageNumbers, model.appendix.landscape),
        titlePage: writer.pageNumberHeaders().titlePage,
      },
      headers: writer.pageNumberHeaders().headers,
      children: writer.appendix(model.appendix),
    });
  }
  for (const appendix of model.localityAppendices)
    sections.push({
      properties: {
        page: pageProperties(appendix.ownPageNumbers, appendix.landscape),
        titlePage: writer.pageNumberHeaders().titlePage,
      },
      headers: writer.pageNumberHeaders().headers,
      children: writer.appendix(appendix),
    });
  const title = reportSubtitle(snapshot, template);
  return new Document({
    creator: snapshot.issuer.name,
    lastModifiedBy: snapshot.issuer.name,
    title,
    subject: snapshot.plan.title,
    description: `${title} — ${snapshot.issuer.name}`,
    styles: {
      default: {
        document: {
          // Vietnamese for spelling and hyphenation, set once here rather than on every run.
          run: { font: template.fontFamily, size: template.body.style.sizePt * 2, language: { value: "vi-VN" } },
          paragraph: { spacing: { before: 0, after: 0, line: SINGLE_LINE, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections,
  });
}
