import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The print view as a browser prints it (Chromium's PDF, read back page by page with pdftotext, which
// .ci/run installs), and the province comparison downloaded from the dashboard.

const PLAN = "25-KH/ĐU";
const YEAR = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
);

function pagesOf(pdf: Buffer): string[] {
  const text = execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf, encoding: "utf8" });
  return text
    .split("\f")
    .slice(0, -1)
    .map((page) =>
      page
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter(Boolean)
        .join("\n"),
    );
}

test("the ward's report prints with the signature beside the end of the text, numbered pages and DỰ THẢO", async ({
  page,
}) => {
  await signIn(page, "phuongmocchau.editor");
  await page.goto(`/reports?year=${YEAR}`);
  await page
    .getByTestId(`own-report-${PLAN}`)
    .getByRole("link", { name: `Báo cáo năm ${YEAR}` })
    .click();
  await page.getByRole("link", { name: "Bản in (A4)" }).click();
  await expect(page.getByTestId("report-closing")).toContainText("Nơi nhận:");

  await page.emulateMedia({ media: "print" });
  const pages = pagesOf(await page.pdf({ preferCSSPageSize: true }));
  expect(pages.length).toBeGreaterThan(3);
  const first = pages[0]!.split("\n");
  expect(first[0]).toBe("DỰ THẢO");
  expect(first).toContain("ĐẢNG ỦY PHƯỜNG MỘC CHÂU");
  // NĐ 30: no number on the first page, then 2, 3 … at the top.
  expect(pages[1]!.split("\n")[0]).toBe("2");
  const signed = pages.findIndex((text) => text.includes("Nơi nhận:"));
  expect(pages[signed]).toContain("Trên đây là báo cáo kết quả thực hiện kế hoạch số 25-KH/ĐU");
  expect(pages[signed]).toContain("T/M BAN THƯỜNG VỤ");
  // The appendix follows on its own page; a task is never cut off with "…".
  expect(pages[signed + 1]!.split("\n")).toContain("PHỤ LỤC");
  expect(pages.join("\n")).not.toContain("…");
});

test("the dashboard offers the province's comparison workbook", async ({ page }) => {
  await signIn(page, "sonla.approver");
  await page.goto("/dashboard");
  const button = page.getByRole("button", { name: "Tải bảng so sánh các địa phương (.xlsx)" });
  await expect(button).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^So sánh các địa phương năm \d{4} - Tỉnh Sơn La\.xlsx$/);
  const file = await readFile((await download.path())!);
  expect(file.subarray(0, 2).toString("latin1")).toBe("PK");
  await expect(page.getByText(/Đã tải: So sánh các địa phương/)).toBeVisible();
});
