import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 7: nobody retypes a plan. The Ea Súp plan is uploaded, one target corrected, the suggested
// parent 114/KH-UBND kept, and the confirmed draft opens with its parent chain. UBND huyện Ea Súp
// ended on 30/6/2025 and writes nothing since: UBND xã Ea Súp, one of its successors, records it.

const EA_SUP = path.resolve(import.meta.dirname, "../fixtures/import/ea-sup-ubnd-huyen-ke-hoach-2024.md");

test("uploading the Ea Súp plan, correcting a target and confirming a draft linked to 114/KH-UBND", async ({
  page,
}) => {
  await signIn(page, "xaeasup.editor");
  await page.goto("/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập kế hoạch từ văn bản");

  await page.getByLabel("Tệp văn bản (.docx, .pdf, .md, .txt)").setInputFiles(EA_SUP);
  await page.getByRole("button", { name: "Đọc tệp" }).click();
  await expect(page.getByRole("heading", { name: "Kiểm tra nội dung đã đọc" })).toBeVisible();
  await expect(page.getByText("Đã đọc 32 nhiệm vụ")).toBeVisible();

  // Each item shows where it came from.
  await page
    .getByRole("group", { name: /Nhiệm vụ 1\.1\./ })
    .getByRole("button", { name: /Xem nguồn/ })
    .click();
  await expect(page.getByRole("region", { name: "Văn bản gốc" }).locator('li[aria-current="location"]')).toContainText(
    "Tập trung tuyên truyền",
  );

  // Correct one item: the 2030 unemployment target, with its reading shown in place.
  const target = page.getByLabel("Mục tiêu năm 2030 — 2.1 Tỉ lệ thất nghiệp chung", { exact: true });
  await expect(target).toHaveValue("2-2,5");
  await target.fill("2.5");
  await expect(page.getByText(/dấu phẩy cho phần thập phân/).first()).toBeVisible();
  await target.fill("2-3");
  await expect(page.getByText("Từ 2 đến 3").first()).toBeVisible();

  const parent = page.getByRole("combobox", { name: "Văn bản cấp trên" });
  await expect(parent.locator("option:checked")).toContainText("114/KH-UBND");

  await page.getByRole("button", { name: "Xác nhận và tạo dự thảo" }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Dự thảo").first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Chuỗi văn bản cấp trên" })).toContainText("114/KH-UBND");
  await expect(page.getByRole("row").filter({ hasText: "Tỉ lệ thất nghiệp chung" }).first()).toContainText("2-3");
});

test("an empty file gets a clear message and nothing is created", async ({ page }) => {
  await signIn(page, "xaeasup.editor");
  await page.goto("/import");
  await page
    .getByLabel("Tệp văn bản (.docx, .pdf, .md, .txt)")
    .setInputFiles({ name: "trong.txt", mimeType: "text/plain", buffer: Buffer.from("") });
  await page.getByRole("button", { name: "Đọc tệp" }).click();
  await expect(page.getByTestId("import-error")).toHaveText("Tệp trống: không có nội dung để đọc.");
  await expect(page).toHaveURL(/\/import$/);
});

// Issue 17 part 3: OCR text is repaired before it is read, shown beside the original, and every
// repair can be turned off.
const OCR = path.resolve(import.meta.dirname, "../fixtures/import/ea-sup-ocr-khong-dau.txt");

test("OCR text: the repaired text beside the original, and a repair turned off reads again without it", async ({
  page,
}) => {
  await signIn(page, "xaeasup.editor");
  await page.goto("/import");
  await page.getByLabel("Tệp văn bản (.docx, .pdf, .md, .txt)").setInputFiles(OCR);
  await page.getByRole("button", { name: "Đọc tệp" }).click();
  const panel = page.getByTestId("ocr-repairs");
  await expect(panel.getByRole("heading", { name: "Văn bản OCR đã được sửa trước khi đọc" })).toBeVisible();
  await expect(panel.getByLabel("Bản gốc (OCR)")).toContainText("Thoi gian thuc hién");
  await expect(panel.getByLabel("Bản đã sửa")).toContainText("Thời gian thực hiện");

  const first = panel.getByRole("group", { name: "Các chỗ sửa" }).getByRole("checkbox").first();
  await expect(first).toBeChecked();
  const reread = panel.getByRole("button", { name: "Đọc lại với các chỗ sửa đã chọn" });
  await expect(reread).toBeDisabled();
  await first.press("Space");
  await expect(first).not.toBeChecked();
  await reread.click();
  await expect(page.getByRole("heading", { name: "Kiểm tra nội dung đã đọc" })).toBeVisible();
  await expect(
    page.getByTestId("ocr-repairs").getByRole("group", { name: "Các chỗ sửa" }).getByRole("checkbox").first(),
  ).not.toBeChecked();
});
