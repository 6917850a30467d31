import { formatVietnameseNumber } from "../../src/domain/decimal";
import type { Target } from "../../src/domain/target-notation";
import { statusesByYear } from "../../src/features/results/status";
import type { Direction } from "../../src/domain/target-notation";
import { seedId, seededRandom } from "./ids";
import type { LoadedIndicator, LoadedPlan, LoadedTask } from "./plans";
import type { SeedRows } from "./rows";
import type { DocumentIndicator, PlanDocument, DocumentTask } from "../../src/features/plans/plan-document";

// Illustrative demo content ("dữ liệu minh họa"), generated deterministically so that dashboards have
// something to show. Every row made here carries isIllustrative and the UI labels it; none of it is a
// real figure.

const ILLUSTRATIVE_NOTE = "(Dữ liệu minh họa, không phải số liệu thực tế.)";

/** A district plan implementing the provincial plan: its tasks and indicators, targets localised. */
export function derivedDistrictPlan(
  parent: PlanDocument,
  input: { key: string; number: string; issuedOn: string; place: string; districtName: string; leads: string[] },
): PlanDocument {
  const random = seededRandom(input.key);
  const localiseTask = (task: DocumentTask, index: number, depth: number): DocumentTask => ({
    numbering: task.numbering,
    title: task.title,
    body: task.body,
    lead: depth === 0 && input.leads[index] ? [input.leads[index]!] : [],
    coordinating: depth === 0 ? ["Các cơ quan, đơn vị, ngành của huyện", "UBND các xã, thị trấn"] : [],
    timeframe: depth === 0 ? "Thường xuyên" : null,
    children: (task.children ?? []).map((child, i) => localiseTask(child, i, depth + 1)),
  });
  const localiseIndicator = (indicator: DocumentIndicator): DocumentIndicator => ({
    ...indicator,
    sourceText: undefined,
    fromParent: !indicator.isGroup,
    targets: indicator.targets
      ? Object.fromEntries(
          Object.entries(indicator.targets).map(([year, text]) => [
            year,
            localiseTarget(text, indicator.direction, random),
          ]),
        )
      : undefined,
    children: indicator.children?.map(localiseIndicator),
  });
  return {
    ...parent,
    key: input.key,
    number: input.number,
    issuedOn: input.issuedOn,
    place: input.place,
    title: `Thực hiện Kế hoạch của Tỉnh ủy Sơn La về thực hiện Nghị quyết số 42-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XIII trên địa bàn ${input.districtName}`,
    issuerHeader: [],
    parentKey: parent.key,
    citedKeys: ["nq-42-tw"],
    signer: { name: null, title: "PHÓ BÍ THƯ", signingForm: "T/M BAN THƯỜNG VỤ" },
    sections: {
      preamble: `Thực hiện Kế hoạch của Tỉnh ủy Sơn La về thực hiện Nghị quyết số 42-NQ/TW, Ban Thường vụ ban hành Kế hoạch thực hiện trên địa bàn ${input.districtName}. ${ILLUSTRATIVE_NOTE}`,
      purpose: parent.sections.purpose,
      requirements: parent.sections.requirements,
      generalObjective: parent.sections.generalObjective,
      vision: null,
      funding: null,
      implementation: `Các cơ quan, đơn vị, ngành và UBND các xã, thị trấn căn cứ Kế hoạch này xây dựng kế hoạch cụ thể để triển khai thực hiện; định kỳ hằng năm (trước ngày 15/12) báo cáo kết quả thực hiện. ${ILLUSTRATIVE_NOTE}`,
    },
    childDeadlines: { plans: null, reports: "trước ngày 15/12" },
    recipients: ["Ban Thường vụ Tỉnh ủy (b/c)", "Các đảng ủy, chi bộ trực thuộc", "Lưu Văn phòng"],
    tasks: parent.tasks.map((task, i) => localiseTask(task, i, 0)),
    indicators: parent.indicators.map(localiseIndicator),
  };
}

// Most districts copy the province's target; some set a more ambitious one and some a weaker one,
// so that the target-alignment view has something to find.
function localiseTarget(text: string, direction: DocumentIndicator["direction"], random: () => number): string {
  const roll = random();
  const match = /(\d+(?:,\d+)?)/.exec(text);
  if (!match || roll < 0.6 || direction === "QUALITATIVE") return text;
  const value = Number(match[1]!.replace(",", "."));
  const weaker = roll > 0.85;
  const lowerIsBetter = direction === "LOWER_BETTER";
  const factor = weaker === lowerIsBetter ? 1.1 : 0.9;
  let next = Math.round(value * factor * 10) / 10;
  if (/%/.test(text) || value <= 100) next = Math.min(next, 100);
  if (next === value) return text;
  return text.replace(match[1]!, formatVietnameseNumber(next));
}

