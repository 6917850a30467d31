import { managedOrganizationsWhere } from "@/features/accounts/queries";
import { searchOrganizations } from "@/features/directory/organization-search";
import { withScope } from "@/server/db/scoped";
import { routeScope } from "@/server/routes";

// The unit picker of account administration: the bodies this administrator manages (their own and
// those below), matching what is typed, each with where it is.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const scope = await routeScope("/api/admin/units");
  if (!scope) return Response.json({ choices: [] }, { status: 404 });
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const choices = await withScope(scope, (db) => searchOrganizations(db, managedOrganizationsWhere(scope), query));
  return Response.json({ choices }, { headers: { "Cache-Control": "no-store" } });
}
