import { describe, expect, it } from "vitest";
import { parseTarget, type Target } from "./target-notation";
import {
  APPROXIMATE_TOLERANCE,
  compareAmbition,
  inferDirection,
  isNumericTarget,
  targetMatches,
} from "./target-meaning";

function read(text: string): Target {
  const result = parseTarget(text);
  if (!result.ok) throw new Error(`parseTarget(${JSON.stringify(text)}) failed: ${result.error}`);
  return result.target;
}

describe("isNumericTarget", () => {
  it("is false only for empty and qualitative targets", () => {
    expect(isNumericTarget(read("-"))).toBe(false);
    expect(isNumericTarget(read("THCS"))).toBe(false);
    for (const text of ["100", "<4", ">90", "≥1", "≤5", "2-2,5", "khoảng 75"])
      expect(isNumericTarget(read(text))).toBe(true);
  });
});

describe("targetMatches", () => {
  it("reads each kind literally without a direction", () => {
    expect(targetMatches(read("<4"), 3.9)).toBe(true);
    expect(targetMatches(read("<4"), 4)).toBe(false);
    expect(targetMatches(read("≤4"), 4)).toBe(true);
    expect(targetMatches(read("≤4"), 4.01)).toBe(false);
    expect(targetMatches(read(">90"), 90)).toBe(false);
    expect(targetMatches(read(">90"), 90.1)).toBe(true);
    expect(targetMatches(read("≥90"), 90)).toBe(true);
    expect(targetMatches(read("≥90"), 89.9)).toBe(false);
    expect(targetMatches(read("2-2,5"), 2)).toBe(true);
    expect(targetMatches(read("2-2,5"), 2.5)).toBe(true);
    expect(targetMatches(read("2-2,5"), 2.6)).toBe(false);
    expect(targetMatches(read("2-2,5"), 1.9)).toBe(false);
    expect(targetMatches(read("100"), 100)).toBe(true);
    expect(targetMatches(read("100"), 99.9)).toBe(false);
    expect(targetMatches(read("45"), 50)).toBe(false);
  });

  it("tolerates float noise at the bounds", () => {
    expect(targetMatches(read("0,3"), 0.1 + 0.2)).toBe(true);
    expect(targetMatches(read("≤0,3"), 0.1 + 0.2)).toBe(true);
  });

  it("accepts ±5% around an approximate value", () => {
    expect(APPROXIMATE_TOLERANCE).toBe(0.05);
    const t = read("khoảng 75 tuổi");
    expect(targetMatches(t, 71.25)).toBe(true);
    expect(targetMatches(t, 78.75)).toBe(true);
    expect(targetMatches(t, 71.2)).toBe(false);
    expect(targetMatches(t, 78.8)).toBe(false);
  });

  it("counts doing better than asked when the direction is known", () => {
    expect(targetMatches(read("45"), 50, "HIGHER_BETTER")).toBe(true);
    expect(targetMatches(read("45"), 44, "HIGHER_BETTER")).toBe(false);
    expect(targetMatches(read("25,8"), 24, "LOWER_BETTER")).toBe(true);
    expect(targetMatches(read("25,8"), 26, "LOWER_BETTER")).toBe(false);
    expect(targetMatches(read("2-2,5"), 1.8, "LOWER_BETTER")).toBe(true);
    expect(targetMatches(read("2-2,5"), 2.6, "LOWER_BETTER")).toBe(false);
    expect(targetMatches(read("30 - 35"), 40, "HIGHER_BETTER")).toBe(true);
    expect(targetMatches(read("30 - 35"), 29, "HIGHER_BETTER")).toBe(false);
    expect(targetMatches(read("khoảng 75"), 80, "HIGHER_BETTER")).toBe(true);
    expect(targetMatches(read("khoảng 75"), 71, "HIGHER_BETTER")).toBe(false);
    expect(targetMatches(read("khoảng 30%"), 25, "LOWER_BETTER")).toBe(true);
    expect(targetMatches(read("khoảng 30%"), 32, "LOWER_BETTER")).toBe(false);
  });

  it("keeps a band a band within a range", () => {
    expect(targetMatches(read("2-2,5"), 1.8, "WITHIN_RANGE")).toBe(false);
    expect(targetMatches(read("2-2,5"), 2.2, "WITHIN_RANGE")).toBe(true);
    expect(targetMatches(read("khoảng 75"), 80, "WITHIN_RANGE")).toBe(false);
  });

  it("one-sided targets ignore the direction", () => {
    expect(targetMatches(read("<4"), 5, "HIGHER_BETTER")).toBe(false);
    expect(targetMatches(read(">90"), 80, "LOWER_BETTER")).toBe(false);
  });

  it("never matches empty or qualitative targets, or non-numbers", () => {
    expect(targetMatches(read("-"), 0)).toBe(false);
    expect(targetMatches(read("Giải quyết"), 100)).toBe(false);
    expect(targetMatches(read("100"), Number.NaN)).toBe(false);
  });
});

