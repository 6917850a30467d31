import { describe, expect, it } from "vitest";
import {
  cellString,
  attribution,
  chooseYear,
  daysLeftLabel,
  filterQuery,
  filtersQuery,
  groupSpans,
  byIssuance,
  issuanceLabel,
  issuedBeforeEnd,
  issuanceState,
  missedDeadline,
  parseRollupFilters,
  reportDueDate,
  reportStanding,
  sortRows,
  sumCounts,
  todayInVietnam,
  weakerTargets,
  type TargetRow,
} from "./rollup";
import { emptyCounts, type StatusCounts } from "./status";

const counts = (c: Partial<StatusCounts>): StatusCounts => ({ ...emptyCounts(), ...c });

describe("parseRollupFilters", () => {
  it("reads the GET parameters and ignores anything malformed", () => {
    expect(
      parseRollupFilters({
        resolution: "5E2B0C1A-0000-4000-8000-00000000000A",
        plan: "5E2B0C1A-0000-4000-8000-000000000001",
        group: " Dân số, y tế ",
        track: "STATE",
        year: "2025",
        sort: "name",
      }),
    ).toEqual({
      resolution: "5e2b0c1a-0000-4000-8000-00000000000a",
      plan: "5e2b0c1a-0000-4000-8000-000000000001",
      group: "Dân số, y tế",
      track: "STATE",
      year: 2025,
      sort: "name",
    });
    expect(
      parseRollupFilters({
        resolution: "42-NQ/TW",
        plan: "'; DROP TABLE plans",
        track: "OTHER",
        year: "20x5",
        sort: "random",
      }),
    ).toEqual({
      resolution: null,
      plan: null,
      group: null,
      track: null,
      year: null,
      sort: "off-track",
    });
    expect(parseRollupFilters({ year: ["2024", "2025"], group: "" })).toMatchObject({ year: 2024, group: null });
    expect(parseRollupFilters({ year: "1999" }).year).toBeNull();
  });

  it("writes back only what differs from the defaults", () => {
    const f = parseRollupFilters({ group: "Nhà ở", year: "2025" });
    expect(filtersQuery(f)).toBe("?group=Nh%C3%A0+%E1%BB%9F&year=2025");
    expect(filtersQuery(f, { group: null, sort: "name" })).toBe("?year=2025&sort=name");
    expect(filtersQuery(parseRollupFilters({}))).toBe("");
    const r = "5e2b0c1a-0000-4000-8000-00000000000a";
    expect(filtersQuery(parseRollupFilters({ resolution: r, year: "2025" }))).toBe(`?resolution=${r}&year=2025`);
    expect(filterQuery(parseRollupFilters({ resolution: r }), "p1")).toBe(`plan=p1&resolution=${r}`);
  });
});

describe("chooseYear", () => {
  it("takes the year asked for when it has data, else the current year, else the latest before it", () => {
    expect(chooseYear([2024, 2025], 2026, 2024)).toBe(2024);
    expect(chooseYear([2024, 2025], 2026, 2023)).toBe(2025);
    expect(chooseYear([2024, 2025, 2026], 2026, null)).toBe(2026);
    expect(chooseYear([2024, 2025, 2027], 2026, null)).toBe(2025);
    expect(chooseYear([], 2026, 2025)).toBeNull();
  });
});

describe("sortRows", () => {
  const rows = [
    { label: "Huyện ủy Yên Châu", counts: counts({ OFF_TRACK: 1, AT_RISK: 5 }) },
    { label: "Huyện ủy Bắc Yên", counts: counts({ OFF_TRACK: 3 }) },
    { label: "Đảng ủy xã Chiềng Sơn", counts: counts({ OFF_TRACK: 1, AT_RISK: 5 }) },
    { label: "Thị ủy Mộc Châu", counts: counts({ OFF_TRACK: 1, AT_RISK: 2 }) },
  ];

  it("puts most off track first, then most at risk, then by name (Vietnamese order: Đ after D)", () => {
    expect(sortRows(rows, "off-track").map((r) => r.label)).toEqual([
      "Huyện ủy Bắc Yên",
      "Đảng ủy xã Chiềng Sơn",
      "Huyện ủy Yên Châu",
      "Thị ủy Mộc Châu",
    ]);
  });

  it("or by name alone, without touching the input", () => {
    expect(sortRows(rows, "name").map((r) => r.label)).toEqual([
      "Đảng ủy xã Chiềng Sơn",
      "Huyện ủy Bắc Yên",
      "Huyện ủy Yên Châu",
      "Thị ủy Mộc Châu",
    ]);
    expect(rows[0]!.label).toBe("Huyện ủy Yên Châu");
  });

  it("sums counts over rows", () => {
    expect(sumCounts(rows)).toEqual({ MET: 0, ON_TRACK: 0, AT_RISK: 12, OFF_TRACK: 6, NO_DATA: 0 });
  });
});

