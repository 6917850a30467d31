import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderReportDocx } from "@/features/export/report-docx";
import { daLatReport2025, eaSupReport2025, wardReport2025 } from "../../../tests/fixtures/export/demo";
import { compiledTwoLocalities } from "../../../tests/fixtures/export/compiled";
import { eaSupReport } from "../../../tests/fixtures/export/ea-sup-report";
import { decode, paragraphs, readZipPart } from "../../../tests/fixtures/export/ooxml";
import { ReportDocument } from "./report-document";
import type { ReportSnapshot } from "./snapshot";

// The print view and the Word file render one model (src/features/export/report-model.ts): they
// must say the same thing, block for block, whatever their layout mechanics.

function htmlBlocks(html: string): string[] {
  return decode(
    html
      .replace(/<(?:p|h3|td|th|div|hr|section|tr|table)\b[^>]*>|<\/(?:p|h3|td|th|div|section|tr|table)>/g, "\u0000")
      .replace(/<[^>]+>/g, "")
      .replace(/&#x27;/g, "'")
      .replace(/&#39;/g, "'"),
  )
    .split("\u0000")
    .map((block) => block.trim())
    .filter(Boolean);
}

async function docxBlocks(snapshot: ReportSnapshot, isDraft: boolean): Promise<string[]> {
  const xml = await readZipPart(await renderReportDocx(snapshot, { isDraft }), "word/document.xml");
  return paragraphs(xml)
    .map((p) => p.text.trim())
    .filter(Boolean);
}

function printView(snapshot: ReportSnapshot, isDraft: boolean): string {
  return renderToStaticMarkup(createElement(ReportDocument, { snapshot, isDraft }));
}

const sorted = (blocks: string[]) => [...blocks].sort((a, b) => a.localeCompare(b, "vi"));

describe("the print view and the Word file", () => {
  for (const [name, snapshot, isDraft] of [
    ["the ward's 25-KH/ĐU, a draft", wardReport2025, true],
    ["Đà Lạt's 222-KH/ThU", daLatReport2025, false],
    ["Ea Súp's plan", eaSupReport2025, true],
    ["the Ea Súp fixture, sent", eaSupReport, false],
    ["a report compiling its localities", { ...wardReport2025, compiled: compiledTwoLocalities }, true],
  ] as const) {
    it(`say the same thing, block for block: ${name}`, async () => {
      expect(sorted(htmlBlocks(printView(snapshot, isDraft)))).toEqual(sorted(await docxBlocks(snapshot, isDraft)));
    });
  }

  it("carry a long task whole, not cut at 400 characters", () => {
    const long = wardReport2025.tasks.find((t) => t.body.length > 900)!;
    const html = decode(printView(wardReport2025, true).replace(/<[^>]+>/g, ""));
    expect(html).toContain(long.body.trim());
    expect(html).not.toContain("…");
  });

  it("say DỰ THẢO on a draft only", () => {
    expect(printView(wardReport2025, true)).toContain('data-testid="draft-mark"');
    expect(printView(wardReport2025, false)).not.toContain("DỰ THẢO");
  });

  it("keep the closing paragraph, Nơi nhận and the signature in one block that does not break across pages", () => {
    const html = printView(wardReport2025, true);
    const closing =
      /<div class="report-closing" style="break-inside:avoid"[^>]*>([\s\S]*)<section class="report-appendix/.exec(html);
    expect(closing).not.toBeNull();
    expect(closing![1]).toContain("Trên đây là báo cáo kết quả thực hiện kế hoạch số 25-KH/ĐU năm 2025");
    expect(closing![1]).toContain("Nơi nhận:");
    expect(closing![1]).toContain("Hoàng Văn Nam");
  });

  it("keep a body's name on one line", () => {
    expect(printView(wardReport2025, true)).toMatch(
      /<p class="whitespace-nowrap[^"]*"[^>]*>ĐẢNG ỦY PHƯỜNG MỘC CHÂU<\/p>/,
    );
  });

  it("annex the localities' tables to a report that compiles them, numbered after the indicator appendix", async () => {
    const snapshot = { ...wardReport2025, compiled: compiledTwoLocalities };
    const blocks = await docxBlocks(snapshot, true);
    for (const text of [
      "PHỤ LỤC 1",
      "PHỤ LỤC 2",
      "TÌNH HÌNH BÁO CÁO NĂM 2025 CỦA CÁC ĐỊA PHƯƠNG",
      "Thị ủy Mộc Châu (Đã kết thúc hoạt động ngày 30/06/2025; nay: Đảng ủy phường Mộc Châu)",
      "PHỤ LỤC 3",
      "42.000 (cộng, 2/2 địa phương)",
      "PHỤ LỤC 4",
      "SỐ LIỆU CHỈ TIÊU NĂM 2025 CỦA TỪNG ĐỊA PHƯƠNG",
      "Chậm tiến độ",
    ])
      expect(blocks).toContain(text);
    // Without localities the indicator appendix keeps its plain label.
    expect(await docxBlocks(wardReport2025, true)).not.toContain("PHỤ LỤC 2");
  });

  it("leave a province's thousands of per-locality rows to the Excel file, and say so under the summary", async () => {
    // 40 localities × 40 indicators: 1,640 rows of per-locality figures, more than a document carries.
    const indicator = compiledTwoLocalities.indicators[1]!;
    const localities = Array.from({ length: 40 }, (_, n) => ({
      ...compiledTwoLocalities.localities[0]!,
      planId: `p-${n}`,
      name: `Đảng ủy xã số ${n + 1}`,
    }));
    const many = {
      ...compiledTwoLocalities,
      localities,
      indicators: Array.from({ length: 40 }, (_, k) => ({
        ...indicator,
        id: `i-${k}`,
        code: `1.${k + 1}`,
        values: localities.map((l) => ({ ...indicator.values[0]!, planId: l.planId })),
      })),
    };
    const snapshot = { ...wardReport2025, compiled: many };
    const blocks = await docxBlocks(snapshot, true);
    expect(blocks).toContain("PHỤ LỤC 3");
    expect(blocks).not.toContain("PHỤ LỤC 4");
    expect(blocks).toContain(
      "Số liệu của từng địa phương theo từng chỉ tiêu (1.640 dòng): xem tệp Excel kèm theo, trang “Số liệu từng địa phương”.",
    );
    // The print view says the same.
    expect(sorted(htmlBlocks(printView(snapshot, true)))).toEqual(sorted(blocks));
  });
});
