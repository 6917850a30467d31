import { LAST_DAY_BEFORE, unitId } from "./admin-units";
import type { OrganizationDirectory } from "./organizations";
import type { Issuer } from "./plans";
import type { PlanDocument } from "../../src/features/plans/plan-document";

// The documents above the three seed plans, recorded by number, date, issuer and title only: their
// text is not in the seeds, and nothing of their content is invented here.

export type CascadeDocument = { plan: PlanDocument; issuer: Issuer };

const RESOLUTION_42 =
  "tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội, đáp ứng yêu cầu sự nghiệp xây dựng và bảo vệ Tổ quốc trong giai đoạn mới";

function documentOnly(
  input: Pick<PlanDocument, "key" | "kind" | "track" | "number" | "issuedOn" | "title" | "parentKey"> & {
    citedKeys?: string[];
    place?: string | null;
  },
): PlanDocument {
  return {
    ...input,
    place: input.place ?? null,
    citedKeys: input.citedKeys ?? [],
    issuerHeader: [],
    signer: { name: null, title: null, signingForm: null },
    sections: {
      preamble: null,
      purpose: null,
      requirements: null,
      generalObjective: null,
      vision: null,
      funding: null,
      implementation: null,
    },
    childDeadlines: { plans: null, reports: null },
    recipients: [],
    tasks: [],
    indicators: [],
  };
}

export function provincialBodies(directory: OrganizationDirectory, provinceCode: string, provinceName: string) {
  const place = { unitId: unitId.province2025(provinceCode), provinceCode };
  return {
    place,
    partyCommittee: directory.ensure({
      name: `Tỉnh ủy ${provinceName}`,
      place,
      kind: "PARTY_COMMITTEE",
      track: "PARTY",
    }),
    peoplesCommittee: directory.ensure({
      name: `UBND tỉnh ${provinceName}`,
      place,
      kind: "PEOPLES_COMMITTEE",
      track: "STATE",
    }),
  };
}

