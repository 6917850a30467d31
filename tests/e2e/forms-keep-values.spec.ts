import { expect, test, type Locator } from "@playwright/test";
import { signIn } from "./helpers";

// A refused form keeps every value it was given, selects included: React resets a form after its
// action, and a select used to fall back to its first option, so a corrected submission saved a
// record in the wrong unit, with the wrong role or direction (issue #13, point 1).

const selectedLabel = (select: Locator) => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);

test("creating a user: unit and role stay as chosen after a refused password", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Tạo người dùng" });
  // The unit is picked by type-ahead (202 bodies in Sơn La alone), each shown with where it is.
  await form.getByLabel("Đơn vị").fill("thi uy moc chau");
  await form.getByRole("option", { name: /^Thị ủy Mộc Châu/ }).click();
  await form.getByLabel("Vai trò").selectOption({ label: "Nhập liệu" });
  await form.getByLabel("Tên đăng nhập").fill("giu.gia.tri");
  await form.getByLabel("Họ tên, chức danh").fill("Cán bộ giữ giá trị");
  await form.getByLabel("Mật khẩu ban đầu").fill("ngan");
  await form.getByRole("button", { name: "Tạo người dùng" }).click();
  await expect(form).toContainText("Mật khẩu cần ít nhất 10 ký tự");

  await expect(form.getByLabel("Đơn vị")).toHaveValue(/^Thị ủy Mộc Châu — /);
  expect(await selectedLabel(form.getByLabel("Vai trò"))).toBe("Nhập liệu");
  await expect(form.getByLabel("Tên đăng nhập")).toHaveValue("giu.gia.tri");
  await expect(form.getByLabel("Mật khẩu ban đầu")).toHaveAttribute("aria-invalid", "true");

  // The corrected submission creates the account where it was meant to be.
  await form.getByLabel("Mật khẩu ban đầu").fill("mat-khau-du-dai-2026");
  await form.getByRole("button", { name: "Tạo người dùng" }).click();
  await expect(form).toContainText("Đã tạo người dùng.");
  const row = page.getByRole("row").filter({ hasText: "giu.gia.tri" });
  await expect(row).toContainText("Thị ủy Mộc Châu");
  await expect(row).toContainText("Nhập liệu");
});

test("adding an organisation: kind, track and locality stay as chosen after a refused name", async ({ page }) => {
  // The page lists a province's bodies, each with its own successor picker: heavy on a loaded machine.
  test.slow();
  await signIn(page, "admin");
  await page.goto("/admin/organizations");
  const form = page.getByRole("form", { name: "Thêm cơ quan" });
  await form.getByLabel("Loại").selectOption({ label: "Ủy ban nhân dân" });
  await form.getByLabel("Khối").selectOption({ label: "Đảng" });
  const locality = form.getByLabel("Địa bàn");
  const chosen = await locality
    .locator("option")
    .nth(3)
    .evaluate((o: HTMLOptionElement) => o.text);
  await locality.selectOption({ label: chosen });
  await form.getByLabel("Tên cơ quan").fill("ab");
  await form.getByRole("button", { name: "Thêm cơ quan" }).click();
  await expect(form).toContainText("Tên cơ quan cần ít nhất 3 ký tự");

  expect(await selectedLabel(form.getByLabel("Loại"))).toBe("Ủy ban nhân dân");
  expect(await selectedLabel(form.getByLabel("Khối"))).toBe("Đảng");
  expect(await selectedLabel(locality)).toBe(chosen);
  await expect(form.getByLabel("Tên cơ quan")).toHaveValue("ab");
});

test("the plan editor: the direction stays as chosen after a refused target, new and existing indicators", async ({
  page,
}) => {
  await signIn(page, "thaonguyen.editor");
  await page.goto("/plans?level=PROVINCE");
  await page.getByRole("row").filter({ hasText: "Tỉnh ủy Sơn La" }).first().getByRole("link").first().click();
  await page.getByRole("link", { name: "Tạo kế hoạch thực hiện" }).click();
  const createForm = page.getByRole("form", { name: "Tạo kế hoạch thực hiện" });
  await createForm.getByLabel("Trích yếu kế hoạch").fill(`Kế hoạch giữ giá trị biểu mẫu (kiểm thử ${Date.now()})`);
  await createForm.getByRole("button", { name: "Tạo dự thảo kế hoạch" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Soạn kế hoạch");

  // An indicator copied from the province.
  const existing = page.getByTestId("edit-indicator-3.3");
  await existing.getByLabel("Chiều đánh giá").selectOption({ label: "Càng thấp càng tốt" });
  await existing.getByLabel("Mục tiêu đến năm 2025").fill("khoảng 1.2.3");
  await page.getByRole("button", { name: /^Lưu các thay đổi/ }).click();
  await expect(existing.getByTestId("save-status")).toContainText("Chưa lưu được");
  expect(await selectedLabel(existing.getByLabel("Chiều đánh giá"))).toBe("Càng thấp càng tốt");
  await expect(existing.getByLabel("Mục tiêu đến năm 2025")).toHaveValue("khoảng 1.2.3");

  // A new one: its group and direction stay too.
  const added = page.getByRole("form", { name: "Thêm chỉ tiêu" });
  const group = added.getByLabel("Thuộc nhóm");
  const groupLabel = await group
    .locator("option")
    .nth(1)
    .evaluate((o: HTMLOptionElement) => o.text);
  await group.selectOption({ label: groupLabel });
  await added.getByLabel("Chiều đánh giá").selectOption({ label: "Trong khoảng" });
  await added.getByLabel("Mã", { exact: true }).fill("9.9");
  await added.getByLabel("Tên chỉ tiêu").fill("Chỉ tiêu kiểm thử giữ giá trị");
  await added.getByLabel("Mục tiêu đến năm 2030").fill("khoảng 1.2.3");
  await added.getByRole("button", { name: "Thêm chỉ tiêu" }).click();
  await expect(added.getByTestId("save-status")).toContainText("Chưa lưu được");
  expect(await selectedLabel(added.getByLabel("Chiều đánh giá"))).toBe("Trong khoảng");
  expect(await selectedLabel(group)).toBe(groupLabel);
  await expect(added.getByLabel("Tên chỉ tiêu")).toHaveValue("Chỉ tiêu kiểm thử giữ giá trị");

  // Corrected, the indicator is saved with the direction chosen.
  await existing.getByLabel("Mục tiêu đến năm 2025").fill("");
  await page.getByRole("button", { name: /^Lưu các thay đổi/ }).click();
  await expect(existing.getByTestId("save-status")).toContainText("Đã lưu");
  await page.reload();
  expect(await selectedLabel(page.getByTestId("edit-indicator-3.3").getByLabel("Chiều đánh giá"))).toBe(
    "Càng thấp càng tốt",
  );
});
