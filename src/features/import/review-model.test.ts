import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planDocumentSchema } from "@/features/plans/plan-document";
import { extractPlan } from "./parse-document";
import { byItem, errorsByItem, milestoneYears, splitPath, toDocument, toModel } from "./review-model";

// The review screen's model: what is sent is the extracted document, unchanged until the user
// edits it; removed items disappear from it; the server's errors find their way back to the item.

const text = readFileSync(
  path.resolve(import.meta.dirname, "../../../tests/fixtures/import/ea-sup-ubnd-huyen-ke-hoach-2024.md"),
  "utf8",
);
const extraction = extractPlan(text, { key: "import-abc123" });

describe("review model", () => {
  it("gives back the extracted document when nothing is edited", () => {
    const { document } = toDocument(toModel(extraction.document));
    expect(document).toEqual(JSON.parse(JSON.stringify(extraction.document)));
    expect(planDocumentSchema.safeParse(document).success).toBe(true);
  });

  it("leaves removed items out and maps the paths sent to the items shown", () => {
    const model = toModel(extraction.document);
    model.tasks[0]!.excluded = true;
    model.indicators[1]!.children[0]!.excluded = true;
    model.indicators[1]!.children[1]!.targets["2030"] = "2-3";
    const { document, paths } = toDocument(model);
    expect(document.tasks).toHaveLength(extraction.document.tasks.length - 1);
    expect(document.tasks[0]!.numbering).toBe("2.");
    expect(paths["tasks.0"]).toBe("tasks.1");
    expect(paths["indicators.1.children.0"]).toBe("indicators.1.children.1");
    expect(document.indicators[1]!.children![0]).toMatchObject({
      name: "Tỉ lệ thất nghiệp khu vực thành thị",
      targets: { "2030": "2-3" },
    });
    expect(document.indicators[1]!.children![1]!.targets).toEqual({ "2025": "<70", "2030": "<60" });

    const errors = errorsByItem(
      {
        "document.indicators.1.children.0.targets.2030": "Không hiểu",
        "document.number": "Hãy nhập số",
        parentId: "Không tìm thấy",
        _form: "Lỗi",
      },
      paths,
    );
    expect(errors).toEqual({
      "indicators.1.children.1": { "targets.2030": "Không hiểu" },
      "": { number: "Hãy nhập số", parentId: "Không tìm thấy", _form: "Lỗi" },
    });
  });

  it("splits agency fields on ';' only, so collective names keep their commas", () => {
    const model = toModel(extraction.document);
    const task = model.tasks[0]!.children[0]!;
    expect(task.coordinating).toBe("Các cơ quan, đơn vị, ngành của huyện; UBND các xã, thị trấn");
    task.lead = "Phòng Nội vụ;  Phòng Tư pháp; ";
    expect(toDocument(model).document.tasks[0]!.children![0]!.lead).toEqual(["Phòng Nội vụ", "Phòng Tư pháp"]);
  });

  it("groups sources and marks by item", () => {
    expect(splitPath("tasks.4.children.2.timeframe")).toEqual({ item: "tasks.4.children.2", field: "timeframe" });
    expect(splitPath("sections.purpose")).toEqual({ item: "", field: "sections.purpose" });
    const marks = byItem(extraction.unclear);
    expect(marks["tasks.4.children.2"]).toEqual({ timeframe: "Không thấy thời gian thực hiện của nhiệm vụ này" });
    expect(byItem(extraction.sources)["tasks.0.children.0"]![""]).toEqual({ from: 37, to: 45 });
    expect(milestoneYears(extraction)).toEqual(["2025", "2030"]);
  });
});

describe("doubtful indicators in the review model", () => {
  it("marks an indicator with a mark of its own or on a target, not its parent for a child's", () => {
    const document = {
      ...extractPlan("KẾ HOẠCH\nvề chính sách xã hội").document,
      indicators: [
        { code: "1", name: "Tỷ lệ hộ nghèo", targets: { "2030": "20630" } },
        {
          code: "2",
          name: "Nhóm",
          isGroup: true,
          children: [{ code: "2.1", name: "Tỷ lệ trẻ em đi học", targets: { "2030": "95%" } }],
        },
        { code: "3", name: "Tỷ lệ lao động qua đào tạo", targets: { "2030": "45%" } },
      ],
    };
    const model = toModel(document, {
      "indicators.0.targets.2030": "đoán",
      "indicators.1.children.0": "tên ngắn",
    });
    expect(model.indicators.map((x) => x.doubtful)).toEqual([true, false, false]);
    expect(model.indicators[1]!.children[0]!.doubtful).toBe(true);
    expect(toModel(document).indicators.some((x) => x.doubtful)).toBe(false);
  });
});
