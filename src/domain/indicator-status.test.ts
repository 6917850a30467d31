import { describe, expect, it } from "vitest";
import {
  AT_RISK_SHARE,
  indicatorStatus,
  statusLabel,
  trajectory,
  type IndicatorActual,
  type IndicatorStatusInput,
} from "./indicator-status";
import { parseTarget, type Direction, type Target } from "./target-notation";

function t(text: string): Target {
  const r = parseTarget(text);
  if (!r.ok) throw new Error(r.error);
  return r.target;
}

function status(
  direction: Direction,
  targets: Array<[number, string]>,
  actuals: Array<[number, number | null]> | IndicatorActual[],
  year: number,
  baseline: [number, number] | null = null,
) {
  const input: IndicatorStatusInput = {
    direction,
    baseline: baseline ? { year: baseline[0], value: baseline[1] } : null,
    targets: targets.map(([y, text]) => ({ year: y, target: t(text) })),
    actuals: actuals.map((a) => (Array.isArray(a) ? { year: a[0], value: a[1] } : a)),
    year,
  };
  return indicatorStatus(input);
}

describe("indicatorStatus: no data", () => {
  it("without any actual", () => {
    expect(status("HIGHER_BETTER", [[2025, "45"]], [], 2024, [2023, 40])).toBe("NO_DATA");
  });

  it("when every actual is empty", () => {
    expect(status("HIGHER_BETTER", [[2025, "45"]], [[2024, null]], 2024, [2023, 40])).toBe("NO_DATA");
  });

  it("when the only actual is after the year asked about", () => {
    expect(status("HIGHER_BETTER", [[2025, "45"]], [[2025, 50]], 2024, [2023, 40])).toBe("NO_DATA");
  });

  it("when no milestone has a target (Ea Súp 7.3 Số năm sống khỏe: '-', '-')", () => {
    expect(
      status(
        "HIGHER_BETTER",
        [
          [2025, "-"],
          [2030, "-"],
        ],
        [[2024, 65]],
        2024,
      ),
    ).toBe("NO_DATA");
  });
});

