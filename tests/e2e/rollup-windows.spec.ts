import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The rollup page in windows (issue 18): one indicator group at a time through its links, the long
// lists below the matrix a page at a time, each page in the URL with the filters.

test("the rollup page shows indicator groups and long lists in windows kept in the URL", async ({ page }) => {
  await signIn(page, "sonla.approver");
  await page.goto("/dashboard");
  const matrix = page.getByRole("table", { name: /Tình trạng thực hiện chỉ tiêu/ });
  await expect(matrix.getByRole("columnheader", { name: "Giáo dục", exact: true })).toBeVisible();

  // A group's window: only its columns, the row headers and their text labels kept.
  const groups = page.getByRole("navigation", { name: "Cột của bảng theo nhóm" });
  await groups.getByRole("link", { name: "Dân số, y tế", exact: true }).click();
  await expect(page).toHaveURL(/group=D%C3%A2n/);
  await expect(groups.getByRole("link", { name: "Dân số, y tế", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(matrix.getByRole("columnheader", { name: "Giáo dục", exact: true })).toHaveCount(0);
  await expect(matrix.getByRole("link", { name: "Đảng ủy phường Mộc Châu" })).toBeVisible();

  // The issuance list (every locality of the province) a page at a time; the group stays.
  const issuance = page.getByRole("navigation", { name: "Phân trang danh sách ban hành" });
  await expect(page.getByTestId("ipage-summary")).toContainText("1–25 trong");
  await issuance.getByRole("link", { name: "Trang sau →" }).click();
  await expect(page).toHaveURL(/ipage=2/);
  await expect(page).toHaveURL(/group=D%C3%A2n/);
  await expect(page).toHaveURL(/#ban-hanh$/);
  await expect(page.getByTestId("ipage-summary")).toContainText("26–");
  await expect(page.getByRole("heading", { level: 2, name: /nhóm “Dân số, y tế”/ })).toBeVisible();

  // "Tất cả" brings every group back.
  await groups.getByRole("link", { name: "Tất cả", exact: true }).click();
  await expect(page).not.toHaveURL(/group=/);
  await expect(matrix.getByRole("columnheader", { name: "Giáo dục", exact: true })).toBeVisible();
});
