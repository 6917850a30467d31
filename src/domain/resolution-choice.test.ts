import { describe, expect, it } from "vitest";
import { chooseResolution, resolutionLabel, shortTitle, sortChoices, type ResolutionChoice } from "./resolution-choice";

const choice = (id: string, plans: number, issuedOn: string | null = null, number = id): ResolutionChoice => ({
  id,
  number,
  title: `Nghị quyết ${id}`,
  plans,
  issuedOn,
});

describe("sortChoices", () => {
  it("puts the resolution with most plans first", () => {
    expect(sortChoices([choice("a", 1), choice("b", 7), choice("c", 3)]).map((c) => c.id)).toEqual(["b", "c", "a"]);
  });
  it("on equal counts puts the most recent first, an unknown date last", () => {
    const sorted = sortChoices([choice("a", 2, null), choice("b", 2, "2017-10-25"), choice("c", 2, "2024-12-22")]);
    expect(sorted.map((c) => c.id)).toEqual(["c", "b", "a"]);
  });
  it("on equal counts and dates orders by number as written, numbers by value", () => {
    const sorted = sortChoices([
      choice("x", 1, null, "68-NQ/TW"),
      choice("y", 1, null, "57-NQ/TW"),
      choice("z", 1, null, "100-NQ/TW"),
    ]);
    expect(sorted.map((c) => c.number)).toEqual(["57-NQ/TW", "68-NQ/TW", "100-NQ/TW"]);
  });
  it("is stable on the id when everything else is equal, and leaves its input alone", () => {
    const input = [choice("b", 1, null, "1"), choice("a", 1, null, "1")];
    expect(sortChoices(input).map((c) => c.id)).toEqual(["a", "b"]);
    expect(input.map((c) => c.id)).toEqual(["b", "a"]);
  });
});

describe("chooseResolution", () => {
  const choices = [choice("a", 1), choice("b", 5), choice("c", 2)];
  it("takes the one asked for when it is a choice", () => {
    expect(chooseResolution(choices, "a")?.id).toBe("a");
    expect(chooseResolution(choices, "c")?.id).toBe("c");
  });
  it("takes the one with most plans when none is asked for", () => {
    expect(chooseResolution(choices, null)?.id).toBe("b");
  });
  it("ignores an id that is not a choice (another body's, or not visible)", () => {
    expect(chooseResolution(choices, "zzz")?.id).toBe("b");
  });
  it("returns the only one, and null when there is none", () => {
    expect(chooseResolution([choice("only", 0)], null)?.id).toBe("only");
    expect(chooseResolution([], "a")).toBeNull();
    expect(chooseResolution([], null)).toBeNull();
  });
});

describe("shortTitle and resolutionLabel", () => {
  const long =
    "tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội, đáp ứng yêu cầu sự nghiệp xây dựng và bảo vệ Tổ quốc trong giai đoạn mới";
  it("keeps a short title whole, with its spaces tidied", () => {
    expect(shortTitle("  về phát triển   kinh tế tư nhân ")).toBe("về phát triển kinh tế tư nhân");
  });
  it("cuts a long title at a word, without a trailing comma, and marks the cut", () => {
    const short = shortTitle(long);
    expect(short).toBe("tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội, đáp…");
    expect(short.length).toBeLessThanOrEqual(61);
  });
  it("drops the comma the cut would leave", () => {
    expect(shortTitle("một hai ba, bốn năm", 11)).toBe("một hai ba…");
  });
  it("cuts inside a word only when there is no space in its second half", () => {
    expect(shortTitle("abcdefghijklmnopqrstuvwxyz", 10)).toBe("abcdefghij…");
  });
  it("keeps the first letter as written (a title may begin with a place name)", () => {
    expect(shortTitle("Sơn La phát triển")).toBe("Sơn La phát triển");
  });
  it("names a resolution by its number and short title", () => {
    expect(resolutionLabel({ number: "42-NQ/TW", title: long })).toBe(
      "42-NQ/TW — tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội, đáp…",
    );
    expect(resolutionLabel({ number: "57-NQ/TW", title: "  " })).toBe("57-NQ/TW");
  });
});
