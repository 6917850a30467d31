// What a page request gets while PostgreSQL is unreachable: a plain Vietnamese page with status 503,
// reloading itself every 10 seconds (no script, so no Content-Security-Policy concern).

export const UNAVAILABLE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="10">
<title>Hệ thống tạm thời gián đoạn · Theo dõi thực hiện kế hoạch</title>
<style>
  body { font-family: system-ui, sans-serif; color: #1c1917; background: #fafaf9; margin: 0; }
  main { max-width: 36rem; margin: 4rem auto; padding: 0 1.5rem; }
  h1 { font-size: 1.5rem; }
  p { line-height: 1.6; color: #44403c; }
</style>
</head>
<body>
<main>
  <h1>Hệ thống tạm thời gián đoạn</h1>
  <p>Cơ sở dữ liệu đang được khởi động lại hoặc tạm thời không truy cập được. Dữ liệu đã lưu trước đó
  vẫn được giữ nguyên.</p>
  <p>Trang này tự tải lại sau mỗi 10 giây và sẽ mở lại khi hệ thống sẵn sàng. Nếu bạn đang nhập dữ liệu
  ở một trang khác, đừng đóng trang đó: hãy bấm lưu lại sau ít phút.</p>
</main>
</body>
</html>
`;

/** Requests the gate answers with the page above: pages and downloads, not Next's own files, not health, not form posts. */
export function isGatedRequest(method: string | undefined, url: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  const path = (url ?? "/").split("?")[0]!;
  return !path.startsWith("/_next/") && !path.startsWith("/api/health") && path !== "/favicon.ico";
}
