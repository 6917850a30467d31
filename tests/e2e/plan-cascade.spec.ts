import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the Đà Lạt plan 222-KH/ThU leads up to 42-NQ/TW and holds the unemployment target", async ({ page }) => {
  await signIn(page, "dalat.editor");
  await page.getByLabel("Tìm theo số, tên, cơ quan").fill("222");
  await page.getByRole("button", { name: "Lọc" }).click();
  await page.getByRole("link", { name: "222-KH/ThU" }).first().click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kế hoạch số 222-KH/ThU ngày 15/05/2024");
  const unemployment = page.getByRole("row").filter({ hasText: "Tỷ lệ thất nghiệp chung" });
  await expect(unemployment).toContainText("dưới 1,2%");
  await expect(page.getByRole("cell", { name: "Ban Tuyên giáo Thành ủy" }).first()).toBeVisible();

  const chain = page.getByRole("navigation", { name: "Chuỗi văn bản cấp trên" });
  await expect(chain).toContainText("78-CTr/TU");
  await chain.getByRole("link", { name: /78-CTr\/TU/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("78-CTr/TU");
  await page
    .getByRole("navigation", { name: "Chuỗi văn bản cấp trên" })
    .getByRole("link", { name: /42-NQ\/TW/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nghị quyết số 42-NQ/TW ngày 24/11/2023");
  await expect(page.getByText("Ban Chấp hành Trung ương Đảng").first()).toBeVisible();
});
