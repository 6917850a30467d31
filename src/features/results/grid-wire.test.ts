import { describe, expect, it } from "vitest";
import { packGrid, unpackGrid } from "./grid-wire";
import type { GridIndicator, GridRow } from "./queries";

const YEAR = 2026;

const target = (text: string, kind: "AT_LEAST" | "QUALITATIVE", lower: number | null = null) => ({
  kind,
  lower,
  upper: null,
  isPercent: text.includes("%"),
  unit: null,
  qualitative: kind === "QUALITATIVE" ? text : null,
  text,
});

const computed: GridIndicator = {
  kind: "indicator",
  id: "8d0e2a4c-1b5f-5c3d-8e7f-9a0b1c2d3e4f",
  code: "1.1",
  name: "Tỷ lệ hộ nghèo đa chiều",
  unit: "%",
  depth: 1,
  direction: "HIGHER_BETTER",
  target2025: "tối thiểu 60%",
  target2030: "tối thiểu 90%",
  chosen: false,
  statusInput: {
    direction: "HIGHER_BETTER",
    baseline: { year: 2023, value: 40 },
    targets: [
      { year: 2025, target: target("tối thiểu 60%", "AT_LEAST", 60) },
      { year: 2030, target: target("tối thiểu 90%", "AT_LEAST", 90) },
    ],
    actuals: [
      { year: 2024, value: 45 },
      { year: 2025, value: 52.5 },
    ],
  },
  previous: { year: YEAR - 1, text: "52,5" },
  baseline: { year: 2023, text: "40" },
  actual: {
    text: "55",
    qualitativeStatus: null,
    status: "ON_TRACK",
    note: "Ước tính",
    source: "Cục Thống kê",
    version: 3,
    isIllustrative: true,
  },
};

const rows: GridRow[] = [
  { kind: "group", id: "a1b2c3d4-0000-5000-8000-000000000001", code: "1", name: "Kinh tế", depth: 0 },
  computed,
  // The user chooses the status; 2025 has a milestone "without a target" whose text is shown all the same.
  {
    ...computed,
    id: "8d0e2a4c-1b5f-5c3d-8e7f-9a0b1c2d3e50",
    code: "1.2",
    direction: "QUALITATIVE",
    unit: null,
    target2025: "Không giao",
    target2030: "Giải quyết cơ bản",
    chosen: true,
    statusInput: {
      direction: "QUALITATIVE",
      baseline: null,
      targets: [{ year: 2030, target: target("Giải quyết cơ bản", "QUALITATIVE") }],
      actuals: [],
    },
    previous: null,
    baseline: { year: null, text: "Chưa đạt" },
    actual: { ...computed.actual!, qualitativeStatus: "AT_RISK", status: "AT_RISK", isIllustrative: false },
  },
  // No target, no baseline, nothing entered.
  {
    ...computed,
    id: "8d0e2a4c-1b5f-5c3d-8e7f-9a0b1c2d3e51",
    code: "1.3",
    target2025: "",
    target2030: "",
    chosen: true,
    statusInput: { direction: "HIGHER_BETTER", baseline: null, targets: [], actuals: [] },
    previous: null,
    baseline: null,
    actual: null,
  },
];

describe("the grid's rows on the wire", () => {
  it("come back as they were sent", () => {
    const sent = JSON.parse(JSON.stringify(packGrid(rows))) as ReturnType<typeof packGrid>;
    expect(unpackGrid(sent, YEAR)).toEqual(rows);
  });

  it("write each text once and stay compact", () => {
    // The plan of 200 indicators (tests/fixtures/large-plan.ts) sent 850 bytes of props a row as objects.
    const wire = JSON.stringify(packGrid([computed]));
    expect(wire.split("tối thiểu 60%").length - 1).toBe(1);
    expect(wire.split("HIGHER_BETTER").length - 1).toBe(1);
    expect(wire).not.toMatch(/"[a-zA-Z0-9]+":/);
    expect(Buffer.byteLength(wire)).toBeLessThan(350);
    expect(Buffer.byteLength(wire)).toBeLessThan(0.4 * Buffer.byteLength(JSON.stringify([computed])));
  });
});
