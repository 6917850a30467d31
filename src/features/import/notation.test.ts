import { describe, expect, it } from "vitest";
import { splitAgencies, suspiciousAgency } from "./parse-agencies";
import { readMarker, toBlocks } from "./parse-blocks";
import { extractPlan, findCitedDocuments, isEmptyExtraction } from "./parse-document";
import { readLabels } from "./parse-labels";
import { readProseIndicators } from "./parse-prose";
import { readIndicatorTable, tableRuns } from "./parse-table";
import { readTasks } from "./parse-tasks";
import { cleanLine, fold, latexToText, stripFootnoteMarkers, tableCells } from "./text";

// One test (or a few) for each notation the importer reads, with examples from the seeds and the
// variants seen in real files: Markdown and bold markers, footnotes, LaTeX from PDF conversion,
// numbering styles, both wordings of the assignment lines, OCR output without diacritics.

function prose(text: string, year = "2030") {
  return readProseIndicators(toBlocks(text).blocks, year).map((p) => [
    p.indicator.name,
    p.indicator.targets?.[year],
    p.indicator.unit,
  ]);
}

function tasks(text: string) {
  return readTasks(toBlocks(text).blocks).tasks.map((t) => t.task);
}

describe("cleaning a line", () => {
  it("drops Markdown heading, bold and escape markers but keeps the words", () => {
    expect(cleanLine("## **III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU**")).toBe("III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU");
    expect(cleanLine("**6.1. Về giáo dục:** Triển khai thực hiện")).toBe("6.1. Về giáo dục: Triển khai thực hiện");
    expect(cleanLine("### **1. Mục tiêu chung**")).toBe("1. Mục tiêu chung");
    expect(cleanLine("1\\. Mục đích")).toBe("1. Mục đích");
    expect(cleanLine("*Đà Lạt, ngày 15 tháng 5 năm 2024*")).toBe("Đà Lạt, ngày 15 tháng 5 năm 2024");
  });

  it("keeps the dashes and case as written (agency names are stored as written)", () => {
    expect(cleanLine("Cơ quan chủ trì tham mưu: Trung tâm Truyền thông – Văn hoá – Thể thao.")).toBe(
      "Cơ quan chủ trì tham mưu: Trung tâm Truyền thông – Văn hoá – Thể thao.",
    );
  });

  it("turns the decorative star under a Party committee and rules into blank lines", () => {
    expect(cleanLine("\\*  ")).toBe("");
    expect(cleanLine("-----")).toBe("");
  });

  it("reads LaTeX fragments left by PDF conversion", () => {
    expect(latexToText("đạt khoảng  $30\\text{ m}^2$  sàn/người")).toBe("đạt khoảng  30 m²  sàn/người");
    expect(latexToText("$\\geq 60\\%$")).toBe("≥ 60%");
    expect(cleanLine("tỷ lệ $\\leq 5\\%$; $1{,}5$ lần")).toBe("tỷ lệ ≤ 5%; 1,5 lần");
    expect(cleanLine("diện tích tối thiểu $11\\text{ m}^{2}$ sàn/người")).toBe("diện tích tối thiểu 11 m² sàn/người");
  });

  it("removes footnote markers but not the square metre", () => {
    expect(stripFootnoteMarkers("chính sách xã hội[^1] trong giai đoạn mới")).toBe(
      "chính sách xã hội trong giai đoạn mới",
    );
    expect(stripFootnoteMarkers("Nghị quyết số 42-NQ/TW¹, ngày 24/11/2023")).toBe(
      "Nghị quyết số 42-NQ/TW, ngày 24/11/2023",
    );
    expect(stripFootnoteMarkers("người dân[2] được tiếp cận")).toBe("người dân được tiếp cận");
    expect(stripFootnoteMarkers("bảo hiểm y tế<sup>3</sup>")).toBe("bảo hiểm y tế");
    expect(stripFootnoteMarkers("20,5 m² sàn/người; 30 m<sup>2</sup>")).toBe("20,5 m² sàn/người; 30 m²");
  });

  it("splits table rows written with tabs or Markdown pipes", () => {
    expect(tableCells("2.1\tTỉ lệ thất nghiệp chung\t%\t<4\t2-2,5\tX")).toEqual([
      "2.1",
      "Tỉ lệ thất nghiệp chung",
      "%",
      "<4",
      "2-2,5",
      "X",
    ]);
    expect(tableCells("| 6.5 | Tỉ lệ trường mầm non đạt chuẩn quốc gia | % | 62,5 | >70 | |")).toEqual([
      "6.5",
      "Tỉ lệ trường mầm non đạt chuẩn quốc gia",
      "%",
      "62,5",
      ">70",
      "",
    ]);
    expect(tableCells("Một dòng thường")).toBeNull();
  });

  it("folds case, diacritics and dashes for comparison", () => {
    expect(fold("Thời gian thực hiện")).toBe(fold("THOI GIAN THUC HIEN"));
    expect(fold("Thoi gian thuc hién")).toBe("thoi gian thuc hien");
    expect(fold("Lao động – TBXH")).toBe("lao dong - tbxh");
  });
});

