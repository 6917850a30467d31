import { describe, expect, it } from "vitest";
import {
  displayNumber,
  documentKindLabel,
  documentKindOf,
  formatDocumentNumber,
  numberPhrase,
  parseDocumentNumber,
  sameDocumentNumber,
  type DocumentKind,
  type DocumentNumber,
} from "./document-number";

function read(text: string): DocumentNumber {
  const result = parseDocumentNumber(text);
  if (!result.ok) throw new Error(`parseDocumentNumber(${JSON.stringify(text)}) failed: ${result.error}`);
  return result.value;
}

function errorOf(text: string): string {
  const result = parseDocumentNumber(text);
  if (result.ok) throw new Error(`parseDocumentNumber(${JSON.stringify(text)}) unexpectedly succeeded`);
  return result.error;
}

describe("parseDocumentNumber", () => {
  it.each([
    // Party: NUMBER-TYPE/ISSUER
    ["222-KH/ThU", "PARTY", "222", "KH", "ThU", "222-KH/ThU"],
    ["Số: 222 -KH/ThU", "PARTY", "222", "KH", "ThU", "222-KH/ThU"],
    ["Số 222-KH/ThU", "PARTY", "222", "KH", "ThU", "222-KH/ThU"],
    ["42-NQ/TW", "PARTY", "42", "NQ", "TW", "42-NQ/TW"],
    ["42- NQ/TW", "PARTY", "42", "NQ", "TW", "42-NQ/TW"],
    ["19-KH/TW", "PARTY", "19", "KH", "TW", "19-KH/TW"],
    ["78-CTr/TU", "PARTY", "78", "CTr", "TU", "78-CTr/TU"],
    ["43-CTr/TU", "PARTY", "43", "CTr", "TU", "43-CTr/TU"],
    ["54-CTr/TU", "PARTY", "54", "CTr", "TU", "54-CTr/TU"],
    ["81-CTHĐ/TU", "PARTY", "81", "CTHĐ", "TU", "81-CTHĐ/TU"],
    ["12-KH/HU", "PARTY", "12", "KH", "HU", "12-KH/HU"],
    ["05-NQ/ĐU", "PARTY", "05", "NQ", "ĐU", "05-NQ/ĐU"],
    ["150-CV/VPTW", "PARTY", "150", "CV", "VPTW", "150-CV/VPTW"],
    ["399-QĐ/TW", "PARTY", "399", "QĐ", "TW", "399-QĐ/TW"],
    ["Số: -CTr/TU", "PARTY", null, "CTr", "TU", "-CTr/TU"],
    ["-KH/ThU", "PARTY", null, "KH", "ThU", "-KH/ThU"],
    // State: NUMBER/TYPE-ISSUER
    ["68/NQ-CP", "STATE", "68", "NQ", "CP", "68/NQ-CP"],
    ["114/KH-UBND", "STATE", "114", "KH", "UBND", "114/KH-UBND"],
    ["114/KH – UBND", "STATE", "114", "KH", "UBND", "114/KH-UBND"],
    ["Số: 114/KH-UBND", "STATE", "114", "KH", "UBND", "114/KH-UBND"],
    ["6121/KH-UBND", "STATE", "6121", "KH", "UBND", "6121/KH-UBND"],
    ["123/QĐ-UBND", "STATE", "123", "QĐ", "UBND", "123/QĐ-UBND"],
    ["Số: /KH-UBND", "STATE", null, "KH", "UBND", "/KH-UBND"],
    ["/KH-UBND", "STATE", null, "KH", "UBND", "/KH-UBND"],
    ["09/2019/NĐ-CP", "STATE", "09/2019", "NĐ", "CP", "09/2019/NĐ-CP"],
    ["30/2020/NĐ-CP", "STATE", "30/2020", "NĐ", "CP", "30/2020/NĐ-CP"],
    ["25/BC-SLĐTBXH", "STATE", "25", "BC", "SLĐTBXH", "25/BC-SLĐTBXH"],
    ["88/TB-UBND-VP", "STATE", "88", "TB", "UBND-VP", "88/TB-UBND-VP"],
    ["số 68/NQ-CP.", "STATE", "68", "NQ", "CP", "68/NQ-CP"],
  ] as const)("%j", (text, notation, serial, typeCode, issuerCode, formatted) => {
    const n = read(text);
    expect(n).toEqual({ notation, serial, typeCode, issuerCode });
    expect(formatDocumentNumber(n)).toBe(formatted);
  });

  it("reads text in decomposed Unicode (NFD)", () => {
    expect(read("81-CTHĐ/TU".normalize("NFD")).typeCode).toBe("CTHĐ");
  });

  it("round-trips every format it produces", () => {
    for (const text of ["222-KH/ThU", "-CTr/TU", "114/KH-UBND", "/KH-UBND", "09/2019/NĐ-CP"]) {
      expect(formatDocumentNumber(read(formatDocumentNumber(read(text))))).toBe(text);
    }
  });

  describe("errors", () => {
    it("asks for a number when the field is empty", () => {
      expect(errorOf("")).toBe("Chưa nhập số, ký hiệu văn bản");
      expect(errorOf("Số:")).toBe("Chưa nhập số, ký hiệu văn bản");
    });

    it("explains a missing slash", () => {
      expect(errorOf("222-KH-ThU")).toBe(
        "Số, ký hiệu “222-KH-ThU” thiếu dấu “/”: văn bản của Đảng viết dạng 222-KH/ThU, văn bản của chính quyền viết dạng 114/KH-UBND",
      );
      expect(errorOf("Kế hoạch 222")).toContain("thiếu dấu “/”");
    });

    it("explains a serial that is not a number", () => {
      expect(errorOf("abc-KH/ThU")).toBe(
        "Số văn bản “abc” phải là chữ số (để trống nếu là dự thảo): văn bản của Đảng viết dạng 222-KH/ThU, văn bản của chính quyền viết dạng 114/KH-UBND",
      );
    });

    it("explains a missing issuer", () => {
      expect(errorOf("222-KH/")).toContain("thiếu cơ quan ban hành");
      expect(errorOf("114/KH-")).toContain("thiếu cơ quan ban hành");
    });

    it("explains a missing type", () => {
      expect(errorOf("222-/ThU")).toContain("thiếu loại văn bản");
      expect(errorOf("114/-UBND")).toContain("thiếu loại văn bản");
    });

    it("explains a missing dash in the State notation", () => {
      expect(errorOf("114/KHUBND")).toContain("thiếu dấu “-” giữa loại văn bản và cơ quan ban hành");
    });

    it("falls back to the two accepted forms", () => {
      expect(errorOf("222-KH/ThU/x")).toBe(
        "Không đọc được số, ký hiệu “222-KH/ThU/x”: văn bản của Đảng viết dạng 222-KH/ThU, văn bản của chính quyền viết dạng 114/KH-UBND",
      );
    });
  });
});

