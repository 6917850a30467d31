import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Saving results answers with the saved rows, not a re-render of the page (docs/performance.md). A
// results page the browser goes Back to comes from the router's cache, rendered before the save: it
// must still show what was saved, and saving again must not be refused as someone else's change.

const YEAR = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
);

test("a saved result is still on the grid after going to the report and Back, and saves again", async ({ page }) => {
  await signIn(page, "phuongmocchau.editor");
  await page.goto(`/reports?year=${YEAR}`);
  await page
    .getByTestId("own-report-25-KH/ĐU")
    .getByRole("link", { name: `Nhập kết quả năm ${YEAR}` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kết quả thực hiện năm ${YEAR}`);
  const input = () => page.getByTestId("result-3.2").getByRole("textbox", { name: /^Thực hiện/ });
  const first = `${(Date.now() % 900) + 10},5`;
  await input().fill(first);
  await page.getByRole("button", { name: "Lưu kết quả" }).click();
  await expect(page.getByTestId("results-save-state")).toContainText("Đã lưu 1 thay đổi");

  // To the report through the app's own link, then Back.
  await page.getByRole("link", { name: `Báo cáo năm ${YEAR} →` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Báo cáo kết quả thực hiện năm ${YEAR}`);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kết quả thực hiện năm ${YEAR}`);
  await expect(input()).toHaveValue(first);

  await input().fill("7,25");
  await page.getByRole("button", { name: "Lưu kết quả" }).click();
  await expect(page.getByTestId("results-save-state")).toContainText("Đã lưu 1 thay đổi");
  // And a fresh load reads it from the database.
  await page.reload();
  await expect(input()).toHaveValue("7,25");
});