describe("compareAmbition", () => {
  const cmp = (parent: string, child: string, direction: Parameters<typeof compareAmbition>[2]) =>
    compareAmbition(read(parent), read(child), direction);

  it("finds a child's higher unemployment ceiling weaker", () => {
    expect(cmp("dưới 3%", "dưới 4%", "LOWER_BETTER")).toBe("WEAKER");
    expect(cmp("dưới 4%", "dưới 3%", "LOWER_BETTER")).toBe("STRONGER");
    expect(cmp("dưới 4%", "dưới 4%", "LOWER_BETTER")).toBe("SAME");
  });

  it("compares ceilings of any kind for lower-is-better", () => {
    expect(cmp("<4", "2-2,5", "LOWER_BETTER")).toBe("STRONGER");
    expect(cmp("≤4", "<4", "LOWER_BETTER")).toBe("STRONGER");
    expect(cmp("<4", "≤4", "LOWER_BETTER")).toBe("WEAKER");
    expect(cmp("25,8", "24,6", "LOWER_BETTER")).toBe("STRONGER");
    expect(cmp("khoảng 5", "5", "LOWER_BETTER")).toBe("SAME");
  });

  it("compares floors for higher-is-better", () => {
    expect(cmp("35-40%", "khoảng trên 40%", "HIGHER_BETTER")).toBe("STRONGER");
    expect(cmp("45%", "khoảng 30%", "HIGHER_BETTER")).toBe("WEAKER");
    expect(cmp("≥95%", "trên 95%", "HIGHER_BETTER")).toBe("STRONGER");
    expect(cmp("trên 95%", "≥95%", "HIGHER_BETTER")).toBe("WEAKER");
    expect(cmp("95%", "tối thiểu 95%", "HIGHER_BETTER")).toBe("SAME");
    expect(cmp("100", "100", "HIGHER_BETTER")).toBe("SAME");
  });

  it("ignores a missing % sign (appendix cells put % in the unit column)", () => {
    expect(cmp("trên 95%", ">90", "HIGHER_BETTER")).toBe("WEAKER");
  });

  it("compares bands for within-range indicators", () => {
    expect(cmp("2-3", "2,2-2,8", "WITHIN_RANGE")).toBe("STRONGER");
    expect(cmp("2-3", "1-4", "WITHIN_RANGE")).toBe("WEAKER");
    expect(cmp("2-3", "2-3", "WITHIN_RANGE")).toBe("SAME");
    expect(cmp("2-3", "2,5-3,5", "WITHIN_RANGE")).toBe("NOT_COMPARABLE");
    expect(cmp("2-3", "2,5", "WITHIN_RANGE")).toBe("STRONGER");
    expect(cmp("≤3", "<3", "WITHIN_RANGE")).toBe("STRONGER");
  });

  it("does not compare what cannot be compared", () => {
    expect(cmp("-", "100", "HIGHER_BETTER")).toBe("NOT_COMPARABLE");
    expect(cmp("100", "Giải quyết", "HIGHER_BETTER")).toBe("NOT_COMPARABLE");
    expect(cmp("<4", ">90", "HIGHER_BETTER")).toBe("NOT_COMPARABLE");
    expect(cmp(">90", "<4", "LOWER_BETTER")).toBe("NOT_COMPARABLE");
    expect(cmp("khoảng 75 tuổi", "68 năm", "HIGHER_BETTER")).toBe("NOT_COMPARABLE");
  });

  it("compares qualitative targets only for equality", () => {
    expect(cmp("Giải quyết cơ bản", "giải quyết  cơ bản", "QUALITATIVE")).toBe("SAME");
    expect(cmp("Giải quyết cơ bản", "Giải quyết", "QUALITATIVE")).toBe("NOT_COMPARABLE");
    expect(cmp("100", "100", "QUALITATIVE")).toBe("NOT_COMPARABLE");
  });
});

