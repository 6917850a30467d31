import type { IndicatorStatus } from "@/domain/indicator-status";
import { INDICATOR_STATUSES } from "@/ui/statuses";
import { combinationText, combineFigures, type Aggregation } from "@/domain/locality-aggregation";
import {
  NARRATIVE_KEYS,
  type CompiledIndicator,
  type CompiledLocality,
  type CompiledReport,
  type LocalityValue,
  type NarrativeKey,
} from "./types";

// The compiled part of a body's report from what was read (compile-queries.ts): no I/O here, so the
// counts and the combined figures are tested without a database.

export type OwnIndicator = {
  id: string;
  code: string;
  name: string;
  unit: string | null;
  isGroup: boolean;
  depth: number;
  aggregation: Aggregation;
  aggregationWeightId: string | null;
  target: string | null;
  actual: string | null;
  status: IndicatorStatus | null;
};

export type LocalityInput = CompiledLocality & {
  /** The locality's figures by the body's indicator they derive from. */
  values: Map<string, Omit<LocalityValue, "planId">>;
  /** The narrative of its latest submission, when that submission stands (sent or accepted). */
  sections: Partial<Record<NarrativeKey, string>> | null;
};

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

export function compileReport(input: {
  compiledOn: string;
  indicators: OwnIndicator[];
  localities: LocalityInput[];
  withoutPlan: string[];
}): CompiledReport {
  const localities = [...input.localities].sort((a, b) => collator.compare(a.name, b.name));
  const names = new Map(input.indicators.map((i) => [i.id, i.name]));

  const indicators = input.indicators.map((indicator): CompiledIndicator => {
    const counts = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, 0])) as Record<IndicatorStatus, number>;
    const values: LocalityValue[] = [];
    const offTrack: string[] = [];
    if (!indicator.isGroup)
      for (const locality of localities) {
        const value = locality.values.get(indicator.id);
        if (!value) continue;
        values.push({ planId: locality.planId, ...value });
        counts[value.status ?? "NO_DATA"] += 1;
        if (value.status === "OFF_TRACK") offTrack.push(locality.name);
      }
    const weightId = indicator.aggregation === "WEIGHTED_AVERAGE" ? indicator.aggregationWeightId : null;
    const combination = indicator.isGroup
      ? ({ kind: "NONE" } as const)
      : combineFigures(
          indicator.aggregation,
          localities
            .filter((l) => l.values.has(indicator.id))
            .map((l) => ({
              locality: l.name,
              value: l.values.get(indicator.id)!.actualValue,
              weight: weightId ? (l.values.get(weightId)?.actualValue ?? null) : null,
            })),
        );
    const weightName = weightId ? (names.get(weightId) ?? null) : null;
    return {
      id: indicator.id,
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      isGroup: indicator.isGroup,
      depth: indicator.depth,
      own: { target: indicator.target, actual: indicator.actual, status: indicator.status },
      aggregation: indicator.aggregation,
      weightName,
      compiled: combinationText(combination, { weightName }),
      compiledValue: combination.kind === "VALUE" ? combination.value : null,
      counts,
      offTrack,
      values,
    };
  });

  const sections = Object.fromEntries(
    NARRATIVE_KEYS.map((key) => [key, [] as CompiledReport["sections"][NarrativeKey]]),
  ) as CompiledReport["sections"];
  for (const locality of localities)
    for (const key of NARRATIVE_KEYS) {
      const text = locality.sections?.[key]?.trim();
      if (text) sections[key].push({ planId: locality.planId, locality: locality.name, text });
    }

  const shown = localities.map((l): CompiledLocality => ({
    planId: l.planId,
    name: l.name,
    note: l.note,
    planNumber: l.planNumber,
    report: l.report,
  }));
  return {
    compiledOn: input.compiledOn,
    localities: shown,
    summary: {
      localities: shown.length,
      reported: shown.filter((l) => l.report.state === "SUBMITTED" || l.report.state === "ACCEPTED").length,
      late: shown.filter((l) => l.report.late).length,
      returned: shown.filter((l) => l.report.state === "RETURNED").length,
      notOwed: shown.filter((l) => l.report.state === "NOT_OWED").length,
    },
    withoutPlan: [...input.withoutPlan].sort((a, b) => collator.compare(a, b)),
    indicators,
    sections,
  };
}
