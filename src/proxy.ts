import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedPost } from "@/server/malformed-post";

// Next's request proxy (formerly middleware). Running a proxy costs several milliseconds of CPU per
// request (measured under `npm run load`, ADR 0020), so it runs only where it has work to do: form
// posts sent without JavaScript (multipart, no Next-Action header), which Next answers with a 500
// when it cannot read them. Security headers and request logs are set where requests enter Node
// (src/instrumentation.ts), not here.

export async function proxy(request: NextRequest) {
  return (await refuseMalformedPost(request)) ?? NextResponse.next();
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }],
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
