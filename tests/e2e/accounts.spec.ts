import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, signOut } from "./helpers";

test("each official sees exactly their part of the demo data, then signs out", async ({ page }) => {
  // A district editor (Thị ủy Mộc Châu): its own plan, the province's, the Central documents; not a sibling district, not another province.
  await signIn(page, "mocchau.editor");
  const list = page.getByRole("table", { name: "Danh sách kế hoạch" });
  await expect(list).toContainText("Thị ủy Mộc Châu");
  await expect(list).toContainText("Tỉnh ủy Sơn La");
  await expect(list).toContainText("42-NQ/TW");
  await expect(list).not.toContainText("Huyện ủy Mai Sơn");
  await expect(list).not.toContainText("222-KH/ThU");
  await expect(list).not.toContainText("Ea Súp");

  // A URL of another province's plan is simply "not found".
  await signOut(page);
  await signIn(page, "dalat.editor");
  await page.getByRole("link", { name: "222-KH/ThU" }).first().click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("222-KH/ThU");
  const daLatUrl = page.url();
  await signOut(page);

  // The province reviewer sees every locality of Sơn La.
  await signIn(page, "sonla.approver");
  await expect(list).toContainText("Huyện ủy Mai Sơn");
  await expect(list).toContainText("Thị ủy Mộc Châu");
  await expect(list).not.toContainText("222-KH/ThU");
  await page.goto(daLatUrl);
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await expect(page.getByText("222-KH/ThU")).toHaveCount(0);
  await page.goto("/plans");
  await signOut(page);

  // A commune viewer (successor of Mộc Châu) sees the district plan it inherited and the province's.
  await signIn(page, "phuongmocchau.viewer");
  await expect(list).toContainText("Thị ủy Mộc Châu");
  await expect(list).toContainText("Tỉnh ủy Sơn La");
  await expect(list).not.toContainText("Huyện ủy Mai Sơn");
  await expect(page.getByRole("link", { name: "Người dùng" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Tạo người dùng" })).toHaveCount(0);
});

test("an account is locked after repeated failures, with a message that does not say whether it exists", async ({
  page,
}) => {
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Tên đăng nhập").fill("sonla.viewer");
    await page.getByLabel("Mật khẩu").fill(`sai-mat-khau-${attempt}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByTestId("sign-in-error")).toContainText("Tên đăng nhập hoặc mật khẩu không đúng");
  }
  // Now even the right password is refused for a while.
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("tạm thời bị khóa");
  // An account that does not exist answers the same way.
  await page.getByLabel("Tên đăng nhập").fill("khong.ton.tai");
  await page.getByLabel("Mật khẩu").fill("bat-ky");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("Tên đăng nhập hoặc mật khẩu không đúng");
});

test("an administrator creates a user, sees field errors in Vietnamese, and the change is in the audit trail", async ({
  page,
}) => {
  // Thị ủy Mộc Châu ended on 30/6/2025: its administrator manages no accounts any more (see
  // ended-bodies.spec.ts); the ward that succeeded it does.
  await signIn(page, "phuongmocchau.admin");
  await page.getByRole("link", { name: "Người dùng" }).click();
  const form = page.getByRole("form", { name: "Tạo người dùng" });
  await form.getByLabel("Tên đăng nhập").fill("Cán bộ A");
  await form.getByLabel("Họ tên, chức danh").fill("Nguyễn Văn A");
  await form.getByLabel("Mật khẩu ban đầu").fill("ngan");
  await form.getByRole("button", { name: "Tạo người dùng" }).click();
  await expect(form).toContainText("Tên đăng nhập chỉ gồm chữ không dấu");
  await expect(form).toContainText("Mật khẩu cần ít nhất 10 ký tự");
  await expect(form.getByLabel("Họ tên, chức danh")).toHaveValue("Nguyễn Văn A");

  await form.getByLabel("Tên đăng nhập").fill("phuongmocchau.canboa");
  await form.getByLabel("Mật khẩu ban đầu").fill("MatKhau2026");
  await form.getByRole("button", { name: "Tạo người dùng" }).click();
  await expect(form).toContainText("Đã tạo người dùng.");
  await expect(page.getByRole("cell", { name: "phuongmocchau.canboa", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Nhật ký" }).click();
  const entry = page.getByRole("row").filter({ hasText: "phuongmocchau.canboa" }).first();
  await expect(entry).toContainText("phuongmocchau.admin");
  // Named in Vietnamese, with what was recorded field by field.
  await expect(entry).toContainText("Tạo tài khoản");
  await expect(entry).toContainText("Tên đăng nhập:");
});
