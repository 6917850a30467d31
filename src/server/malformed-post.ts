// A browser without JavaScript posts a form as multipart/form-data to the page itself; Next runs the
// server action named in the form's hidden $ACTION_ fields. A multipart post Next cannot read (a
// broken body, or no action in it) made Next answer 500 ("Failed to parse body as FormData") or an
// English "Invalid Server Action request." Here, in the proxy and before Next, such a post is
// answered 400 with a Vietnamese page. Posts made by the application's own JavaScript carry the
// Next-Action header and are left to Next; so are well-formed posts naming an action.

const PAGE = (message: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Yêu cầu không hợp lệ</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
<h1>Yêu cầu không hợp lệ</h1><p>${message}</p><p><a href="/plans">Về trang Kế hoạch</a></p></body></html>`;

export const MALFORMED_POST_MESSAGE =
  "Không đọc được dữ liệu biểu mẫu gửi lên. Hãy tải lại trang rồi gửi lại; nếu trình duyệt đang tắt JavaScript, hãy bật lên.";

/** A 400 response for a multipart post Next could not handle, or null to let the request through. */
export async function refuseMalformedPost(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || request.headers.has("next-action")) return null;
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) return null;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return refuse();
  }
  for (const key of form.keys()) if (key.startsWith("$ACTION_")) return null;
  return refuse();
}

function refuse(): Response {
  return new Response(PAGE(MALFORMED_POST_MESSAGE), {
    status: 400,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
