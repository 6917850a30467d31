import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// The plan list in pages, filtered on the server (issue 18): the URL carries the filters and the
// page, so a page of a filtered list can be sent, reloaded and gone back to.

const summary = (page: Page) => page.getByTestId("pager-summary");
const total = async (page: Page) =>
  Number((await summary(page).textContent())!.match(/trong ([\d.]+)/)![1]!.replace(/\./g, ""));

test("paging and filtering the plan list keeps both in the URL", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/plans");
  const form = page.getByRole("search", { name: "Lọc kế hoạch" });
  await form.getByLabel("Mỗi trang").selectOption("10");
  await form.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/size=10/);
  await expect(summary(page)).toContainText("1–10 trong");
  const all = await total(page);
  expect(all).toBeGreaterThan(10);
  await expect(page.locator("tbody tr")).toHaveCount(10);
  const firstPage = await page.locator("tbody tr").first().textContent();

  await page.getByRole("link", { name: "Trang sau →" }).click();
  await expect(page).toHaveURL(/size=10/);
  await expect(page).toHaveURL(/page=2/);
  await expect(summary(page)).toContainText(`11–${Math.min(20, all)} trong`);
  expect(await page.locator("tbody tr").first().textContent()).not.toBe(firstPage);
  await page.getByRole("link", { name: "← Trang trước" }).click();
  await expect(summary(page)).toContainText("1–10 trong");

  // Filters: Sơn La's plans implementing 42-NQ/TW. Sending the form starts again at page 1.
  await form.getByLabel("Tỉnh, thành phố").selectOption("14");
  await form.getByLabel("Thực hiện văn bản").selectOption({ label: "42-NQ/TW" });
  await form.getByLabel("Trạng thái").selectOption("ISSUED");
  await form.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/province=14/);
  await expect(page).toHaveURL(/status=ISSUED/);
  await expect(page).toHaveURL(/resolution=[0-9a-f-]{36}/);
  await expect(page).not.toHaveURL(/page=/);
  const filtered = await total(page);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  // The form shows what was asked for.
  await expect(form.getByLabel("Tỉnh, thành phố")).toHaveValue("14");
  await expect(form.getByLabel("Trạng thái")).toHaveValue("ISSUED");

  // The last page of the filtered list, opened from its URL as someone it was sent to would.
  const pages = Math.ceil(filtered / 10);
  const url = new URL(page.url());
  url.searchParams.set("page", String(pages));
  await page.goto(url.pathname + url.search);
  await expect(summary(page)).toContainText(`${(pages - 1) * 10 + 1}–${filtered} trong ${filtered}`);
  await expect(form.getByLabel("Tỉnh, thành phố")).toHaveValue("14");
  if (pages > 1) {
    // Its links keep the filters.
    const previous = page.getByRole("link", { name: "← Trang trước" });
    await expect(previous).toHaveAttribute("href", /province=14/);
    await expect(previous).toHaveAttribute("href", /status=ISSUED/);
    await expect(previous).toHaveAttribute("href", /size=10/);
  }

  // "Bỏ lọc" clears them.
  await page.getByRole("link", { name: "Bỏ lọc" }).click();
  await expect(page).toHaveURL(/\/plans$/);
  await expect(summary(page)).toContainText(`trong ${all.toLocaleString("vi-VN")}`);
});