describe("numbering styles", () => {
  it.each([
    ["I. MỤC ĐÍCH, YÊU CẦU", "roman", "I."],
    ["II- MỤC TIÊU", "roman", "II-"],
    ["III- Nhiệm vụ và giải pháp chủ yếu", "roman", "III-"],
    ["IV. KINH PHÍ THỰC HIỆN", "roman", "IV."],
    ["1. Nâng cao nhận thức", "number", "1."],
    ["1.1. Tập trung tuyên truyền", "number", "1.1."],
    ["1.1 Tập trung tuyên truyền", "number", "1.1"],
    ["2) Nâng cao năng lực", "number", "2)"],
    ["a) Đẩy mạnh thực hiện chính sách dân số", "letter", "a)"],
    ["đ) Phát triển", "letter", "đ)"],
    ["- Tổ chức quán triệt", "bullet", "-"],
    ["+ Thành thị", "bullet", "+"],
  ])("%s → %s %s", (text, type, label) => {
    const marker = readMarker(text);
    expect(marker.type).toBe(type);
    expect("label" in marker ? marker.label : "").toBe(label);
  });

  it.each([
    "100% người có công",
    "25% lực lượng lao động",
    "2030 là năm mốc",
    "10.000 dân",
    "35 giường bệnh viện",
    "Ví dụ này không có số",
  ])("%s has no numbering", (text) => {
    expect(readMarker(text).type).toBe("none");
  });
});

describe("paragraphs", () => {
  it("joins the lines of a paragraph and puts back a paragraph cut by a page break", () => {
    const { blocks } = toBlocks(
      "a) Đẩy mạnh thực hiện chính sách dân số và duy trì mức sinh thay thế,\n\nnhất là đối với một số địa bàn và nhóm dân cư.\n\nCơ quan chủ trì tham mưu: Trung tâm Y tế.",
    );
    expect(blocks.map((b) => b.text)).toEqual([
      "a) Đẩy mạnh thực hiện chính sách dân số và duy trì mức sinh thay thế, nhất là đối với một số địa bàn và nhóm dân cư.",
      "Cơ quan chủ trì tham mưu: Trung tâm Y tế.",
    ]);
    expect(blocks[0]!.marker).toMatchObject({
      type: "letter",
      rest: "Đẩy mạnh thực hiện chính sách dân số và duy trì mức sinh thay thế, nhất là đối với một số địa bàn và nhóm dân cư.",
    });
    expect([blocks[0]!.from, blocks[0]!.to]).toEqual([1, 3]);
  });

  it("keeps header lines in capitals apart", () => {
    const { blocks } = toBlocks(
      "ĐẢNG BỘ TỈNH LÂM ĐỒNG  \nTHÀNH ỦY ĐÀ LẠT\n\nThực hiện Chương trình hành động số 78-CTr/TU ngày 11/3/2024 của  \nTỉnh ủy Lâm Đồng",
    );
    expect(blocks.map((b) => b.text)).toEqual([
      "ĐẢNG BỘ TỈNH LÂM ĐỒNG",
      "THÀNH ỦY ĐÀ LẠT",
      "Thực hiện Chương trình hành động số 78-CTr/TU ngày 11/3/2024 của Tỉnh ủy Lâm Đồng",
    ]);
  });

  it("reads text pasted with one paragraph per line and no blank lines", () => {
    const text = [
      "III. NHIỆM VỤ, GIẢI PHÁP",
      "1. Nâng cao nhận thức",
      "1.1. Tập trung tuyên truyền.",
      "Đổi mới nội dung, phương pháp tuyên truyền.",
      "Cơ quan chủ trì tham mưu: Phòng Nội vụ.",
      "Cơ quan PHTH: UBND các xã, thị trấn.",
      "Thời gian thực hiện: Thường xuyên.",
      "1.2. Kịp thời khen thưởng.",
      "Cơ quan chủ trì tham mưu: Phòng Nội vụ.",
      "Thời gian thực hiện: Quý IV/2024.",
    ].join("\n");
    const [group] = extractPlan(text).document.tasks;
    expect(group!.children!.map((t) => [t.numbering, t.body, t.lead, t.timeframe])).toEqual([
      [
        "1.1.",
        "Tập trung tuyên truyền.\n\nĐổi mới nội dung, phương pháp tuyên truyền.",
        ["Phòng Nội vụ"],
        "Thường xuyên",
      ],
      ["1.2.", "Kịp thời khen thưởng.", ["Phòng Nội vụ"], "Quý IV/2024"],
    ]);
  });
});