export function addCascade(directory: OrganizationDirectory) {
  const central = { unitId: unitId.central(), provinceCode: null };
  const centralCommittee = directory.ensure({
    name: "Ban Chấp hành Trung ương Đảng",
    place: central,
    kind: "PARTY_COMMITTEE",
    track: "PARTY",
  });
  const politburo = directory.ensure({
    name: "Bộ Chính trị",
    place: central,
    kind: "PARTY_COMMITTEE",
    track: "PARTY",
    parentId: centralCommittee,
  });
  const government = directory.ensure({ name: "Chính phủ", place: central, kind: "GOVERNMENT", track: "STATE" });
  // The labour ministry was merged into the Ministry of Home Affairs in 2025.
  const labourMinistry = directory.ensure({
    name: "Bộ Lao động - Thương binh và Xã hội",
    place: central,
    kind: "DEPARTMENT",
    track: "STATE",
    parentId: government,
    validTo: new Date("2025-02-28"),
  });
  const homeAffairs = directory.ensure({
    name: "Bộ Nội vụ",
    place: central,
    kind: "DEPARTMENT",
    track: "STATE",
    parentId: government,
  });
  directory.succeed(
    labourMinistry,
    homeAffairs,
    new Date("2025-03-01"),
    "Hợp nhất Bộ Lao động - Thương binh và Xã hội vào Bộ Nội vụ",
  );

  const lamDong = provincialBodies(directory, "68", "Lâm Đồng");
  const dakLak = provincialBodies(directory, "66", "Đắk Lắk");
  const sonLa = provincialBodies(directory, "14", "Sơn La");

  const documents: CascadeDocument[] = [
    {
      issuer: { orgId: centralCommittee, place: central, track: "PARTY" },
      plan: documentOnly({
        key: "nq-42-tw",
        kind: "RESOLUTION",
        track: "PARTY",
        number: "42-NQ/TW",
        issuedOn: "2023-11-24",
        title: `Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII về ${RESOLUTION_42}`,
        parentKey: null,
        place: "Hà Nội",
      }),
    },
    {
      issuer: { orgId: politburo, place: central, track: "PARTY" },
      plan: documentOnly({
        key: "kh-19-tw",
        kind: "PLAN",
        track: "PARTY",
        number: "19-KH/TW",
        issuedOn: "2023-11-27",
        title: `Thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII về ${RESOLUTION_42}`,
        parentKey: "nq-42-tw",
        place: "Hà Nội",
      }),
    },
    {
      issuer: { orgId: government, place: central, track: "STATE" },
      plan: documentOnly({
        key: "nq-68-cp",
        kind: "RESOLUTION",
        track: "STATE",
        number: "68/NQ-CP",
        issuedOn: "2024-05-09",
        title: `Ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII về ${RESOLUTION_42}`,
        parentKey: "nq-42-tw",
        place: "Hà Nội",
      }),
    },
    {
      issuer: { orgId: lamDong.partyCommittee, place: lamDong.place, track: "PARTY" },
      plan: documentOnly({
        key: "ctr-78-tu-lam-dong",
        kind: "PROGRAMME",
        track: "PARTY",
        number: "78-CTr/TU",
        issuedOn: "2024-03-11",
        title: `Chương trình hành động thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng về ${RESOLUTION_42}`,
        parentKey: "nq-42-tw",
        place: "Lâm Đồng",
      }),
    },
    {
      issuer: { orgId: lamDong.peoplesCommittee, place: lamDong.place, track: "STATE" },
      plan: documentOnly({
        key: "kh-6121-ubnd-lam-dong",
        kind: "PLAN",
        track: "STATE",
        number: "6121/KH-UBND",
        issuedOn: "2024-07-22",
        title: "Triển khai thực hiện Nghị quyết số 68/NQ-CP ngày 09/5/2024 của Chính phủ trên địa bàn tỉnh Lâm Đồng",
        parentKey: "nq-68-cp",
        citedKeys: ["ctr-78-tu-lam-dong"],
        place: "Lâm Đồng",
      }),
    },
    {
      issuer: { orgId: dakLak.partyCommittee, place: dakLak.place, track: "PARTY" },
      plan: documentOnly({
        key: "ctr-54-tu-dak-lak",
        kind: "PROGRAMME",
        track: "PARTY",
        number: "54-CTr/TU",
        issuedOn: "2024-02-28",
        title: `Chương trình hành động thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng về ${RESOLUTION_42}`,
        parentKey: "nq-42-tw",
        place: "Đắk Lắk",
      }),
    },
    {
      issuer: { orgId: dakLak.peoplesCommittee, place: dakLak.place, track: "STATE" },
      plan: documentOnly({
        key: "kh-114-ubnd-dak-lak",
        kind: "PLAN",
        track: "STATE",
        number: "114/KH-UBND",
        issuedOn: "2024-06-14",
        title:
          "Triển khai Nghị quyết số 68/NQ-CP ngày 09/5/2024 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 42-NQ/TW",
        parentKey: "nq-68-cp",
        citedKeys: ["ctr-54-tu-dak-lak"],
        place: "Đắk Lắk",
      }),
    },
  ];

  return { central, centralCommittee, politburo, government, lamDong, dakLak, sonLa, documents };
}

/** A pre-2025 district body whose work passed on 1/7/2025 to bodies of the communes its territory became. */
export function districtBody(
  directory: OrganizationDirectory,
  input: {
    name: string;
    districtCode: string;
    provinceCode: string;
    kind: "PARTY_COMMITTEE" | "PEOPLES_COMMITTEE";
    successors: { code: string; name: string; fullName: string }[];
  },
) {
  const place = { unitId: unitId.district2024(input.districtCode), provinceCode: input.provinceCode };
  const id = directory.ensure({
    name: input.name,
    place,
    kind: input.kind,
    track: input.kind === "PARTY_COMMITTEE" ? "PARTY" : "STATE",
    validTo: LAST_DAY_BEFORE,
  });
  const successorIds = input.successors.map((commune) => {
    const communePlace = { unitId: unitId.commune2025(commune.code), provinceCode: input.provinceCode };
    const name =
      input.kind === "PARTY_COMMITTEE"
        ? `Đảng ủy ${commune.fullName.replace(/^(Xã|Phường|Đặc khu)/u, (w) => w.toLowerCase())}`
        : `UBND ${commune.fullName.replace(/^(Xã|Phường|Đặc khu)/u, (w) => w.toLowerCase())}`;
    const successorId = directory.ensure({
      name,
      place: communePlace,
      kind: input.kind,
      track: input.kind === "PARTY_COMMITTEE" ? "PARTY" : "STATE",
      validFrom: new Date("2025-07-01"),
    });
    directory.succeed(
      id,
      successorId,
      new Date("2025-07-01"),
      "Sắp xếp đơn vị hành chính 2025: không tổ chức cấp huyện",
    );
    return successorId;
  });
  return { id, place, successorIds };
}
