import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { extractPlan } from "./parse-document";

// A smoke test of the review screen, rendered on the server with the Ea Súp extraction: every item
// has its fields, its source lines and its marks (the browser test in tests/e2e/import.spec.ts
// drives it for real).

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }) }));
vi.mock("./server-actions", () => ({
  confirmImportAction: async () => ({ status: "idle" }),
  extractPlanAction: async () => ({ status: "error", message: "" }),
}));

const { ReviewForm } = await import("./review-form");
const extraction = extractPlan(
  readFileSync(
    path.resolve(import.meta.dirname, "../../../tests/fixtures/import/ea-sup-ubnd-huyen-ke-hoach-2024.md"),
    "utf8",
  ),
  { key: "import-abc123" },
);
const suggestions = [
  {
    id: "5b0c2c43-2f7b-4b8c-9b7e-1f2d3c4b5a69",
    number: "114/KH-UBND",
    title: "Triển khai Nghị quyết số 68/NQ-CP",
    kind: "PLAN",
    issuedOn: "2024-06-14",
    issuerName: "UBND tỉnh Đắk Lắk",
    citedAs: "114/KH-UBND",
  },
];

describe("review screen", () => {
  const html = renderToString(createElement(ReviewForm, { extraction, suggestions, parents: [], onRestart: () => {} }));

  it("shows the source with line numbers and each item with the lines it came from", () => {
    expect(html).toContain('aria-label="Văn bản gốc"');
    expect(html).toContain('data-line="460"');
    expect(html).toContain("Xem nguồn: <!-- -->dòng 37–45");
  });

  it("has an input per target with its reading, and marks what could not be read", () => {
    expect(html).toContain('aria-label="Mục tiêu năm 2030 — 2.1 Tỉ lệ thất nghiệp chung"');
    expect(html).toContain("Từ 2 đến 2,5");
    expect(html).toContain("Chưa đọc được — hãy kiểm tra");
    expect(html).toContain("Không thấy thời gian thực hiện của nhiệm vụ này");
  });

  it("pre-selects the suggested parent and sends the document as JSON", () => {
    expect(html).toMatch(/<option value="5b0c2c43-2f7b-4b8c-9b7e-1f2d3c4b5a69" selected="">114\/KH-UBND/);
    expect(html).toContain('name="document"');
    expect(html).toContain("Xác nhận và tạo dự thảo");
  });
});
