import path from "node:path";
import { expect, test } from "@playwright/test";
import { scanOfPdf } from "../../scripts/lib/scan-pdf";
import { signIn } from "./helpers";

// Issue 17 part 2: a scanned plan (a PDF of page images, no text layer) is read by OCR in the
// background. The import page shows its progress page by page, takes it up again after a reload
// (the job lives in PostgreSQL), and opens the review screen when it is done. One page, so that it
// runs in well under a minute on two cores.

const PDF = path.resolve(import.meta.dirname, "../fixtures/import/pdf/ea-sup-ubnd-huyen-ke-hoach-2024.pdf");

test("a scanned PDF: per-page progress, a reload, then the review screen", async ({ page }) => {
  test.setTimeout(180_000);
  const scan = await scanOfPdf(PDF, { dpi: 200, first: 1, last: 1 });
  await signIn(page, "xaeasup.editor");
  await page.goto("/import");
  await page
    .getByLabel("Tệp văn bản (.docx, .pdf, .md, .txt)")
    .setInputFiles({ name: "ke-hoach-quet.pdf", mimeType: "application/pdf", buffer: scan });
  await page.getByRole("button", { name: "Đọc tệp" }).click();

  const progress = page.getByTestId("scan-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toContainText("ke-hoach-quet.pdf");
  await expect(page.getByTestId("scan-progress-label")).toHaveText(
    /Đang chờ đến lượt nhận dạng|Đang nhận dạng trang 1\/1/,
  );
  await expect(progress.getByRole("button", { name: "Hủy" })).toBeVisible();
  await expect(page).toHaveURL(/\/import\?scan=[0-9a-f-]{36}$/);

  // A reload finds the job in PostgreSQL and follows it on.
  await page.reload();
  await expect(
    page.getByTestId("scan-progress").or(page.getByRole("heading", { name: "Kiểm tra nội dung đã đọc" })),
  ).toBeVisible();

  await expect(page.getByRole("heading", { name: "Kiểm tra nội dung đã đọc" })).toBeVisible({ timeout: 150_000 });
  await expect(page.getByText("Tệp ke-hoach-quet.pdf")).toBeVisible();
  await expect(page.getByLabel("Trích yếu")).toHaveValue(/Triển khai Nghị quyết số 68\/NQ-CP/);
});

test("a scan cancelled with “Hủy” says so and creates nothing", async ({ page }) => {
  test.setTimeout(120_000);
  const scan = await scanOfPdf(PDF, { dpi: 200, first: 1, last: 2 });
  await signIn(page, "xaeasup.editor");
  await page.goto("/import");
  await page
    .getByLabel("Tệp văn bản (.docx, .pdf, .md, .txt)")
    .setInputFiles({ name: "huy.pdf", mimeType: "application/pdf", buffer: scan });
  await page.getByRole("button", { name: "Đọc tệp" }).click();
  await page.getByTestId("scan-progress").getByRole("button", { name: "Hủy" }).click();
  await expect(page.getByTestId("import-error")).toHaveText("Đã hủy nhận dạng bản quét huy.pdf. Không có gì được tạo.");
  await expect(page).toHaveURL(/\/import$/);
});
