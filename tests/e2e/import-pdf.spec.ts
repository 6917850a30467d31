import path from "node:path";
import { expect, test } from "@playwright/test";
import { PDF_MESSAGES } from "../../src/features/import/read-pdf";
import { signIn } from "./helpers";

// Issue 17: plans arrive as PDF. The Ea Súp plan as printed to PDF by LibreOffice (page numbers, a
// running footer, its appendix as a table; tests/fixtures/import/pdf) is read by the production
// build's worker into the review screen with its tasks and indicators; a file that only claims to
// be a PDF gets a message and creates nothing.

const EA_SUP_PDF = path.resolve(import.meta.dirname, "../fixtures/import/pdf/ea-sup-ubnd-huyen-ke-hoach-2024.pdf");
const FILE_INPUT = "Tệp văn bản (.docx, .pdf, .md, .txt)";

test("an editor uploads the Ea Súp plan as a PDF and reviews its tasks and indicators", async ({ page }) => {
  await signIn(page, "xaeasup.editor");
  await page.goto("/import");

  // A .pdf that is not a PDF: a message, nothing created.
  await page
    .getByLabel(FILE_INPUT)
    .setInputFiles({ name: "ke-hoach.pdf", mimeType: "application/pdf", buffer: Buffer.from("Kế hoạch số 12") });
  await page.getByRole("button", { name: "Đọc tệp" }).click();
  await expect(page.getByTestId("import-error")).toHaveText(PDF_MESSAGES.notPdf);
  await expect(page).toHaveURL(/\/import$/);

  await page.getByLabel(FILE_INPUT).setInputFiles(EA_SUP_PDF);
  await page.getByRole("button", { name: "Đọc tệp" }).click();
  await expect(page.getByRole("heading", { name: "Kiểm tra nội dung đã đọc" })).toBeVisible();
  await expect(page.getByText("Đã đọc 32 nhiệm vụ")).toBeVisible();
  await expect(page.getByText(/104 chỉ tiêu/).first()).toBeVisible();

  // A task whose text ran over a page break, and an indicator read from the appendix table.
  await expect(page.getByRole("group", { name: /Nhiệm vụ 1\.1\./ })).toBeVisible();
  await expect(page.getByLabel("Mục tiêu năm 2030 — 2.1 Tỉ lệ thất nghiệp chung", { exact: true })).toHaveValue(
    "2-2,5",
  );
  const parent = page.getByRole("combobox", { name: "Văn bản cấp trên" });
  await expect(parent.locator("option:checked")).toContainText("114/KH-UBND");
});
