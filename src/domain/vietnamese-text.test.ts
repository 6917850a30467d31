import { describe, expect, it } from "vitest";
import { matchesQuery, normalizeName, stripDiacritics, unifyDashes, searchTerms, searchText } from "./vietnamese-text";

describe("stripDiacritics", () => {
  it.each([
    ["Đắk Lắk", "Dak Lak"],
    ["đảng ủy", "dang uy"],
    ["Thành ủy Đà Lạt", "Thanh uy Da Lat"],
    ["Ưu đãi người có công", "Uu dai nguoi co cong"],
    ["Phòng Văn hoá và Thông tin", "Phong Van hoa va Thong tin"],
    ["Sơn La", "Son La"],
    ["ABC 123", "ABC 123"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(stripDiacritics(input)).toBe(expected);
  });

  it("handles text decomposed into base letters and combining marks (NFD, as from some PDFs)", () => {
    expect(stripDiacritics("Phòng Lao động".normalize("NFD"))).toBe("Phong Lao dong");
  });
});

describe("unifyDashes", () => {
  it("turns en dash, em dash, minus and non-breaking hyphen into a hyphen", () => {
    expect(unifyDashes("a – b — c − d ‑ e")).toBe("a - b - c - d - e");
  });
});

describe("normalizeName", () => {
  it("gives the same key to the two spellings of the culture office (hoá/hóa, case, spaces)", () => {
    expect(normalizeName("Phòng Văn hoá và Thông tin")).toBe(normalizeName("Phòng Văn hóa  và thông tin"));
    expect(normalizeName("Phòng Văn hoá và Thông tin")).toBe("phong van hoa va thong tin");
  });

  it("gives the same key to the same name in NFC and NFD", () => {
    expect(normalizeName("Trung tâm Y tế".normalize("NFD"))).toBe(normalizeName("Trung tâm Y tế"));
  });

  it("unifies dashes and the spaces around them", () => {
    const expected = "phong tai chinh - ke hoach";
    expect(normalizeName("Phòng Tài chính – Kế hoạch")).toBe(expected);
    expect(normalizeName("Phòng Tài chính-Kế hoạch")).toBe(expected);
    expect(normalizeName("Phòng Tài chính — Kế hoạch")).toBe(expected);
  });

  it("trims punctuation and spaces at both ends", () => {
    expect(normalizeName("  Trung tâm Truyền thông – Văn hoá – Thể thao.  ")).toBe(
      "trung tam truyen thong - van hoa - the thao",
    );
    expect(normalizeName("- Sở Lao động - TBXH;")).toBe("so lao dong - tbxh");
    expect(normalizeName("“UBND các xã, thị trấn”")).toBe("ubnd cac xa, thi tran");
  });

  it("collapses tabs and line breaks", () => {
    expect(normalizeName("Ủy ban\tMTTQ\nViệt Nam huyện")).toBe("uy ban mttq viet nam huyen");
  });

  it("keeps different names different", () => {
    expect(normalizeName("Phòng Giáo dục và Đào tạo")).not.toBe(normalizeName("Phòng Y tế"));
  });
});

describe("matchesQuery", () => {
  const agency = "Phòng Lao động - TBXH";

  it("finds a name from a query without diacritics", () => {
    expect(matchesQuery(agency, "phong lao dong")).toBe(true);
  });

  it("matches word beginnings in any order", () => {
    expect(matchesQuery(agency, "lao phong")).toBe(true);
    expect(matchesQuery(agency, "tbx")).toBe(true);
    expect(matchesQuery(agency, "Lao Đ")).toBe(true);
  });

  it("matches across the two tone placements", () => {
    expect(matchesQuery("Phòng Văn hoá và Thông tin", "văn hóa")).toBe(true);
    expect(matchesQuery("Phòng Văn hóa và Thông tin", "van hoá")).toBe(true);
  });

  it("does not match a word that only appears inside another word", () => {
    expect(matchesQuery(agency, "ong")).toBe(false);
  });

  it("needs every query word to match", () => {
    expect(matchesQuery(agency, "phong y te")).toBe(false);
  });

  it("matches everything when the query is empty or only punctuation", () => {
    expect(matchesQuery(agency, "")).toBe(true);
    expect(matchesQuery(agency, "  - ")).toBe(true);
  });

  it("ignores dashes between words of the text", () => {
    expect(matchesQuery("Trung tâm Truyền thông – Văn hoá – Thể thao", "truyen thong van hoa")).toBe(true);
  });
});

describe("searchText and searchTerms", () => {
  it("drops diacritics and case, keeps numbers whole", () => {
    expect(searchText("Kế hoạch 54-KH/TXU của Thị ủy Mộc Châu")).toBe(" ke hoach 54-kh/txu cua thi uy moc chau");
    expect(searchText("ĐẮK LẮK")).toBe(" dak lak");
  });

  it("separates words at brackets, quotes and punctuation, not at . - / % _", () => {
    expect(searchText("(Đắk Lắk), “Sơn La”; 42-NQ/TW. 100% x_y")).toBe(" dak lak son la 42-nq/tw. 100% x_y");
  });

  it("unifies dashes and spaces", () => {
    expect(searchText("Lao động –\u00a0TBXH")).toBe(" lao dong - tbxh");
  });

  it("turns a query into words, ignoring NUL and punctuation", () => {
    expect(searchTerms("  Mộc   Châu ")).toEqual(["moc", "chau"]);
    expect(searchTerms("54-KH/TXU")).toEqual(["54-kh/txu"]);
    expect(searchTerms("\u0000")).toEqual([]);
    expect(searchTerms("“ ” ,")).toEqual([]);
  });
});