function referenceValue(target: Target): number | null {
  if (target.kind === "RANGE" && target.lower !== null && target.upper !== null)
    return (target.lower + target.upper) / 2;
  return target.lower ?? target.upper;
}

/** Actuals for 2024 and 2025 around each indicator's trajectory: most on track, some behind. */
export function addIllustrativeActuals(rows: SeedRows, plan: LoadedPlan) {
  const random = seededRandom(`actuals:${plan.key}`);
  const visit = (indicator: LoadedIndicator) => {
    indicator.children.forEach(visit);
    if (indicator.source.isGroup) return;
    const target = indicator.targets.get(2030) ?? indicator.targets.get(2025);
    if (!target || target.kind === "NONE") return;
    if (random() < 0.08) return; // some indicators have no data yet
    if (target.kind === "QUALITATIVE") {
      for (const year of [2024, 2025]) {
        const status = random() < 0.7 ? "ON_TRACK" : "AT_RISK";
        rows.indicatorActuals.push({
          id: seedId("actual", indicator.id, year),
          planId: plan.id,
          indicatorId: indicator.id,
          year,
          text: status === "ON_TRACK" ? "Đang thực hiện đúng tiến độ" : "Còn khó khăn",
          qualitativeStatus: status,
          status,
          source: "Dữ liệu minh họa",
          isIllustrative: true,
        });
      }
      return;
    }
    const reference = referenceValue(target);
    if (reference === null) return;
    const lowerIsBetter = indicator.direction === "LOWER_BETTER";
    const behind = random() < 0.25;
    const targets = [...indicator.targets].map(([year, t]) => ({ year, target: t }));
    const generated: { year: number; value: number }[] = [];
    const cap =
      target.isPercent || (reference <= 100 && /%/.test(indicator.source.unit ?? "")) ? 100 : Number.POSITIVE_INFINITY;
    let value = lowerIsBetter
      ? reference * (behind ? 1.4 + random() * 0.4 : 1.05 + random() * 0.2)
      : reference * (behind ? 0.6 + random() * 0.15 : 0.85 + random() * 0.1);
    for (const year of [2024, 2025]) {
      value = Math.min(cap, Math.round(value * 100) / 100);
      generated.push({ year, value });
      const step = Math.abs(reference) * (behind ? 0.005 : 0.03 + random() * 0.03);
      value = lowerIsBetter ? Math.max(0, value - step) : value + step;
    }
    const statuses = statusesByYear({
      direction: indicator.direction as Direction,
      baseline: null,
      targets,
      actuals: generated,
    });
    for (const { year, value: v } of generated) {
      rows.indicatorActuals.push({
        id: seedId("actual", indicator.id, year),
        planId: plan.id,
        indicatorId: indicator.id,
        year,
        value: v,
        text: formatVietnameseNumber(v),
        status: statuses.get(year) ?? "NO_DATA",
        source: "Dữ liệu minh họa",
        isIllustrative: true,
      });
    }
  };
  plan.indicators.forEach(visit);
}

/** Task progress for 2024 and 2025 (every task that has no sub-tasks). */
export function addIllustrativeProgress(rows: SeedRows, plan: LoadedPlan) {
  const random = seededRandom(`progress:${plan.key}`);
  const visit = (task: LoadedTask) => {
    if (task.children.length) return task.children.forEach(visit);
    for (const year of [2024, 2025]) {
      const roll = random();
      const status =
        roll < 0.15
          ? "BEHIND"
          : roll < 0.3 && year === 2025
            ? "COMPLETED"
            : roll < 0.35
              ? "NOT_STARTED"
              : "IN_PROGRESS";
      rows.taskProgress.push({
        id: seedId("progress", task.id, year),
        planId: plan.id,
        taskId: task.id,
        organizationId: null,
        year,
        status,
        summary: `Tình hình thực hiện năm ${year} (dữ liệu minh họa).`,
        isIllustrative: true,
      });
    }
  };
  plan.tasks.forEach(visit);
}

export function dateMinusDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
