import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";

test("a ward editor turns the provincial plan into a local plan, the approver issues it, the province finds it", async ({
  page,
}) => {
  const title = `Thực hiện Kế hoạch của Tỉnh ủy Sơn La trên địa bàn phường Thảo Nguyên (kiểm thử ${Date.now()})`;

  await signIn(page, "thaonguyen.editor");
  await page.goto("/plans?level=PROVINCE");
  await page.getByRole("row").filter({ hasText: "Tỉnh ủy Sơn La" }).first().getByRole("link").first().click();
  await page.getByRole("link", { name: "Tạo kế hoạch thực hiện" }).click();
  const createForm = page.getByRole("form", { name: "Tạo kế hoạch thực hiện" });
  await createForm.getByLabel("Trích yếu kế hoạch").fill(title);
  await createForm.getByRole("button", { name: "Tạo dự thảo kế hoạch" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Soạn kế hoạch");

  // A weaker target than the province's is flagged; a stronger one is not.
  const weaker = page.getByTestId("edit-indicator-3.1");
  await expect(weaker).toContainText("Cấp trên: 25%");
  await weaker.getByLabel("Mục tiêu đến năm 2030").fill("20%");
  await expect(weaker.getByTestId("target2030-reading")).toContainText("20%");
  await expect(weaker.getByTestId("target2030-weaker")).toContainText("Thấp hơn yêu cầu của cấp trên");
  await expect(weaker.getByTestId("save-status")).toContainText("Có thay đổi chưa lưu");

  const stronger = page.getByTestId("edit-indicator-3.3");
  await stronger.getByLabel("Mục tiêu đến năm 2030").fill("26%");
  await expect(stronger.getByTestId("target2030-weaker")).toHaveCount(0);
  // One save for both rows (issue #13, point 10).
  const saveAll = page.getByRole("button", { name: /^Lưu các thay đổi/ });
  await expect(saveAll).toHaveText("Lưu các thay đổi (2)");
  await saveAll.click();
  await expect(page.getByTestId("editor-save-state")).toContainText("Đã lưu 2 mục");
  await expect(weaker.getByTestId("save-status")).toContainText("Đã lưu");
  await expect(stronger.getByTestId("save-status")).toContainText("Đã lưu");

  // An unreadable target is refused beside the field, keeping what was typed.
  await stronger.getByLabel("Mục tiêu đến năm 2025").fill("khoảng 1.2.3");
  await expect(stronger.getByText(/Không đọc được/).first()).toBeVisible();

  // What was typed but not saved survives a reload of the draft.
  await page.reload();
  const reloaded = page.getByTestId("edit-indicator-3.3");
  await expect(reloaded.getByLabel("Mục tiêu đến năm 2025")).toHaveValue("khoảng 1.2.3");
  await expect(reloaded).toContainText("Đã khôi phục nội dung bạn nhập");
  await reloaded.getByLabel("Mục tiêu đến năm 2025").fill("27,5%");
  await page.getByRole("button", { name: /^Lưu các thay đổi/ }).click();
  await expect(reloaded.getByTestId("save-status")).toContainText("Đã lưu");

  // Agencies from the locality's directory, found without diacritics.
  const task = page.getByTestId("edit-task-1.");
  await task.getByLabel("Thêm cơ quan chủ trì").fill("ban xay dung");
  await task.getByRole("option", { name: /Ban Xây dựng Đảng Đảng ủy phường Thảo Nguyên/ }).click();
  await task.getByLabel("Thêm cơ quan phối hợp").fill("Phòng Văn hóa - Xã hội phường");
  await task.getByLabel("Thêm cơ quan phối hợp").press("Enter");
  await task.getByLabel("Thời gian thực hiện").fill("Thường xuyên");
  await page.keyboard.press("Control+s");
  await expect(task.getByTestId("save-status")).toContainText("Đã lưu");
  await signOut(page);

  // The approver issues it.
  await signIn(page, "thaonguyen.approver");
  await page.getByLabel("Tìm theo số, tên, cơ quan").fill("kiểm thử");
  await page.getByRole("button", { name: "Lọc" }).click();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("cell", { name: /Ban Xây dựng Đảng Đảng ủy phường Thảo Nguyên/ }).first()).toBeVisible();
  await page.getByRole("link", { name: "Soạn, sửa dự thảo" }).click();
  const issue = page.getByRole("form", { name: "Ban hành kế hoạch" });
  // Issuing is found first on the page and in the contents, not after every row (issue #13, point 10).
  await expect(page.getByRole("navigation", { name: "Mục lục" }).getByRole("link", { name: "Ban hành" })).toBeVisible();
  const indicatorsHeading = page.getByRole("heading", { name: /^Chỉ tiêu \(/ });
  expect((await issue.boundingBox())!.y).toBeLessThan((await indicatorsHeading.boundingBox())!.y);
  await issue.getByLabel("Số văn bản").fill("99");
  await issue.getByLabel("Chức vụ người ký").fill("PHÓ BÍ THƯ");
  await issue.getByLabel("Họ tên người ký").fill("Nguyễn Văn Minh");
  await issue.getByRole("button", { name: "Ban hành" }).click();
  // Issuing cannot be undone: it asks first, listing what the draft lacks (issue #13, point 6).
  const confirm = page.getByRole("dialog", { name: "Ban hành kế hoạch?" });
  await expect(confirm.getByTestId("missing-list")).toContainText("nhiệm vụ chưa có cơ quan chủ trì");
  await confirm.getByRole("button", { name: "Ban hành" }).click();
  await expect(page.getByRole("form", { name: "Sửa đổi, bổ sung" })).toBeVisible();
  await signOut(page);

  // The province reviewer finds it among the province plan's children.
  await signIn(page, "sonla.approver");
  await page.goto("/plans?level=PROVINCE");
  await page.getByRole("row").filter({ hasText: "Tỉnh ủy Sơn La" }).first().getByRole("link").first().click();
  const children = page.getByRole("region", { name: /Văn bản cấp dưới thực hiện/ });
  await expect(children).toContainText("99-KH/ĐU");
  await children.getByRole("link", { name: "99-KH/ĐU" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("99-KH/ĐU");
  const row = page.getByTestId("indicator-3.1");
  await expect(row).toContainText("20%");
  await expect(row).toContainText("cấp trên: 25%");
});
