import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./helpers";

// Issue 13, points 3, 4, 7 and 8, in the browser: a ward starts a plan from the province's (its
// indicators carry targets and no figures yet), the editor meets a direction that contradicts a
// target and targets that are not numbers, the charts draw targets before any figure, the approver
// issues the plan and its history reads "Bản 1" in the plan's order with who did what; the province's
// matrix names its indicators and shows a figure against its target; everything reads in Vietnamese.

test.describe.configure({ mode: "serial" });

let planUrl = "";

async function startDraft(page: Page) {
  await signIn(page, "thaonguyen.editor");
  await page.goto("/plans?level=PROVINCE");
  await page.getByRole("row").filter({ hasText: "Tỉnh ủy Sơn La" }).first().getByRole("link").first().click();
  await page.getByRole("link", { name: "Tạo kế hoạch thực hiện" }).click();
  const form = page.getByRole("form", { name: "Tạo kế hoạch thực hiện" });
  await form.getByLabel("Trích yếu kế hoạch").fill(`Kế hoạch thực hiện của phường (biểu đồ, lịch sử ${Date.now()})`);
  await form.getByRole("button", { name: "Tạo dự thảo kế hoạch" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Soạn kế hoạch");
  planUrl = page.url().replace(/\/edit$/, "");
}

test("the editor says how an indicator is assessed, warns of contradictions, and reads targets for their unit", async ({
  page,
}) => {
  await startDraft(page);
  // "Tỷ lệ thất nghiệp khu vực thành thị": marked lower-is-better, with the target "3,5% trở lên".
  const unemployment = page.getByTestId("edit-indicator-2.1");
  await expect(unemployment.getByTestId("assessment")).toContainText(
    "Trạng thái tính: ↑ càng cao càng tốt. Theo mục tiêu “3,5% trở lên” (2030), dù chiều đánh giá đã chọn là “Càng thấp càng tốt”.",
  );
  await expect(unemployment.getByTestId("assessment-conflict")).toContainText("trái với chiều “Càng thấp càng tốt”");
  await unemployment.getByLabel("Mục tiêu đến năm 2030").fill("dưới 3,5%");
  await expect(unemployment.getByTestId("assessment-conflict")).toHaveCount(0);
  await expect(unemployment.getByTestId("assessment")).toContainText("↓ càng thấp càng tốt");

  // Words under "%" are a typing error until the user says the indicator is qualitative.
  const coverage = page.getByTestId("edit-indicator-3.2");
  await coverage.getByLabel("Mục tiêu đến năm 2030").fill("abc");
  await expect(coverage).toContainText("“abc” không phải là số: chỉ tiêu tính bằng “%” cần mục tiêu bằng số");
  await coverage.getByLabel("Chiều đánh giá").selectOption({ label: "Định tính (mục tiêu bằng lời, tự đánh giá)" });
  await coverage.getByLabel("Mục tiêu đến năm 2030").fill("abcd");
  await expect(coverage).not.toContainText("không phải là số");
  await coverage.getByLabel("Mục tiêu đến năm 2030").fill("-5");
  await expect(coverage).toContainText("Mục tiêu không nhận số âm (“-5”): chỉ tiêu giảm thì đặt tên “Mức giảm …”");
  await coverage.getByLabel("Mục tiêu đến năm 2030").fill("14,1%");
  await coverage.getByLabel("Chiều đánh giá").selectOption({ label: "Càng cao càng tốt" });

  // The plan page says which way the province's contradictory indicator is assessed.
  await page.goto(planUrl);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/Kế hoạch chưa có số/).first()).toBeVisible();
  await expect(page.getByTestId("indicator-2.1").getByTestId("assessed-as")).toContainText(
    "Đánh giá: ↑ càng cao càng tốt — Theo mục tiêu “3,5% trở lên” (2030)",
  );
});

test("a chart draws the targets on a time axis before any figure, with a legend, and the numbers in a table", async ({
  page,
}) => {
  await signIn(page, "thaonguyen.editor");
  await page.goto(`${planUrl}/dashboard?group=*`);
  // The cards (each an article named by its heading); the 3.1 card, target 25% by 2030.
  const card = page
    .locator("article[aria-labelledby^='ct-']")
    .filter({ hasText: /^3\.1 / })
    .first();
  await card.scrollIntoViewIfNeeded();
  const chart = card.getByRole("img", { name: /Biểu đồ/ });
  const plot = chart.locator("svg.recharts-surface");
  await expect(plot).toBeVisible();
  // Every year of the axis up to 2030, the 2030 target labelled, and the legend.
  for (const year of ["2024", "2025", "2026", "2030"]) await expect(plot).toContainText(year);
  await expect(plot).toContainText("25%");
  await expect(chart).toContainText("Mục tiêu");
  await expect(card.getByRole("table")).toContainText("Mục tiêu 2030");
});