describe("assignment lines", () => {
  it("reads the State (UBND) wording", () => {
    expect(readLabels("Cơ quan chủ trì tham mưu: Phòng Lao động - Thương binh và Xã hội; Phòng Nội vụ.")).toEqual([
      {
        role: "lead",
        label: "Cơ quan chủ trì tham mưu",
        value: "Phòng Lao động - Thương binh và Xã hội; Phòng Nội vụ.",
      },
    ]);
    expect(readLabels("Cơ quan phối hợp thực hiện (cơ quan PHTH): Các cơ quan, đơn vị, ngành của huyện")[0]?.role).toBe(
      "coordinating",
    );
    expect(readLabels("Cơ quan PHTH: Các cơ quan, đơn vị, ngành của huyện")[0]?.role).toBe("coordinating");
    expect(readLabels("Thời gian thực hiện: Năm 2024 và các năm tiếp theo.")[0]).toMatchObject({
      role: "timeframe",
      value: "Năm 2024 và các năm tiếp theo.",
    });
  });

  it("reads the Party wording", () => {
    expect(readLabels("Cơ quan chỉ đạo: Ban Thường vụ Thành ủy")[0]?.role).toBe("directing");
    expect(readLabels("Cơ quan tham mưu, thực hiện: Ban Tuyên giáo Thành ủy; Ủy ban MTTQ thành phố")[0]?.role).toBe(
      "advising",
    );
  });

  it("reads OCR output with lost or mangled diacritics, and a lost colon", () => {
    expect(readLabels("Co quan chu tri tham muu: Phong Noi vu.")[0]?.role).toBe("lead");
    expect(readLabels("Thoi gian thuc hién: Thuong xuyen.")[0]).toMatchObject({
      role: "timeframe",
      value: "Thuong xuyen.",
    });
    expect(readLabels("Co quan chu tri tharn muu: Phong Tai chinh - Ke hoach.")[0]?.role).toBe("lead");
    expect(readLabels("C0 quan PHTH: UBND cac xa, thi tran")[0]?.role).toBe("coordinating");
    expect(readLabels("Thoi gian thuc hien Nam 2024 va cac nam tiep theo.")[0]).toMatchObject({
      role: "timeframe",
      value: "Nam 2024 va cac nam tiep theo.",
    });
    expect(readLabels("- Thời gian: Quý II/2024")[0]).toMatchObject({ role: "timeframe", value: "Quý II/2024" });
  });

  it("reads several labels written on one line", () => {
    expect(
      readLabels(
        "Cơ quan chủ trì: Phòng Nội vụ; cơ quan phối hợp: UBND các xã, thị trấn; thời gian thực hiện: Quý II/2024.",
      ).map((l) => [l.role, l.value]),
    ).toEqual([
      ["lead", "Phòng Nội vụ"],
      ["coordinating", "UBND các xã, thị trấn"],
      ["timeframe", "Quý II/2024."],
    ]);
  });

  it("does not take ordinary sentences for labels", () => {
    expect(readLabels("Tổ chức có hiệu quả các phiên giao dịch việc làm như: tư vấn, giới thiệu việc làm")).toEqual([]);
    expect(readLabels("Chú trọng thực hiện chính sách ưu đãi người có công với cách mạng.")).toEqual([]);
    expect(readLabels("Phát triển thị trường lao động theo hướng linh hoạt")).toEqual([]);
  });
});

