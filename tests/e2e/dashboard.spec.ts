import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the province's dashboard: filter by an indicator group, then drill down to a locality's plan", async ({
  page,
}) => {
  await signIn(page, "sonla.approver");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng hợp các địa phương");
  await expect(page.getByText("Tỉnh ủy Sơn La").first()).toBeVisible();

  const matrix = page.getByRole("table", { name: /Tình trạng thực hiện chỉ tiêu/ });
  await expect(matrix).toBeVisible();
  // Every locality is a row: the twelve pre-2025 districts (attributed to their successors) and the ward.
  await expect(matrix.getByRole("link", { name: "Thị ủy Mộc Châu" })).toBeVisible();
  await expect(matrix.getByRole("link", { name: "Đảng ủy phường Mộc Châu" })).toBeVisible();
  await expect(page.getByText(/văn bản do cơ quan đã kết thúc hoạt động ban hành/)).toBeVisible();
  // Colour is never alone: the cells carry text labels, explained by the legend.
  await expect(page.getByRole("list", { name: "Chú giải tình trạng" })).toContainText("Chậm tiến độ");
  await expect(matrix.getByRole("columnheader", { name: "Giáo dục", exact: true })).toBeVisible();

  // The children's targets weaker than the province's are on a page of their own (costly to compute).
  await page.getByRole("link", { name: "Xem danh sách chỉ tiêu thấp hơn cấp trên" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chỉ tiêu cấp dưới thấp hơn cấp trên");
  await page
    .getByRole("navigation", { name: "Đường dẫn" })
    .getByRole("link", { name: "Tổng hợp các địa phương" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng hợp các địa phương");

  await page.getByLabel("Nhóm chỉ tiêu").selectOption("Dân số, y tế");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/group=D%C3%A2n/);
  await expect(page.getByRole("heading", { level: 2, name: /nhóm “Dân số, y tế”/ })).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: "Dân số, y tế", exact: true })).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: "Giáo dục", exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Nhóm chỉ tiêu")).toHaveValue("Dân số, y tế");

  await matrix.getByRole("link", { name: "Thị ủy Mộc Châu" }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}\/dashboard/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bảng theo dõi");
  await expect(page.getByText("Thị ủy Mộc Châu").first()).toBeVisible();
  await expect(page.getByText("dữ liệu minh họa").first()).toBeVisible();
  // The locality's dashboard opens on the group the matrix was filtered by, its tab marked.
  const groupTabs = page.getByRole("navigation", { name: "Nhóm chỉ tiêu" });
  await expect(groupTabs.getByRole("link", { name: /Dân số, y tế/ })).toHaveAttribute("aria-current", "page");
  // The title names the group and the plan, so that dashboards open in several tabs can be told apart.
  await expect(page).toHaveTitle(/^Dân số, y tế · Bảng theo dõi .+ \(Thị ủy Mộc Châu\)/);
  await expect(page.getByRole("heading", { level: 2, name: "Dân số, y tế" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Giáo dục" })).toHaveCount(0);
  // Each chart has its numbers in a table beside it.
  await expect(page.getByRole("table", { name: /Số liệu của chỉ tiêu Tỷ lệ bao phủ bảo hiểm y tế/ })).toContainText(
    "Mục tiêu 2030",
  );
  // Another group's tab shows that group's cards instead; "all groups" shows every one.
  await groupTabs.getByRole("link", { name: /Giáo dục/ }).click();
  await expect(page).toHaveURL(/group=Gi%C3%A1o/);
  await expect(page.getByRole("heading", { level: 2, name: "Giáo dục" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Dân số, y tế" })).toHaveCount(0);
  await groupTabs.getByRole("link", { name: "Tất cả các nhóm" }).click();
  await expect(groupTabs.getByRole("link", { name: "Tất cả các nhóm" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: "Dân số, y tế" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Giáo dục" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "Nhiệm vụ theo tình trạng và cơ quan chủ trì" }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "Nhiệm vụ theo cơ quan chủ trì" })).toContainText(
    "Ban Tuyên giáo Thị ủy Mộc Châu",
  );
});
