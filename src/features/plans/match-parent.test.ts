import { describe, expect, it } from "vitest";
import { nameSimilarity, parentIndicatorMatcher, parentTaskMatcher, type MatchableIndicator } from "./match-parent";

type Node = MatchableIndicator & { id: string; children: Node[] };
const node = (id: string, code: string, name: string, children: Node[] = [], isGroup = false): Node => ({
  id,
  code,
  name,
  isGroup,
  children,
});

const parent: Node[] = [
  node(
    "g1",
    "1",
    "Giảm nghèo",
    [node("p11", "1.1", "Tỷ lệ hộ nghèo theo chuẩn đa chiều"), node("p12", "1.2", "Số hộ thoát nghèo")],
    true,
  ),
  node(
    "g2",
    "2",
    "Y tế",
    [node("p21", "2.1", "Tỷ lệ dân số tham gia bảo hiểm y tế"), node("p22", "2.2", "Số bác sĩ trên 10.000 dân")],
    true,
  ),
];
const match = () => {
  const m = parentIndicatorMatcher(parent, (n) => n);
  return (code: string, name: string, isGroup = false) => m({ code, name, isGroup })?.id;
};

describe("parentIndicatorMatcher", () => {
  it("matches the same name whatever its case, diacritics, spacing and numbering", () => {
    const m = match();
    expect(m("a)", "tỷ lệ  hộ nghèo theo chuẩn ĐA CHIỀU")).toBe("p11");
    expect(m("7", "So ho thoat ngheo")).toBe("p12");
  });

  it("matches groups only with groups, and indicators only with indicators", () => {
    const m = match();
    expect(m("I", "Y tế", true)).toBe("g2");
    expect(m("1", "Giảm nghèo")).toBeUndefined();
  });

  it("falls back to the same code when the names share most of their words", () => {
    const m = match();
    expect(m("2.1", "Tỉ lệ dân số tham gia BHYT bảo hiểm y tế")).toBe("p21");
    // Same code, another indicator: not a match.
    expect(m("2.2", "Tỷ lệ trạm y tế xã có bác sĩ làm việc")).toBeUndefined();
  });

  it("uses each of the parent's indicators once", () => {
    const m = match();
    expect(m("1.2", "Số hộ thoát nghèo")).toBe("p12");
    expect(m("1.3", "Số hộ thoát nghèo")).toBeUndefined();
  });

  it("looks for an indicator's sub-rows only under what that indicator matched", () => {
    const tree: Node[] = [
      node("a", "1", "Lao động qua đào tạo", [node("a1", "-", "Nam"), node("a2", "-", "Nữ")]),
      node("b", "2", "Người tham gia bảo hiểm xã hội", [node("b1", "-", "Nam"), node("b2", "-", "Nữ")]),
    ];
    const m = parentIndicatorMatcher(tree, (n) => n);
    const second = m({ code: "1", name: "Người tham gia bảo hiểm xã hội" });
    expect(second?.id).toBe("b");
    expect(m({ code: "-", name: "Nam" }, { isGroup: false, match: second })?.id).toBe("b1");
    // Under an indicator that matched nothing, a "Nữ" row is nobody's.
    expect(m({ code: "-", name: "Nữ" }, { isGroup: false, match: undefined })).toBeUndefined();
  });

  it("looks under a matched group first, then anywhere (a plan may regroup indicators)", () => {
    const m = parentIndicatorMatcher(parent, (n) => n);
    const group = m({ code: "VI", name: "Y tế", isGroup: true });
    expect(group?.id).toBe("g2");
    expect(m({ code: "1", name: "Số bác sĩ trên 10.000 dân" }, { isGroup: true, match: group })?.id).toBe("p22");
    // Under "Y tế" in the child, from "Giảm nghèo" in the parent.
    expect(m({ code: "2", name: "Số hộ thoát nghèo" }, { isGroup: true, match: group })?.id).toBe("p12");
  });

  it("never matches a name that is only punctuation", () => {
    const tree: Node[] = [node("x", "-", "-"), node("y", "1", "Giảm nghèo")];
    const m = parentIndicatorMatcher(tree, (n) => n);
    expect(m({ code: "-", name: "-" })).toBeUndefined();
    expect(m({ code: "-", name: "  " })).toBeUndefined();
  });

  it("matches nothing in an empty parent", () => {
    expect(parentIndicatorMatcher([] as Node[], (n) => n)({ code: "1", name: "Giảm nghèo" })).toBeUndefined();
  });
});

describe("nameSimilarity", () => {
  it("is 1 for the same words, 0 for none in common or an empty name", () => {
    expect(nameSimilarity("Số hộ thoát nghèo", "so ho thoat ngheo")).toBe(1);
    expect(nameSimilarity("Số hộ thoát nghèo", "Y tế")).toBe(0);
    expect(nameSimilarity("", "Y tế")).toBe(0);
  });

  it("is the share of words in common over the words of both", () => {
    expect(nameSimilarity("tỷ lệ hộ nghèo", "tỷ lệ hộ cận nghèo")).toBeCloseTo(4 / 5);
  });
});

describe("parentTaskMatcher", () => {
  type Task = { id: string; title?: string | null; body: string; children: Task[] };
  const parentTasks: Task[] = [
    {
      id: "t1",
      title: "Nâng cao nhận thức về vị trí, vai trò của chính sách xã hội",
      body: "",
      children: [
        {
          id: "t11",
          body: "Tăng cường tuyên truyền, giáo dục nâng cao nhận thức về vai trò của chính sách xã hội cho cán bộ, đảng viên và Nhân dân của tỉnh",
          children: [],
        },
      ],
    },
    {
      id: "t2",
      title: "Phát triển hệ thống an sinh xã hội",
      body: "Mở rộng diện bao phủ bảo hiểm xã hội, bảo hiểm y tế",
      children: [],
    },
  ];
  const matcher = () => parentTaskMatcher(parentTasks, (t) => t);

  it("links a task that repeats the parent's with local words changed", () => {
    const m = matcher();
    expect(
      m({
        body: "Tăng cường tuyên truyền, giáo dục nâng cao nhận thức về vai trò của chính sách xã hội cho cán bộ, đảng viên và Nhân dân của huyện",
      })?.id,
    ).toBe("t11");
    expect(m({ title: "Nâng cao nhận thức về vị trí, vai trò của chính sách xã hội", body: "" })?.id).toBe("t1");
  });

  it("leaves the plan's own work unlinked, and links each parent task once", () => {
    const m = matcher();
    expect(m({ body: "Sửa chữa nhà văn hóa các bản" })).toBeUndefined();
    expect(
      m({ title: "Phát triển hệ thống an sinh xã hội", body: "Mở rộng diện bao phủ bảo hiểm xã hội, bảo hiểm y tế" })
        ?.id,
    ).toBe("t2");
    expect(
      m({ title: "Phát triển hệ thống an sinh xã hội", body: "Mở rộng diện bao phủ bảo hiểm xã hội, bảo hiểm y tế" }),
    ).toBeUndefined();
  });
});
