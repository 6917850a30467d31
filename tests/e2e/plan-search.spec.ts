import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The plan list's search ignores diacritics and reads document numbers (issue #13, point 5).

test("searching the plan list without diacritics and by number", async ({ page }) => {
  // Not sonla.viewer: accounts.spec.ts locks that account for a while.
  await signIn(page, "sonla.approver");
  await page.goto("/plans");
  const search = page.getByRole("search", { name: "Lọc kế hoạch" });
  await search.getByLabel("Tìm theo số, tên, cơ quan").fill("moc chau");
  await search.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/q=moc\+chau/);
  // The seeded (illustrative) plan of Thị ủy Mộc Châu; other tests may have issued another one.
  const row = page.getByRole("row").filter({ hasText: "Thị ủy Mộc Châu" }).filter({ hasText: "dữ liệu minh họa" });
  await expect(row).toHaveCount(1);
  const number = (await row.getByRole("link").first().textContent())!.trim();
  expect(number).toMatch(/^\d+-KH\/TXU$/);

  // Its number, whole and in part, finds it too.
  for (const q of [number, number.replace("/TXU", "")]) {
    await page.goto(`/plans?q=${encodeURIComponent(q)}`);
    await expect(page.getByRole("link", { name: number, exact: true })).toBeVisible();
  }

  await page.goto(`/plans?q=${encodeURIComponent("chinh sach xa hoi")}`);
  await expect(page.getByRole("link", { name: "42-NQ/TW", exact: true })).toBeVisible();

  // % is a character like any other, and a NUL is no error.
  await page.goto("/plans?q=%25");
  await expect(page.getByText("Không có kế hoạch nào khớp bộ lọc")).toBeVisible();
  await page.goto("/plans?q=%00");
  await expect(page.getByText("Không có kế hoạch nào khớp bộ lọc")).toBeVisible();
});
