import { readiness } from "@/server/health";

// Readiness: 200 when PostgreSQL answers and the migrations are current, else 503 with the reason.
export const dynamic = "force-dynamic";

export async function GET() {
  const result = await readiness();
  return Response.json(result, {
    status: result.status === "ready" ? 200 : 503,
    headers: { "Cache-Control": "no-store", ...(result.status === "ready" ? {} : { "Retry-After": "5" }) },
  });
}
