import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";

// Issue 13, point 2: the district bodies ended on 30/6/2025. They keep their record, act no more, and
// owe no report for a year they did not exist in; nobody owes one for a year before a plan was issued.

const YEAR = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
);

test("a body that ended reads its record and changes nothing, and says why", async ({ page }) => {
  await signIn(page, "mocchau.approver");
  await expect(page.getByTestId("ended-body")).toContainText("Thị ủy Mộc Châu đã kết thúc hoạt động ngày 30/06/2025");
  await expect(page.getByRole("link", { name: "Nhập văn bản" })).toHaveCount(0);

  // Its own plan is readable, without the controls that would write.
  const list = page.getByRole("table", { name: "Danh sách kế hoạch" });
  await list.getByRole("row").filter({ hasText: "Thị ủy Mộc Châu" }).first().getByRole("link").first().click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("link", { name: "Sửa đổi, bổ sung" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Soạn, sửa dự thảo" })).toHaveCount(0);

  // The province's plan offers no "Tạo kế hoạch thực hiện" any more, and its address answers "not found".
  await page.goto("/plans?level=PROVINCE");
  await page.getByRole("row").filter({ hasText: "Tỉnh ủy Sơn La" }).first().getByRole("link").first().click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("link", { name: "Tạo kế hoạch thực hiện" })).toHaveCount(0);
  await page.goto(`${page.url()}/implement`);
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
});

test("reports are owed only by bodies that exist on the due day, and the overview says why the others are not", async ({
  page,
}) => {
  // The province: the twelve district committees are not counted as late for this year.
  await signIn(page, "sonla.approver");
  await page.goto(`/reports?year=${YEAR}`);
  const children = page.getByRole("region", { name: "Báo cáo của cấp dưới" });
  await expect(children).toContainText("Đảng ủy phường Mộc Châu");
  await expect(children.getByRole("table")).not.toContainText("Thị ủy Mộc Châu");
  await expect(children.getByRole("table")).not.toContainText("Huyện ủy Mai Sơn");
  const notOwed = page.getByTestId("children-not-owed");
  await expect(notOwed).toContainText(`12 kế hoạch cấp dưới không phải báo cáo năm ${YEAR}`);
  await notOwed.getByText(/không phải báo cáo năm/).click();
  await expect(notOwed).toContainText(
    `Thị ủy Mộc Châu đã kết thúc hoạt động ngày 30/06/2025, trước hạn báo cáo năm ${YEAR}`,
  );
  // In 2024 the districts existed: their reports were owed, and are late.
  await page.goto("/reports?year=2024");
  await expect(page.getByRole("region", { name: "Báo cáo của cấp dưới" }).getByRole("table")).toContainText(
    "Thị ủy Mộc Châu",
  );
  // The dashboard's report section counts the same way.
  await page.goto("/dashboard");
  await expect(page.getByTestId("reports-not-owed")).toContainText("Không tính 12 kế hoạch");
  await signOut(page);

  // The ward does not see its predecessor's plan as its own report due this year.
  await signIn(page, "phuongmocchau.editor");
  await page.goto(`/reports?year=${YEAR}`);
  const own = page.getByRole("region", { name: "Báo cáo của đơn vị" });
  await expect(own.getByTestId("own-report-25-KH/ĐU")).toBeVisible();
  await expect(own.locator('[data-testid^="own-report-"][data-testid*="/TXU"]')).toHaveCount(0);
  await expect(page.getByTestId("own-not-owed")).toContainText("cơ quan tiền nhiệm");
});
