import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The demo commune's editor (Đảng ủy phường Mộc Châu) finds the reminder of this year's report,
// computed when the server started (src/instrumentation.ts runs the reminders once before it
// serves) as on 5 December of this year (REMINDERS_TODAY, playwright.config.ts), counted in the
// header, and marks it read.

const YEAR = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
);

test("phuongmocchau.editor sees this year's report reminder and marks it read", async ({ page }) => {
  await signIn(page, "phuongmocchau.editor");
  const link = page.getByTestId("notifications-link");
  const count = link.getByTestId("notification-count");
  await expect(count).toHaveText(/^\d+$/);
  const before = Number(await count.textContent());
  expect(before).toBeGreaterThan(0);

  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: "Thông báo" })).toBeVisible();
  const reminder = page
    .getByTestId("notification")
    .filter({ hasText: new RegExp(`Báo cáo năm ${YEAR} (đến hạn ngày \\d\\d/12/${YEAR}|đã quá hạn)`) })
    .first();
  await expect(reminder).toBeVisible();
  await expect(reminder).toHaveAttribute("data-read", "false");
  await expect(reminder).toContainText("Đảng ủy phường Mộc Châu");
  await expect(reminder).toContainText("25-KH/ĐU");

  await reminder.getByRole("button", { name: /^Đánh dấu đã đọc/ }).click();
  await expect(reminder).toHaveAttribute("data-read", "true");
  await expect(reminder).toContainText("Đã đọc");
  if (before === 1) await expect(count).toHaveCount(0);
  else await expect(count).toHaveText(String(before - 1));

  // The reminder's link opens the report.
  await reminder.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Báo cáo kết quả thực hiện năm ${YEAR}`);
});
