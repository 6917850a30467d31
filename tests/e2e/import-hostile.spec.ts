import path from "node:path";
import { expect, test } from "@playwright/test";
import { craftDocx, documentXml, paragraphXml } from "../../src/features/import/fuzz/craft-zip";
import { LIMIT_MESSAGES } from "../../src/features/import/limits";
import { signIn } from "./helpers";

// Issue 12: uploads that once took the whole service down (a 1.7 KB .docx counting to 10^12 in
// Roman numerals, a zip bomb) are read in a worker thread of the production build, with its limits:
// the uploader gets a message, another official keeps working, and the next upload is read.

const EA_SUP = path.resolve(import.meta.dirname, "../fixtures/import/ea-sup-ubnd-huyen-ke-hoach-2024.md");
const FILE_INPUT = "Tệp văn bản (.docx, .pdf, .md, .txt)";

const romanBomb = craftDocx({
  document: documentXml(
    [
      paragraphXml("KẾ HOẠCH"),
      paragraphXml("Thực hiện Nghị quyết số 42-NQ/TW"),
      paragraphXml("NHIỆM VỤ, GIẢI PHÁP", { numId: 1, ilvl: 0 }),
    ].join(""),
  ),
  numbering:
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1000000000000"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
});
const zipBomb = craftDocx({ document: Buffer.from(documentXml(paragraphXml("a").repeat(700_000))) });

test("hostile Word files get a message from the worker thread while another official keeps working", async ({
  page,
  browser,
}) => {
  await signIn(page, "easup.editor");
  await page.goto("/import");

  const input = page.getByLabel(FILE_INPUT);
  await input.setInputFiles({ name: "bom.docx", mimeType: "application/octet-stream", buffer: zipBomb });
  await page.getByRole("button", { name: "Đọc tệp" }).click();
  await expect(page.getByTestId("import-error")).toHaveText(LIMIT_MESSAGES.unpackedTooLarge);

  await input.setInputFiles({ name: "la-ma.docx", mimeType: "application/octet-stream", buffer: romanBomb });
  await page.getByRole("button", { name: "Đọc tệp" }).click();
  await expect(page.getByRole("heading", { name: "Kiểm tra nội dung đã đọc" })).toBeVisible();

  // Another official, in another session, is served as usual.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "sonla.approver");
  await expect(otherPage.getByRole("table", { name: "Danh sách kế hoạch" })).toContainText("Tỉnh ủy Sơn La");
  await other.close();

  // And the next real document is read.
  await page.goto("/import");
  await page.getByLabel(FILE_INPUT).setInputFiles(EA_SUP);
  await page.getByRole("button", { name: "Đọc tệp" }).click();
  await expect(page.getByText("Đã đọc 32 nhiệm vụ")).toBeVisible();
});
