import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// An administrator makes an API token for their body, sees its secret once, another system uses it,
// the list shows its last use, and once revoked it is refused (ADR 0035).
test("API token: create → secret shown once → used → revoked → refused", async ({ page }) => {
  await signIn(page, "phuongmocchau.admin");
  await page.getByRole("navigation", { name: "Chính" }).getByRole("link", { name: "Mã API" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mã truy cập API" })).toBeVisible();

  const form = page.getByRole("form", { name: "Tạo mã truy cập API" });
  // A bad expiry is refused beside its field, and what was typed stays.
  await form.getByLabel("Tên gợi nhớ").fill("Hệ thống thống kê của Sở");
  await form.getByLabel("Quyền").selectOption("write");
  await form.getByLabel("Hết hạn ngày").fill("31/02/2020");
  await form.getByRole("button", { name: "Tạo mã truy cập" }).click();
  await expect(form.getByText(/Ngày hết hạn/)).toBeVisible();
  await expect(form.getByLabel("Tên gợi nhớ")).toHaveValue("Hệ thống thống kê của Sở");
  await form.getByLabel("Hết hạn ngày").fill("");
  await form.getByRole("button", { name: "Tạo mã truy cập" }).click();

  const secret = (await page.getByTestId("new-token-secret").textContent())!.trim();
  expect(secret).toMatch(/^khtt_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId("api-token-row").filter({ hasText: "Hệ thống thống kê của Sở" });
  await expect(row).toContainText("Đọc và ghi kết quả");
  await expect(row).toContainText("Chưa dùng");
  await expect(row).toContainText(secret.slice(0, 11));

  // Another system reads with it.
  const auth = { Authorization: `Bearer ${secret}` };
  const plans = await page.request.get("/api/v1/plans?pageSize=5", { headers: auth });
  expect(plans.status()).toBe(200);
  expect((await plans.json()).data.length).toBeGreaterThan(0);

  // Shown once: after a reload only its first characters remain, and its last use is listed.
  await page.reload();
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(row).not.toContainText("Chưa dùng");

  await row.getByRole("button", { name: /Thu hồi mã/ }).click();
  await expect(row).toContainText("Đã thu hồi");
  const refused = await page.request.get("/api/v1/plans", { headers: auth });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toMatch(/thu hồi/);
});
