import { searchOrganizations } from "@/features/directory/organization-search";
import { withScope } from "@/server/db/scoped";
import { routeScope } from "@/server/routes";

// The organisation picker of the organisation tree (system administrators): any body, optionally of
// one province (`province`), active ones only unless `ended=1`.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const scope = await routeScope("/api/admin/organizations");
  if (!scope) return Response.json({ choices: [] }, { status: 404 });
  const params = new URL(request.url).searchParams;
  const query = (params.get("q") ?? "").slice(0, 100);
  const province = params.get("province");
  const within = province && /^\d{2}$/.test(province) ? { provinceCode: province } : {};
  const choices = await withScope(scope, (db) =>
    searchOrganizations(db, within, query, { includeEnded: params.get("ended") === "1" }),
  );
  return Response.json({ choices }, { headers: { "Cache-Control": "no-store" } });
}
