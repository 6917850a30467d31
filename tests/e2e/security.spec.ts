import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 15: the security headers on every page, and a Content-Security-Policy strict enough to block
// any inline script the server did not write (a nonce per response), under which the app still
// works: sign-in, the results grid, the report, the charts, the rollup and the importer's upload.

const YEAR = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
);
const EA_SUP = path.resolve(import.meta.dirname, "../fixtures/import/ea-sup-ubnd-huyen-ke-hoach-2024.md");

/** Collects CSP violations, as the page reports them (securitypolicyviolation) and as Chromium logs them. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(
        `${event.violatedDirective}: ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
  return async () => [
    ...logged,
    ...((await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations)) ?? []),
  ];
}

test("every page carries the security headers, and its scripts the response's nonce", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  // Served over http here: no HSTS (it is sent when NEXTAUTH_URL is https).
  expect(headers["strict-transport-security"]).toBeUndefined();

  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const html = await response!.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // A fresh nonce for every response.
  const again = await page.request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);
  // Static files get the headers too (less the CSP).
  const chunk = /<script[^>]+src="([^"]+\.js)"/.exec(html)![1]!;
  const file = await page.request.get(chunk);
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the app works under the policy, with no violation reported on the main pages", async ({ page }) => {
  test.setTimeout(180_000);
  const violations = await watchViolations(page);

  // The commune's editor: sign-in (next-auth), the plans, the results grid (typed into), the report.
  await signIn(page, "phuongmocchau.editor");
  await page.goto("/plans");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto(`/reports?year=${YEAR}`);
  await page
    .getByTestId("own-report-25-KH/ĐU")
    .getByRole("link", { name: `Nhập kết quả năm ${YEAR}` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kết quả thực hiện năm ${YEAR}`);
  const cell = page
    .getByRole("table", { name: `Kết quả thực hiện chỉ tiêu năm ${YEAR}` })
    .getByTestId("result-1.1")
    .getByRole("textbox", { name: /^Thực hiện/ });
  // Typing is read at once in the browser: the page's scripts run.
  await cell.fill("98.5");
  await expect(page.getByTestId("result-1.1").getByTestId("cell-error")).toContainText("Không đọc được");
  await page.goto(`/reports?year=${YEAR}`);
  await page
    .getByTestId("own-report-25-KH/ĐU")
    .getByRole("link", { name: `Báo cáo năm ${YEAR}` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Báo cáo kết quả thực hiện năm ${YEAR}`);
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/sign-in/);

  // The province: the rollup, a locality's dashboard with its charts (Recharts, loaded on scroll).
  await signIn(page, "sonla.approver");
  await page.goto("/dashboard");
  await expect(page.getByRole("table", { name: /Tình trạng thực hiện chỉ tiêu/ })).toBeVisible();
  await page
    .getByRole("table", { name: /Tình trạng thực hiện chỉ tiêu/ })
    .getByRole("link", { name: "Thị ủy Mộc Châu" })
    .click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}\/dashboard/);
  const chart = page.locator(".recharts-surface").first();
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toBeVisible();
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/sign-in/);

  // The importer: a file uploaded and read through a server action (by the body that succeeded
  // UBND huyện Ea Súp: an ended body imports nothing).
  await signIn(page, "xaeasup.editor");
  await page.goto("/import");
  await page.getByLabel("Tệp văn bản (.docx, .md, .txt; tối đa 2 MB)").setInputFiles(EA_SUP);
  await page.getByRole("button", { name: "Đọc tệp" }).click();
  await expect(page.getByRole("heading", { name: "Kiểm tra nội dung đã đọc" })).toBeVisible();

  expect(await violations()).toEqual([]);
});

test("downloads are limited per user, shared by every instance: the 21st in a minute is refused in Vietnamese", async ({
  page,
}) => {
  await signIn(page, "mocchau.viewer");
  // The windows are whole minutes: start early in one, so that the 21 requests fall in the same window.
  const second = new Date().getUTCSeconds();
  if (second > 40) await page.waitForTimeout((61 - second) * 1000);
  // Any plan id: the limit is counted before the plan is looked up (a missing one answers 404).
  const url = `/api/plans/00000000-0000-4000-8000-000000000000/export/report.docx?year=${YEAR}`;
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) statuses.push((await page.request.get(url)).status());
  expect(statuses.every((s) => s === 404)).toBe(true);
  const refused = await page.request.get(url);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.text()).toMatch(
    /^Bạn đã tải tệp báo cáo 20 lần trong 60 giây, quá mức cho phép\. Vui lòng đợi \d+ giây/,
  );
});
