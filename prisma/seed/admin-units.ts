import { readFile } from "node:fs/promises";
import path from "node:path";
import type { SeedRows } from "./rows";
import { seedId } from "./ids";

// Loads both structures of data/vn-admin-units.json: today's 34 provinces and 3,321 communes, and the
// 63 provinces, 691 districts and 10,047 communes before 1/7/2025, with the successor links between them.

type Commune2025 = { code: string; name: string; fullName: string };
type Province2025 = { code: string; name: string; fullName: string; communes: Commune2025[] };
type Commune2024 = { code: string; fullName: string; successors?: { code: string; fullName: string }[] };
type District2024 = { code: string; fullName: string; communes: Commune2024[] };
type Province2024 = { code: string; fullName: string; successorProvinceCodes: string[]; districts: District2024[] };
type AdminData = { provinces2025: Province2025[]; provinces2024: Province2024[] };

export const REORGANISED_ON = new Date("2025-07-01");
export const LAST_DAY_BEFORE = new Date("2025-06-30");

export const unitId = {
  central: () => seedId("unit", "FROM_2025", "CENTRAL", "VN"),
  province2025: (code: string) => seedId("unit", "FROM_2025", "PROVINCE", code),
  commune2025: (code: string) => seedId("unit", "FROM_2025", "COMMUNE", code),
  province2024: (code: string) => seedId("unit", "PRE_2025", "PROVINCE", code),
  district2024: (code: string) => seedId("unit", "PRE_2025", "DISTRICT", code),
  commune2024: (code: string) => seedId("unit", "PRE_2025", "COMMUNE", code),
};

/** "Thành phố Hà Nội" → "Hà Nội", "Huyện Ea Súp" → "Ea Súp". */
function shortName(fullName: string): string {
  return fullName.replace(/^(Tỉnh|Thành phố|Thành Phố|Huyện|Quận|Thị xã|Thị Xã|Xã|Phường|Thị trấn|Đặc khu)\s+/u, "");
}

export type AdminIndex = {
  data: AdminData;
  /** The 2025 province code every 2024 district went into. */
  provinceOfDistrict2024: Map<string, string>;
  /** The 2025 communes each 2024 district's communes went into. */
  successorCommunesOfDistrict: Map<string, Commune2025[]>;
};

export async function loadAdminUnits(rows: SeedRows): Promise<AdminIndex> {
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), "data", "vn-admin-units.json");
  const data = JSON.parse(await readFile(file, "utf8")) as AdminData;
  const central = unitId.central();
  rows.adminUnits.push({
    id: central,
    era: "FROM_2025",
    level: "CENTRAL",
    code: "VN",
    name: "Trung ương",
    fullName: "Trung ương",
    parentId: null,
    provinceCode: null,
    validFrom: null,
    validTo: null,
  });

  const communes2025 = new Map<string, Commune2025>();
  for (const province of data.provinces2025) {
    const provinceId = unitId.province2025(province.code);
    rows.adminUnits.push({
      id: provinceId,
      era: "FROM_2025",
      level: "PROVINCE",
      code: province.code,
      name: province.name,
      fullName: province.fullName,
      parentId: central,
      provinceCode: province.code,
      validFrom: REORGANISED_ON,
      validTo: null,
    });
    for (const commune of province.communes) {
      communes2025.set(commune.code, commune);
      rows.adminUnits.push({
        id: unitId.commune2025(commune.code),
        era: "FROM_2025",
        level: "COMMUNE",
        code: commune.code,
        name: commune.name,
        fullName: commune.fullName,
        parentId: provinceId,
        provinceCode: province.code,
        validFrom: REORGANISED_ON,
        validTo: null,
      });
    }
  }

  const provinceOfDistrict2024 = new Map<string, string>();
  const successorCommunesOfDistrict = new Map<string, Commune2025[]>();
  for (const province of data.provinces2024) {
    const provinceId = unitId.province2024(province.code);
    const successorProvince = province.successorProvinceCodes[0] ?? null;
    rows.adminUnits.push({
      id: provinceId,
      era: "PRE_2025",
      level: "PROVINCE",
      code: province.code,
      name: shortName(province.fullName),
      fullName: province.fullName,
      parentId: central,
      provinceCode: successorProvince,
      validFrom: null,
      validTo: LAST_DAY_BEFORE,
    });
    for (const code of province.successorProvinceCodes) {
      rows.adminSuccessions.push({
        predecessorId: provinceId,
        successorId: unitId.province2025(code),
        effectiveOn: REORGANISED_ON,
        isVerified: false,
      });
    }
    for (const district of province.districts) {
      const districtId = unitId.district2024(district.code);
      if (successorProvince) provinceOfDistrict2024.set(district.code, successorProvince);
      rows.adminUnits.push({
        id: districtId,
        era: "PRE_2025",
        level: "DISTRICT",
        code: district.code,
        name: shortName(district.fullName),
        fullName: district.fullName,
        parentId: provinceId,
        provinceCode: successorProvince,
        validFrom: null,
        validTo: LAST_DAY_BEFORE,
      });
      const districtSuccessors = new Map<string, Commune2025>();
      for (const commune of district.communes) {
        const communeId = unitId.commune2024(commune.code);
        rows.adminUnits.push({
          id: communeId,
          era: "PRE_2025",
          level: "COMMUNE",
          code: commune.code,
          name: shortName(commune.fullName),
          fullName: commune.fullName,
          parentId: districtId,
          provinceCode: successorProvince,
          validFrom: null,
          validTo: LAST_DAY_BEFORE,
        });
        for (const successor of commune.successors ?? []) {
          const known = communes2025.get(successor.code);
          if (!known) continue;
          districtSuccessors.set(successor.code, known);
          rows.adminSuccessions.push({
            predecessorId: communeId,
            successorId: unitId.commune2025(successor.code),
            effectiveOn: REORGANISED_ON,
            isVerified: false,
          });
        }
      }
      successorCommunesOfDistrict.set(district.code, [...districtSuccessors.values()]);
      // A district's work went to the communes its communes became.
      for (const successor of districtSuccessors.values()) {
        rows.adminSuccessions.push({
          predecessorId: districtId,
          successorId: unitId.commune2025(successor.code),
          effectiveOn: REORGANISED_ON,
          isVerified: false,
        });
      }
    }
  }
  return { data, provinceOfDistrict2024, successorCommunesOfDistrict };
}
