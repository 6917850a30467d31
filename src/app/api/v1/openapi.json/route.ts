import { openApiDocument } from "@/features/api/openapi";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers validate with.
// Public: it describes the interface, not data.

export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
