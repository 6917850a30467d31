import { describe, expect, it } from "vitest";
import { issuerHeaderLines, type HeaderOrganization } from "./header-lines";

const sonLa2024 = { level: "PROVINCE", fullName: "Tỉnh Sơn La" };
const org = (
  name: string,
  kind: string,
  track: HeaderOrganization["track"],
  level: HeaderOrganization["adminUnit"]["level"],
  unitName: string,
  fullName: string,
  parent = sonLa2024 as { level: string; fullName: string } | null,
): HeaderOrganization => ({
  name,
  kind,
  track,
  adminUnit: { level, name: unitName, fullName, parent },
});

describe("issuerHeaderLines", () => {
  it("Party committees sit under the Party organisation above", () => {
    expect(
      issuerHeaderLines(org("Thị ủy Mộc Châu", "PARTY_COMMITTEE", "PARTY", "DISTRICT", "Mộc Châu", "Thị xã Mộc Châu")),
    ).toEqual(["ĐẢNG BỘ TỈNH SƠN LA", "THỊ ỦY MỘC CHÂU"]);
    expect(
      issuerHeaderLines(
        org("Đảng ủy phường Mộc Châu", "PARTY_COMMITTEE", "PARTY", "COMMUNE", "Mộc Châu", "Phường Mộc Châu"),
      ),
    ).toEqual(["ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY PHƯỜNG MỘC CHÂU"]);
    expect(
      issuerHeaderLines(
        org("Tỉnh ủy Sơn La", "PARTY_COMMITTEE", "PARTY", "PROVINCE", "Sơn La", "Tỉnh Sơn La", {
          level: "CENTRAL",
          fullName: "Trung ương",
        }),
      ),
    ).toEqual(["ĐẢNG BỘ TỈNH SƠN LA", "TỈNH ỦY"]);
  });

  it("People's Committees write the locality under ỦY BAN NHÂN DÂN", () => {
    expect(
      issuerHeaderLines(
        org("UBND huyện Ea Súp", "PEOPLES_COMMITTEE", "STATE", "DISTRICT", "Ea Súp", "Huyện Ea Súp", {
          level: "PROVINCE",
          fullName: "Tỉnh Đắk Lắk",
        }),
      ),
    ).toEqual(["ỦY BAN NHÂN DÂN", "HUYỆN EA SÚP"]);
  });

  it("departments sit under their People's Committee", () => {
    expect(
      issuerHeaderLines(org("Sở Y tế", "DEPARTMENT", "STATE", "PROVINCE", "Đắk Lắk", "Tỉnh Đắk Lắk", null)),
    ).toEqual(["UBND TỈNH ĐẮK LẮK", "SỞ Y TẾ"]);
  });
});
