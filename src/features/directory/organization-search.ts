import type { Prisma } from "@/generated/prisma/client";
import { searchTerms } from "@/domain/vietnamese-text";
import type { ScopedDb } from "@/server/db/scoped";

// Organisations found by name and place, for the type-ahead pickers (units of an account, the body
// that succeeds a closed one) and the lists that page through them. There are 32,900 of them and
// names repeat ("UBND huyện" ×10 in one province), so the server searches (organizations.searchText,
// written by a trigger from the name and the units above it) and every choice says where it is.

/** A unit and the units above it, enough to say where an organisation is. */
export const placeSelect = {
  adminUnit: {
    select: {
      fullName: true,
      era: true,
      level: true,
      parent: { select: { fullName: true, level: true, parent: { select: { fullName: true, level: true } } } },
    },
  },
} satisfies Prisma.OrganizationSelect;

type Placed = Prisma.OrganizationGetPayload<{ select: typeof placeSelect }>;

/** "Huyện Mộc Châu, Tỉnh Sơn La (trước 01/07/2025)": the unit, the units above it, and the era. */
export function placeOf(organization: Placed): string {
  const unit = organization.adminUnit;
  const names = [unit, unit.parent, unit.parent?.parent]
    .filter((u): u is NonNullable<typeof u> => Boolean(u) && u!.level !== "CENTRAL")
    .map((u) => u.fullName);
  if (names.length === 0) return "Trung ương";
  return unit.era === "PRE_2025" ? `${names.join(", ")} (trước 01/07/2025)` : names.join(", ");
}

/** Every word of the query at the start of a word of the name or place ("ubnd huyen moc chau"). */
export function organizationSearch(query: string | undefined): Prisma.OrganizationWhereInput[] {
  return searchTerms(query ?? "").map((term) => ({
    searchText: { contains: ` ${term.replace(/[\\%_]/g, (c) => `\\${c}`)}` },
  }));
}

export type OrganizationChoice = { id: string; name: string; place: string; ended: boolean };

export const PICKER_LIMIT = 20;

/** Up to 20 organisations within `within` matching the query, by name; active ones unless `ended`. */
export async function searchOrganizations(
  db: ScopedDb,
  within: Prisma.OrganizationWhereInput,
  query: string,
  options: { includeEnded?: boolean } = {},
): Promise<OrganizationChoice[]> {
  const rows = await db.organization.findMany({
    where: {
      AND: [within, ...organizationSearch(query), ...(options.includeEnded ? [] : [{ validTo: null }])],
    },
    select: { id: true, name: true, validTo: true, ...placeSelect },
    orderBy: [{ adminUnit: { level: "asc" } }, { name: "asc" }, { id: "asc" }],
    take: PICKER_LIMIT,
  });
  return rows.map((o) => ({ id: o.id, name: o.name, place: placeOf(o), ended: o.validTo !== null }));
}
