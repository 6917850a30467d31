// The issuing body's lines at the top left of a report, as the seeds and NĐ 30/2020 write them:
// Party bodies under the Party organisation one level up ("ĐẢNG BỘ TỈNH SƠN LA" / "THỊ ỦY MỘC CHÂU"),
// People's Committees as "ỦY BAN NHÂN DÂN" over the locality ("HUYỆN EA SÚP"), departments under
// their People's Committee ("UBND TỈNH ĐẮK LẮK" / "SỞ Y TẾ").

export type HeaderOrganization = {
  name: string;
  kind: string;
  track: "PARTY" | "STATE" | "OTHER";
  adminUnit: {
    level: "CENTRAL" | "PROVINCE" | "DISTRICT" | "COMMUNE";
    name: string;
    fullName: string;
    parent: { level: string; fullName: string } | null;
  };
  parent?: { name: string } | null;
};

const upper = (s: string) => s.normalize("NFC").toLocaleUpperCase("vi-VN").replace(/\s+/g, " ").trim();

export function issuerHeaderLines(org: HeaderOrganization): string[] {
  const unit = org.adminUnit;
  const above = unit.parent && unit.parent.level !== "CENTRAL" ? unit.parent.fullName : null;
  switch (org.kind) {
    case "GOVERNMENT":
      return [upper(org.name)];
    case "PEOPLES_COMMITTEE":
      return unit.level === "CENTRAL" ? [upper(org.name)] : ["ỦY BAN NHÂN DÂN", upper(unit.fullName)];
    case "PEOPLES_COUNCIL":
      return unit.level === "CENTRAL" ? [upper(org.name)] : ["HỘI ĐỒNG NHÂN DÂN", upper(unit.fullName)];
    case "PARTY_COMMITTEE":
    case "PARTY_STANDING_COMMITTEE":
      if (unit.level === "CENTRAL") return [upper(org.name)];
      // A provincial committee writes its own Đảng bộ above "TỈNH ỦY" (the Sơn La seed).
      if (unit.level === "PROVINCE")
        return [`ĐẢNG BỘ ${upper(unit.fullName)}`, upper(withoutPlace(org.name, unit.name))];
      return above ? [`ĐẢNG BỘ ${upper(above)}`, upper(org.name)] : [upper(org.name)];
    case "PARTY_BOARD":
      return org.parent
        ? [upper(org.parent.name), upper(withoutPlace(org.name, org.parent.name))]
        : [`ĐẢNG BỘ ${upper(unit.fullName)}`, upper(org.name)];
    default:
      if (org.track === "STATE" && unit.level !== "CENTRAL") return [`UBND ${upper(unit.fullName)}`, upper(org.name)];
      if (org.parent) return [upper(org.parent.name), upper(org.name)];
      return [upper(org.name)];
  }
}

/** "Tỉnh ủy Sơn La" without "Sơn La" → "Tỉnh ủy"; "Ban Tuyên giáo Thị ủy Mộc Châu" without its committee → "Ban Tuyên giáo". */
function withoutPlace(name: string, place: string): string {
  const index = name.toLowerCase().lastIndexOf(place.toLowerCase());
  if (index <= 0) return name;
  return (name.slice(0, index) + name.slice(index + place.length)).replace(/\s+/g, " ").trim() || name;
}
