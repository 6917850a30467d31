import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./a11y";
import { signIn } from "./helpers";

// Issue 20, part 1: the public page of published results. Nobody signs in to read it; only what an
// approver has published is there; a plan that is not published is "not found".

async function openSonLaPlan(page: Page): Promise<string> {
  await page.goto("/plans?level=PROVINCE");
  await page.getByRole("row").filter({ hasText: "Tỉnh ủy Sơn La" }).first().getByRole("link").first().click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("an approver publishes a plan; anyone then reads its indicators, targets, results and chart on /public", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "sonla.approver");
  const id = await openSonLaPlan(page);
  await expect(page.getByRole("link", { name: "Trang công khai" })).toHaveCount(0);

  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  // Not published: "not found", in Vietnamese, with the way back to the published plans.
  const missing = await anon.goto(`/public/plans/${id}`);
  expect(missing?.status()).toBe(404);
  await expect(anon.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy");
  await expect(anon.getByText("Kế hoạch này không tồn tại hoặc chưa được công bố.")).toBeVisible();
  expect((await anon.goto("/public/plans/not-an-id"))?.status()).toBe(404);

  await page.getByRole("button", { name: "Công bố cho các tỉnh khác" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Đã công bố");
  try {
    await page.getByRole("link", { name: "Trang công khai" }).click();
    await expect(page).toHaveURL(new RegExp(`/public/plans/${id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Kế hoạch");

    // The list of published plans, read by someone who is not signed in. Another app process may
    // serve its cached list for up to 30 seconds after the publication (ADR 0034).
    const link = anon.getByRole("region", { name: "Tỉnh Sơn La" }).getByRole("link").first();
    await expect(async () => {
      await anon.goto("/public");
      await expect(link).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 45_000, intervals: [2_000] });
    await expect(anon.getByRole("heading", { level: 1 })).toHaveText("Kế hoạch đã công bố");
    await expectNoSeriousViolations(anon);
    await link.click();
    await expect(anon).toHaveURL(new RegExp(`/public/plans/${id}$`));

    await expect(anon.getByText("Tỉnh ủy Sơn La").first()).toBeVisible();
    await expect(anon.getByText("dữ liệu minh họa").first()).toBeVisible();
    // The chart, drawn, and beside it a table with the same numbers.
    const chart = anon.getByRole("img", { name: /^Biểu đồ: số chỉ tiêu theo tình trạng thực hiện năm \d{4}/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator("svg .recharts-bar-rectangle").first()).toBeVisible();
    const counts = anon.getByRole("table", { name: /^Số chỉ tiêu theo tình trạng thực hiện năm \d{4}$/ });
    const total = Number(
      await counts
        .getByRole("row", { name: /Tổng số/ })
        .getByRole("cell")
        .textContent(),
    );
    expect(total).toBeGreaterThan(10);
    // The numbers written on the bars are the table's (a bar of 0 may carry no label).
    const labels = (await chart.locator(".recharts-label-list text").allTextContents()).map(Number);
    const cells = (await counts.locator("tbody td").allTextContents()).map(Number);
    expect(labels.reduce((a, b) => a + b, 0)).toBe(total);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(total);
    for (const label of labels) expect(cells).toContain(label);

    // Every indicator with its 2025 and 2030 targets as written and its latest figure with a status.
    const indicators = anon.getByRole("table", { name: /Chỉ tiêu, mục tiêu năm 2025, 2030/ });
    await expect(indicators.getByRole("columnheader", { name: "Mục tiêu 2030" })).toBeVisible();
    expect(await indicators.locator("tbody tr").count()).toBeGreaterThanOrEqual(total);
    await expect(indicators.getByText(/Đạt\/vượt|Đúng tiến độ|Có nguy cơ|Chậm tiến độ/).first()).toBeVisible();
    await expectNoSeriousViolations(anon);

    // The sign-in page leads here.
    await anon.goto("/sign-in");
    await anon.getByRole("link", { name: "kết quả thực hiện các kế hoạch đã công bố" }).click();
    await expect(anon).toHaveURL(/\/public$/);
  } finally {
    // Withdrawn again, so the other browser tests meet the demo data as it was.
    await page.goto(`/plans/${id}`);
    await page.getByRole("button", { name: "Thôi công bố ngoài tỉnh" }).click();
    await expect(page.getByTestId("save-status")).toHaveText("Đã thôi công bố");
    await visitor.close();
  }
});
