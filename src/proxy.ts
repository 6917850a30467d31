import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedPost } from "@/server/malformed-post";

// Next's request proxy (formerly middleware): runs before every page and route.

export async function proxy(request: NextRequest) {
  return (await refuseMalformedPost(request)) ?? NextResponse.next();
}

export const config = {
  // Pages and server actions; not Next's static files.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
