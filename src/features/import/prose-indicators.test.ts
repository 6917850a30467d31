import { describe, expect, it } from "vitest";
import { toBlocks } from "./parse-blocks";
import { extractPlan } from "./parse-document";
import { readProseIndicators } from "./parse-prose";

// Prose indicators read completely (issue 17 part 4): sentences not taken from the three seeds, in
// the shapes plans write them.

function prose(text: string, year = "2030") {
  return readProseIndicators(toBlocks(text).blocks, year).map((p) => ({
    name: p.indicator.name,
    target: p.indicator.targets?.[year],
    unit: p.indicator.unit,
    qualitative: p.indicator.direction === "QUALITATIVE",
  }));
}

describe("prose indicators", () => {
  it("the noun after a number is the name and the unit: “04 dự án nhà ở xã hội”", () => {
    expect(prose("Hoàn thành 04 dự án nhà ở xã hội.")).toEqual([
      { name: "Số dự án nhà ở xã hội", target: "04", unit: "dự án nhà ở xã hội", qualitative: false },
    ]);
  });

  it("keeps a comparator with the figure and the unit after it: “khoảng 14,8 ha”", () => {
    expect(prose("Diện tích đất dành cho nhà ở xã hội khoảng 14,8 ha.")).toEqual([
      { name: "Diện tích đất dành cho nhà ở xã hội", target: "khoảng 14,8 ha", unit: "ha", qualitative: false },
    ]);
  });

  it("keeps “từ … đến …” and “từ … trở lên” whole in the target", () => {
    const read = prose("Tỷ lệ hộ nghèo giảm từ 1% đến 1,5%/năm; tỷ lệ lao động có việc làm từ 70% trở lên.");
    expect(read.map((r) => r.target)).toEqual(["từ 1% đến 1,5%", "từ 70% trở lên"]);
  });

  it("keeps “so với năm …” in the name, not as a milestone or a target", () => {
    const read = prose("Thu nhập bình quân đầu người tăng 1,5 lần so với năm 2020.");
    expect(read).toHaveLength(1);
    expect(read[0]!.name).toMatch(/so với năm 2020/);
    expect(read[0]!.target).toMatch(/^1,5 lần/);
  });

  it("reads sub-indicators inside “(trong đó …)” as their own", () => {
    const read = prose("Giải quyết việc làm cho 5.000 lao động (trong đó lao động nữ chiếm 40%).");
    expect(read.map((r) => r.target)).toEqual(["5.000", "40%"]);
    expect(read[1]!.name).toMatch(/lao động nữ/i);
  });

  it("gives one subject to several figures", () => {
    const read = prose("Tỷ lệ bao phủ bảo hiểm y tế đạt 95% năm 2025 và 98% năm 2030.");
    expect(read.every((r) => /bảo hiểm y tế/.test(r.name))).toBe(true);
  });

  it("reads qualitative targets without a number", () => {
    const read = prose("Cơ bản chấm dứt tình trạng nhà tạm, nhà dột nát; loại trừ bệnh sốt rét.");
    expect(read.map((r) => [r.target, r.qualitative])).toEqual([
      ["Cơ bản chấm dứt", true],
      ["loại trừ", true],
    ]);
  });
});

describe("the front matter", () => {
  it("reads a title whose first line is in capitals to its end", () => {
    const text = [
      "ỦY BAN NHÂN DÂN",
      "HUYỆN MẪU",
      "",
      "KẾ HOẠCH",
      "THỰC HIỆN NGHỊ QUYẾT SỐ 42-NQ/TW",
      "của Ban Chấp hành Trung ương về tiếp tục đổi mới,",
      "nâng cao chất lượng chính sách xã hội",
      "",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Triển khai thực hiện có hiệu quả.",
    ].join("\n");
    const { document } = extractPlan(text);
    expect(document.title).toBe(
      "THỰC HIỆN NGHỊ QUYẾT SỐ 42-NQ/TW của Ban Chấp hành Trung ương về tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội",
    );
  });

  it("flags the header fields that are missing", () => {
    const { unclear } = extractPlan("KẾ HOẠCH\nvề chính sách xã hội\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Triển khai thực hiện.");
    expect(Object.keys(unclear)).toEqual(expect.arrayContaining(["number", "issuedOn", "place", "issuerHeader"]));
  });
});
