import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/server/actions";
import { confirmImport, confirmImportInput } from "./import-actions";
import { extractPlan } from "./parse-document";

// The confirm action's input: the corrected document as JSON, checked against planDocumentSchema
// and the domain rules (number, targets), with Vietnamese messages at the field they concern. The
// database side (draft created, parent checked, audit) is in tests/integration/import.test.ts.

const document = extractPlan(
  readFileSync(
    path.resolve(import.meta.dirname, "../../../tests/fixtures/import/ea-sup-ubnd-huyen-ke-hoach-2024.md"),
    "utf8",
  ),
  { key: "import-abc123" },
).document;

describe("import.confirm input", () => {
  it("is declared with the plans.edit permission", () => {
    expect(confirmImport.name).toBe("import.confirm");
    expect(confirmImport.permission).toBe("plans.edit");
  });

  it("accepts the extracted Ea Súp document with or without a parent", () => {
    expect(confirmImportInput.safeParse({ document: JSON.stringify(document), parentId: "" }).success).toBe(true);
    const parsed = confirmImportInput.safeParse({
      document: JSON.stringify(document),
      parentId: "5b0c2c43-2f7b-4b8c-9b7e-1f2d3c4b5a69",
    });
    expect(parsed.success && parsed.data.document.tasks.length).toBe(9);
  });

  it("says which field is wrong, in Vietnamese", () => {
    const bad = structuredClone(document);
    bad.title = "";
    bad.number = "KH-UBND 12";
    bad.indicators[1]!.children![0]!.targets = { "2030": "95% dân số" };
    bad.tasks[0]!.numbering = 3 as unknown as string;
    const schemaErrors = confirmImportInput.safeParse({ document: JSON.stringify(bad), parentId: "không-phải-uuid" });
    expect(schemaErrors.success).toBe(false);
    const errors = fieldErrorsOf(schemaErrors.error!);
    expect(errors["document.title"]).toBe("Hãy nhập trích yếu của văn bản");
    expect(errors["document.tasks.0.numbering"]).toBe("Thiếu hoặc sai kiểu dữ liệu");
    expect(errors.parentId).toBe("Văn bản cấp trên không hợp lệ");

    bad.title = "Kế hoạch";
    bad.tasks[0]!.numbering = "1.";
    const ruleErrors = fieldErrorsOf(
      confirmImportInput.safeParse({ document: JSON.stringify(bad), parentId: "" }).error!,
    );
    expect(ruleErrors["document.number"]).toMatch(/số, ký hiệu/i);
    expect(ruleErrors["document.indicators.1.children.0.targets.2030"]).toMatch(/Không hiểu/);
  });

  it("refuses what is not a document", () => {
    expect(
      fieldErrorsOf(confirmImportInput.safeParse({ document: "{không phải JSON", parentId: "" }).error!).document,
    ).toMatch(/không đọc được/);
    expect(fieldErrorsOf(confirmImportInput.safeParse({ parentId: "" }).error!).document).toBe(
      "Thiếu nội dung văn bản",
    );
  });
});
