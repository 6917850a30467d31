import { expect, test } from "@playwright/test";
import { MALFORMED_POST_MESSAGE } from "../../src/server/malformed-post";
import { DEMO_PASSWORD, signIn } from "./helpers";

// (Not sonla.viewer: accounts.spec.ts locks it out of 127.0.0.1 for 15 minutes.)
// Issue 12 on the production build: no redirect to another site after sign-in, and requests that
// answered 500 answer with a message.

test("sign-in never sends the user to another site", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2F%09%2Fevil.example%2Fphish");
  await page.getByLabel("Tên đăng nhập").fill("dalat.editor");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  await expect(page).toHaveURL(/\/plans$/);
  // Already signed in: the sign-in page redirects at once, to this site only.
  await page.goto("/sign-in?callbackUrl=%2F%5Cevil.example%2Fphish");
  await expect(page).toHaveURL(/\/plans$/);
  await page.goto("/sign-in?callbackUrl=%2Freports");
  await expect(page).toHaveURL(/\/reports$/);
});

test("a search for a NUL character, and a broken form post, get pages, not server errors", async ({
  page,
  request,
}) => {
  await signIn(page, "sonla.editor");
  const response = await page.goto("/plans?q=%00");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const broken = await request.post("/plans", {
    headers: { "content-type": "multipart/form-data; boundary=xyz" },
    data: "không phải multipart",
  });
  expect(broken.status()).toBe(400);
  expect(await broken.text()).toContain(MALFORMED_POST_MESSAGE);
});