describe("agency lists", () => {
  it("splits on ';' and ',' but keeps collective names whole", () => {
    expect(splitAgencies("Các cơ quan, đơn vị, ngành của huyện; UBND các xã, thị trấn.")).toEqual([
      "Các cơ quan, đơn vị, ngành của huyện",
      "UBND các xã, thị trấn",
    ]);
    expect(splitAgencies("Trung tâm Y tế, Văn phòng HĐND và UBND huyện.")).toEqual([
      "Trung tâm Y tế",
      "Văn phòng HĐND và UBND huyện",
    ]);
    expect(
      splitAgencies("Các cơ quan, đơn vị, ngành của huyện; các tổ chức chính trị-xã hội; UBND các xã, thị trấn."),
    ).toEqual(["Các cơ quan, đơn vị, ngành của huyện", "các tổ chức chính trị-xã hội", "UBND các xã, thị trấn"]);
  });

  it("splits on 'và' only before the name of another body", () => {
    expect(
      splitAgencies(
        "Phòng Lao động - Thương binh và Xã hội; Phòng Nông nghiệp và Phát triển nông thôn và Phòng Dân tộc.",
      ),
    ).toEqual(["Phòng Lao động - Thương binh và Xã hội", "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Dân tộc"]);
    expect(splitAgencies("Phòng Văn hoá và Thông tin; Trung tâm Truyền thông - Văn hoá – Thể thao")).toEqual([
      "Phòng Văn hoá và Thông tin",
      "Trung tâm Truyền thông - Văn hoá – Thể thao",
    ]);
    expect(
      splitAgencies("Đảng đoàn Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh, Ban Thường vụ Tỉnh đoàn"),
    ).toEqual(["Đảng đoàn Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh", "Ban Thường vụ Tỉnh đoàn"]);
  });

  it("reads OCR agency names the same way", () => {
    expect(splitAgencies("Phong Nong nghiep va Phat trien nong thon va Phong Dan toc; UBND cac xa, thi tran")).toEqual([
      "Phong Nong nghiep va Phat trien nong thon",
      "Phong Dan toc",
      "UBND cac xa, thi tran",
    ]);
  });

  it("flags what does not look like one agency", () => {
    expect(suspiciousAgency("Phòng Nội vụ")).toBeNull();
    expect(suspiciousAgency("Phòng Nội vụ và")).toMatch(/cắt giữa chừng/);
    expect(suspiciousAgency("x".repeat(130))).toMatch(/quá dài/);
  });
});

describe("the task tree", () => {
  it("nests 1. > 1.1. > a) and takes a heading without a full stop as a title", () => {
    const tree = tasks(
      [
        "4. Phát triển thị trường lao động",
        "4.1. Nâng cao chất lượng nguồn nhân lực",
        "a) Đẩy mạnh thực hiện chính sách dân số.",
        "Cơ quan chủ trì tham mưu: Trung tâm Y tế, Văn phòng HĐND và UBND huyện.",
        "Thời gian thực hiện: Năm 2024 và các năm tiếp theo.",
        "b) Đẩy mạnh đào tạo nghề.",
        "Cơ quan chủ trì tham mưu: Phòng Giáo dục và Đào tạo.",
      ].join("\n\n"),
    );
    expect(tree[0]).toMatchObject({ numbering: "4.", title: "Phát triển thị trường lao động", body: "" });
    const group = tree[0]!.children![0]!;
    expect(group).toMatchObject({ numbering: "4.1.", title: "Nâng cao chất lượng nguồn nhân lực" });
    expect(group.children!.map((t) => [t.numbering, t.body, t.lead, t.timeframe ?? null])).toEqual([
      [
        "a)",
        "Đẩy mạnh thực hiện chính sách dân số.",
        ["Trung tâm Y tế", "Văn phòng HĐND và UBND huyện"],
        "Năm 2024 và các năm tiếp theo",
      ],
      ["b)", "Đẩy mạnh đào tạo nghề.", ["Phòng Giáo dục và Đào tạo"], null],
    ]);
  });

  it("flags a task without a lead or a time, and a time it cannot read", () => {
    const read = readTasks(
      toBlocks(
        "1.1. Việc thứ nhất.\n\nCơ quan chủ trì tham mưu: Phòng Nội vụ.\n\n1.2. Việc thứ hai.\n\nThời gian thực hiện: khi có kinh phí",
      ).blocks,
    ).tasks;
    expect(read[0]!.unclear.timeframe).toMatch(/Không thấy thời gian/);
    expect(read[1]!.unclear.lead).toMatch(/Không thấy cơ quan chủ trì/);
    expect(read[1]!.unclear.timeframe).toMatch(/Không hiểu thời gian/);
  });

  it("reads the Party wording of the assignment lines", () => {
    const [task] = tasks(
      "1. Tăng cường công tác tuyên truyền.\n\nCơ quan chỉ đạo: Ban Thường vụ Thành ủy.\n\nCơ quan tham mưu, thực hiện: Ban Tuyên giáo Thành ủy; Ủy ban MTTQ thành phố.\n\nThời gian: Thường xuyên.",
    );
    expect(task).toMatchObject({
      directing: ["Ban Thường vụ Thành ủy"],
      advising: ["Ban Tuyên giáo Thành ủy", "Ủy ban MTTQ thành phố"],
      timeframe: "Thường xuyên",
    });
  });

  it("in the Party style, makes each paragraph and each 'Về …:' paragraph a task", () => {
    const tree = tasks(
      [
        "6. Bảo đảm người dân được tiếp cận các dịch vụ xã hội cơ bản",
        "Về giáo dục: Nâng cao chất lượng giáo dục.",
        "Về nước sạch, vệ sinh môi trường: Tổ chức tuyên truyền.",
        "Trên cơ sở quy định pháp luật, nghiên cứu chính sách hỗ trợ.",
        "7. Đổi mới cung cấp dịch vụ xã hội",
        "Phát triển hệ thống dịch vụ xã hội.",
      ].join("\n\n"),
    );
    expect(tree.map((t) => [t.numbering, t.title])).toEqual([
      ["6.", "Bảo đảm người dân được tiếp cận các dịch vụ xã hội cơ bản"],
      ["7.", "Đổi mới cung cấp dịch vụ xã hội"],
    ]);
    expect(tree[0]!.children![0]).toEqual({
      numbering: "",
      title: "Về giáo dục",
      body: "Nâng cao chất lượng giáo dục.",
    });
    expect(tree[0]!.children![1]).toMatchObject({ title: "Về nước sạch, vệ sinh môi trường", body: "" });
    expect(tree[0]!.children![1]!.children!.map((t) => t.body)).toEqual([
      "Tổ chức tuyên truyền.",
      "Trên cơ sở quy định pháp luật, nghiên cứu chính sách hỗ trợ.",
    ]);
    expect(tree[1]!.children).toEqual([{ numbering: "", body: "Phát triển hệ thống dịch vụ xã hội." }]);
  });

  it("reads '6.1. Về giáo dục:' with its text on the same line", () => {
    const [group] = tasks("6. Nâng cao phúc lợi xã hội\n\n**6.1. Về giáo dục:** Triển khai thực hiện các quy định.");
    expect(group!.children![0]).toEqual({
      numbering: "6.1.",
      title: "Về giáo dục",
      body: "Triển khai thực hiện các quy định.",
    });
  });
});

