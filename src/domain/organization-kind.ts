// What kind of body a name denotes, read from how Vietnamese documents name bodies. Used to file the
// agencies a plan names ("Phòng Nội vụ", "UBND các xã, thị trấn") without asking the user each time.

export type OrganizationKind =
  | "PARTY_COMMITTEE"
  | "PARTY_STANDING_COMMITTEE"
  | "PARTY_BOARD"
  | "PEOPLES_COUNCIL"
  | "PEOPLES_COMMITTEE"
  | "GOVERNMENT"
  | "DEPARTMENT"
  | "PUBLIC_SERVICE_UNIT"
  | "FATHERLAND_FRONT"
  | "SOCIO_POLITICAL"
  | "COLLECTIVE"
  | "OTHER";

export type Track = "PARTY" | "STATE" | "OTHER";

export type OrganizationClass = { kind: OrganizationKind; track: Track; isCollective: boolean };

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

// Order matters: the first rule that matches wins ("Ban Thường vụ Huyện ủy" is a standing committee,
// not the committee; "UBND các xã" is a collective, not one People's Committee).
const RULES: [RegExp, OrganizationKind, Track][] = [
  [
    /^(cac|toan the|moi)\b|\bcac (xa|phuong|thi tran|co quan|don vi|dang uy|chi bo|to chuc|hoi|doan the|so|phong|nganh|dia phuong)\b/,
    "COLLECTIVE",
    "OTHER",
  ],
  [
    /^ban thuong vu\b|^thuong truc (tinh|thanh|huyen|thi|dang) ?uy\b|^tt (tinh|huyen|thanh) ?uy/,
    "PARTY_STANDING_COMMITTEE",
    "PARTY",
  ],
  [
    /^ban can su dang\b|^ban (tuyen giao|dan van|to chuc|kiem tra|noi chinh|chi dao)\b|^van phong (tinh|thanh|huyen|thi|dang) ?uy\b|^dang doan\b|^ban xay dung dang\b|^uy ban kiem tra\b|^trung tam chinh tri\b/,
    "PARTY_BOARD",
    "PARTY",
  ],
  [
    /^(ban chap hanh trung uong|bo chinh tri|ban bi thu)\b|(tinh|thanh|huyen|thi|dang) ?uy\b|^chi bo\b/,
    "PARTY_COMMITTEE",
    "PARTY",
  ],
  [/^(hoi dong nhan dan|hdnd)\b/, "PEOPLES_COUNCIL", "STATE"],
  [/^chinh phu\b/, "GOVERNMENT", "STATE"],
  [/^van phong (hdnd|hoi dong nhan dan|ubnd|uy ban nhan dan)\b/, "DEPARTMENT", "STATE"],
  [/^(uy ban nhan dan|ubnd)\b/, "PEOPLES_COMMITTEE", "STATE"],
  [/^(uy ban )?(mat tran to quoc|mttq)\b|^uy ban mttq\b/, "FATHERLAND_FRONT", "OTHER"],
  [
    /^(hoi |doan thanh nien|huyen doan|thanh doan|tinh doan|lien doan lao dong|cong doan|hoi lien hiep phu nu|hoi nong dan|hoi cuu chien binh)/,
    "SOCIO_POLITICAL",
    "OTHER",
  ],
  [
    /^(so|phong|bo|cuc|chi cuc|thanh tra|van phong|cong an|ban chi huy quan su|kho bac|chi nhanh ngan hang|ngan hang chinh sach)\b/,
    "DEPARTMENT",
    "STATE",
  ],
  [/^(trung tam|bao hiem xa hoi|truong|benh vien|ban quan ly|dai truyen thanh|tram)\b/, "PUBLIC_SERVICE_UNIT", "STATE"],
];

export function classifyOrganization(name: string): OrganizationClass {
  const folded = fold(name);
  for (const [pattern, kind, track] of RULES) {
    if (pattern.test(folded)) return { kind, track, isCollective: kind === "COLLECTIVE" };
  }
  return { kind: "OTHER", track: "OTHER", isCollective: false };
}

export const organizationKindLabels: Record<OrganizationKind, string> = {
  PARTY_COMMITTEE: "Cấp ủy đảng",
  PARTY_STANDING_COMMITTEE: "Ban Thường vụ",
  PARTY_BOARD: "Cơ quan tham mưu của cấp ủy",
  PEOPLES_COUNCIL: "Hội đồng nhân dân",
  PEOPLES_COMMITTEE: "Ủy ban nhân dân",
  GOVERNMENT: "Chính phủ",
  DEPARTMENT: "Cơ quan chuyên môn",
  PUBLIC_SERVICE_UNIT: "Đơn vị sự nghiệp",
  FATHERLAND_FRONT: "Mặt trận Tổ quốc",
  SOCIO_POLITICAL: "Tổ chức chính trị - xã hội",
  COLLECTIVE: "Nhóm cơ quan, đơn vị",
  OTHER: "Khác",
};
