import { stat } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./helpers";

// The demo commune (Đảng ủy phường Mộc Châu, plan 25-KH/ĐU implementing the Sơn La plan) reports its
// year: the editor enters results in the grid, the commune's approver submits, the province
// (sonla.approver) returns it with a comment, the commune corrects and resubmits, the province
// accepts, and both files download.

const PLAN = "25-KH/ĐU";
const YEAR = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
);
const RETURN_COMMENT = "Đề nghị bổ sung đánh giá nguyên nhân chỉ tiêu 2.1 chưa đạt.";

async function openOwnReport(page: Page) {
  await page.goto(`/reports?year=${YEAR}`);
  await page
    .getByTestId(`own-report-${PLAN}`)
    .getByRole("link", { name: `Báo cáo năm ${YEAR}` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Báo cáo kết quả thực hiện năm ${YEAR}`);
}

async function openChildReport(page: Page) {
  await page.goto(`/reports?year=${YEAR}`);
  const row = page.getByTestId(`child-report-${PLAN}`);
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: "Mở báo cáo của Đảng ủy phường Mộc Châu" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Báo cáo kết quả thực hiện năm ${YEAR}`);
}

test("a commune's yearly report: enter → submit → returned → resubmit → accepted, then both files download", async ({
  page,
}) => {
  test.setTimeout(240_000);

  // 1. The commune's editor enters the year's results from the keyboard and from a column pasted from Excel.
  await signIn(page, "phuongmocchau.editor");
  await page.goto(`/reports?year=${YEAR}`);
  await page
    .getByTestId(`own-report-${PLAN}`)
    .getByRole("link", { name: `Nhập kết quả năm ${YEAR}` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kết quả thực hiện năm ${YEAR}`);
  const grid = page.getByRole("table", { name: `Kết quả thực hiện chỉ tiêu năm ${YEAR}` });
  const actualCell = (code: string) => grid.getByTestId(`result-${code}`).getByRole("textbox", { name: /^Thực hiện/ });

  await actualCell("1.1").fill("98.5");
  await expect(grid.getByTestId("result-1.1").getByTestId("cell-error")).toContainText("Không đọc được “98.5”");
  await expect(actualCell("1.1")).toHaveValue("98.5");
  await actualCell("1.1").fill("98,5");
  await expect(grid.getByTestId("result-1.1").getByTestId("cell-error")).toHaveCount(0);
  await expect(grid.getByTestId("result-1.1")).toContainText(/Đạt\/vượt|Đúng tiến độ|Có nguy cơ|Chậm tiến độ/);
  await actualCell("1.1").press("Enter");
  await expect(actualCell("2.1")).toBeFocused();

  // A column copied from Excel fills the cells below the one that has focus.
  await actualCell("2.1").evaluate((input) => {
    const data = new DataTransfer();
    data.setData("text/plain", "4,2\r\n45\r\n");
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(actualCell("2.1")).toHaveValue("4,2");
  await expect(actualCell("2.2")).toHaveValue("45");
  await page.getByRole("button", { name: "Lưu kết quả" }).click();
  await expect(page.getByTestId("results-save-state")).toContainText("Đã lưu 3 thay đổi");

  const tasks = page.getByRole("table", { name: `Tiến độ thực hiện nhiệm vụ năm ${YEAR}` });
  await tasks.getByRole("combobox").first().selectOption("IN_PROGRESS");
  await tasks.getByRole("textbox").first().fill("Đã tổ chức hội nghị quán triệt cho toàn bộ chi bộ trực thuộc.");
  await page.getByRole("button", { name: "Lưu tiến độ nhiệm vụ" }).click();
  await expect(page.getByTestId("progress-save-state")).toContainText("Đã lưu");

  // The report: the draft opens on the first visit; the results tables are filled in from the data.
  await page.getByRole("link", { name: `Báo cáo năm ${YEAR} →` }).click();
  await expect(page.getByTestId("report-status")).toHaveText("Dự thảo");
  // The draft's preview is built when asked for.
  await expect(page.getByTestId("report-document")).toHaveCount(0);
  await page.getByRole("button", { name: "Xem bản xem trước" }).click();
  await expect(page.getByTestId("report-document")).toContainText("98,5");
  const narrative = page.getByRole("form", { name: "Nội dung báo cáo" });
  await narrative
    .getByLabel("I. Công tác lãnh đạo, chỉ đạo, quán triệt, tuyên truyền")
    .fill("Đảng ủy phường đã quán triệt Nghị quyết đến toàn thể cán bộ, đảng viên.");
  await narrative
    .getByLabel("II. Kết quả thực hiện nhiệm vụ và chỉ tiêu")
    .fill("Các chỉ tiêu cơ bản đạt tiến độ đề ra.");
  await narrative.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByTestId("narrative-state")).toContainText("Đã lưu bản nháp");
  await expect(page.getByRole("button", { name: "Gửi báo cáo" })).toHaveCount(0);
  await signOut(page);

  // 2. The commune's approver submits. Sending cannot be undone: it asks first and lists what is
  // empty (issue #13, point 6). Escape goes back without sending.
  await signIn(page, "phuongmocchau.approver");
  await openOwnReport(page);
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  let confirm = page.getByRole("dialog", { name: "Gửi báo cáo đến Tỉnh ủy Sơn La?" });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByTestId("missing-list")).toContainText("Số báo cáo");
  await expect(confirm.getByTestId("missing-list")).toContainText("Phần “III. Hạn chế, nguyên nhân” chưa có nội dung");
  await expect(confirm.getByTestId("missing-list")).not.toContainText("Phần “I.");
  await expect(confirm.getByRole("button", { name: "Quay lại sửa" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("report-status")).toHaveText("Dự thảo");

  // The report's own number, saved with the narrative, is printed on it: an open preview follows the
  // save, and the form keeps the saved text (the page is not re-rendered by a save).
  await page.getByRole("button", { name: "Xem bản xem trước" }).click();
  await expect(page.getByTestId("report-document")).toContainText("BC/ĐU");
  await expect(page.getByTestId("report-document")).not.toContainText("45-BC/ĐU");
  const numbered = page.getByRole("form", { name: "Nội dung báo cáo" });
  await numbered.getByLabel("Số báo cáo").fill("45");
  await numbered.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByTestId("narrative-state")).toContainText("Đã lưu bản nháp");
  await expect(numbered.getByLabel("Số báo cáo")).toHaveValue("45");
  await expect(page.getByTestId("report-document")).toContainText("45-BC/ĐU");
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  confirm = page.getByRole("dialog", { name: "Gửi báo cáo đến Tỉnh ủy Sơn La?" });
  await expect(confirm.getByTestId("missing-list")).not.toContainText("Số báo cáo");
  // From the keyboard: Tab from "Quay lại sửa" to the confirming button, Enter.
  await page.keyboard.press("Tab");
  await expect(confirm.getByRole("button", { name: "Gửi báo cáo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("report-status")).toHaveText("Đã gửi, chờ duyệt");
  await page.getByRole("button", { name: "Xem bản đã gửi" }).click();
  await expect(page.getByTestId("report-document")).toContainText("45-BC/ĐU");
  await expect(page.getByTestId("submission-1")).toBeVisible();
  await signOut(page);

  // 3. The province returns it: a comment is required.
  await signIn(page, "sonla.approver");
  await openChildReport(page);
  const review = page.getByRole("form", { name: "Xem xét báo cáo" });
  await review.getByRole("button", { name: "Trả lại để hoàn chỉnh" }).click();
  await expect(review).toContainText("Hãy ghi rõ ý kiến khi trả lại báo cáo");
  await review.getByLabel("Ý kiến của cấp trên").fill(RETURN_COMMENT);
  await review.getByRole("button", { name: "Trả lại để hoàn chỉnh" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("Bị trả lại");
  await signOut(page);

  // 4. The commune corrects and resubmits: a new submission; the first stays readable.
  await signIn(page, "phuongmocchau.approver");
  await openOwnReport(page);
  await expect(page.getByTestId("return-comment")).toHaveText(RETURN_COMMENT);
  const correction = page.getByRole("form", { name: "Nội dung báo cáo" });
  await correction
    .getByLabel("III. Hạn chế, nguyên nhân")
    .fill("Tỷ lệ thất nghiệp còn cao do lao động nông nghiệp chuyển đổi nghề chậm.");
  await correction.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByTestId("narrative-state")).toContainText("Đã lưu bản nháp");
  await page.getByRole("button", { name: "Gửi lại báo cáo" }).click();
  await page
    .getByRole("dialog", { name: "Gửi lại báo cáo đến Tỉnh ủy Sơn La?" })
    .getByRole("button", { name: "Gửi lại báo cáo" })
    .click();
  await expect(page.getByTestId("report-status")).toHaveText("Đã gửi, chờ duyệt");
  await expect(page.getByTestId("submission-2")).toBeVisible();
  await expect(page.getByTestId("submission-1")).toContainText("Bị trả lại");
  await signOut(page);

  // 5. The province accepts, reads the first submission as it was sent, and downloads both files.
  await signIn(page, "sonla.approver");
  await openChildReport(page);
  await page.getByRole("button", { name: "Xem bản đã gửi" }).click();
  await expect(page.getByTestId("report-document")).toContainText("Tỷ lệ thất nghiệp còn cao");
  await page.getByRole("form", { name: "Xem xét báo cáo" }).getByRole("button", { name: "Chấp nhận báo cáo" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("Đã được chấp nhận");

  await page.getByTestId("submission-1").getByRole("link", { name: "Lần gửi 1" }).click();
  await expect(page.getByRole("heading", { name: /Bản đã gửi lần 1/ })).toBeVisible();
  await page.getByRole("button", { name: "Xem bản đã gửi" }).click();
  await expect(page.getByTestId("report-document")).toContainText("45-BC/ĐU");
  await expect(page.getByTestId("report-document")).not.toContainText("Tỷ lệ thất nghiệp còn cao");
  await page.getByRole("link", { name: "Về bản hiện tại" }).click();

  for (const [label, extension] of [
    ["Tải báo cáo (.docx)", ".docx"],
    ["Tải phụ lục chỉ tiêu (.xlsx)", ".xlsx"],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: label }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`${extension.replace(".", "\\.")}$`));
    expect(download.suggestedFilename()).toContain(String(YEAR));
    const path = await download.path();
    expect((await stat(path)).size).toBeGreaterThan(1000);
  }

  // The body above sees who has reported.
  await page.goto(`/reports?year=${YEAR}`);
  await expect(page.getByTestId(`child-report-${PLAN}`)).toContainText("Đã được chấp nhận");
  await expect(page.getByTestId("children-summary")).toContainText("Đã gửi");
});