describe("sameDocumentNumber", () => {
  it("ignores case and leading zeros", () => {
    expect(sameDocumentNumber(read("01-KH/TU"), read("1-kh/tu"))).toBe(true);
    expect(sameDocumentNumber(read("09/2019/NĐ-CP"), read("9/2019/NĐ-CP"))).toBe(true);
  });

  it("tells different documents apart", () => {
    expect(sameDocumentNumber(read("222-KH/ThU"), read("223-KH/ThU"))).toBe(false);
    expect(sameDocumentNumber(read("68/NQ-CP"), read("68-NQ/CP"))).toBe(false);
    expect(sameDocumentNumber(read("42-NQ/TW"), read("42-KL/TW"))).toBe(false);
    expect(sameDocumentNumber(read("54-CTr/TU"), read("54-CTr/HU"))).toBe(false);
  });

  it("never equates drafts", () => {
    expect(sameDocumentNumber(read("/KH-UBND"), read("/KH-UBND"))).toBe(false);
  });
});

describe("documentKindOf", () => {
  it.each([
    ["NQ", "RESOLUTION"],
    ["CTr", "PROGRAMME"],
    ["CTR", "PROGRAMME"],
    ["CTHĐ", "PROGRAMME"],
    ["KH", "PLAN"],
    ["kh", "PLAN"],
    ["QĐ", "DECISION"],
    ["CT", "DIRECTIVE"],
    ["KL", "CONCLUSION"],
    ["HD", "GUIDANCE"],
    ["BC", "REPORT"],
    ["TB", "NOTICE"],
    ["CV", "LETTER"],
    [" KH ", "PLAN"],
  ] as const)("%j → %s", (code, kind) => {
    expect(documentKindOf(code)).toBe(kind);
  });

  it.each(["TTr", "HĐ", "QD", "", "NĐ"])("%j has no kind", (code) => {
    expect(documentKindOf(code)).toBeNull();
  });

  it("works on the type code of a parsed number", () => {
    expect(documentKindOf(read("Số: 222 -KH/ThU").typeCode)).toBe("PLAN");
    expect(documentKindOf(read("42- NQ/TW").typeCode)).toBe("RESOLUTION");
  });
});

describe("documentKindLabel", () => {
  it.each([
    ["RESOLUTION", "Nghị quyết"],
    ["PROGRAMME", "Chương trình hành động"],
    ["PLAN", "Kế hoạch"],
    ["DECISION", "Quyết định"],
    ["DIRECTIVE", "Chỉ thị"],
    ["CONCLUSION", "Kết luận"],
    ["GUIDANCE", "Hướng dẫn"],
    ["REPORT", "Báo cáo"],
    ["NOTICE", "Thông báo"],
    ["LETTER", "Công văn"],
  ] as const)("%s → %s", (kind: DocumentKind, label) => {
    expect(documentKindLabel(kind)).toBe(label);
  });
});

describe("displayNumber and numberPhrase", () => {
  it("say “chưa có số” for a draft without a serial, and the number otherwise", () => {
    expect(displayNumber({ notation: "PARTY", serial: null, typeCode: "KH", issuerCode: "TU" })).toBe("chưa có số");
    expect(displayNumber({ notation: "STATE", serial: " ", typeCode: "KH", issuerCode: "UBND" })).toBe("chưa có số");
    expect(displayNumber({ notation: "PARTY", serial: "222", typeCode: "KH", issuerCode: "ThU" })).toBe("222-KH/ThU");
    expect(`Kế hoạch ${numberPhrase("chưa có số")}`).toBe("Kế hoạch chưa có số");
    expect(`Kế hoạch ${numberPhrase("222-KH/ThU")}`).toBe("Kế hoạch số 222-KH/ThU");
  });
});
