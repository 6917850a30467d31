import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { describe, expect, it } from "vitest";
import { extractPlan } from "./parse-document";
import { readUpload } from "./read-file";

// Task tables of an appendix ("Phụ lục: phân công nhiệm vụ"), read as tasks (parse-table.ts).

const HEADER = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];
const ROWS = [
  ["I", "Công tác tuyên truyền", "", "", ""],
  ["1", "Tổ chức hội nghị quán triệt kế hoạch", "Ban Tuyên giáo Huyện ủy", "UBND các xã, thị trấn", "Quý II/2024"],
  ["2", "Tuyên truyền trên hệ thống truyền thanh cơ sở", "Trung tâm Văn hóa - Thể thao", "", "Thường xuyên"],
  ["II", "Y tế", "", "", ""],
  ["1", "Nâng cấp trạm y tế các xã", "Phòng Y tế", "Phòng Tài chính - Kế hoạch; UBND các xã", "Năm 2025"],
  ["2", "Khám sàng lọc cho người cao tuổi", "", "Trung tâm Y tế huyện", "khi có kinh phí"],
];

const TEXT = [
  "ỦY BAN NHÂN DÂN HUYỆN EA SÚP",
  "",
  "KẾ HOẠCH",
  "Thực hiện chính sách xã hội năm 2024",
  "",
  "I. MỤC ĐÍCH, YÊU CẦU",
  "Triển khai đồng bộ các nhiệm vụ.",
  "",
  "II. NHIỆM VỤ, GIẢI PHÁP",
  "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.",
  "",
  "PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ",
  "",
  `| ${HEADER.join(" | ")} |`,
  `|${HEADER.map(() => "---").join("|")}|`,
  ...ROWS.map((r) => `| ${r.join(" | ")} |`),
].join("\n");

function expectTasks(tasks: ReturnType<typeof extractPlan>["document"]["tasks"]) {
  const groups = tasks.filter((t) => t.children?.length);
  expect(groups.map((g) => [g.numbering, g.title, g.body])).toEqual([
    ["I", "Công tác tuyên truyền", ""],
    ["II", "Y tế", ""],
  ]);
  expect(groups[0]!.children!.map((t) => [t.numbering, t.body, t.lead, t.coordinating ?? null, t.timeframe])).toEqual([
    [
      "1",
      "Tổ chức hội nghị quán triệt kế hoạch",
      ["Ban Tuyên giáo Huyện ủy"],
      ["UBND các xã, thị trấn"],
      "Quý II/2024",
    ],
    ["2", "Tuyên truyền trên hệ thống truyền thanh cơ sở", ["Trung tâm Văn hóa - Thể thao"], null, "Thường xuyên"],
  ]);
  expect(groups[1]!.children![0]!.coordinating).toEqual(["Phòng Tài chính - Kế hoạch", "UBND các xã"]);
}

describe("task tables", () => {
  it("are read as tasks, groups holding the numbered rows below them, with agencies and timeframes", () => {
    const extraction = extractPlan(TEXT, { key: "task-table" });
    expectTasks(extraction.document.tasks);
    // What to check: the row without a lead agency, and the timeframe nobody can date.
    const paths = Object.entries(extraction.unclear);
    expect(paths.find(([, m]) => /cơ quan chủ trì/.test(m))?.[0]).toMatch(/^tasks\.\d+\.children\.1\.lead$/);
    expect(paths.find(([, m]) => /khi có kinh phí/.test(m))?.[0]).toMatch(/^tasks\.\d+\.children\.1\.timeframe$/);
    // Each task can be traced to its line.
    const group = extraction.document.tasks.findIndex((t) => t.numbering === "I");
    const source = extraction.sources[`tasks.${group}.children.0`]!;
    expect(TEXT.split("\n")[source.from - 1]).toContain("Tổ chức hội nghị quán triệt");
  });

  it("are read the same from a Word table", async () => {
    const row = (cells: string[]) =>
      new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
    const doc = new Document({
      sections: [
        {
          children: [
            ...TEXT.split("\n")
              .slice(0, 12)
              .filter(Boolean)
              .map((line) => new Paragraph(line)),
            new Table({ rows: [row(HEADER), ...ROWS.map(row)] }),
          ],
        },
      ],
    });
    const read = await readUpload("phan-cong.docx", new Uint8Array(await Packer.toBuffer(doc)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expectTasks(extractPlan(read.text, { key: "task-table-docx" }).document.tasks);
  });

  it("complete the section's tasks they repeat instead of adding them twice", () => {
    const text = TEXT.replace(
      "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.",
      ["1. Tổ chức hội nghị quán triệt kế hoạch.", "", "2. Rà soát, hỗ trợ hộ nghèo về nhà ở."].join("\n"),
    );
    const { document } = extractPlan(text, { key: "task-table-repeats" });
    const numbered = document.tasks.map((t) => [t.numbering, t.title ?? t.body]);
    expect(numbered.filter(([, body]) => /quán triệt/.test(body!))).toHaveLength(1);
    const briefing = document.tasks.find((t) => /quán triệt/.test(t.body))!;
    expect([briefing.lead, briefing.coordinating, briefing.timeframe]).toEqual([
      ["Ban Tuyên giáo Huyện ủy"],
      ["UBND các xã, thị trấn"],
      "Quý II/2024",
    ]);
    // Said on the review screen.
    expect(extractPlan(text, { key: "again" }).warnings.some((w) => /nhắc lại 1 nhiệm vụ/.test(w))).toBe(true);
    // The rest of the table is new work, under its groups.
    const communication = document.tasks.find((t) => t.title === "Công tác tuyên truyền")!;
    expect(communication.children!.map((t) => t.body)).toEqual(["Tuyên truyền trên hệ thống truyền thanh cơ sở"]);
    expect(document.tasks.find((t) => t.title === "Y tế")!.children).toHaveLength(2);
  });

  it("keep a row whose text only looks like a section task: two tasks, nothing lost", () => {
    const text = TEXT.replace(
      "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.",
      "1. Tổ chức hội nghị quán triệt nghị quyết.",
    );
    const { document } = extractPlan(text, { key: "task-table-alike" });
    const bodies = JSON.stringify(document.tasks);
    expect(bodies).toContain("Tổ chức hội nghị quán triệt nghị quyết");
    expect(bodies).toContain("Tổ chức hội nghị quán triệt kế hoạch");
  });

  it("leave indicator tables to the indicator reader", () => {
    const text = [
      "KẾ HOẠCH",
      "",
      "| TT | Chỉ tiêu | Đơn vị | Năm 2025 | Năm 2030 |",
      "|---|---|---|---|---|",
      "| 1 | Tỷ lệ hộ nghèo | % | dưới 2 | dưới 1 |",
    ].join("\n");
    const { document } = extractPlan(text, { key: "indicator-table" });
    expect(document.tasks).toEqual([]);
    expect(document.indicators.map((i) => i.name)).toEqual(["Tỷ lệ hộ nghèo"]);
  });
});