describe("indicatorStatus: higher is better", () => {
  // Baseline 40 in 2023, target 45 in 2025: in 2024 the trajectory expects 40 + 5 × 1/2 = 42,5;
  // AT_RISK allows a shortfall of 10% × 5 = 0,5, i.e. down to 42,0.
  const targets: Array<[number, string]> = [
    [2025, "45"],
    [2030, "60"],
  ];
  const baseline: [number, number] = [2023, 40];

  it.each([
    [46, "MET"],
    [45, "MET"],
    [43, "ON_TRACK"],
    [42.5, "ON_TRACK"],
    [42.1, "AT_RISK"],
    [42, "AT_RISK"],
    [41.9, "OFF_TRACK"],
    [38, "OFF_TRACK"],
  ] as const)("actual %d in 2024 → %s", (value, expected) => {
    expect(status("HIGHER_BETTER", targets, [[2024, value]], 2024, baseline)).toBe(expected);
  });

  it("uses the share of the start-to-target distance for AT_RISK", () => {
    expect(AT_RISK_SHARE).toBe(0.1);
  });

  it("moves on to the next milestone after the first one's year", () => {
    // 2027: next milestone 60 in 2030; expected 40 + 20 × 4/7 ≈ 51,43; tolerance 2.
    expect(status("HIGHER_BETTER", targets, [[2027, 52]], 2027, baseline)).toBe("ON_TRACK");
    expect(status("HIGHER_BETTER", targets, [[2027, 50]], 2027, baseline)).toBe("AT_RISK");
    expect(status("HIGHER_BETTER", targets, [[2027, 49]], 2027, baseline)).toBe("OFF_TRACK");
    expect(status("HIGHER_BETTER", targets, [[2027, 60]], 2027, baseline)).toBe("MET");
  });

  it("past the last milestone, is MET or OFF_TRACK", () => {
    expect(status("HIGHER_BETTER", targets, [[2031, 61]], 2031, baseline)).toBe("MET");
    expect(status("HIGHER_BETTER", targets, [[2031, 59.9]], 2031, baseline)).toBe("OFF_TRACK");
  });

  it("in the milestone year, a shortfall is measured against the target itself", () => {
    // expected = 45, tolerance 0,5
    expect(status("HIGHER_BETTER", targets, [[2025, 44.6]], 2025, baseline)).toBe("AT_RISK");
    expect(status("HIGHER_BETTER", targets, [[2025, 44]], 2025, baseline)).toBe("OFF_TRACK");
  });

  it("starts the trajectory at the first actual when there is no baseline", () => {
    // start 40 (2023) → expected 42,5 in 2024
    expect(
      status(
        "HIGHER_BETTER",
        [[2025, "45"]],
        [
          [2023, 40],
          [2024, 42],
        ],
        2024,
      ),
    ).toBe("AT_RISK");
    expect(
      status(
        "HIGHER_BETTER",
        [[2025, "45"]],
        [
          [2023, 40],
          [2024, 43],
        ],
        2024,
      ),
    ).toBe("ON_TRACK");
  });

  it("with a single actual and no baseline, is on track until the milestone year", () => {
    expect(status("HIGHER_BETTER", [[2025, "45"]], [[2024, 40]], 2024)).toBe("ON_TRACK");
    expect(status("HIGHER_BETTER", [[2025, "45"]], [[2025, 40]], 2025)).toBe("OFF_TRACK");
  });

  it("uses the latest actual at or before the year, whatever the input order", () => {
    expect(
      status(
        "HIGHER_BETTER",
        [[2025, "45"]],
        [
          [2024, 43],
          [2023, 38],
          [2025, null],
        ],
        2025,
        [2023, 40],
      ),
    ).toBe("ON_TRACK");
    expect(
      status(
        "HIGHER_BETTER",
        [[2025, "45"]],
        [
          [2024, 41],
          [2026, 50],
        ],
        2025,
        [2023, 40],
      ),
    ).toBe("OFF_TRACK");
  });

  it("skips milestones without a target (Ea Súp 1.1: '-' in 2025, '100' in 2030)", () => {
    // 2025: expected 90 + 10 × 2/7 ≈ 92,86; tolerance 1
    const cells: Array<[number, string]> = [
      [2025, "-"],
      [2030, "100"],
    ];
    expect(status("HIGHER_BETTER", cells, [[2025, 95]], 2025, [2023, 90])).toBe("ON_TRACK");
    expect(status("HIGHER_BETTER", cells, [[2025, 92]], 2025, [2023, 90])).toBe("AT_RISK");
    expect(status("HIGHER_BETTER", cells, [[2025, 91]], 2025, [2023, 90])).toBe("OFF_TRACK");
    expect(status("HIGHER_BETTER", cells, [[2025, 100]], 2025, [2023, 90])).toBe("MET");
  });

  it("reads a strict floor strictly (Ea Súp 7.5: '>90')", () => {
    expect(status("HIGHER_BETTER", [[2025, ">90"]], [[2025, 90.5]], 2025, [2023, 88])).toBe("MET");
    // baseline on the bound: trajectory stays at 90
    expect(status("HIGHER_BETTER", [[2025, ">90"]], [[2024, 90]], 2024, [2023, 90])).toBe("ON_TRACK");
    expect(status("HIGHER_BETTER", [[2025, ">90"]], [[2024, 89]], 2024, [2023, 90])).toBe("OFF_TRACK");
  });

  it("treats a range's lower edge as the bound and anything above as met (Ea Súp 6.2: '30 - 35')", () => {
    // baseline 26 (2023), 2024 expected 26 + 4 × 1/2 = 28; tolerance 0,4
    const cells: Array<[number, string]> = [
      [2025, "30 - 35"],
      [2030, "35 - 40"],
    ];
    expect(status("HIGHER_BETTER", cells, [[2024, 28]], 2024, [2023, 26])).toBe("ON_TRACK");
    expect(status("HIGHER_BETTER", cells, [[2024, 27.7]], 2024, [2023, 26])).toBe("AT_RISK");
    expect(status("HIGHER_BETTER", cells, [[2024, 27.5]], 2024, [2023, 26])).toBe("OFF_TRACK");
    expect(status("HIGHER_BETTER", cells, [[2024, 31]], 2024, [2023, 26])).toBe("MET");
    expect(status("HIGHER_BETTER", cells, [[2031, 41]], 2031, [2023, 26])).toBe("MET");
  });

  it("meets an approximate target within 5% (Đà Lạt: 'khoảng 75 tuổi')", () => {
    const cells: Array<[number, string]> = [[2030, "khoảng 75 tuổi"]];
    // 75 × 0,95 = 71,25
    expect(status("HIGHER_BETTER", cells, [[2025, 71.3]], 2025, [2020, 70])).toBe("MET");
    expect(status("HIGHER_BETTER", cells, [[2025, 76]], 2025, [2020, 70])).toBe("MET");
    // 2022: expected 70 + 5 × 2/10 = 71; tolerance 0,5
    expect(status("HIGHER_BETTER", cells, [[2022, 71]], 2022, [2020, 70])).toBe("ON_TRACK");
    expect(status("HIGHER_BETTER", cells, [[2022, 70.6]], 2022, [2020, 70])).toBe("AT_RISK");
    // 2025: expected 72,5
    expect(status("HIGHER_BETTER", cells, [[2025, 71]], 2025, [2020, 70])).toBe("OFF_TRACK");
  });
});

