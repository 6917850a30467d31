import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Administration that scales (issue #13, point 9): accounts searched, filtered and paged on the
// server, edited (name, units, roles); unit pickers that say where each body is; the audit trail
// filtered; the organisation tree without thousands of options.

test("a provincial administrator finds, filters and edits accounts, then finds the change in the audit trail", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "sonla.admin");
  await page.goto("/admin/users");
  const filters = page.getByRole("search", { name: "Lọc người dùng" });
  await filters.getByLabel("Tìm theo tên đăng nhập, họ tên").fill("phuongmocchau");
  await filters.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/q=phuongmocchau/);
  // The ward's four demo accounts, found by their user names (and the one accounts.spec.ts creates
  // when it ran first).
  await expect(page.getByTestId("pager-summary")).toHaveText(/^1–([45]) trong \1 tài khoản$/);
  await expect(page.getByRole("cell", { name: "phuongmocchau.viewer", exact: true })).toBeVisible();

  // The unit filter is a type-ahead over the bodies the admin manages, each with its place.
  await page.goto("/admin/users");
  await filters.getByLabel("Đơn vị").fill("phuong moc chau");
  await filters.getByRole("option", { name: /^Đảng ủy phường Mộc Châu/ }).click();
  await filters.getByLabel("Vai trò").selectOption({ label: "Nhập liệu" });
  await filters.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/org=[0-9a-f-]{36}.*role=EDITOR/);
  await expect(page.getByTestId("pager-summary")).toHaveText("1–1 trong 1 tài khoản");
  await expect(page.getByRole("cell", { name: "phuongmocchau.editor", exact: true })).toBeVisible();
  await expect(filters.getByLabel("Đơn vị")).toHaveValue(/^Đảng ủy phường Mộc Châu — .*Sơn La/);

  // Ten bodies are called "UBND huyện": the picker says where each one is.
  const create = page.getByRole("form", { name: "Tạo người dùng" });
  await create.getByLabel("Đơn vị").fill("ubnd huyen");
  const options = create.getByRole("option", { name: /^UBND huyện/ });
  await expect(options.first()).toBeVisible();
  const places = await options.allTextContents();
  expect(places.length).toBeGreaterThan(1);
  expect(new Set(places).size).toBe(places.length);
  await create.getByLabel("Đơn vị").press("Escape");

  // Edit an account of a body that still exists (an ended body's accounts are not managed any more,
  // ADR 0013): display name, role, a second unit.
  await page.goto("/admin/users?q=phuongmocchau.viewer");
  await page.getByRole("link", { name: "Sửa tài khoản phuongmocchau.viewer" }).click();
  const edit = page.getByRole("form", { name: "Sửa tài khoản" });
  await edit.getByLabel("Họ tên, chức danh").fill("Cán bộ theo dõi phường Mộc Châu");
  await edit.getByLabel("Vai trò tại đơn vị 1").selectOption({ label: "Nhập liệu" });
  await edit.getByRole("button", { name: "Thêm đơn vị" }).click();
  // Saved with the new row still empty: refused beside the list, and every row and field kept.
  await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(edit).toContainText("Hãy chọn đơn vị cho mỗi dòng");
  await expect(edit.getByLabel("Vai trò tại đơn vị 1")).toHaveValue("EDITOR");
  await expect(edit.getByLabel("Họ tên, chức danh")).toHaveValue("Cán bộ theo dõi phường Mộc Châu");
  await edit.getByLabel("Đơn vị 2", { exact: true }).fill("dang uy phuong thao nguyen");
  await edit.getByRole("option", { name: /^Đảng ủy phường Thảo Nguyên/ }).click();
  await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(edit.getByTestId("edit-user-state")).toHaveText("Đã lưu.");

  await page.goto("/admin/users?q=phuongmocchau.viewer");
  const row = page.getByRole("row").filter({ hasText: "phuongmocchau.viewer" });
  await expect(row).toContainText("Cán bộ theo dõi phường Mộc Châu");
  await expect(row).toContainText("Đảng ủy phường Mộc Châu · Nhập liệu");
  await expect(row).toContainText("Đảng ủy phường Thảo Nguyên · Xem");

  // The audit trail, filtered by action and by who, with a date range checked beside its field.
  await page.goto("/admin/audit");
  const audit = page.getByRole("search", { name: "Lọc nhật ký" });
  await audit.getByLabel("Thao tác").selectOption({ label: "Sửa tài khoản (họ tên, đơn vị, vai trò)" });
  await audit.getByLabel("Người thực hiện").fill("sonla.admin");
  await audit.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByTestId("pager-summary")).toHaveText("1–1 trong 1 mục");
  await expect(page.getByRole("row").filter({ hasText: "Sửa tài khoản" })).toContainText(
    "Cán bộ theo dõi phường Mộc Châu",
  );
  await audit.getByLabel("Từ ngày").fill("31/13/2026");
  await audit.getByRole("button", { name: "Lọc" }).click();
  await expect(audit.getByLabel("Từ ngày")).toHaveAttribute("aria-invalid", "true");
  await expect(audit).toContainText("Ngày không hợp lệ");
});

test("the organisation tree pages its bodies and picks a successor by type-ahead", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/organizations?province=14");
  // No more one select of every body per row (32,900 options): a page of bodies, pickers on demand.
  expect(await page.locator("option").count()).toBeLessThan(1000);
  await expect(page.getByTestId("pager-summary")).toContainText("1–50 trong");
  await page.getByRole("link", { name: "Trang sau →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("pager-summary")).toContainText("51–100 trong");

  await page.goto(`/admin/organizations?province=14&q=${encodeURIComponent("dang uy phuong moc chau")}`);
  const close = page.getByRole("form", { name: "Kết thúc hoạt động Đảng ủy phường Mộc Châu" });
  await close.getByRole("combobox").fill("tinh uy son la");
  await expect(close.getByRole("option", { name: /^Tỉnh ủy Sơn La/ })).toBeVisible();
});
