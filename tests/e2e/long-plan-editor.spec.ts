import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The Ea Súp draft (329 tasks and indicators) in the editor (issue #13, point 10): a table of contents
// that jumps to task and indicator groups, one save for every change made (refusals beside their
// fields, what was typed kept), no save button per row.

test("the long Ea Súp draft: contents, one save for many rows, refusals beside the fields", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "xaeasup.editor");
  await page.goto(`/plans?q=${encodeURIComponent("ea sup")}`);
  // The seeded draft (the import test may have added a copy of it: either will do).
  await page.getByRole("row").filter({ hasText: "UBND huyện Ea Súp" }).first().getByRole("link").first().click();
  await page.getByRole("link", { name: "Soạn, sửa dự thảo" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Soạn kế hoạch");
  const task = page.getByTestId("edit-task-1.1.");
  await expect(task).toBeVisible({ timeout: 30_000 });

  // No save button per row: one for the page.
  await expect(page.getByRole("button", { name: /^Lưu (chỉ tiêu|nhiệm vụ)$/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Lưu các thay đổi/ })).toHaveCount(1);

  // The contents jump to a task group and to an indicator group.
  const contents = page.getByRole("navigation", { name: "Mục lục" });
  await contents.getByRole("link", { name: /^5\. Xây dựng hệ thống an sinh xã hội/ }).click();
  await expect(page).toHaveURL(/#task-[0-9a-f-]{36}$/);
  await expect(page.getByTestId("edit-task-5.")).toBeInViewport();
  await contents.getByRole("link", { name: /^5 Trợ giúp xã hội và giảm nghèo/ }).click();
  await expect(page.getByTestId("edit-indicator-5")).toBeInViewport();

  // Two rows changed, one of them unreadable: nothing is saved, the message is beside the field,
  // what was typed stays.
  const indicator = page.getByTestId("edit-indicator-1.1");
  await indicator.getByLabel("Mục tiêu đến năm 2030").fill("98");
  await task.getByLabel("Thời gian thực hiện").fill("mùa xuân năm sau");
  const saveAll = page.getByRole("button", { name: /^Lưu các thay đổi/ });
  await expect(saveAll).toHaveText("Lưu các thay đổi (2)");
  await saveAll.click();
  await expect(page.getByTestId("editor-save-state")).toContainText("Chưa lưu được");
  await expect(task.getByText(/Không đọc được thời gian|Chưa đọc được/).first()).toBeVisible();
  await expect(task.getByLabel("Thời gian thực hiện")).toHaveValue("mùa xuân năm sau");
  await expect(indicator.getByLabel("Mục tiêu đến năm 2030")).toHaveValue("98");

  // Corrected, both are saved at once, and stay saved after a reload.
  await task.getByLabel("Thời gian thực hiện").fill("Quý IV/2026");
  await saveAll.click();
  await expect(page.getByTestId("editor-save-state")).toContainText("Đã lưu 2 mục");
  await expect(saveAll).toHaveText("Lưu các thay đổi");
  await page.reload();
  await expect(page.getByTestId("edit-task-1.1.").getByLabel("Thời gian thực hiện")).toHaveValue("Quý IV/2026", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("edit-indicator-1.1").getByLabel("Mục tiêu đến năm 2030")).toHaveValue("98");
});