describe("indicatorStatus: lower is better (Ea Súp 2.1 Tỉ lệ thất nghiệp chung: '<4', then '2-2,5')", () => {
  const cells: Array<[number, string]> = [
    [2025, "<4"],
    [2030, "2-2,5"],
  ];
  const baseline: [number, number] = [2023, 5];

  // 2024: expected 5 + (4 − 5) × 1/2 = 4,5; tolerance 0,1
  it.each([
    [3.9, "MET"],
    [4, "ON_TRACK"],
    [4.5, "ON_TRACK"],
    [4.55, "AT_RISK"],
    [4.6, "AT_RISK"],
    [4.7, "OFF_TRACK"],
  ] as const)("actual %d in 2024 → %s", (value, expected) => {
    expect(status("LOWER_BETTER", cells, [[2024, value]], 2024, baseline)).toBe(expected);
  });

  // 2027: next milestone "2-2,5" in 2030, bound 2,5; expected 5 − 2,5 × 4/7 ≈ 3,571; tolerance 0,25
  it.each([
    [2.4, "MET"],
    [1.8, "MET"],
    [3.5, "ON_TRACK"],
    [3.7, "AT_RISK"],
    [3.9, "OFF_TRACK"],
  ] as const)("actual %d in 2027 → %s", (value, expected) => {
    expect(status("LOWER_BETTER", cells, [[2027, value]], 2027, baseline)).toBe(expected);
  });

  it("past 2030, is MET inside or below the band and OFF_TRACK above it", () => {
    expect(status("LOWER_BETTER", cells, [[2031, 2.3]], 2031, baseline)).toBe("MET");
    expect(status("LOWER_BETTER", cells, [[2031, 1.5]], 2031, baseline)).toBe("MET");
    expect(status("LOWER_BETTER", cells, [[2031, 2.8]], 2031, baseline)).toBe("OFF_TRACK");
  });

  it("treats an exact target as a ceiling (Ea Súp 7.9 thấp còi: 25,8 then 24,6)", () => {
    const stunting: Array<[number, string]> = [
      [2025, "25,8"],
      [2030, "24,6"],
    ];
    // 2024: expected 27 − 1,2 × 1/2 = 26,4; tolerance 0,12
    expect(status("LOWER_BETTER", stunting, [[2024, 25]], 2024, [2023, 27])).toBe("MET");
    expect(status("LOWER_BETTER", stunting, [[2024, 26.4]], 2024, [2023, 27])).toBe("ON_TRACK");
    expect(status("LOWER_BETTER", stunting, [[2024, 26.5]], 2024, [2023, 27])).toBe("AT_RISK");
    expect(status("LOWER_BETTER", stunting, [[2024, 26.6]], 2024, [2023, 27])).toBe("OFF_TRACK");
  });

  it("lets a one-sided target set the way even under a wrong direction", () => {
    expect(status("HIGHER_BETTER", [[2025, "<4"]], [[2024, 4.5]], 2024, [2023, 5])).toBe("ON_TRACK");
    expect(status("HIGHER_BETTER", [[2025, "<4"]], [[2024, 4.8]], 2024, [2023, 5])).toBe("OFF_TRACK");
  });
});