describe("issuanceState", () => {
  const due = "2024-03-31";
  const today = "2026-11-23";

  it("issued on or before the parent's deadline is on time; after it, late by whole days", () => {
    expect(issuanceState({ status: "ISSUED", issuedOn: "2024-03-31", dueOn: due, today })).toEqual({
      state: "ON_TIME",
      days: 0,
    });
    expect(issuanceState({ status: "ISSUED", issuedOn: "2024-03-15", dueOn: due, today })).toEqual({
      state: "ON_TIME",
      days: 16,
    });
    expect(issuanceState({ status: "ISSUED", issuedOn: "2024-04-20", dueOn: due, today })).toEqual({
      state: "LATE",
      days: 20,
    });
    // 2024 is a leap year: 1/3 is 30 days before 31/3.
    expect(issuanceState({ status: "SUPERSEDED", issuedOn: "2024-03-01", dueOn: due, today })).toEqual({
      state: "ON_TIME",
      days: 30,
    });
  });

  it("without a deadline or a date, simply issued", () => {
    expect(issuanceState({ status: "ISSUED", issuedOn: "2024-04-20", dueOn: null, today })).toEqual({
      state: "ISSUED",
      days: null,
    });
    expect(issuanceState({ status: "ISSUED", issuedOn: null, dueOn: due, today })).toEqual({
      state: "ISSUED",
      days: null,
    });
  });

  it("a draft or a missing plan is overdue from the day after the deadline", () => {
    expect(issuanceState({ status: "DRAFT", issuedOn: null, dueOn: "2026-11-23", today })).toEqual({
      state: "DRAFT",
      days: 0,
    });
    expect(issuanceState({ status: "DRAFT", issuedOn: null, dueOn: "2026-11-22", today })).toEqual({
      state: "DRAFT_OVERDUE",
      days: 1,
    });
    expect(issuanceState({ status: null, issuedOn: null, dueOn: "2026-12-31", today })).toEqual({
      state: "MISSING",
      days: 38,
    });
    // 31/3/2024 → 23/11/2026: 365 + 365 + 237 days.
    expect(issuanceState({ status: null, issuedOn: null, dueOn: due, today })).toEqual({
      state: "MISSING_OVERDUE",
      days: 967,
    });
    expect(issuanceState({ status: null, issuedOn: null, dueOn: null, today })).toEqual({
      state: "MISSING",
      days: null,
    });
  });

  it("labels and who missed the deadline", () => {
    expect(issuanceLabel({ state: "LATE", days: 20 })).toBe("Trễ hạn 20 ngày");
    expect(issuanceLabel({ state: "MISSING_OVERDUE", days: 3 })).toBe("Chưa ban hành, quá hạn 3 ngày");
    expect(issuanceLabel({ state: "DRAFT", days: null })).toBe("Đang dự thảo");
    expect(
      ["ON_TIME", "LATE", "ISSUED", "DRAFT", "DRAFT_OVERDUE", "MISSING", "MISSING_OVERDUE"].filter((s) =>
        missedDeadline(s as never),
      ),
    ).toEqual(["LATE", "DRAFT_OVERDUE", "MISSING_OVERDUE"]);
  });
});

