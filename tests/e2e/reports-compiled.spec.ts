import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { planId } from "../../prisma/seed/plans";
import { readZipPart, textOf } from "../fixtures/export/ooxml";
import { signIn, signOut } from "./helpers";

// The province's report compiled from its localities (issue 16, part 1): the ward sends its report
// (unless reporting.spec.ts, which runs before this file in a full run, already has), then
// sonla.approver opens Tỉnh ủy Sơn La's report for the year, finds the ward's text under its name and
// the localities' tables in the downloaded Word file.

const WARD_PLAN = "25-KH/ĐU";
const WARD = "Đảng ủy phường Mộc Châu";
const PROVINCE_PLAN = planId("kh-tu-son-la-2024");
const TEXT = "Đảng ủy phường đã tổ chức hội nghị quán triệt cho 100% chi bộ trực thuộc.";
const YEAR = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
);

test("the province's report shows a ward's submitted text under its name, and its Word file names the localities", async ({
  page,
}) => {
  test.setTimeout(180_000);

  await signIn(page, "phuongmocchau.approver");
  await page.goto(`/reports?year=${YEAR}`);
  await page
    .getByTestId(`own-report-${WARD_PLAN}`)
    .getByRole("link", { name: `Báo cáo năm ${YEAR}` })
    .click();
  const status = page.getByTestId("report-status");
  await expect(status).toBeVisible();
  const sentAlready = /Đã gửi|chấp nhận/.test(await status.innerText());
  if (!sentAlready) {
    const narrative = page.getByRole("form", { name: "Nội dung báo cáo" });
    await narrative.getByLabel("I. Công tác lãnh đạo, chỉ đạo, quán triệt, tuyên truyền").fill(TEXT);
    await narrative.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByTestId("narrative-state")).toContainText("Đã lưu bản nháp");
    await page.getByRole("button", { name: /^Gửi (lại )?báo cáo$/ }).click();
    await page
      .getByRole("dialog", { name: /Gửi (lại )?báo cáo đến Tỉnh ủy Sơn La\?/ })
      .getByRole("button", { name: /^Gửi (lại )?báo cáo$/ })
      .click();
    await expect(status).toHaveText("Đã gửi, chờ duyệt");
  }
  await signOut(page);

  await signIn(page, "sonla.approver");
  await page.goto(`/plans/${PROVINCE_PLAN}/reports/${YEAR}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Báo cáo kết quả thực hiện năm ${YEAR}`);
  const compiled = page.getByTestId("compiled-section");
  await expect(compiled).toBeVisible();
  await expect(page.getByTestId(`compiled-locality-${WARD_PLAN}`)).toContainText(/Đã nộp/);
  // The districts that ended on 30/6/2025 are named with the communes that continue their work.
  await expect(compiled.getByText(/Đã kết thúc hoạt động ngày 30\/06\/2025; nay:/).first()).toBeVisible();
  const texts = page.getByTestId("compiled-texts-leadership");
  await expect(texts).toContainText(WARD);
  if (!sentAlready) await expect(texts).toContainText(TEXT);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải báo cáo (.docx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const xml = await readZipPart(await readFile((await download.path())!), "word/document.xml");
  const words = textOf(xml);
  expect(words).toContain(`TÌNH HÌNH BÁO CÁO NĂM ${YEAR} CỦA CÁC ĐỊA PHƯƠNG`);
  expect(words).toContain(WARD);
  expect(words).toContain("Thị ủy Mộc Châu");

  // Tỉnh ủy Sơn La reports to the Central committee, which is only recorded here: the report is sent as
  // a signed document, then frozen ("chốt") in the app, with nobody in it asked to review it.
  if (!/Đã chốt/.test(await status.innerText())) {
    await expect(page.getByTestId("sent-outside")).toContainText("bằng văn bản, ngoài hệ thống");
    await expect(page.getByRole("button", { name: /^Gửi (lại )?báo cáo$/ })).toHaveCount(0);
    await page.getByRole("button", { name: "Chốt báo cáo đã gửi" }).click();
    await page
      .getByRole("dialog", { name: "Chốt báo cáo đã gửi?" })
      .getByRole("button", { name: "Chốt báo cáo đã gửi" })
      .click();
  }
  await expect(status).toHaveText("Đã chốt, gửi ngoài hệ thống");
  await expect(page.getByTestId("compiled-section")).toBeVisible();
});
