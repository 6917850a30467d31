// The words of a scan job's progress, apart from scan-text.ts: the import page's client component
// uses them, and scan-text.ts brings zod, whose start-up probe of eval the page's CSP would report.

export type ScanStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "CANCELLED";

/** What the import page shows of a job's progress ("Đang nhận dạng trang 3/8"). */
export function scanProgressLabel(status: ScanStatus, pagesDone: number, pagesTotal: number): string {
  switch (status) {
    case "QUEUED":
      return "Đang chờ đến lượt nhận dạng…";
    case "RUNNING":
      return `Đang nhận dạng trang ${Math.min(pagesDone + 1, pagesTotal)}/${pagesTotal}`;
    case "DONE":
      return `Đã nhận dạng xong ${pagesTotal}/${pagesTotal} trang`;
    case "FAILED":
      return "Nhận dạng không thành công";
    case "CANCELLED":
      return "Đã hủy nhận dạng";
  }
}
