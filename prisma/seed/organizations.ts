import { classifyOrganization, type OrganizationKind, type Track } from "../../src/domain/organization-kind";
import { normalizeName } from "../../src/domain/vietnamese-text";
import { seedId } from "./ids";
import type { SeedRows } from "./rows";

export type Place = { unitId: string; provinceCode: string | null };

/**
 * Organisations keyed by (admin unit, normalised name), so that "Phòng Văn hoá và Thông tin" and
 * "Phòng Văn hoá và thông tin" in one district are the same agency, as the product does for users.
 */
export class OrganizationDirectory {
  private readonly known = new Set<string>();
  constructor(private readonly rows: SeedRows) {}

  ensure(input: {
    name: string;
    place: Place;
    kind?: OrganizationKind;
    track?: Track;
    parentId?: string | null;
    validFrom?: Date | null;
    validTo?: Date | null;
  }): string {
    const normalizedName = normalizeName(input.name);
    const id = seedId("org", input.place.unitId, normalizedName);
    if (this.known.has(id)) return id;
    this.known.add(id);
    const guessed = classifyOrganization(input.name);
    this.rows.organizations.push({
      id,
      name: input.name.trim(),
      normalizedName,
      kind: input.kind ?? guessed.kind,
      track: input.track ?? guessed.track,
      isCollective: (input.kind ?? guessed.kind) === "COLLECTIVE",
      adminUnitId: input.place.unitId,
      provinceCode: input.place.provinceCode,
      parentId: input.parentId ?? null,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
    });
    return id;
  }

  succeed(predecessorId: string, successorId: string, effectiveOn: Date, note?: string) {
    this.rows.organizationSuccessions.push({ predecessorId, successorId, effectiveOn, note: note ?? null });
  }
}