test("the history reads the issued text as 'Bản 1', in the plan's order, and says who changed what", async ({
  page,
}) => {
  await signIn(page, "thaonguyen.approver");
  await page.goto(`${planUrl}/edit`);
  const issue = page.getByRole("form", { name: "Ban hành kế hoạch" });
  await issue.getByLabel("Số văn bản").fill("31");
  await issue.getByLabel("Chức vụ người ký").fill("BÍ THƯ");
  await issue.getByLabel("Họ tên người ký").fill("Nguyễn Văn Minh");
  await issue.getByRole("button", { name: "Ban hành" }).click();
  // Issuing cannot be undone: it asks first.
  await page.getByRole("dialog", { name: "Ban hành kế hoạch?" }).getByRole("button", { name: "Ban hành" }).click();
  await expect(page.getByRole("form", { name: "Sửa đổi, bổ sung" })).toBeVisible();

  await page.goto(`${planUrl}/history`);
  const versions = page.getByRole("region", { name: "Các bản đã ban hành" });
  await expect(versions.getByRole("link", { name: "Bản 1" })).toBeVisible();
  await expect(versions.getByRole("link", { name: /Bản 2/ })).toHaveCount(0);
  await versions.getByRole("link", { name: "Bản 1" }).click();
  await expect(page.getByTestId("version-text")).toContainText("Bản 1:");
  await expect(page.getByTestId("version-indicator").first()).toBeVisible();
  const codes = await page
    .getByTestId("version-indicator")
    .evaluateAll((items) => items.map((item) => item.textContent?.trim().split(" ")[0] ?? ""));
  const numeric = codes.filter((c) => /^\d+\.\d+$/.test(c));
  const ordered = [...numeric].sort((a, b) => {
    const [a1, a2] = a.split(".").map(Number);
    const [b1, b2] = b.split(".").map(Number);
    return a1! - b1! || a2! - b2!;
  });
  expect(numeric.length).toBeGreaterThan(10);
  expect(numeric).toEqual(ordered);

  const changes = page.getByRole("region", { name: "Các thay đổi gần đây" });
  const issued = changes.getByTestId("change").filter({ hasText: "Ban hành kế hoạch" });
  await expect(issued).toContainText("(thaonguyen.approver)");
  await expect(issued).toContainText("Đảng ủy phường Thảo Nguyên");
  await expect(issued).toContainText("Số văn bản: 31");
  await expect(changes.getByTestId("change").filter({ hasText: "Tạo kế hoạch thực hiện" }).first()).toContainText(
    "(thaonguyen.editor)",
  );
  await expect(changes).not.toContainText(/HIGHER_BETTER|LOWER_BETTER|INHERITED|[0-9a-f]{8}-[0-9a-f]{4}-/);
});

test("the province's matrix names its indicators and shows a locality's figure against its target", async ({
  page,
}) => {
  await signIn(page, "sonla.approver");
  await page.goto("/dashboard?group=D%C3%A2n%20s%E1%BB%91%2C%20y%20t%E1%BA%BF");
  const matrix = page.getByRole("table", { name: /Tình trạng thực hiện chỉ tiêu/ });
  await expect(matrix.getByRole("columnheader", { name: /6\.9 Tỷ lệ bao phủ bảo hiểm y tế/ })).toBeVisible();
  const row = matrix.getByRole("row").filter({ has: page.getByRole("link", { name: "Huyện ủy Mai Sơn" }) });
  // The indicator cells are the row's last ones, one per indicator column.
  const indicators = matrix.locator("thead th[data-ind]");
  const index = await indicators.evaluateAll((cells) => cells.findIndex((c) => c.textContent?.startsWith("6.9")));
  expect(index).toBeGreaterThanOrEqual(0);
  const first = (await row.locator("td").count()) - (await indicators.count());
  const cell = row.locator("td").nth(first + index);
  await cell.hover();
  const tip = page.getByTestId("matrix-tip");
  await expect(tip).toContainText("Huyện ủy Mai Sơn — 6.9 Tỷ lệ bao phủ bảo hiểm y tế");
  await expect(tip).toContainText(/mục tiêu (của địa phương )?2030: \d/);
  await expect(tip).toContainText("Đánh giá:");
});

test("Vietnamese everywhere: the audit trail in words, the header naming the body once, a favicon", async ({
  page,
  request,
}) => {
  for (const path of ["/favicon.ico", "/favicon.svg", "/icon-192.png", "/site.webmanifest"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
  }
  await signIn(page, "sonla.admin");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.svg|icon/);
  const header = page.getByTestId("current-user");
  await expect(header).toContainText("Tỉnh ủy Sơn La");
  expect(((await header.textContent()) ?? "").split("Tỉnh ủy Sơn La").length - 1).toBe(1);

  await page.getByRole("link", { name: "Nhật ký" }).click();
  const trail = page.getByRole("table");
  await expect(trail).toContainText("Ban hành kế hoạch");
  await expect(trail).not.toContainText(/\b(plan|report|indicator|task|user)\.[a-zA-Z]+/);
  await expect(trail).not.toContainText(/HIGHER_BETTER|LOWER_BETTER|INHERITED|SUBMITTED|[0-9a-f]{8}-[0-9a-f]{4}-/);
  await expect(trail).not.toContainText(/Năm: \d\.\d{3}\b/);
  await signOut(page);
});
