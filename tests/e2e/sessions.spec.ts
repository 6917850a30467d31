import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";

// Issue 12: signing out ends the session on the server, not only in this browser: a copy of the
// session cookie taken before (another device, or a thief) no longer opens anything.

test("signing out kills a copied session cookie", async ({ page, browser }) => {
  await signIn(page, "lamdong.approver");
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name === "kh.session")).toBe(true);

  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const copyPage = await copy.newPage();
  await copyPage.goto("/plans");
  await expect(copyPage.getByTestId("current-user")).toBeVisible();

  await signOut(page);

  await copyPage.goto("/plans");
  await expect(copyPage).toHaveURL(/\/sign-in/);
  await expect(copyPage.getByRole("button", { name: "Đăng nhập" })).toBeVisible();
  await copy.close();
});
