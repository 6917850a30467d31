import { describe, expect, it } from "vitest";
import { looksLikeOcr, repairOcrText } from "./ocr-repair";
import { buildVocabulary, lookUp, nearestWord } from "./ocr-vocabulary";

const vocabulary = buildVocabulary([
  "Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm. Tỷ lệ thất nghiệp chung dưới 1,2%.",
  "Thời gian thực hiện: Thường xuyên. Cơ quan chủ trì tham mưu: Phòng Lao động - Thương binh và Xã hội.",
  "Ban Chấp hành Trung ương Đảng khóa XIII; các tổ chức cơ sở đảng; sự lãnh đạo của Đảng.",
  "Hoàn thành 04 dự án nhà ở xã hội, khoảng 14,8 ha; đến năm 2030, tầm nhìn đến năm 2045; năm 2030.",
]);

function repaired(text: string) {
  return repairOcrText(text, vocabulary);
}

describe("the vocabulary", () => {
  it("gives the written form of a folded word, the word before it deciding", () => {
    expect(lookUp(vocabulary, "le", "ty")).toBe("lệ");
    expect(lookUp(vocabulary, "duoi", "")).toBe("dưới");
    expect(lookUp(vocabulary, "zzz", "")).toBeNull();
  });
  it("finds a known word one edit away, and refuses short words and coin tosses", () => {
    expect(nearestWord(vocabulary, "pang", "")).toBe("đảng");
    expect(nearestWord(vocabulary, "ha", "")).toBeNull();
    expect(nearestWord(vocabulary, "qqqqqq", "")).toBeNull();
  });
  it("always knows the fixed words of plans (comparators, labels, the signature block)", () => {
    const empty = buildVocabulary([]);
    expect(lookUp(empty, "toi", "")).not.toBeNull();
    expect(lookUp(empty, "thieu", "toi")).toBe("thiểu");
    expect(lookUp(empty, "nhan", "noi")).toBe("nhận");
    expect(lookUp(empty, "dong", "hanh")).toBe("động");
  });
});

