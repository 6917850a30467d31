import { describe, expect, it } from "vitest";
import { classifyOrganization } from "./organization-kind";

describe("classifyOrganization", () => {
  it.each([
    ["Phòng Nội vụ", "DEPARTMENT", "STATE"],
    ["Phòng Lao động - TBXH", "DEPARTMENT", "STATE"],
    ["Sở Lao động - Thương binh và Xã hội", "DEPARTMENT", "STATE"],
    ["Trung tâm Truyền thông – Văn hoá – Thể thao", "PUBLIC_SERVICE_UNIT", "STATE"],
    ["Bảo hiểm xã hội huyện", "PUBLIC_SERVICE_UNIT", "STATE"],
    ["UBND các xã, thị trấn", "COLLECTIVE", "OTHER"],
    ["Các cơ quan, đơn vị, ngành của huyện", "COLLECTIVE", "OTHER"],
    ["Ủy ban nhân dân thành phố", "PEOPLES_COMMITTEE", "STATE"],
    ["UBND tỉnh Đắk Lắk", "PEOPLES_COMMITTEE", "STATE"],
    ["Ban Tuyên giáo Thành ủy", "PARTY_BOARD", "PARTY"],
    ["Ban cán sự đảng UBND tỉnh", "PARTY_BOARD", "PARTY"],
    ["Văn phòng Tỉnh ủy", "PARTY_BOARD", "PARTY"],
    ["Ban Thường vụ Huyện ủy", "PARTY_STANDING_COMMITTEE", "PARTY"],
    ["Thành ủy Đà Lạt", "PARTY_COMMITTEE", "PARTY"],
    ["Tỉnh ủy Sơn La", "PARTY_COMMITTEE", "PARTY"],
    ["Đảng ủy phường Lang Biang - Đà Lạt", "PARTY_COMMITTEE", "PARTY"],
    ["Ban Chấp hành Trung ương Đảng", "PARTY_COMMITTEE", "PARTY"],
    ["Hội đồng nhân dân thành phố Đà Lạt", "PEOPLES_COUNCIL", "STATE"],
    ["Ủy ban MTTQ Việt Nam huyện", "FATHERLAND_FRONT", "OTHER"],
    ["Mặt trận Tổ quốc Việt Nam tỉnh", "FATHERLAND_FRONT", "OTHER"],
    ["Hội Liên hiệp Phụ nữ huyện", "SOCIO_POLITICAL", "OTHER"],
    ["Huyện đoàn", "SOCIO_POLITICAL", "OTHER"],
    ["Văn phòng HĐND và UBND huyện", "DEPARTMENT", "STATE"],
    ["Chính phủ", "GOVERNMENT", "STATE"],
    ["Công ty TNHH ABC", "OTHER", "OTHER"],
  ])("%s → %s", (name, kind, track) => {
    const result = classifyOrganization(name);
    expect(result.kind).toBe(kind);
    expect(result.track).toBe(track);
    expect(result.isCollective).toBe(kind === "COLLECTIVE");
  });
});