describe("indicatorStatus: within a range", () => {
  const cells: Array<[number, string]> = [[2030, "2-2,5"]];

  it("is MET inside the band only", () => {
    expect(status("WITHIN_RANGE", cells, [[2025, 2.2]], 2025, [2020, 1])).toBe("MET");
    expect(status("WITHIN_RANGE", cells, [[2031, 2.2]], 2031, [2020, 1])).toBe("MET");
    expect(status("WITHIN_RANGE", cells, [[2031, 1.9]], 2031, [2020, 1])).toBe("OFF_TRACK");
    expect(status("WITHIN_RANGE", cells, [[2031, 2.6]], 2031, [2020, 1])).toBe("OFF_TRACK");
  });

  it("approaches the lower edge from below", () => {
    // 2025: expected 1 + 1 × 5/10 = 1,5; tolerance 0,1
    expect(status("WITHIN_RANGE", cells, [[2025, 1.5]], 2025, [2020, 1])).toBe("ON_TRACK");
    expect(status("WITHIN_RANGE", cells, [[2025, 1.45]], 2025, [2020, 1])).toBe("AT_RISK");
    expect(status("WITHIN_RANGE", cells, [[2025, 1.3]], 2025, [2020, 1])).toBe("OFF_TRACK");
  });

  it("approaches the upper edge from above", () => {
    // 2025: expected 3,5 − 1 × 5/10 = 3,0; tolerance 0,1
    expect(status("WITHIN_RANGE", cells, [[2025, 3]], 2025, [2020, 3.5])).toBe("ON_TRACK");
    expect(status("WITHIN_RANGE", cells, [[2025, 3.05]], 2025, [2020, 3.5])).toBe("AT_RISK");
    expect(status("WITHIN_RANGE", cells, [[2025, 3.2]], 2025, [2020, 3.5])).toBe("OFF_TRACK");
  });

  it("is OFF_TRACK after passing through the band", () => {
    expect(status("WITHIN_RANGE", cells, [[2025, 2.8]], 2025, [2020, 1])).toBe("OFF_TRACK");
    expect(status("WITHIN_RANGE", cells, [[2025, 1.8]], 2025, [2020, 3.5])).toBe("OFF_TRACK");
  });

  it("is OFF_TRACK after leaving a band it started in", () => {
    expect(status("WITHIN_RANGE", cells, [[2025, 2.7]], 2025, [2020, 2.2])).toBe("OFF_TRACK");
  });

  it("meets an approximate value only within ±5% on either side", () => {
    const approx: Array<[number, string]> = [[2030, "khoảng 2,1"]];
    expect(status("WITHIN_RANGE", approx, [[2025, 2.2]], 2025, [2020, 1.8])).toBe("MET");
    expect(status("WITHIN_RANGE", approx, [[2025, 2.3]], 2025, [2020, 1.8])).toBe("OFF_TRACK");
  });
});

describe("indicatorStatus: qualitative", () => {
  const cells: Array<[number, string]> = [
    [2025, "Giải quyết cơ bản"],
    [2030, "Giải quyết cơ bản"],
  ];

  it("uses the latest status the user gave at or before the year", () => {
    const actuals: IndicatorActual[] = [
      { year: 2024, value: null, qualitativeStatus: "AT_RISK" },
      { year: 2025, value: null, qualitativeStatus: "MET" },
    ];
    expect(status("QUALITATIVE", cells, actuals, 2024)).toBe("AT_RISK");
    expect(status("QUALITATIVE", cells, actuals, 2025)).toBe("MET");
    expect(status("QUALITATIVE", cells, actuals, 2026)).toBe("MET");
  });

  it("skips years without an assessment", () => {
    const actuals: IndicatorActual[] = [
      { year: 2024, value: null, qualitativeStatus: "ON_TRACK" },
      { year: 2025, value: null, qualitativeStatus: null },
      { year: 2026, value: null },
    ];
    expect(status("QUALITATIVE", cells, actuals, 2026)).toBe("ON_TRACK");
  });

  it("has no data without an assessment", () => {
    expect(status("QUALITATIVE", cells, [], 2025)).toBe("NO_DATA");
    expect(status("QUALITATIVE", cells, [{ year: 2026, value: null, qualitativeStatus: "MET" }], 2025)).toBe("NO_DATA");
  });

  it("follows a qualitative milestone even when the direction is numeric", () => {
    expect(
      status(
        "HIGHER_BETTER",
        [
          [2025, "Tiểu học"],
          [2030, "THCS"],
        ],
        [{ year: 2025, value: 80, qualitativeStatus: "OFF_TRACK" }],
        2025,
      ),
    ).toBe("OFF_TRACK");
  });

  it("ignores the user's qualitative status for numeric targets", () => {
    expect(
      status("HIGHER_BETTER", [[2025, "45"]], [{ year: 2024, value: 46, qualitativeStatus: "OFF_TRACK" }], 2024),
    ).toBe("MET");
  });

  it("uses the user's status when no milestone has a target", () => {
    expect(
      status("HIGHER_BETTER", [[2030, "-"]], [{ year: 2024, value: 5, qualitativeStatus: "ON_TRACK" }], 2024),
    ).toBe("ON_TRACK");
  });
});

