import { formatDate } from "@/domain/reporting-calendar";
import { Badge } from "@/ui/badge";
import { INDICATOR_STATUSES, indicatorStatusLook } from "@/ui/statuses";
import { NARRATIVE_SECTIONS } from "../narrative-sections";
import type { CompiledReport } from "./types";

// The part of a body's report page compiled from its localities: where their reports stand, each
// indicator with the body's figure, the figure compiled from the localities and theirs side by side,
// and under each narrative section the texts they sent, for the staff to condense into the draft.

const cell = "border border-stone-200 px-2 py-1 align-top";

const stateTone = {
  SUBMITTED: "blue",
  ACCEPTED: "green",
  RETURNED: "red",
  DRAFT: "amber",
  NONE: "amber",
  NOT_OWED: "neutral",
} as const;

export function CompiledSection({ compiled, frozen }: { compiled: CompiledReport; frozen: boolean }) {
  const { summary } = compiled;
  const names = new Map(compiled.localities.map((l) => [l.planId, l.name]));
  return (
    <section aria-labelledby="compiled" className="space-y-4" data-testid="compiled-section">
      <h2 id="compiled" className="text-lg font-semibold">
        Tổng hợp từ các địa phương
      </h2>
      <p className="text-sm text-stone-600">
        {frozen
          ? `Số liệu và nội dung của các địa phương như ngày ${formatDate(compiled.compiledOn)}, lưu cố định cùng lần gửi báo cáo.`
          : `Theo báo cáo đã gửi gần nhất của từng địa phương (chưa gửi thì theo số liệu đã nhập), đến ngày ${formatDate(compiled.compiledOn)}. Khi đơn vị gửi báo cáo, phần này được lưu cố định.`}
      </p>
      <p data-testid="compiled-summary">
        {summary.localities} địa phương: {summary.reported} đã nộp báo cáo, {summary.returned} bị trả lại,{" "}
        {summary.late} nộp muộn hoặc quá hạn, {summary.notOwed} không phải báo cáo năm này.
      </p>

      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm" aria-label="Tình hình báo cáo của các địa phương">
          <thead className="bg-stone-50 text-left">
            <tr>
              <th className={cell}>Địa phương</th>
              <th className={cell}>Kế hoạch</th>
              <th className={cell}>Báo cáo</th>
              <th className={cell}>Hạn / ngày gửi</th>
            </tr>
          </thead>
          <tbody>
            {compiled.localities.map((l) => (
              <tr key={l.planId} data-testid={`compiled-locality-${l.planNumber}`}>
                <td className={cell}>
                  <span className="font-medium">{l.name}</span>
                  {l.note ? <span className="block text-xs text-stone-600">{l.note}</span> : null}
                </td>
                <td className={cell}>{l.planNumber}</td>
                <td className={cell}>
                  <Badge tone={stateTone[l.report.state]}>{l.report.label}</Badge>
                  {l.report.late ? <Badge tone="red">muộn</Badge> : null}
                </td>
                <td className={cell}>
                  {l.report.due ? `hạn ${formatDate(l.report.due)}` : ""}
                  {l.report.submittedOn ? `; gửi ${formatDate(l.report.submittedOn)}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {compiled.withoutPlan.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer">
            {compiled.withoutPlan.length} địa phương chưa ban hành kế hoạch thực hiện
          </summary>
          <p className="mt-1 text-stone-700">{compiled.withoutPlan.join(", ")}</p>
        </details>
      ) : null}

      <h3 className="font-semibold">Chỉ tiêu</h3>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm" aria-label="Tổng hợp chỉ tiêu từ các địa phương">
          <thead className="bg-stone-50 text-left">
            <tr>
              <th className={cell}>TT</th>
              <th className={cell}>Chỉ tiêu</th>
              <th className={cell}>Đơn vị báo cáo</th>
              <th className={cell}>Tổng hợp từ địa phương</th>
              <th className={cell}>Số địa phương theo đánh giá</th>
            </tr>
          </thead>
          <tbody>
            {compiled.indicators.map((i) =>
              i.isGroup ? (
                <tr key={i.id} className="bg-stone-50 font-semibold">
                  <td className={cell}>{i.code}</td>
                  <td className={cell} colSpan={4}>
                    {i.name}
                  </td>
                </tr>
              ) : (
                <tr key={i.id} data-testid={`compiled-indicator-${i.code}`}>
                  <td className={cell}>{i.code}</td>
                  <td className={cell}>
                    {i.name}
                    {i.unit ? <span className="text-stone-500"> ({i.unit})</span> : null}
                    {i.values.length ? (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-xs text-brand-700">
                          Số liệu của {i.values.length} địa phương
                        </summary>
                        <table className="mt-1 w-full border-collapse text-xs">
                          <thead>
                            <tr>
                              <th className={cell}>Địa phương</th>
                              <th className={cell}>Chỉ tiêu</th>
                              <th className={cell}>Thực hiện</th>
                              <th className={cell}>Đánh giá</th>
                            </tr>
                          </thead>
                          <tbody>
                            {i.values.map((v) => (
                              <tr key={v.planId}>
                                <td className={cell}>{names.get(v.planId)}</td>
                                <td className={cell}>{v.target ?? "-"}</td>
                                <td className={cell}>{v.actual ?? ""}</td>
                                <td className={cell}>{v.status ? indicatorStatusLook[v.status].label : ""}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </details>
                    ) : null}
                  </td>
                  <td className={cell}>
                    {i.own.actual ?? "chưa có số liệu"}
                    {i.own.target ? (
                      <span className="block text-xs text-stone-600">Chỉ tiêu: {i.own.target}</span>
                    ) : null}
                  </td>
                  <td className={cell}>{i.compiled ?? "Không tổng hợp"}</td>
                  <td className={cell}>
                    {INDICATOR_STATUSES.filter((s) => i.counts[s] > 0)
                      .map((s) => `${indicatorStatusLook[s].short}: ${i.counts[s]}`)
                      .join("; ")}
                    {i.offTrack.length ? (
                      <span className="block text-xs text-red-800">Chậm tiến độ: {i.offTrack.join(", ")}</span>
                    ) : null}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>

      <h3 className="font-semibold">Nội dung báo cáo của các địa phương</h3>
      {NARRATIVE_SECTIONS.map(([key, heading]) => (
        <div key={key} className="space-y-2" data-testid={`compiled-texts-${key}`}>
          <h4 className="font-medium">{heading}</h4>
          {compiled.sections[key].length ? (
            compiled.sections[key].map((t) => (
              <div key={t.planId} className="rounded border border-stone-200 bg-white p-3 text-sm">
                <p className="font-semibold">{t.locality}</p>
                <p className="whitespace-pre-line">{t.text}</p>
              </div>
            ))
          ) : (
            <p className="text-sm text-stone-600">Chưa có địa phương nào gửi nội dung phần này.</p>
          )}
        </div>
      ))}
    </section>
  );
}
