import { formatDate, formatDateLong } from "@/domain/reporting-calendar";
import {
  fillPattern,
  reportNumber,
  reportSubtitle,
  templateFor,
  type DocumentTemplate,
  type TextStyle,
} from "@/features/export/document-template";
import { actualText, hasIllustrativeData, statusText } from "@/features/export/indicator-cells";
import type { ReportSnapshot } from "./snapshot";

// A report as a document, from a snapshot (live for a draft, frozen for a submission), with the
// texts, sizes and order of the Word export (src/features/export/document-template.ts), for the
// screen and for printing from the browser.

const SECTION_KEYS = ["leadership", "results", "shortcomings", "nextYear", "proposals"] as const;

function textStyle(style: TextStyle): React.CSSProperties {
  return {
    fontSize: `${style.sizePt}pt`,
    fontWeight: style.bold ? 700 : 400,
    fontStyle: style.italics ? "italic" : "normal",
    textDecoration: style.underline ? "underline" : "none",
    textUnderlineOffset: "3px",
  };
}

export function ReportDocument({
  snapshot,
  template = templateFor(snapshot.issuer.notation),
}: {
  snapshot: ReportSnapshot;
  template?: DocumentTemplate;
}) {
  const { header } = template;
  const lines = snapshot.issuer.headerLines.map((line) =>
    header.uppercaseIssuer ? line.toLocaleUpperCase("vi") : line,
  );
  const signingForm = snapshot.signer.signingForm ?? template.signature.defaultSigningForm;
  const upper = (s: string) => (template.signature.uppercaseFormAndTitle ? s.toLocaleUpperCase("vi") : s);
  const headers = template.appendix.headers;
  const tasks = template.taskTable;
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
      style={{ fontFamily: `"${template.fontFamily}", Times, "Liberation Serif", serif` }}
    >
      <div
        className="grid gap-2 text-center"
        style={{ gridTemplateColumns: `${header.leftColumnShare}fr ${1 - header.leftColumnShare}fr` }}
      >
        <div>
          {lines.map((line, i) => (
            <p key={i} style={textStyle(i === lines.length - 1 ? header.issuerNameStyle : header.issuerLineStyle)}>
              {line}
            </p>
          ))}
          {header.issuerRule ? (
            <hr className="mx-auto my-1 border-black" style={{ width: `${header.issuerRule.widthShare * 100}%` }} />
          ) : null}
          {header.issuerTrailer ? (
            <p style={textStyle(header.issuerTrailer.style)}>{header.issuerTrailer.text}</p>
          ) : null}
          <p style={textStyle(template.number.style)} className="whitespace-pre">
            {reportNumber(template, snapshot.reportSerial, snapshot.issuer.issuerCode)}
          </p>
        </div>
        <div>
          {header.nationalLines.map((line) => (
            <p key={line.text} style={textStyle(line.style)}>
              {line.text}
            </p>
          ))}
          <p className="mt-3" style={textStyle(template.placeDate.style)}>
            {fillPattern(template.placeDate.pattern, {
              place: snapshot.issuer.place,
              date: formatDateLong(snapshot.reportDate),
            })}
          </p>
        </div>
      </div>

      <div className="mt-6 text-center">
        <p style={textStyle(template.title.documentType.style)}>{template.title.documentType.text}</p>
        <p style={textStyle(template.title.subtitleStyle)}>{reportSubtitle(snapshot, template)}</p>
        {template.title.planTitlePattern ? (
          <p style={textStyle(template.title.planTitleStyle)}>
            {fillPattern(template.title.planTitlePattern, { title: snapshot.plan.title })}
          </p>
        ) : null}
        {template.title.rule ? (
          <hr className="mx-auto my-2 border-black" style={{ width: `${template.title.rule.widthShare * 100}%` }} />
        ) : null}
        <p className="italic" style={{ fontSize: `${template.body.style.sizePt}pt` }}>
          (Số liệu từ ngày {formatDate(snapshot.period.start)} đến ngày {formatDate(snapshot.period.end)})
        </p>
      </div>

      <div className="mt-4">
        {SECTION_KEYS.map((key) => (
          <section key={key}>
            <h3 style={{ ...textStyle(template.sectionHeadingStyle), marginTop: "6pt" }}>{template.sections[key]}</h3>
            {snapshot.sections[key] ? (
              snapshot.sections[key]
                .split(/\n+/)
                .filter((p) => p.trim())
                .map((paragraph, i) => (
                  <p key={i} style={bodyStyle}>
                    {paragraph}
                  </p>
                ))
            ) : (
              <p style={bodyStyle} className="italic text-stone-500">
                {template.emptySection}
              </p>
            )}
            {key === "results" ? (
              <>
                {template.appendixReference ? <p style={bodyStyle}>{template.appendixReference}</p> : null}
                {tasks.caption ? <p style={{ ...bodyStyle, fontWeight: 700 }}>{tasks.caption}</p> : null}
                <TaskTable snapshot={snapshot} template={template} />
              </>
            ) : null}
          </section>
        ))}
      </div>

      <div
        className="mt-6 grid gap-4"
        style={{ gridTemplateColumns: `${1 - template.signature.columnShare}fr ${template.signature.columnShare}fr` }}
      >
        <div>
          <p style={textStyle(template.recipients.labelStyle)}>{template.recipients.label}</p>
          {snapshot.recipients.map((r) => (
            <p key={r} style={textStyle(template.recipients.itemStyle)}>
              {r.startsWith("-") ? r : `${template.recipients.itemPrefix}${r}`};
            </p>
          ))}
        </div>
        <div className="text-center">
          {signingForm ? <p style={textStyle(template.signature.formStyle)}>{upper(signingForm)}</p> : null}
          {snapshot.signer.title ? (
            <p style={textStyle(template.signature.titleStyle)}>{upper(snapshot.signer.title)}</p>
          ) : null}
          <div style={{ height: `${template.signature.blankLinesBeforeName * 1.5}em` }} />
          {snapshot.signer.name ? <p style={textStyle(template.signature.nameStyle)}>{snapshot.signer.name}</p> : null}
        </div>
      </div>

      <section className="report-appendix mt-10 space-y-1 text-center">
        <p style={textStyle(template.appendix.titleStyle)}>
          {fillPattern(template.appendix.titlePattern, { year: snapshot.year })}
        </p>
        {template.appendix.attachedToPattern ? (
          <p style={textStyle(template.appendix.attachedToStyle)}>
            {fillPattern(template.appendix.attachedToPattern, {
              number: reportNumber(template, snapshot.reportSerial, snapshot.issuer.issuerCode)
                .replace(/^Số:?\s*/, "")
                .trim(),
              date: formatDate(snapshot.reportDate),
              issuer: snapshot.issuer.name,
            })}
          </p>
        ) : null}
        {hasIllustrativeData(snapshot) ? (
          <p style={textStyle(template.appendix.illustrativeNoteStyle)}>{template.appendix.illustrativeNote}</p>
        ) : null}
        <table
          className="mt-2 w-full border-collapse text-left"
          style={textStyle(template.appendix.cellStyle)}
          aria-label={fillPattern(template.appendix.titlePattern, { year: snapshot.year })}
        >
          <colgroup>
            {template.appendix.columnShares.map((share, i) => (
              <col key={i} style={{ width: `${share * 100}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr className="text-center" style={textStyle(template.appendix.headerStyle)}>
              {[
                headers.order,
                headers.name,
                headers.unit,
                headers.target2025,
                headers.target2030,
                fillPattern(headers.actual, { year: snapshot.year }),
                headers.status,
              ].map((h) => (
                <th key={h} scope="col" className={cell}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {snapshot.indicators.map((i, index) => (
              <tr key={`${i.code}-${index}`} style={{ fontWeight: i.isGroup ? 700 : 400 }}>
                <td className={`${cell} text-center`}>{i.code}</td>
                <td className={cell} style={{ paddingLeft: `${1.5 + i.depth * template.appendix.nestedIndentMm}mm` }}>
                  {i.name}
                </td>
                <td className={`${cell} text-center`}>{i.unit ?? ""}</td>
                <td className={`${cell} text-center`}>{i.target2025}</td>
                <td className={`${cell} text-center`}>{i.target2030}</td>
                <td className={`${cell} text-center`}>{actualText(i.actual, i.actualValue)}</td>
                <td className={`${cell} text-center`}>{statusText(i.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

const cell = "border border-black px-1.5 py-1 align-top";

function TaskTable({ snapshot, template }: { snapshot: ReportSnapshot; template: DocumentTemplate }) {
  const t = template.taskTable;
  if (!snapshot.tasks.length) return null;
  return (
    <table
      className="my-2 w-full border-collapse text-left"
      style={textStyle(t.cellStyle)}
      aria-label={`Kết quả thực hiện các nhiệm vụ năm ${snapshot.year}`}
    >
      <colgroup>
        {t.columnShares.map((share, i) => (
          <col key={i} style={{ width: `${share * 100}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr className="text-center" style={textStyle(t.headerStyle)}>
          {[t.headers.order, t.headers.task, t.headers.lead, t.headers.progress].map((h) => (
            <th key={h} scope="col" className={cell}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {snapshot.tasks.map((task, index) => (
          <tr key={`${task.numbering}-${index}`}>
            <td className={`${cell} text-center`} style={{ fontWeight: task.depth === 0 ? 700 : 400 }}>
              {task.numbering}
            </td>
            <td className={cell} style={{ paddingLeft: `${1.5 + task.depth * 3}mm` }}>
              {task.title ? (
                <span style={{ fontWeight: 700 }}>
                  {task.title}
                  {task.body ? ": " : ""}
                </span>
              ) : null}
              <span>{task.body.length > 400 ? `${task.body.slice(0, 400)}…` : task.body}</span>
            </td>
            <td className={cell}>{task.lead.join("; ")}</td>
            <td className={cell}>
              {task.status ? <span style={{ fontWeight: 700 }}>{t.statusLabels[task.status]}. </span> : null}
              <span className="whitespace-pre-line">{task.summary ?? ""}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
