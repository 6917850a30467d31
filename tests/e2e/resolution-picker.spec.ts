import { expect, test } from "@playwright/test";
import type pg from "pg";
import { createSecondCascade, SECOND_CASCADE } from "../fixtures/second-cascade";
import { connectE2eDatabase } from "./database";
import { signIn } from "./helpers";

// The resolution picker (issue 18 part 3, ADR 0033). The demo data holds one cascade (42-NQ/TW); this
// spec writes a second one (57-NQ/TW, Sơn La's plan, the Mộc Châu ward's) into the browser tests'
// database, and removes it afterwards so that the specs after it see the demo data as seeded.

const C = SECOND_CASCADE;
let client: pg.Client;

test.beforeAll(async () => {
  client = await connectE2eDatabase();
  await client.query(`DELETE FROM plans WHERE id = ANY($1::text[])`, [[C.ward, C.province, C.resolution]]);
  await createSecondCascade((text, values) => client.query(text, values));
});

test.afterAll(async () => {
  // Children first: a plan's parent cannot go before it.
  for (const id of [C.ward, C.province, C.resolution]) await client.query(`DELETE FROM plans WHERE id = $1`, [id]);
  await client.end();
});

test("the dashboard picks the resolution, keeps it in the URL, and shows that cascade's figures", async ({ page }) => {
  await signIn(page, "sonla.approver");
  await page.goto("/dashboard");
  const picker = page.getByRole("form", { name: "Chọn nghị quyết" });
  const select = picker.getByLabel("Nghị quyết");
  // The default: 42-NQ/TW, where Sơn La has most plans.
  await expect(select.locator("option:checked")).toHaveText(/^42-NQ\/TW — /);
  await expect(select.locator("option")).toHaveCount(2);
  const totals = page.getByLabel(/^Tổng số chỉ tiêu của \d+ văn bản cấp dưới/);
  const totals42 = await totals.textContent();
  await expect(page.getByRole("link", { name: "Đảng ủy phường Mộc Châu" }).first()).toBeVisible();

  await select.selectOption(C.resolution);
  await picker.getByRole("button", { name: "Xem" }).click();
  await expect(page).toHaveURL(new RegExp(`resolution=${C.resolution}`));
  await expect(select.locator("option:checked")).toHaveText(/^57-NQ\/TW — Nghị quyết của Bộ Chính trị về đột phá/);
  await expect(page.getByText(/Cấp dưới thực hiện/)).toContainText("301-KH/TU");
  // One locality (the ward) with its three figures of 2025: two off track, one met.
  await expect(page.getByLabel("Tổng số chỉ tiêu của 1 văn bản cấp dưới theo tình trạng")).toContainText("(tổng 3)");
  expect(await totals.textContent()).not.toBe(totals42);
  const matrix = page.getByRole("table", { name: /Tình trạng thực hiện chỉ tiêu/ });
  await expect(matrix.getByRole("columnheader", { name: /^1\.3 / })).toBeVisible();

  // The URL is the view: opened again (as a shared link), it shows the same resolution; the filters keep it.
  await page.goto(`/dashboard?resolution=${C.resolution}`);
  await expect(page.getByLabel("Tổng số chỉ tiêu của 1 văn bản cấp dưới theo tình trạng")).toContainText("(tổng 3)");
  await page.getByRole("form", { name: "Lọc bảng tổng hợp" }).getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(new RegExp(`resolution=${C.resolution}`));
  await expect(page.getByText(/Cấp dưới thực hiện/)).toContainText("301-KH/TU");

  // The reports page offers the same choice; the plan page names its resolution.
  await page.goto(`/reports?resolution=${C.resolution}`);
  await expect(
    page.getByRole("form", { name: "Chọn nghị quyết" }).getByLabel("Nghị quyết").locator("option:checked"),
  ).toHaveText(/^57-NQ\/TW/);
  await expect(page.getByTestId("own-report-301-KH/TU")).toBeVisible();
  await page.goto(`/plans/${C.ward}`);
  await expect(page.getByTestId("resolution-line")).toContainText(
    "Thực hiện Nghị quyết 57-NQ/TW — Nghị quyết của Bộ Chính trị về đột phá",
  );
});
