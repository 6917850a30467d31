import { templateFor, type DocumentTemplate, type TextStyle } from "@/features/export/document-template";
import { buildReportModel, type Line, type ReportModel } from "@/features/export/report-model";
import type { ReportSnapshot } from "./snapshot";

// A report as a document for the screen and for printing from the browser, rendered from the same
// report model as the Word file (src/features/export/report-model.ts): the same words, punctuation,
// line breaks in names and column widths; only the mechanics differ (CSS instead of Word's
// paragraph and table properties). The print page adds the A4 page rules.

function textStyle(style: TextStyle): React.CSSProperties {
  return {
    fontSize: `${style.sizePt}pt`,
    fontWeight: style.bold ? 700 : 400,
    fontStyle: style.italics ? "italic" : "normal",
    textDecoration: style.underline ? "underline" : "none",
    textUnderlineOffset: "3px",
  };
}

/** A line that must not wrap: a header line, a part of a body's name, the signer. */
function WholeLine({ line, className }: { line: Line; className?: string }) {
  return (
    <p className={`whitespace-nowrap ${className ?? ""}`} style={textStyle(line.style)}>
      {line.text}
    </p>
  );
}

export function ReportDocument({
  snapshot,
  isDraft = false,
  template = templateFor(snapshot.issuer.notation),
}: {
  snapshot: ReportSnapshot;
  /** Not yet sent: the document says "DỰ THẢO" and leaves its day and month blank. */
  isDraft?: boolean;
  template?: DocumentTemplate;
}) {
  const model = buildReportModel(snapshot, template, { isDraft });
  const { header } = model;
  const keptSection = model.lastSectionWithSignature ? model.sections.at(-1)! : null;
  const sections = keptSection ? model.sections.slice(0, -1) : model.sections;
  const bodyStyle: React.CSSProperties = {
    ...textStyle(template.body.style),
    lineHeight: template.body.lineSpacing * 1.25,
    textIndent: `${template.body.firstLineIndentMm}mm`,
    marginBottom: `${template.body.spacingAfterPt}pt`,
    textAlign: "justify",
  };
  return (
    <div
      className="report-document text-black"
      // Single line spacing outside the body text, as in the Word file.
      style={{ fontFamily: `"${template.fontFamily}", Times, "Liberation Serif", serif`, lineHeight: 1.2 }}
    >
      {model.draftMark ? (
        <div className="mb-2 flex justify-end">
          <p
            className="report-draft-mark border-2 border-black px-4 py-0.5"
            style={textStyle(model.draftMark.style)}
            data-testid="draft-mark"
          >
            {model.draftMark.text}
          </p>
        </div>
      ) : null}
      <div
        className="grid text-center"
        style={{ gridTemplateColumns: `${header.leftShare}fr ${1 - header.leftShare}fr` }}
      >
        <div>
          {header.issuerLines.map((line, i) => (
            <WholeLine key={i} line={line} />
          ))}
          {header.issuerRule ? (
            <hr className="mx-auto my-1 border-black" style={{ width: `${header.issuerRule.widthShare * 100}%` }} />
          ) : null}
          {header.trailer ? <p style={textStyle(header.trailer.style)}>{header.trailer.text}</p> : null}
          <p style={textStyle(header.number.style)} className="mt-2 whitespace-pre">
            {header.number.text}
          </p>
        </div>
        <div>
          {header.nationalLines.map((line) => (
            <WholeLine key={line.text} line={line} />
          ))}
          <p className="mt-3 whitespace-pre-wrap" style={textStyle(header.placeDate.style)}>
            {header.placeDate.text}
          </p>
        </div>
      </div>

      <div className="mt-6 text-center">
        {model.title.map((line, i) => (
          <p key={i} style={textStyle(line.style)}>
            {line.text}
          </p>
        ))}
        {model.titleRule ? (
          <hr className="mx-auto my-2 border-black" style={{ width: `${model.titleRule.widthShare * 100}%` }} />
        ) : null}
        {model.addressee ? (
          <p className="mt-2" style={textStyle(model.addressee.style)}>
            {model.addressee.text}
          </p>
        ) : null}
        <p className="mt-2" style={textStyle(model.period.style)}>
          {model.period.text}
        </p>
      </div>

      <div className="mt-4">
        {sections.map((section) => (
          <Section key={section.key} section={section} model={model} bodyStyle={bodyStyle} />
        ))}
      </div>

      {/* The closing paragraph, "Nơi nhận" and the signature (with a short last section) never part across pages. */}
      <div className="report-closing" style={{ breakInside: "avoid" }} data-testid="report-closing">
        {keptSection ? <Section section={keptSection} model={model} bodyStyle={bodyStyle} /> : null}
        {model.closing ? <p style={bodyStyle}>{model.closing}</p> : null}
        <div
          className="mt-6 grid gap-4"
          style={{
            gridTemplateColumns: `${1 - template.signature.columnShare}fr ${template.signature.columnShare}fr`,
          }}
        >
          <div>
            <p style={textStyle(model.recipients.label.style)}>{model.recipients.label.text}</p>
            {model.recipients.items.map((item, i) => (
              <p key={i} style={textStyle(item.style)}>
                {item.text}
              </p>
            ))}
          </div>
          <div className="text-center" data-testid="signature">
            {model.signature.lines.map((line, i) => (
              <WholeLine key={i} line={line} />
            ))}
            <div style={{ height: `${model.signature.blankLines * 1.5}em` }} />
            {model.signature.name ? <WholeLine line={model.signature.name} /> : null}
          </div>
        </div>
      </div>

      {model.appendix ? <Appendix appendix={model.appendix} /> : null}
      {model.localityAppendices.map((appendix) => (
        <Appendix key={appendix.label.text} appendix={appendix} testId="report-locality-appendix" />
      ))}
    </div>
  );
}