describe("indicators written as prose", () => {
  it("reads name + target, with the comparison words parseTarget knows", () => {
    expect(
      prose("Tỷ lệ thất nghiệp chung dưới 1,2%; tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt 45,0%."),
    ).toEqual([
      ["Tỷ lệ thất nghiệp chung", "dưới 1,2%", "%"],
      ["Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "45,0%", "%"],
    ]);
    expect(prose("- Tỷ lệ thất nghiệp khu vực thành thị 3,5% trở lên.")).toEqual([
      ["Tỷ lệ thất nghiệp khu vực thành thị", "3,5% trở lên", "%"],
    ]);
    expect(prose("- Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt khoảng trên 40%.")).toEqual([
      ["Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "khoảng trên 40%", "%"],
    ]);
  });

  it("reads units after the number: tuổi, năm, m² sàn/người (also from LaTeX)", () => {
    expect(prose("tuổi thọ trung bình của người dân khoảng 75 tuổi, số năm sống khỏe đạt tối thiểu 68 năm")).toEqual([
      ["Tuổi thọ trung bình của người dân", "khoảng 75 tuổi", "tuổi"],
      ["Số năm sống khỏe", "tối thiểu 68 năm", "năm"],
    ]);
    expect(
      prose("diện tích nhà ở bình quân đầu người toàn thành phố đạt khoảng  $30\\text{ m}^2$  sàn/người."),
    ).toEqual([["Diện tích nhà ở bình quân đầu người toàn thành phố", "khoảng 30 m² sàn/người", "m² sàn/người"]]);
  });

  it("reads target + name, and lists that share their words", () => {
    expect(
      prose(
        "Phấn đấu đạt khoảng 30% lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm xã hội và khoảng 35% lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm thất nghiệp",
      ),
    ).toEqual([
      ["Tỷ lệ lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm xã hội", "khoảng 30%", "%"],
      ["Tỷ lệ lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm thất nghiệp", "khoảng 35%", "%"],
    ]);
    expect(
      prose(
        "Phấn đấu 100% hộ gia đình ở thành thị và 80% hộ gia đình ở nông thôn được sử dụng nước sạch theo quy chuẩn",
      ),
    ).toEqual([
      ["Tỷ lệ hộ gia đình ở thành thị được sử dụng nước sạch theo quy chuẩn", "100%", "%"],
      ["Tỷ lệ hộ gia đình ở nông thôn được sử dụng nước sạch theo quy chuẩn", "80%", "%"],
    ]);
    expect(
      prose(
        "tỷ lệ đi học đúng độ tuổi cấp tiểu học đạt 99,5%, cấp trung học cơ sở đạt 95%, cấp trung học phổ thông và tương đương đạt 75%",
      ),
    ).toEqual([
      ["Tỷ lệ đi học đúng độ tuổi cấp tiểu học", "99,5%", "%"],
      ["Tỷ lệ đi học đúng độ tuổi cấp trung học cơ sở", "95%", "%"],
      ["Tỷ lệ đi học đúng độ tuổi cấp trung học phổ thông và tương đương", "75%", "%"],
    ]);
  });

  it("reads counts per 10,000 inhabitants", () => {
    expect(
      prose("35 giường bệnh viện, 19 bác sĩ, 4 dược sĩ, 33 điều dưỡng viên trên 10.000 dân").map(([name, target]) => [
        name,
        target,
      ]),
    ).toEqual([
      ["Số giường bệnh viện trên 10.000 dân", "35"],
      ["Số bác sĩ trên 10.000 dân", "19"],
      ["Số dược sĩ trên 10.000 dân", "4"],
      ["Số điều dưỡng viên trên 10.000 dân", "33"],
    ]);
    expect(prose("đến năm 2030 đạt 32 giường bệnh/10.000 dân; 9,5 bác sỹ/10.000 dân")).toEqual([
      ["Số giường bệnh/10.000 dân", "32", "giường bệnh/10.000 dân"],
      ["Số bác sỹ/10.000 dân", "9,5", "bác sỹ/10.000 dân"],
    ]);
  });

  it("does not take the numbers of a name for targets", () => {
    expect(prose("tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thấp còi dưới 15%")).toEqual([
      ["Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thấp còi", "dưới 15%", "%"],
    ]);
    expect(prose("100% phường xã đạt và duy trì chuẩn xóa mù chữ mức độ 2")).toEqual([
      ["Tỷ lệ phường xã đạt và duy trì chuẩn xóa mù chữ mức độ 2", "100%", "%"],
    ]);
  });

  it("reads the milestone from the sentence when it names one", () => {
    expect(
      readProseIndicators(
        toBlocks("tỷ lệ bao phủ bảo hiểm y tế đạt 97% vào năm 2030; tỷ lệ hộ nghèo dưới 3% đến năm 2025").blocks,
        "2030",
      ).map((p) => p.indicator.targets),
    ).toEqual([{ "2030": "97%" }, { "2025": "dưới 3%" }]);
  });

  it("reads qualitative targets", () => {
    expect(
      prose(
        "Bảo đảm vững chắc mức sinh thay thế của quốc gia; cơ bản chấm dứt các dịch bệnh AIDS, lao và loại trừ sốt rét.",
      ),
    ).toEqual([
      ["Mức sinh thay thế của quốc gia", "Bảo đảm vững chắc", null],
      ["Các dịch bệnh AIDS, lao", "cơ bản chấm dứt", null],
      ["Sốt rét", "loại trừ", null],
    ]);
  });

  it("keeps a list of beneficiaries together with its target", () => {
    expect(
      prose(
        "100% người khuyết tật đang mang thai; người khuyết tật đang nuôi con dưới 36 tháng tuổi được hỗ trợ kinh phí chăm sóc theo quy định.",
      ),
    ).toEqual([
      [
        "Tỷ lệ người khuyết tật đang mang thai, người khuyết tật đang nuôi con dưới 36 tháng tuổi được hỗ trợ kinh phí chăm sóc theo quy định",
        "100%",
        "%",
      ],
    ]);
  });
});

describe("indicator tables", () => {
  const table = [
    "TT\tChỉ tiêu\tĐơn vị\tMục tiêu\t\tTại Chương trình 54-CTr/TU",
    "\t\t\tĐến năm 2025\tĐến Năm 2030\t",
    "7\tY tế\t\t\t\t",
    "7.1\tMức sinh thay thế (Quốc gia)\tMức độ\tChưa đảm bảo\tĐảm bảo vững\tX",
    "7.4\tChỉ tiêu số lượng trên 10.000 dân\t\t\t\t",
    "-\tSố giường bệnh\tGiường\t15,7\t18\tX",
    "",
    "-\tSố bác sỹ\tngười\t5,60\t6,70\tx",
    "7.5\tTỉ lệ người dân được quản lý sức khỏe\t%\t>90\t>90\t",
    "9.3\tDiện tích nhà ở bình quân đầu người\tm ² sàn/người\t-\t20,5\t",
    "-\tThành thị\tm ² sàn/người\t-\t20,5\t",
    "9.4\tTỉ lệ thất nghiệp\t%\t\t\t",
    "9.5\tTỉ lệ nhà ở kiên cố\t%\tkhoảng 1.2\t65 - 70\t",
  ].join("\n");
  const read = readIndicatorTable(tableRuns(toBlocks(table).blocks)[0]!)!;

  it("finds the columns from the header rows, the years under a merged cell", () => {
    expect(read).toHaveLength(1);
    const [group] = read;
    expect(group!.indicator).toMatchObject({ code: "7", name: "Y tế", isGroup: true });
    expect(group!.indicator.children![0]).toEqual({
      code: "7.1",
      name: "Mức sinh thay thế (Quốc gia)",
      unit: "Mức độ",
      targets: { "2025": "Chưa đảm bảo", "2030": "Đảm bảo vững" },
      fromParent: true,
    });
  });

  it("nests '-' rows under their indicator, a bare row that heads others as a group", () => {
    const subgroup = read[0]!.indicator.children![1]!;
    expect(subgroup).toMatchObject({ code: "7.4", isGroup: true });
    expect(subgroup.children!.map((c) => [c.code, c.name, c.targets, c.fromParent])).toEqual([
      ["-", "Số giường bệnh", { "2025": "15,7", "2030": "18" }, true],
      ["-", "Số bác sỹ", { "2025": "5,60", "2030": "6,70" }, true],
    ]);
    const housing = read[0]!.indicator.children![3]!;
    expect(housing).toMatchObject({ code: "9.3", unit: "m ² sàn/người", targets: { "2025": "-", "2030": "20,5" } });
    expect(housing.isGroup).toBeUndefined();
    expect(housing.children).toHaveLength(1);
  });

  it("keeps targets as written, omits empty cells and flags what parseTarget cannot read", () => {
    const rows = read[0]!.indicator.children!;
    expect(rows[2]!.targets).toEqual({ "2025": ">90", "2030": ">90" });
    expect(rows[4]).toEqual({ code: "9.4", name: "Tỉ lệ thất nghiệp", unit: "%" });
    const last = read[0]!.children.at(-1)!;
    expect(last.unclear["targets.2025"]).toMatch(/dấu phẩy/);
    expect(last.unclear["targets.2030"]).toBeUndefined();
  });
});

describe("the header", () => {
  it("reads number, place, date, kind, title and issuer (Party document)", () => {
    const x = extractPlan(
      "ĐẢNG BỘ TỈNH LÂM ĐỒNG  \nTHÀNH ỦY ĐÀ LẠT\n\n\\*  \nSố: 222 -KH/ThU\n\nĐẢNG CỘNG SẢN VIỆT NAM  \nĐà Lạt, ngày 15 tháng 5 năm 2024\n\n## KẾ HOẠCH\n\nThực hiện Chương trình hành động số 78-CTr/TU ngày 11/3/2024 của  \nTỉnh ủy Lâm Đồng\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nQuán triệt.",
    );
    expect(x.document).toMatchObject({
      number: "222-KH/ThU",
      place: "Đà Lạt",
      issuedOn: "2024-05-15",
      kind: "PLAN",
      track: "PARTY",
      issuerHeader: ["ĐẢNG BỘ TỈNH LÂM ĐỒNG", "THÀNH ỦY ĐÀ LẠT"],
    });
    expect(x.document.title).toBe("Thực hiện Chương trình hành động số 78-CTr/TU ngày 11/3/2024 của Tỉnh ủy Lâm Đồng");
    expect(x.document.sections.purpose).toBe("Quán triệt.");
    expect(x.sources.number).toEqual({ from: 5, to: 5 });
  });

  it("reads an unnumbered State draft and says its date is blank", () => {
    const x = extractPlan(
      "ỦY BAN NHÂN DÂN\nHUYỆN EA SÚP\n\nSố: /KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nEa Súp, ngày    tháng    năm 2024\n\nKẾ HOẠCH\n\nTriển khai Nghị quyết số 68/NQ-CP\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích: Thống nhất.",
    );
    expect(x.document).toMatchObject({
      number: "/KH-UBND",
      place: "Ea Súp",
      issuedOn: null,
      track: "STATE",
      issuerHeader: ["ỦY BAN NHÂN DÂN", "HUYỆN EA SÚP"],
    });
    expect(x.unclear.issuedOn).toMatch(/để trống ngày/);
    expect(x.document.sections.purpose).toBe("Thống nhất.");
  });

  it("starts a title written in lower case with the kind of document", () => {
    const x = extractPlan(
      "KẾ HOẠCH\n\n**thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023\ncủa Ban Chấp hành Trung ương Đảng khóa XIII**\n\nThực hiện Nghị quyết số 42-NQ/TW; Ban Thường vụ Tỉnh ủy Sơn La ban hành Kế hoạch như sau:\n\nI- MỤC ĐÍCH, YÊU CẦU\n\n- Quán triệt.",
    );
    expect(x.document.title).toBe(
      "Kế hoạch thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII",
    );
    expect(x.document.track).toBe("PARTY");
    expect(x.unclear.number).toMatch(/Không thấy số/);
  });
});

describe("documents it implements and cites", () => {
  it("reads numbers of both tracks as written, with their dates, the implemented one first", () => {
    const cited = findCitedDocuments(
      toBlocks(
        "Thực hiện Kế hoạch số 114/KH – UBND, ngày 14/6/2024 của Ủy ban nhân dân tỉnh Đắk Lắk về triển khai Nghị quyết số 68/NQ-CP, ngày 09/5/2024 của Chính phủ thực hiện Nghị quyết số 42- NQ/TW, ngày 24/11/2023 và Quyết định số 2161/QĐ-TTg ngày 22/12/2021.",
      ).blocks,
      null,
    );
    expect(cited.map((c) => [c.number, c.kind, c.issuedOn, c.implements])).toEqual([
      ["114/KH-UBND", "PLAN", "2024-06-14", true],
      ["68/NQ-CP", "RESOLUTION", "2024-05-09", false],
      ["42-NQ/TW", "RESOLUTION", "2023-11-24", false],
      ["2161/QĐ-TTg", "DECISION", "2021-12-22", false],
    ]);
    expect(cited[0]!.text).toBe("Kế hoạch số 114/KH – UBND, ngày 14/6/2024");
  });

  it("does not take dates, ranges or drafts for document numbers", () => {
    expect(
      findCitedDocuments(
        toBlocks("giai đoạn 2021 - 2030, ngày 15/12/2024, Kế hoạch số /KH-UBND, kinh tế - xã hội").blocks,
        null,
      ),
    ).toEqual([]);
  });
});

describe("the deadlines a plan sets for the bodies below", () => {
  it("reads 'hoàn thành trong quý I/2024' and 'hằng năm (trước ngày 15/12)'", () => {
    const x = extractPlan(
      "IV- TỔ CHỨC THỰC HIỆN\n\n1. Giao Ban cán sự đảng chỉ đạo; định kỳ hằng năm (trước ngày 15/12) tổng hợp, báo cáo kết quả thực hiện.\n\n2. Các huyện ủy tổ chức xây dựng kế hoạch thực hiện, hoàn thành trong quý I/2024./.",
    );
    expect(x.document.childDeadlines).toEqual({
      plans: "hoàn thành trong quý I/2024",
      reports: "hằng năm (trước ngày 15/12)",
    });
  });
});

describe("documents without section headings", () => {
  it("reads the numbered paragraphs after the title as tasks", () => {
    const x = extractPlan(
      [
        "ỦY BAN NHÂN DÂN\nXÃ EA LÊ",
        "KẾ HOẠCH",
        "Tuyên truyền về chính sách xã hội năm 2025",
        "Để triển khai Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND huyện, UBND xã ban hành kế hoạch như sau:",
        "1. Tổ chức hội nghị quán triệt.",
        "Cơ quan chủ trì: Văn phòng UBND xã.",
        "Thời gian: Quý I/2025.",
        "2. Tuyên truyền trên loa truyền thanh.",
        "Cơ quan chủ trì: Công chức Văn hóa - Xã hội.",
        "Thời gian: Thường xuyên.",
      ].join("\n\n"),
    );
    expect(x.document).toMatchObject({
      title: "Tuyên truyền về chính sách xã hội năm 2025",
      issuerHeader: ["ỦY BAN NHÂN DÂN", "XÃ EA LÊ"],
      track: "STATE",
    });
    expect(x.document.sections.preamble).toMatch(/^Để triển khai Kế hoạch số 12\/KH-UBND/);
    expect(x.document.tasks.map((t) => [t.numbering, t.body, t.lead, t.timeframe])).toEqual([
      ["1.", "Tổ chức hội nghị quán triệt.", ["Văn phòng UBND xã"], "Quý I/2025"],
      ["2.", "Tuyên truyền trên loa truyền thanh.", ["Công chức Văn hóa - Xã hội"], "Thường xuyên"],
    ]);
    expect(x.cited.map((c) => [c.number, c.implements])).toEqual([["12/KH-UBND", true]]);
  });

  it("finds nothing of a plan in unrelated text", () => {
    expect(
      isEmptyExtraction(extractPlan("Kính mời các bạn tới dự buổi họp lớp vào chiều thứ Bảy.\n\nTrân trọng.")),
    ).toBe(true);
  });
});