describe("inferDirection", () => {
  const targets = (...texts: string[]) => texts.map(read);

  it.each([
    ["Tỉ lệ thất nghiệp chung", ["<4", "2-2,5"], "LOWER_BETTER"],
    ["Tỉ lệ thất nghiệp khu vực thành thị", ["", ""], "LOWER_BETTER"],
    ["Tỷ lệ thất nghiệp khu vực thành thị", ["3,5% trở lên"], "LOWER_BETTER"],
    ["Tỉ lệ việc làm phi chính thức", ["<70", "<60"], "LOWER_BETTER"],
    ["Tỉ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi", ["25,8", "24,6"], "LOWER_BETTER"],
    ["Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thấp còi", ["dưới 15%"], "LOWER_BETTER"],
    ["Tỉ lệ thấp còi", ["20"], "LOWER_BETTER"],
    ["Tỷ lệ hộ nghèo đa chiều", ["3"], "LOWER_BETTER"],
    ["Tỉ lệ hộ nghèo", ["3"], "LOWER_BETTER"],
    ["Tỉ lệ lao động nông nghiệp trong tổng lao", ["85", "80"], "LOWER_BETTER"],
    ["Mức giảm tỉ lệ hộ nghèo đa chiều hàng năm", ["4", "4"], "HIGHER_BETTER"],
    ["Mức giảm tỉ lệ hộ nghèo dân tộc thiểu số", ["5,5", "5,5"], "HIGHER_BETTER"],
    ["Mức tăng thu nhập bình quân đầu người của hộ nghèo so với năm 2021", ["1,5", "-"], "HIGHER_BETTER"],
    ["Tỉ lệ hộ nghèo không có khả năng thoát nghèo được hưởng trợ cấp xã hội", ["-", "100"], "HIGHER_BETTER"],
    ["Tỉ lệ nông dân và lao động khu vực phi chính thức tham gia BHXH tự nguyện", ["2,5", "5"], "HIGHER_BETTER"],
    ["Mức sinh thay thế (Quốc gia)", ["Chưa đảm bảo", "Đảm bảo vững"], "QUALITATIVE"],
    ["Chấm dứt các dịch bệnh AIDS, lao và loại trừ sốt rét", ["Giải quyết", "Giải quyết"], "QUALITATIVE"],
    ["Hỗ trợ bảo hiểm y tế cho trẻ em", ["Tiểu học", "THCS"], "QUALITATIVE"],
    ["Xóa bỏ tình trạng nhà tạm, nhà dột nát cho các đối tượng", ["Giải quyết cơ bản", "-"], "QUALITATIVE"],
    ["Tổng tỷ suất sinh (mức sinh)", ["2,1"], "WITHIN_RANGE"],
    ["Tỷ số giới tính khi sinh", ["105-107"], "WITHIN_RANGE"],
    ["Tỉ lệ dân số tham gia bảo hiểm y tế", ["100", "100"], "HIGHER_BETTER"],
    ["Tỉ lệ huy động trẻ em nhà trẻ", ["30 - 35", "35 - 40"], "HIGHER_BETTER"],
    ["Tuổi thọ trung bình", ["73,8", "74"], "HIGHER_BETTER"],
    ["Số năm sống khỏe", ["-", "-"], "HIGHER_BETTER"],
    ["Chỉ số HDI", [], "HIGHER_BETTER"],
    ["Tỉ lệ trường mầm non đạt chuẩn quốc gia", ["62,5", ">70"], "HIGHER_BETTER"],
    ["Số giường bệnh", ["≤30"], "LOWER_BETTER"],
  ] as const)("%s %j → %s", (name, texts, expected) => {
    expect(inferDirection(name, targets(...texts))).toBe(expected);
  });
});
