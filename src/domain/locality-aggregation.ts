import { formatVietnameseNumber } from "./decimal";
import type { Direction } from "./target-notation";

// How the figures the localities report for one indicator combine into a figure for the body above
// them (its compiled yearly report): added up for counts ("số hộ nghèo"), averaged with each
// locality weighed by its figure of another indicator (population) for rates, not combined at all
// for qualitative indicators. The setting lives on the body's indicator; the children copy it.

export const AGGREGATIONS = ["NONE", "SUM", "WEIGHTED_AVERAGE"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const aggregationLabels: Record<Aggregation, string> = {
  NONE: "Không tổng hợp",
  SUM: "Cộng số liệu các địa phương",
  WEIGHTED_AVERAGE: "Bình quân gia quyền theo một chỉ tiêu khác",
};

/** One locality's figure for the indicator and, for a weighted average, its figure of the weight indicator. */
export type LocalityFigure = { locality: string; value: number | null; weight?: number | null };

export type Combination =
  /** The indicator says its localities do not combine. */
  | { kind: "NONE" }
  /** No locality gave a figure that can be used (or, for an average, a usable weight). */
  | { kind: "NO_DATA"; of: number; missing: string[] }
  | {
      kind: "VALUE";
      aggregation: Exclude<Aggregation, "NONE">;
      value: number;
      /** The localities whose figures went into it, of those that have the indicator. */
      used: number;
      of: number;
      /** The localities left out: no figure, or for an average no weight (or a weight of zero). */
      missing: string[];
    };

const usable = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);

/** Float noise such as 0.1 + 0.2 is not a figure anyone reported: two decimals for an average, four for a sum. */
function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * The body's figure compiled from its localities'. A sum adds the figures given; a weighted average
 * is Σ(value × weight) / Σ weight over the localities that give both (a weight must be positive).
 * Localities that give nothing usable are named in `missing`, so the report can say the figure is
 * partial.
 */
export function combineFigures(aggregation: Aggregation, figures: readonly LocalityFigure[]): Combination {
  if (aggregation === "NONE") return { kind: "NONE" };
  const of = figures.length;
  if (aggregation === "SUM") {
    const used = figures.filter((f) => usable(f.value));
    const missing = figures.filter((f) => !usable(f.value)).map((f) => f.locality);
    if (!used.length) return { kind: "NO_DATA", of, missing };
    const value = round(
      used.reduce((sum, f) => sum + f.value!, 0),
      4,
    );
    return { kind: "VALUE", aggregation, value, used: used.length, of, missing };
  }
  const used = figures.filter((f) => usable(f.value) && usable(f.weight) && f.weight > 0);
  const missing = figures.filter((f) => !used.includes(f)).map((f) => f.locality);
  const total = used.reduce((sum, f) => sum + f.weight!, 0);
  if (!used.length || total <= 0) return { kind: "NO_DATA", of, missing };
  const value = round(used.reduce((sum, f) => sum + f.value! * f.weight!, 0) / total, 2);
  return { kind: "VALUE", aggregation, value, used: used.length, of, missing };
}

/** "1.234 (cộng, 12/13 địa phương)", "24,5 (bình quân theo Dân số, 3/3 địa phương)", or why there is none. */
export function combinationText(combination: Combination, options: { weightName?: string | null } = {}): string | null {
  if (combination.kind === "NONE") return null;
  if (combination.kind === "NO_DATA") return `Chưa có số liệu để tổng hợp (0/${combination.of} địa phương)`;
  const how =
    combination.aggregation === "SUM"
      ? "cộng"
      : `bình quân${options.weightName ? ` theo ${options.weightName}` : " gia quyền"}`;
  return `${formatVietnameseNumber(combination.value)} (${how}, ${combination.used}/${combination.of} địa phương)`;
}

/** What makes an indicator's combination setting unusable, in the words shown beside the field; null when it is fine. */
export function aggregationProblem(input: {
  aggregation: Aggregation;
  direction: Direction;
  isGroup: boolean;
  /** The chosen weight indicator, when one is chosen. */
  weight: { id: string; isGroup: boolean; direction: Direction } | null;
  selfId: string | null;
}): { field: "aggregation" | "aggregationWeightId"; message: string } | null {
  const { aggregation, weight } = input;
  if (aggregation === "NONE") return null;
  if (input.isGroup)
    return { field: "aggregation", message: "Nhóm chỉ tiêu không có số liệu để tổng hợp; hãy chọn “Không tổng hợp”" };
  if (input.direction === "QUALITATIVE")
    return {
      field: "aggregation",
      message: "Chỉ tiêu định tính không cộng hay lấy bình quân được; hãy chọn “Không tổng hợp”",
    };
  if (aggregation === "SUM") return null;
  if (!weight)
    return {
      field: "aggregationWeightId",
      message: "Hãy chọn chỉ tiêu làm trọng số (ví dụ dân số, số hộ) cho bình quân gia quyền",
    };
  if (input.selfId !== null && weight.id === input.selfId)
    return { field: "aggregationWeightId", message: "Một chỉ tiêu không làm trọng số cho chính nó" };
  if (weight.isGroup || weight.direction === "QUALITATIVE")
    return {
      field: "aggregationWeightId",
      message: "Chỉ tiêu làm trọng số phải có số liệu bằng số (không phải nhóm, không phải chỉ tiêu định tính)",
    };
  return null;
}