describe("repairing OCR text", () => {
  it("reads digits and symbols glued to letters as letters: “ty 1€” is “tỷ lệ”", () => {
    expect(repaired("ty 1€ ho ngheo").text).toBe("tỷ lệ hộ nghèo");
    expect(repaired("Ty 1e that nghiep chung duoi 1,2%").text).toBe("Tỷ lệ thất nghiệp chung dưới 1,2%");
    expect(repaired("C0 quan chu tri").text).toBe("Cơ quan chủ trì");
  });

  it("restores marks from the vocabulary and keeps the case of the word", () => {
    expect(repaired("THOI GIAN THUC HIEN: Thuong xuyen.").text).toBe("THỜI GIAN THỰC HIỆN: Thường xuyên.");
    expect(repaired("Thoi gian thuc hién").text).toBe("Thời gian thực hiện");
  });

  it("takes the known word an edit away for an unknown one: “Pang” is “Đảng”, “tharn” is “tham”", () => {
    expect(repaired("Trung uong Pang khoa XIII").text).toBe("Trung ương Đảng khóa XIII");
    expect(repaired("chu tri tharn muu").text).toBe("chủ trì tham mưu");
  });

  it("on a scan, repairs as words only those Tesseract doubted; numbers and glued digits still", () => {
    // "Pang" is a word Tesseract was sure of here: kept; "tharn" it doubted: repaired.
    const scan = repairOcrText("Trung ương Pang tharn ty 1€ năm 20630", vocabulary, new Set(), {
      doubted: new Set(["tharn"]),
    });
    expect(scan.text).toBe("Trung ương Pang tham ty lệ năm 2030");
    expect(scan.repairs.map((r) => r.original)).toEqual(["tharn", "1€", "20630"]);
  });

  it("leaves numbers that are whole tokens, document numbers and abbreviations alone", () => {
    const result = repaired("Hoan thanh 04 du an, khoang 14,8 ha; 42-NQ/TW; UBND; 95%");
    expect(result.text).toBe("Hoàn thành 04 dự án, khoảng 14,8 ha; 42-NQ/TW; UBND; 95%");
    expect(result.repairs.every((r) => r.kind === "word")).toBe(true);
  });

  it("repairs a year with an extra digit to a year of the text, as a guess", () => {
    const result = repaired("den nam 2030, tam nhin den nam 20645");
    expect(result.text).toBe("đến năm 2030, tầm nhìn đến năm 2045");
    const guess = result.repairs.find((r) => r.kind === "number")!;
    expect(guess).toMatchObject({ original: "20645", replacement: "2045", doubtful: true, line: 1 });
  });

  it("prefers the year the text uses most among the readings of a misread one", () => {
    expect(repaired("nam 2030; nam 2030; nam 20630").text).toMatch(/năm 2030$/);
  });

  it("marks a thousands group of four digits as a guess", () => {
    const result = repaired("33 dieu duong vien tren 10.0000 dan");
    expect(result.text).toContain("10.000 dân");
    expect(result.repairs.find((r) => r.kind === "number")).toMatchObject({ original: "10.0000", doubtful: true });
  });

  it("marks letters read as digits that no known word explains as a guess", () => {
    const result = repaired("xyzq1w");
    expect(result.repairs).toEqual([
      expect.objectContaining({ kind: "letters", doubtful: true, replacement: "xyzqlw" }),
    ]);
  });

  it("splits two columns merged on one line at the right column's phrase", () => {
    const result = repaired("Noi nhan:   T/M BAN THUONG VU\n- Nhu tren;");
    expect(result.text.split("\n")).toEqual(["Nơi nhận:", "T/M BAN THƯỜNG VỤ", "- Như trên;"]);
    expect(result.repairs[0]).toMatchObject({ kind: "split", line: 1 });
    expect(repaired("- Luu VT.    KT. CHU TICH").text.split("\n")).toEqual(["- Lưu VT.", "KT. CHỦ TỊCH"]);
  });

  it("does not split where the phrase starts the line", () => {
    expect(repaired("T/M BAN THUONG VU").text).toBe("T/M BAN THƯỜNG VỤ");
  });

  it("applies every repair but the ones turned off, with the same ids", () => {
    const text = "Noi nhan:   T/M BAN THUONG VU\nty 1€ ho ngheo nam 20630";
    const all = repaired(text);
    const split = all.repairs.find((r) => r.kind === "split")!;
    const year = all.repairs.find((r) => r.kind === "number")!;
    const without = repairOcrText(text, vocabulary, new Set([split.id, year.id]));
    expect(without.repairs.map((r) => [r.id, r.original, r.replacement])).toEqual(
      all.repairs.map((r) => [r.id, r.original, r.replacement]),
    );
    expect(without.repairs.filter((r) => !r.applied).map((r) => r.id)).toEqual([split.id, year.id]);
    expect(without.text.split("\n")[0]).toBe("Nơi nhận:   T/M BAN THƯỜNG VỤ");
    expect(without.text).toMatch(/20630$/);
  });

  it("is deterministic and keeps the number of lines unless it splits", () => {
    const text = "Ty 1€ ho ngheo\n\nduoi 1,2%";
    expect(repaired(text)).toEqual(repaired(text));
    expect(repaired(text).text.split("\n")).toHaveLength(3);
  });
});

describe("recognising OCR text", () => {
  it("takes text without marks or with letters read as digits, not ordinary text", () => {
    const plain = "Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm theo chuẩn nghèo đa chiều của tỉnh. ".repeat(10);
    expect(looksLikeOcr(plain)).toBe(false);
    expect(looksLikeOcr(plain.normalize("NFD").replace(/\p{M}/gu, ""))).toBe(true);
    expect(looksLikeOcr(`${plain} ty 1€, c0 quan, 0ng, vi1ec, ho1 dong`)).toBe(true);
    expect(looksLikeOcr(`${plain} COVID-19, 42-NQ/TW, QL1, m2`)).toBe(false);
  });
});
