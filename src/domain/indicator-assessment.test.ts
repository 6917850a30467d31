import { describe, expect, it } from "vitest";
import {
  assessment,
  contradictions,
  isNumericUnit,
  readTarget,
  targetWay,
  type Milestone,
} from "./indicator-assessment";
import { indicatorStatus } from "./indicator-status";
import { parseTarget, type Direction, type Target } from "./target-notation";

function target(text: string): Target {
  const parsed = parseTarget(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.target;
}
const at = (year: number, text: string): Milestone => ({ year, target: target(text) });
const DIRECTIONS: Direction[] = ["HIGHER_BETTER", "LOWER_BETTER", "WITHIN_RANGE", "QUALITATIVE"];

describe("targetWay", () => {
  it("lets a one-sided target decide, whatever the direction", () => {
    for (const direction of ["HIGHER_BETTER", "LOWER_BETTER", "WITHIN_RANGE"] as const) {
      expect(targetWay(target("3,5% trở lên"), direction)).toBe("UP");
      expect(targetWay(target("trên 95%"), direction)).toBe("UP");
      expect(targetWay(target("dưới 4%"), direction)).toBe("DOWN");
      expect(targetWay(target("tối đa 5%"), direction)).toBe("DOWN");
    }
  });
  it("takes the direction for a value, a range or an approximate target", () => {
    for (const text of ["95%", "2-2,5", "khoảng 75 tuổi"]) {
      expect(targetWay(target(text), "HIGHER_BETTER")).toBe("UP");
      expect(targetWay(target(text), "LOWER_BETTER")).toBe("DOWN");
      expect(targetWay(target(text), "WITHIN_RANGE")).toBe("BAND");
    }
  });
  it("leaves a qualitative target or direction to the user, and an empty target to nothing", () => {
    for (const direction of DIRECTIONS) expect(targetWay(target("Giải quyết cơ bản"), direction)).toBe("CHOSEN");
    expect(targetWay(target("95%"), "QUALITATIVE")).toBe("CHOSEN");
    expect(targetWay(target("-"), "HIGHER_BETTER")).toBeNull();
  });
});

describe("assessment", () => {
  it("says the status follows the target when the target contradicts the direction (the walkthrough's case)", () => {
    const a = assessment("LOWER_BETTER", [at(2030, "3,5% trở lên")]);
    expect(a).toEqual({
      way: "UP",
      label: "↑ càng cao càng tốt",
      reason: "Theo mục tiêu “3,5% trở lên” (2030), dù chiều đánh giá đã chọn là “Càng thấp càng tốt”.",
      overridden: true,
    });
  });
  it("agrees with the status computed: 9% against “3,5% trở lên” is met however the indicator is marked", () => {
    const input = { baseline: null, targets: [at(2030, "3,5% trở lên")], year: 2026 };
    for (const direction of ["LOWER_BETTER", "HIGHER_BETTER"] as const) {
      expect(indicatorStatus({ ...input, direction, actuals: [{ year: 2026, value: 9 }] })).toBe("MET");
      expect(assessment(direction, input.targets).way).toBe("UP");
    }
  });
  it("says the chosen direction decides a value or a range", () => {
    expect(assessment("LOWER_BETTER", [at(2025, "85"), at(2030, "80")])).toEqual({
      way: "DOWN",
      label: "↓ càng thấp càng tốt",
      reason: "Theo chiều đánh giá đã chọn (“Càng thấp càng tốt”).",
      overridden: false,
    });
    expect(assessment("WITHIN_RANGE", [at(2030, "2-2,5")]).way).toBe("BAND");
  });
  it("names the one-sided target that agrees with the direction", () => {
    expect(assessment("LOWER_BETTER", [at(2030, "dưới 1,2%")]).reason).toBe(
      "Theo mục tiêu “dưới 1,2%” (2030) và chiều đánh giá đã chọn.",
    );
  });
  it("uses the last milestone that says something", () => {
    expect(assessment("HIGHER_BETTER", [at(2025, "<4"), at(2030, "-")]).way).toBe("DOWN");
    expect(assessment("HIGHER_BETTER", [at(2025, "<4"), at(2030, "≥ 2")]).way).toBe("UP");
  });
  it("says who decides for a qualitative indicator or target", () => {
    expect(assessment("QUALITATIVE", [at(2030, "Bảo đảm")])).toMatchObject({
      way: "CHOSEN",
      reason: "Chiều đánh giá “Định tính” đã chọn: trạng thái do người nhập kết quả chọn.",
      overridden: false,
    });
    expect(assessment("HIGHER_BETTER", [at(2030, "Giải quyết cơ bản")])).toMatchObject({
      way: "CHOSEN",
      reason: "Mục tiêu “Giải quyết cơ bản” (2030) viết bằng lời: trạng thái do người nhập kết quả chọn.",
      overridden: true,
    });
  });
  it("falls back on the direction without targets", () => {
    for (const direction of DIRECTIONS) expect(assessment(direction, []).overridden).toBe(false);
    expect(assessment("HIGHER_BETTER", [at(2030, "")]).way).toBe("UP");
  });
});

describe("contradictions", () => {
  it("finds a floor under “càng thấp càng tốt” and a ceiling under “càng cao càng tốt”", () => {
    const [floor] = contradictions("LOWER_BETTER", [at(2030, "3,5% trở lên")]);
    expect(floor).toBe(
      "Mục tiêu “3,5% trở lên” (2030) đòi đạt từ mức đó trở lên, trái với chiều “Càng thấp càng tốt”: trạng thái tính theo mục tiêu (↑ càng cao càng tốt). Hãy sửa chiều đánh giá hoặc mục tiêu.",
    );
    expect(contradictions("HIGHER_BETTER", [at(2025, "<4")])[0]).toMatch(/^Mục tiêu “<4” \(2025\) đòi giữ dưới mức đó/);
  });
  it("finds a one-sided target under “trong khoảng”", () => {
    expect(contradictions("WITHIN_RANGE", [at(2030, "dưới 4%")])[0]).toMatch(
      /^Chiều “Trong khoảng” cần mục tiêu là một khoảng/,
    );
  });
  it("finds milestones going the other way", () => {
    expect(contradictions("HIGHER_BETTER", [at(2025, "85"), at(2030, "80")])).toEqual([
      "Mục tiêu 2030 (80) thấp hơn mục tiêu 2025 (85), trái với chiều “Càng cao càng tốt”.",
    ]);
    expect(contradictions("LOWER_BETTER", [at(2025, "2-2,5"), at(2030, "3,5")])[0]).toBe(
      "Mục tiêu 2030 (3,5) cao hơn mục tiêu 2025 (2,25), trái với chiều “Càng thấp càng tốt”.",
    );
    expect(contradictions("LOWER_BETTER", [at(2025, "85"), at(2030, "80")])).toEqual([]);
  });
  it("finds numbers under a qualitative direction", () => {
    expect(contradictions("QUALITATIVE", [at(2030, "95%")])[0]).toMatch(
      /^Chiều “Định tính” bỏ qua con số của mục tiêu “95%” \(2030\)/,
    );
    expect(contradictions("QUALITATIVE", [at(2030, "Bảo đảm")])).toEqual([]);
  });
  it("finds nothing in a consistent indicator, or one without targets", () => {
    expect(contradictions("HIGHER_BETTER", [at(2025, "90"), at(2030, "≥ 95%")])).toEqual([]);
    expect(contradictions("LOWER_BETTER", [at(2025, "<4"), at(2030, "2-2,5")])).toEqual([]);
    expect(contradictions("WITHIN_RANGE", [at(2030, "2-2,5")])).toEqual([]);
    expect(contradictions("HIGHER_BETTER", [at(2025, "-"), at(2030, "100")])).toEqual([]);
    for (const direction of DIRECTIONS) expect(contradictions(direction, [])).toEqual([]);
  });
});

describe("isNumericUnit", () => {
  it("takes measures as numeric and kinds of answer or nothing as not", () => {
    for (const unit of ["%", "người", "giường/10.000 dân", "m² sàn/người", "%/năm", "Lần", "tuổi"])
      expect(isNumericUnit(unit)).toBe(true);
    for (const unit of ["", "  ", null, undefined, "Mức độ", "Bậc học", "định tính"])
      expect(isNumericUnit(unit)).toBe(false);
  });
});

describe("readTarget", () => {
  it("refuses words as the target of a measured indicator, and says how to make it qualitative", () => {
    const read = readTarget("abc", { unit: "%", direction: "HIGHER_BETTER" });
    expect(read).toEqual({
      ok: false,
      error:
        "“abc” không phải là số: chỉ tiêu tính bằng “%” cần mục tiêu bằng số (ví dụ 95%, dưới 4%, 2-2,5). Nếu đây là mục tiêu định tính, chọn “Định tính” cho chỉ tiêu này.",
    });
  });
  it("accepts words where the unit is not a measure, or the user chose “Định tính”", () => {
    expect(readTarget("Giải quyết cơ bản", { unit: "Mức độ", direction: "QUALITATIVE" })).toMatchObject({ ok: true });
    expect(readTarget("THCS", { unit: "Bậc học", direction: "HIGHER_BETTER" })).toMatchObject({ ok: true });
    expect(readTarget("Bảo đảm", { unit: null, direction: "HIGHER_BETTER" })).toMatchObject({ ok: true });
    expect(readTarget("abc", { unit: "%", direction: "QUALITATIVE" })).toMatchObject({
      ok: true,
      target: { kind: "QUALITATIVE", qualitative: "abc" },
    });
  });
  it("reads numbers as parseTarget does, and passes its errors on", () => {
    expect(readTarget("dưới 4%", { unit: "%", direction: "LOWER_BETTER" })).toEqual(parseTarget("dưới 4%"));
    expect(readTarget("-5", { unit: "%", direction: "HIGHER_BETTER" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Mục tiêu không nhận số âm/),
    });
    expect(readTarget("-", { unit: "%", direction: "HIGHER_BETTER" })).toMatchObject({
      ok: true,
      target: { kind: "NONE" },
    });
  });
});
