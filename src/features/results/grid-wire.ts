import type { IndicatorStatus } from "@/domain/indicator-status";
import type { Target } from "@/domain/target-notation";
import type { GridIndicator, GridRow } from "./queries";

// The grid's rows as they travel to the browser. The page's HTML carries the props of the grid (a
// client component) once more in its RSC payload; as objects, every row repeated its key names, its
// direction and each target's text twice (in the row and in the status preview's input): 850 bytes a
// row of the 200-indicator plan. Packed as positional arrays, with what the browser can derive left
// out (the direction of the preview, the year of last year's figure, the target texts of the two
// milestone years), a row is about a quarter of that (issue 18 part 4, docs/architecture.md).
// `unpackGrid(packGrid(rows), year)` gives the rows back as they were (grid-wire.test.ts).

type PackedTarget = [
  year: number,
  text: string,
  kind: Target["kind"],
  lower: number | null,
  upper: number | null,
  isPercent: 0 | 1,
  qualitative: string | null,
];
type PackedActual = [
  text: string,
  qualitativeStatus: IndicatorStatus | null,
  status: IndicatorStatus,
  note: string,
  source: string,
  version: number,
  isIllustrative: 0 | 1,
];
type PackedIndicator = [
  id: string,
  code: string,
  name: string,
  unit: string | null,
  depth: number,
  direction: GridIndicator["direction"],
  chosen: 0 | 1,
  targets: PackedTarget[],
  /** The status preview's baseline (year and value) and the baseline as shown (year and text). */
  baseline: [year: number | null, value: number | null, text: string | null],
  /** The earlier figures the status preview reads (status.ts previewInput). */
  earlier: [year: number, value: number | null][],
  /** Last year's actual as written (its year is always the one before the grid's). */
  previous: string | null,
  actual: PackedActual | null,
];
type PackedGroup = [id: string, code: string, name: string, depth: number];
export type PackedRow = PackedIndicator | PackedGroup;

const MILESTONE_YEARS = [2025, 2030];

export function packGrid(rows: readonly GridRow[]): PackedRow[] {
  return rows.map((row): PackedRow => {
    if (row.kind === "group") return [row.id, row.code, row.name, row.depth];
    const { statusInput: input } = row;
    // The milestone texts shown are those of the status input's targets; one that differs (a "no
    // target" milestone, which the preview does not read) travels as a "NONE" entry of its own.
    const shown = MILESTONE_YEARS.map((year) => ({ year, text: year === 2025 ? row.target2025 : row.target2030 }));
    const targets: PackedTarget[] = input.targets.map(({ year, target: t }) => [
      year,
      t.text,
      t.kind,
      t.lower,
      t.upper,
      t.isPercent ? 1 : 0,
      t.qualitative,
    ]);
    for (const { year, text } of shown) {
      const first = targets.find((t) => t[0] === year);
      if ((first ?? text !== "") && first?.[1] !== text) targets.push([year, text, "NONE", null, null, 0, null]);
    }
    const a = row.actual;
    return [
      row.id,
      row.code,
      row.name,
      row.unit,
      row.depth,
      row.direction,
      row.chosen ? 1 : 0,
      targets,
      [input.baseline?.year ?? row.baseline?.year ?? null, input.baseline?.value ?? null, row.baseline?.text ?? null],
      input.actuals.map((e) => [e.year, e.value]),
      row.previous?.text ?? null,
      a ? [a.text, a.qualitativeStatus, a.status, a.note, a.source, a.version, a.isIllustrative ? 1 : 0] : null,
    ];
  });
}

export function unpackGrid(packed: readonly PackedRow[], year: number): GridRow[] {
  return packed.map((row): GridRow => {
    if (row.length === 4) {
      const [id, code, name, depth] = row;
      return { kind: "group", id, code, name, depth };
    }
    const [id, code, name, unit, depth, direction, chosen, targets, baseline, earlier, previous, actual] = row;
    const [baselineYear, baselineValue, baselineText] = baseline;
    // A "NONE" entry is there only when the text shown differs from the computed target's (packGrid).
    const shownOf = (year: number) =>
      (targets.find((t) => t[0] === year && t[2] === "NONE") ?? targets.find((t) => t[0] === year))?.[1] ?? "";
    return {
      kind: "indicator",
      id,
      code,
      name,
      unit,
      depth,
      direction,
      target2025: shownOf(2025),
      target2030: shownOf(2030),
      chosen: chosen === 1,
      statusInput: {
        direction,
        baseline: baselineYear !== null && baselineValue !== null ? { year: baselineYear, value: baselineValue } : null,
        targets: targets
          .filter((t) => t[2] !== "NONE")
          .map(([year, text, kind, lower, upper, isPercent, qualitative]) => ({
            year,
            target: { kind, lower, upper, isPercent: isPercent === 1, unit: null, qualitative, text },
          })),
        actuals: earlier.map(([year, value]) => ({ year, value })),
      },
      previous: previous === null ? null : { year: year - 1, text: previous },
      baseline: baselineText === null ? null : { year: baselineYear, text: baselineText },
      actual: actual
        ? {
            text: actual[0],
            qualitativeStatus: actual[1],
            status: actual[2],
            note: actual[3],
            source: actual[4],
            version: actual[5],
            isIllustrative: actual[6] === 1,
          }
        : null,
    };
  });
}