describe("reports", () => {
  it("is due on 15/12 unless the parent or the report says otherwise", () => {
    expect(reportDueDate(2026, null, null)).toBe("2026-12-15");
    expect(reportDueDate(2026, { day: 5, month: 12 }, null)).toBe("2026-12-05");
    expect(reportDueDate(2026, { day: 5, month: 12 }, "2026-12-20")).toBe("2026-12-20");
  });

  it("counts the days left until 15/12; a missing report is not submitted", () => {
    const due = "2026-12-15";
    expect(reportStanding({ status: null, due, today: "2026-11-23" })).toEqual({
      submitted: false,
      label: "Chưa nộp",
      deadline: "OPEN",
      daysLeft: 22,
      due,
    });
    expect(reportStanding({ status: "DRAFT", due, today: "2026-12-01" })).toMatchObject({
      submitted: false,
      deadline: "DUE_SOON",
      daysLeft: 14,
    });
    expect(reportStanding({ status: "RETURNED", due, today: "2026-12-16" })).toMatchObject({
      submitted: false,
      label: "Bị trả lại, chưa nộp lại",
      deadline: "OVERDUE",
      daysLeft: -1,
    });
    expect(reportStanding({ status: "SUBMITTED", due, today: "2026-12-16" })).toMatchObject({
      submitted: true,
      deadline: "SUBMITTED",
    });
    expect(reportStanding({ status: "ACCEPTED", due, today: "2026-11-23" }).label).toBe("Đã nộp, được chấp nhận");
    expect([22, 0, -3].map(daysLeftLabel)).toEqual(["còn 22 ngày", "hạn hôm nay", "quá hạn 3 ngày"]);
  });
});

describe("todayInVietnam", () => {
  it("is already the next day from 17:00 UTC", () => {
    expect(todayInVietnam(new Date("2026-11-22T16:59:59Z"))).toBe("2026-11-22");
    expect(todayInVietnam(new Date("2026-11-22T17:00:00Z"))).toBe("2026-11-23");
  });
});

describe("weakerTargets", () => {
  const t = (kind: TargetRow["kind"], lower: number | null, upper: number | null, text: string): TargetRow => ({
    kind,
    lower,
    upper,
    isPercent: true,
    qualitative: null,
    text,
  });
  it("keeps the children whose target asks for less than the parent's, in the indicator's direction", () => {
    const pairs = [
      {
        id: "coverage-90",
        direction: "HIGHER_BETTER" as const,
        parent: t("EXACT", 97, 97, "97%"),
        child: t("EXACT", 90, 90, "90%"),
      },
      {
        id: "coverage-98",
        direction: "HIGHER_BETTER" as const,
        parent: t("EXACT", 97, 97, "97%"),
        child: t("EXACT", 98, 98, "98%"),
      },
      {
        id: "coverage-same",
        direction: "HIGHER_BETTER" as const,
        parent: t("EXACT", 97, 97, "97%"),
        child: t("EXACT", 97, 97, "97"),
      },
      // Stunting, lower is better: a ceiling of 25% under the parent's "dưới 23%" asks for less.
      {
        id: "stunting-25",
        direction: "LOWER_BETTER" as const,
        parent: t("BELOW", null, 23, "dưới 23%"),
        child: t("BELOW", null, 25, "dưới 25%"),
      },
      {
        id: "stunting-20",
        direction: "LOWER_BETTER" as const,
        parent: t("BELOW", null, 23, "dưới 23%"),
        child: t("BELOW", null, 20, "dưới 20%"),
      },
      // A band around the parent's is weaker; inside it, stronger.
      {
        id: "band-wide",
        direction: "WITHIN_RANGE" as const,
        parent: t("RANGE", 2, 2.5, "2-2,5"),
        child: t("RANGE", 1.8, 2.7, "1,8-2,7"),
      },
      {
        id: "band-narrow",
        direction: "WITHIN_RANGE" as const,
        parent: t("RANGE", 2, 2.5, "2-2,5"),
        child: t("RANGE", 2.1, 2.3, "2,1-2,3"),
      },
      // Qualitative targets cannot be ranked.
      {
        id: "qualitative",
        direction: "QUALITATIVE" as const,
        parent: { ...t("QUALITATIVE", null, null, "Xóa bỏ hoàn toàn"), qualitative: "Xóa bỏ hoàn toàn" },
        child: { ...t("QUALITATIVE", null, null, "Cơ bản xóa bỏ"), qualitative: "Cơ bản xóa bỏ" },
      },
    ];
    expect(weakerTargets(pairs).map((p) => p.id)).toEqual(["coverage-90", "stunting-25", "band-wide"]);
  });
});