const cell = "border border-black px-1.5 py-1 align-top";

function Section({
  section,
  model,
  bodyStyle,
}: {
  section: ReportModel["sections"][number];
  model: ReportModel;
  bodyStyle: React.CSSProperties;
}) {
  return (
    <section>
      <h3 style={{ ...textStyle(model.template.sectionHeadingStyle), marginTop: "6pt", breakAfter: "avoid" }}>
        {section.heading}
      </h3>
      {section.paragraphs.map((paragraph, i) => (
        <p key={i} style={section.isEmpty ? { ...bodyStyle, fontStyle: "italic" } : bodyStyle}>
          {paragraph}
        </p>
      ))}
      {section.key === "results" ? <ResultsExtras model={model} bodyStyle={bodyStyle} /> : null}
    </section>
  );
}

function ResultsExtras({ model, bodyStyle }: { model: ReportModel; bodyStyle: React.CSSProperties }) {
  const { tasks, template } = model;
  const t = template.taskTable;
  return (
    <>
      {model.appendixReference ? <p style={bodyStyle}>{model.appendixReference}</p> : null}
      {tasks ? (
        <>
          {tasks.caption ? <p style={bodyStyle}>{tasks.caption}</p> : null}
          <table
            className="my-2 w-full table-fixed border-collapse text-left"
            style={{ ...textStyle(t.cellStyle), lineHeight: 1.2 }}
            aria-label="Kết quả thực hiện các nhiệm vụ"
          >
            <colgroup>
              {tasks.columnShares.map((share, i) => (
                <col key={i} style={{ width: `${share * 100}%` }} />
              ))}
            </colgroup>
            <thead>
              <tr className="text-center" style={textStyle(t.headerStyle)}>
                {tasks.headers.map((h) => (
                  <th key={h} scope="col" className={cell}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tasks.rows.map((row, index) => (
                <tr key={`${row.numbering}-${index}`}>
                  <td className={`${cell} text-center`} style={{ fontWeight: row.depth === 0 ? 700 : 400 }}>
                    {row.numbering}
                  </td>
                  <td className={cell} style={{ paddingLeft: `${1.5 + row.depth * 2}mm`, textAlign: "justify" }}>
                    {row.paragraphs.map((runs, i) => (
                      <p key={i}>
                        {runs.map((run, j) => (
                          <span key={j} style={run.bold ? { fontWeight: 700 } : undefined}>
                            {run.text}
                          </span>
                        ))}
                      </p>
                    ))}
                  </td>
                  <td className={cell}>{row.lead}</td>
                  <td className={cell}>
                    {row.status ? <p style={{ fontWeight: 700 }}>{row.status}</p> : null}
                    {row.summary.map((line, i) => (
                      <p key={i} style={{ textAlign: "justify" }}>
                        {line}
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}

function Appendix({
  appendix,
  testId = "report-appendix",
}: {
  appendix: NonNullable<ReportModel["appendix"]>;
  testId?: string;
}) {
  const total = appendix.widthsPt.reduce((a, b) => a + b, 0);
  return (
    <section className="report-appendix mt-10 space-y-1 text-center" data-testid={testId}>
      <p style={textStyle(appendix.label.style)}>{appendix.label.text}</p>
      <p style={textStyle(appendix.title.style)}>{appendix.title.text}</p>
      {appendix.attachedTo ? (
        <p className="whitespace-pre-wrap" style={textStyle(appendix.attachedTo.style)}>
          {appendix.attachedTo.text}
        </p>
      ) : null}
      <hr className="mx-auto my-1 w-1/4 border-black" />
      {appendix.illustrativeNote ? (
        <p style={textStyle(appendix.illustrativeNote.style)}>{appendix.illustrativeNote.text}</p>
      ) : null}
      <table
        className="mt-2 w-full table-fixed border-collapse text-left"
        style={{ ...textStyle(appendix.cellStyle), lineHeight: 1.2 }}
        aria-label={appendix.title.text}
      >
        <colgroup>
          {appendix.widthsPt.map((width, i) => (
            <col key={i} style={{ width: `${(width / total) * 100}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr className="text-center" style={textStyle(appendix.headerStyle)}>
            {appendix.headers.map((h) => (
              <th key={h} scope="col" className={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {appendix.rows.map((row, index) => (
            <tr key={`${row.cells[0]}-${index}`} style={{ fontWeight: row.isGroup ? 700 : 400 }}>
              {row.cells.map((text, i) =>
                i === 1 ? (
                  <td
                    key={i}
                    className={cell}
                    style={{ paddingLeft: `${1.5 + row.depth * appendix.nestedIndentMm}mm` }}
                  >
                    {text}
                  </td>
                ) : (
                  <td key={i} className={`${cell} text-center`}>
                    {text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
