import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";

// Extensions ("gia hạn", ADR 0029): the province (sonla.approver, an approver of Tỉnh ủy Sơn La, the
// body the demo ward's report is addressed to) grants Đảng ủy phường Mộc Châu a later due date with
// a reason; the ward's own report page then shows the original deadline, the extension and why.

const PLAN = "25-KH/ĐU";
const YEAR = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
);
const REASON = "Địa bàn bị lũ quét chia cắt, chưa tổng hợp được số liệu";

test("the province grants the ward an extension and the ward sees both dates", async ({ page }) => {
  test.setTimeout(120_000);

  await signIn(page, "sonla.approver");
  await page.goto(`/reports?year=${YEAR}`);
  const row = page.getByTestId(`child-report-${PLAN}`);
  await expect(row).toContainText(`15/12/${YEAR}`);
  // The list shows the localities' due day and the province's own.
  await expect(page.getByTestId("cascade-deadlines")).toContainText(`cấp dưới nộp trước 15/12/${YEAR}`);
  await row.getByRole("link", { name: "Mở báo cáo của Đảng ủy phường Mộc Châu" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Báo cáo kết quả thực hiện năm ${YEAR}`);

  const form = page.getByRole("form", { name: "Gia hạn nộp báo cáo" });
  await expect(form).toContainText(`hạn hiện tại 15/12/${YEAR}`);
  // A date not after the deadline and a reason too short are refused beside their fields, kept as typed.
  await form.getByLabel("Gia hạn đến ngày").fill(`10/12/${YEAR}`);
  await form.getByLabel("Lý do gia hạn").fill("lũ");
  await form.getByRole("button", { name: "Gia hạn" }).click();
  await expect(form).toContainText("Hãy ghi lý do gia hạn (ít nhất 5 ký tự)");
  await expect(form.getByLabel("Gia hạn đến ngày")).toHaveValue(`10/12/${YEAR}`);
  await form.getByLabel("Lý do gia hạn").fill(REASON);
  await form.getByRole("button", { name: "Gia hạn" }).click();
  await expect(form).toContainText(`Ngày gia hạn phải sau hạn hiện tại (15/12/${YEAR})`);
  await expect(form.getByLabel("Lý do gia hạn")).toHaveValue(REASON);

  await form.getByLabel("Gia hạn đến ngày").fill(`28/12/${YEAR}`);
  await form.getByRole("button", { name: "Gia hạn" }).click();
  await expect(page.getByTestId("report-due")).toContainText(
    `Hạn gốc 15/12/${YEAR}, gia hạn đến 28/12/${YEAR}: ${REASON}`,
  );
  await expect(page.getByTestId("extension")).toContainText(`Từ 15/12/${YEAR} đến 28/12/${YEAR}`);
  await page.goto(`/reports?year=${YEAR}`);
  await expect(page.getByTestId(`child-report-${PLAN}`)).toContainText(`gia hạn đến 28/12/${YEAR}`);
  await signOut(page);

  // The ward sees the original deadline, the extension and the body that set them.
  await signIn(page, "phuongmocchau.editor");
  await page.goto(`/reports?year=${YEAR}`);
  await page
    .getByTestId(`own-report-${PLAN}`)
    .getByRole("link", { name: `Báo cáo năm ${YEAR}` })
    .click();
  await expect(page.getByTestId("report-due")).toHaveText(
    `Hạn gốc 15/12/${YEAR}, gia hạn đến 28/12/${YEAR}: ${REASON} (do Tỉnh ủy Sơn La quy định)`,
  );
  // Not the reviewer: no extension form here.
  await expect(page.getByRole("form", { name: "Gia hạn nộp báo cáo" })).toHaveCount(0);
});

// The aggregation method of one indicator has its own small form on the plan page (ADR 0029), not
// in the plan editor: sonla.editor sets indicator 3.1 of the Sơn La plan to a weighted average.
test("the province's editor sets how an indicator's localities combine, on the plan page", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "sonla.editor");
  await page.goto(`/reports?year=${YEAR}`);
  await page
    .getByTestId(`child-report-${PLAN}`)
    .getByRole("link", { name: /Đảng ủy phường Mộc Châu/ })
    .click();
  await page
    .getByRole("navigation", { name: "Đường dẫn" })
    .getByRole("link", { name: `Kế hoạch ${PLAN}` })
    .click();
  await page.getByRole("navigation", { name: "Chuỗi văn bản cấp trên" }).getByRole("link").last().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const settings = page.getByTestId("aggregation-settings");
  await settings.getByText("Cách tổng hợp số liệu của các địa phương").click();
  const form = settings.getByRole("form", { name: "Cách tổng hợp số liệu của chỉ tiêu" });
  const rate = /^3\.1\. Tỷ lệ lực lượng lao động/;
  const chooseIndicator = async () => {
    const option = await form
      .getByLabel("Chỉ tiêu", { exact: true })
      .locator("option")
      .filter({ hasText: rate })
      .getAttribute("value");
    await form.getByLabel("Chỉ tiêu", { exact: true }).selectOption(option!);
  };
  await chooseIndicator();
  await form.getByLabel("Cách tổng hợp").selectOption("WEIGHTED_AVERAGE");
  await form.getByRole("button", { name: "Lưu cách tổng hợp" }).click();
  await expect(form).toContainText("Hãy chọn chỉ tiêu làm trọng số");
  const weight = await form
    .getByLabel("Trọng số theo chỉ tiêu")
    .locator("option")
    .filter({ hasText: /^3\.2\. / })
    .getAttribute("value");
  await form.getByLabel("Trọng số theo chỉ tiêu").selectOption(weight!);
  await form.getByRole("button", { name: "Lưu cách tổng hợp" }).click();
  await expect(form).toContainText("Đã lưu.");

  await page.reload();
  await settings.getByText("Cách tổng hợp số liệu của các địa phương").click();
  await chooseIndicator();
  await expect(form.getByLabel("Cách tổng hợp")).toHaveValue("WEIGHTED_AVERAGE");
  await expect(form.getByLabel("Trọng số theo chỉ tiêu")).toHaveValue(weight!);
});