describe("statusLabel", () => {
  it.each([
    ["MET", "Đạt/vượt"],
    ["ON_TRACK", "Đúng tiến độ"],
    ["AT_RISK", "Có nguy cơ"],
    ["OFF_TRACK", "Chậm tiến độ"],
    ["NO_DATA", "Chưa có số liệu"],
  ] as const)("%s → %s", (s, label) => {
    expect(statusLabel(s)).toBe(label);
  });
});

describe("trajectory", () => {
  const input = (
    direction: Direction,
    targets: Array<[number, string]>,
    baseline: [number, number] | null,
    actuals: Array<[number, number]> = [],
  ) => ({
    direction,
    baseline: baseline ? { year: baseline[0], value: baseline[1] } : null,
    targets: targets.map(([y, text]) => ({ year: y, target: t(text) })),
    actuals: actuals.map(([year, value]) => ({ year, value })),
  });

  it("runs from the baseline to each milestone's bound, year by year", () => {
    const line = trajectory(
      input(
        "HIGHER_BETTER",
        [
          [2025, "50"],
          [2030, "60"],
        ],
        [2023, 40],
      ),
    );
    // After 2025 the status counts towards 2030, on the line from the baseline to 60.
    expect(line.map((p) => [p.year, Number(p.value.toFixed(4))])).toEqual([
      [2023, 40],
      [2024, 45],
      [2025, 50],
      [2026, 48.5714],
      [2027, 51.4286],
      [2028, 54.2857],
      [2029, 57.1429],
      [2030, 60],
    ]);
  });

  it("starts at the first actual without a baseline, and goes down towards a ceiling", () => {
    expect(trajectory(input("LOWER_BETTER", [[2026, "dưới 4%"]], null, [[2024, 6]]))).toEqual([
      { year: 2024, value: 6 },
      { year: 2025, value: 5 },
      { year: 2026, value: 4 },
    ]);
  });

  it("is what the status compares with: an actual on it is on track (or met), one a little under it at risk", () => {
    const base = input(
      "HIGHER_BETTER",
      [
        [2025, "50"],
        [2030, "60"],
      ],
      [2023, 40],
    );
    for (const point of trajectory(base)) {
      const on = indicatorStatus({ ...base, actuals: [{ year: point.year, value: point.value }], year: point.year });
      expect(["ON_TRACK", "MET"]).toContain(on);
      if (point.year > 2023 && point.year !== 2025 && point.year !== 2030) {
        const under = point.value - 1;
        expect(indicatorStatus({ ...base, actuals: [{ year: point.year, value: under }], year: point.year })).toBe(
          "AT_RISK",
        );
      }
    }
  });

  it("follows the target's way when the direction contradicts it", () => {
    expect(trajectory(input("LOWER_BETTER", [[2030, "3,5% trở lên"]], [2028, 1.5]))).toEqual([
      { year: 2028, value: 1.5 },
      { year: 2029, value: 2.5 },
      { year: 2030, value: 3.5 },
    ]);
  });

  it("has nothing to draw without a start, a numeric milestone, or for a qualitative indicator", () => {
    expect(trajectory(input("HIGHER_BETTER", [[2030, "95%"]], null))).toEqual([]);
    expect(trajectory(input("HIGHER_BETTER", [], [2023, 40]))).toEqual([]);
    expect(trajectory(input("QUALITATIVE", [[2030, "95%"]], [2023, 40]))).toEqual([]);
    const mixed = trajectory(
      input(
        "HIGHER_BETTER",
        [
          [2025, "Giải quyết cơ bản"],
          [2027, "60"],
        ],
        [2024, 40],
      ),
    );
    expect(mixed.map((p) => [p.year, Number(p.value.toFixed(6))])).toEqual([
      [2026, 53.333333],
      [2027, 60],
    ]);
  });
});
