import { liveness } from "@/server/health";

// Liveness: the process answers. No database, no session (see src/server/health.ts).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(liveness(), { headers: { "Cache-Control": "no-store" } });
}
