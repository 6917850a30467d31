import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./a11y";
import { signIn } from "./helpers";

// Issue 20, part 2: WCAG 2.1 AA on the main signed-in pages and the pages anyone reaches (axe-core:
// no serious or critical violation), and the keyboard alone: a skip link first, then a visible focus
// on every control of the results grid as Tab walks through it.

const YEAR = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
);

async function openSonLaPlan(page: Page): Promise<string> {
  await page.goto("/plans?level=PROVINCE");
  await page.getByRole("row").filter({ hasText: "Tỉnh ủy Sơn La" }).first().getByRole("link").first().click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("the plan list, a plan, its results grid, both dashboards and the reports meet WCAG 2.1 AA", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "sonla.approver");
  await page.goto("/plans");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);

  const id = await openSonLaPlan(page);
  await expectNoSeriousViolations(page);

  await page.goto(`/plans/${id}/results?year=${YEAR}`);
  await expect(page.getByRole("table", { name: `Kết quả thực hiện chỉ tiêu năm ${YEAR}` })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto(`/plans/${id}/dashboard`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bảng theo dõi");
  // The first charts drawn, so that they are checked too.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng hợp các địa phương");
  await expectNoSeriousViolations(page);

  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto(`/plans/${id}/reports/${YEAR}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the sign-in page and the public list meet WCAG 2.1 AA without signing in", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhập");
  await expectNoSeriousViolations(page);
  await page.goto("/public");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kế hoạch đã công bố");
  await expectNoSeriousViolations(page);
});

/** The focused element, and whether it shows it: an outline or a ring that is really drawn. */
async function focusShown(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== "none";
    return {
      tag: element.tagName,
      // The grid's inputs are named by reference (aria-labelledby: the column's header and the row's name).
      name:
        element.getAttribute("aria-label") ??
        element
          .getAttribute("aria-labelledby")
          ?.split(" ")
          .map((id) => document.getElementById(id)?.textContent?.trim())
          .join(" ") ??
        element.textContent?.trim() ??
        "",
      shown: outline || ring,
    };
  });
}

test("keyboard alone: the skip link comes first, and Tab walks the results grid with a visible focus", async ({
  page,
}) => {
  await signIn(page, "phuongmocchau.editor");
  await page.goto(`/reports?year=${YEAR}`);
  await page
    .getByTestId("own-report-25-KH/ĐU")
    .getByRole("link", { name: `Nhập kết quả năm ${YEAR}` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kết quả thực hiện năm ${YEAR}`);

  // The first Tab reaches the skip link, shown while it has focus; Enter moves on to the content.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kết quả thực hiện năm ${YEAR}`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Bỏ qua đến nội dung chính" });
  await expect(skip).toBeFocused();
  expect((await skip.boundingBox())!.width).toBeGreaterThan(20);
  expect((await focusShown(page))!.shown).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // Into the grid, then cell after cell: each one that takes focus shows it.
  const grid = page.getByRole("table", { name: `Kết quả thực hiện chỉ tiêu năm ${YEAR}` });
  const first = grid.getByRole("textbox").first();
  let steps = 0;
  while (!(await first.evaluate((e) => e === document.activeElement)) && steps++ < 200)
    await page.keyboard.press("Tab");
  await expect(first).toBeFocused();
  const seen: string[] = [];
  for (let i = 0; i < 8; i++) {
    const focused = await focusShown(page);
    expect(focused, `focus ${i}`).not.toBeNull();
    expect(focused!.shown, `${focused!.tag} ${focused!.name}`).toBe(true);
    seen.push(focused!.name);
    await page.keyboard.press("Tab");
  }
  // Tab moved through different controls of the grid.
  expect(new Set(seen).size).toBeGreaterThan(4);
});
