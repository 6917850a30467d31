import { managedOrganizationsWhere } from "@/features/accounts/queries";
import { searchOrganizations } from "@/features/directory/organization-search";
import { withScope } from "@/server/db/scoped";
import { routeScope } from "@/server/routes";

// The unit picker of account administration: the bodies this administrator manages (their own and
// those below), matching what is typed, each with where it is and whether it has ended.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const scope = await routeScope("/api/admin/units");
  if (!scope) return Response.json({ choices: [] }, { status: 404 });
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  // Bodies that have ended are offered too, marked as such: their accounts are still managed.
  const choices = await withScope(scope, (db) =>
    searchOrganizations(db, managedOrganizationsWhere(scope), query, { includeEnded: true }),
  );
  return Response.json({ choices }, { headers: { "Cache-Control": "no-store" } });
}
