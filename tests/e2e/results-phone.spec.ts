import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Entering results on a phone (issue #13, point 10): at 390 px every input of the grid is on screen,
// with last year's actual and the baseline beside it.

const YEAR = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
);

test.use({ viewport: { width: 390, height: 844 } });

test("a ward editor enters a result at 390 px wide, comparing with last year and the baseline", async ({ page }) => {
  await signIn(page, "phuongmocchau.editor");
  await page.goto(`/reports?year=${YEAR}`);
  await page
    .getByTestId("own-report-25-KH/ĐU")
    .getByRole("link", { name: `Nhập kết quả năm ${YEAR}` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kết quả thực hiện năm ${YEAR}`);
  const row = page.getByTestId("result-3.1");
  const input = row.getByRole("textbox", { name: /^Thực hiện/ });
  await input.scrollIntoViewIfNeeded();
  const box = (await input.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(box.width).toBeGreaterThan(200);
  // Last year's figure (the seed has illustrative results for the year before) beside the input.
  await expect(row.getByTestId("compare")).toContainText(`Năm ${YEAR - 1}:`);
  await expect(input).toHaveAttribute("aria-describedby", /so-sanh-/);

  await input.fill("42,5");
  for (const name of [/^Ghi chú/, /^Nguồn số liệu/]) {
    const other = (await row.getByRole("textbox", { name }).boundingBox())!;
    expect(other.x + other.width).toBeLessThanOrEqual(390);
  }
  await page.getByRole("button", { name: "Lưu kết quả" }).click();
  await expect(page.getByTestId("results-save-state")).toContainText("Đã lưu 1 thay đổi");
});