describe("attribution", () => {
  const successors = [
    "Đảng ủy phường Mộc Châu",
    "Đảng ủy phường Thảo Nguyên",
    "Đảng ủy xã Chiềng Sơn",
    "Đảng ủy xã Tân Yên",
  ].map((name) => ({ name }));
  it("names the successors of a body that no longer exists", () => {
    expect(
      attribution(
        { issuerName: "Thị ủy Mộc Châu", issuerValidTo: "2025-06-30", successors: successors.slice(0, 2) },
        "2026-11-23",
      ),
    ).toEqual({
      dissolved: true,
      successors: "Đảng ủy phường Mộc Châu, Đảng ủy phường Thảo Nguyên",
    });
    expect(
      attribution({ issuerName: "Thị ủy Mộc Châu", issuerValidTo: "2025-06-30", successors }, "2026-11-23").successors,
    ).toBe("Đảng ủy phường Mộc Châu, Đảng ủy phường Thảo Nguyên, Đảng ủy xã Chiềng Sơn và 1 cơ quan khác");
  });
  it("a body still in office, or one that ends later, is its own", () => {
    expect(attribution({ issuerName: "Tỉnh ủy Sơn La", issuerValidTo: null, successors: [] }, "2026-11-23")).toEqual({
      dissolved: false,
      successors: null,
    });
    expect(attribution({ issuerName: "X", issuerValidTo: "2026-12-31", successors }, "2026-11-23")).toEqual({
      dissolved: false,
      successors: null,
    });
  });
});

describe("groupSpans", () => {
  it("merges consecutive columns of one group", () => {
    expect(
      groupSpans([{ group: "Giáo dục" }, { group: "Giáo dục" }, { group: "Y tế" }, { group: "Giáo dục" }]),
    ).toEqual([
      { group: "Giáo dục", span: 2 },
      { group: "Y tế", span: 1 },
      { group: "Giáo dục", span: 1 },
    ]);
    expect(groupSpans([])).toEqual([]);
  });
});

describe("cellString", () => {
  it("puts each status letter at its column and marks the others as having no indicator", () => {
    expect(cellString("3X,1M", 4)).toBe("M-X-");
    expect(cellString("12N,10O", 12)).toBe("---------O-N");
  });

  it("is all gaps without cells, and ignores column numbers outside the matrix", () => {
    expect(cellString(null, 3)).toBe("---");
    expect(cellString("", 2)).toBe("--");
    expect(cellString("0X,5M,2R", 3)).toBe("-R-");
  });
});

describe("byIssuance", () => {
  const late = (id: string, issuedOn: string, days: number) => ({
    plan: { id, issuedOn },
    issuance: { state: "LATE" as const, days },
  });
  it("puts the smaller lateness first whatever the order given (979 days and 31 days: 31)", () => {
    const a = late("a", "2026-12-05", 979);
    const b = late("b", "2024-05-01", 31);
    expect(byIssuance([a, b])[0]).toBe(b);
    expect(byIssuance([b, a])[0]).toBe(b);
  });
  it("prefers a better state, then the earlier issue, then the id", () => {
    const onTime = { plan: { id: "z", issuedOn: "2024-03-15" }, issuance: { state: "ON_TIME" as const, days: 16 } };
    const draft = { plan: { id: "d", issuedOn: null }, issuance: { state: "DRAFT" as const, days: null } };
    expect(byIssuance([draft, late("a", "2024-05-01", 31), onTime]).map((p) => p.plan.id)).toEqual(["z", "a", "d"]);
    const twin = late("b", "2024-05-01", 31);
    expect(byIssuance([twin, late("a", "2024-05-01", 31)]).map((p) => p.plan.id)).toEqual(["a", "b"]);
  });
});

describe("issuedBeforeEnd", () => {
  it("says whether a plan of a body that ended was issued while it existed", () => {
    expect(issuedBeforeEnd({ issuedOn: "2024-03-15", issuerValidTo: "2025-06-30" })).toBe(true);
    expect(issuedBeforeEnd({ issuedOn: "2025-06-30", issuerValidTo: "2025-06-30" })).toBe(true);
    expect(issuedBeforeEnd({ issuedOn: "2026-12-05", issuerValidTo: "2025-06-30" })).toBe(false);
    expect(issuedBeforeEnd({ issuedOn: null, issuerValidTo: "2025-06-30" })).toBe(true);
    expect(issuedBeforeEnd({ issuedOn: "2026-12-05", issuerValidTo: null })).toBe(true);
  });
});
