import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createPrismaClient } from "../../src/server/db/create-client";
import { loadAdminUnits, unitId } from "./admin-units";
import { addCascade, districtBody } from "./cascade";
import { seededRandom } from "./ids";
import { addIllustrativeActuals, addIllustrativeProgress, derivedDistrictPlan } from "./illustrative";
import { OrganizationDirectory } from "./organizations";
import { addPlan, planId, type LoadedPlan } from "./plans";
import { emptyRows, writeRows } from "./rows";
import { addDemoUsers } from "./users";
import { planDocumentSchema, type PlanDocument } from "../../src/features/plans/plan-document";

// The demo data: Vietnam's administrative units, the 42-NQ/TW cascade with the three real seed plans
// (Sơn La, Đà Lạt 222-KH/ThU, Ea Súp), and illustrative district plans and results for Sơn La.
// Idempotent: every row has a key-derived id and existing rows are skipped.

const here = path.dirname(new URL(import.meta.url).pathname);

export async function readSeedPlans(): Promise<Map<string, PlanDocument>> {
  const dir = path.join(here, "plans");
  const plans = new Map<string, PlanDocument>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".json")).sort()) {
    const parsed = planDocumentSchema.safeParse(JSON.parse(await readFile(path.join(dir, file), "utf8")));
    if (!parsed.success) throw new Error(`prisma/seed/plans/${file}: ${parsed.error.message}`);
    plans.set(parsed.data.key, parsed.data);
  }
  return plans;
}

function requirePlan(plans: Map<string, PlanDocument>, key: string): PlanDocument {
  const plan = plans.get(key);
  if (!plan) throw new Error(`Thiếu kế hoạch mẫu ${key} trong prisma/seed/plans/`);
  return plan;
}

export async function buildDemoRows() {
  const rows = emptyRows();
  const admin = await loadAdminUnits(rows);
  const directory = new OrganizationDirectory(rows);
  const cascade = addCascade(directory);
  for (const document of cascade.documents) {
    addPlan(rows, directory, document.plan, document.issuer, { status: "ISSUED", hasContent: false });
  }

  const seeds = await readSeedPlans();
  const loaded: LoadedPlan[] = [];

  // Sơn La: the provincial Party committee's plan, and its twelve districts' illustrative plans.
  const sonLaPlan = requirePlan(seeds, "kh-tu-son-la-2024");
  const sonLa = addPlan(
    rows,
    directory,
    sonLaPlan,
    { orgId: cascade.sonLa.partyCommittee, place: cascade.sonLa.place, track: "PARTY" },
    { status: "ISSUED" },
  );
  loaded.push(sonLa);
  const sonLa2024 = admin.data.provinces2024.find((p) => p.code === "14");
  if (!sonLa2024) throw new Error("Không tìm thấy tỉnh Sơn La trong dữ liệu đơn vị hành chính");
  let mocChau = "";
  for (const district of sonLa2024.districts) {
    const random = seededRandom(`district:${district.code}`);
    const [bodyName, issuerCode, localWord] = district.fullName.startsWith("Thành phố")
      ? [`Thành ủy ${district.fullName.replace("Thành phố ", "")}`, "ThU", "thành phố"]
      : district.fullName.startsWith("Thị xã")
        ? [`Thị ủy ${district.fullName.replace("Thị xã ", "")}`, "TXU", "thị xã"]
        : [`Huyện ủy ${district.fullName.replace("Huyện ", "")}`, "HU", "huyện"];
    const body = districtBody(directory, {
      name: bodyName,
      districtCode: district.code,
      provinceCode: "14",
      kind: "PARTY_COMMITTEE",
      successors: admin.successorCommunesOfDistrict.get(district.code) ?? [],
    });
    if (district.code === "123") mocChau = body.id;
    // Issued between late February and mid May 2024: some after the province's end-of-March deadline.
    const issuedOn = new Date(Date.UTC(2024, 1, 20) + Math.floor(random() * 85) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const plan = derivedDistrictPlan(sonLaPlan, {
      key: `kh-son-la-district-${district.code}`,
      number: `${10 + Math.floor(random() * 140)}-KH/${issuerCode}`,
      issuedOn,
      place: district.fullName.replace(/^(Huyện|Thành phố|Thị xã) /, ""),
      districtName: district.fullName.toLowerCase().startsWith("huyện")
        ? `huyện ${district.fullName.slice(6)}`
        : district.fullName,
      leads: [
        `Ban Tuyên giáo ${bodyName}`,
        `UBND ${localWord}`,
        `Phòng Lao động - Thương binh và Xã hội`,
        `Phòng Lao động - Thương binh và Xã hội`,
        `Bảo hiểm xã hội ${localWord}`,
        `UBND ${localWord}`,
        `Phòng Văn hóa và Thông tin`,
        `UBND ${localWord}`,
        `Ủy ban MTTQ Việt Nam ${localWord}`,
      ],
    });
    const districtPlan = addPlan(
      rows,
      directory,
      plan,
      { orgId: body.id, place: body.place, track: "PARTY" },
      { status: "ISSUED", isIllustrative: true, derivedFrom: sonLa },
    );
    loaded.push(districtPlan);
  }

  // A 2025 ward implementing the provincial plan directly (there is no district level any more):
  // the demo commune, whose yearly reports the province reviews.
  const ward = { unitId: unitId.commune2025("03980"), provinceCode: "14" };
  const wardCommittee = directory.ensure({
    name: "Đảng ủy phường Mộc Châu",
    place: ward,
    kind: "PARTY_COMMITTEE",
    track: "PARTY",
    validFrom: new Date("2025-07-01"),
  });
  const wardPlan = derivedDistrictPlan(sonLaPlan, {
    key: "kh-phuong-moc-chau-2025",
    number: "25-KH/ĐU",
    issuedOn: "2025-09-15",
    place: "Mộc Châu",
    districtName: "phường Mộc Châu",
    leads: [
      "Văn phòng Đảng ủy phường",
      "UBND phường",
      "UBND phường",
      "UBND phường",
      "UBND phường",
      "UBND phường",
      "UBND phường",
      "UBND phường",
      "Ủy ban MTTQ Việt Nam phường",
    ],
  });
  // A commune localises only the indicators that apply to it: the first four groups here.
  wardPlan.indicators = wardPlan.indicators.slice(0, 4);
  loaded.push(
    addPlan(
      rows,
      directory,
      wardPlan,
      { orgId: wardCommittee, place: ward, track: "PARTY" },
      { status: "ISSUED", isIllustrative: true, derivedFrom: sonLa },
    ),
  );

  // Đà Lạt: the city Party committee's plan, implementing Lâm Đồng's 78-CTr/TU.
  const daLatSuccessors = admin.successorCommunesOfDistrict.get("672") ?? [];
  const daLat = districtBody(directory, {
    name: "Thành ủy Đà Lạt",
    districtCode: "672",
    provinceCode: "68",
    kind: "PARTY_COMMITTEE",
    successors: daLatSuccessors,
  });
  loaded.push(
    addPlan(
      rows,
      directory,
      requirePlan(seeds, "kh-222-thu-da-lat"),
      { orgId: daLat.id, place: daLat.place, track: "PARTY" },
      { status: "ISSUED" },
    ),
  );

  // Ea Súp: the district People's Committee's plan (an unnumbered draft as published), implementing 114/KH-UBND.
  const eaSup = districtBody(directory, {
    name: "UBND huyện Ea Súp",
    districtCode: "646",
    provinceCode: "66",
    kind: "PEOPLES_COMMITTEE",
    successors: admin.successorCommunesOfDistrict.get("646") ?? [],
  });
  loaded.push(
    addPlan(
      rows,
      directory,
      requirePlan(seeds, "kh-ubnd-ea-sup-2024"),
      { orgId: eaSup.id, place: eaSup.place, track: "STATE" },
      { status: "DRAFT" },
    ),
  );

  await addDemoUsers(rows, directory, {
    sonLaProvince: cascade.sonLa.partyCommittee,
    mocChauDistrict: mocChau,
    eaSupDistrict: eaSup.id,
    daLatCity: daLat.id,
    lamDongProvince: cascade.lamDong.partyCommittee,
  });

  for (const plan of loaded) {
    addIllustrativeActuals(rows, plan);
    addIllustrativeProgress(rows, plan);
  }
  return { rows, cascade, plans: loaded, unitId };
}

export async function seedDemoData(adminUrl: string, options: { log: (line: string) => void }) {
  const started = Date.now();
  const { rows } = await buildDemoRows();
  const db = createPrismaClient(adminUrl);
  try {
    const added = await db.$transaction((tx) => writeRows(tx, rows), { timeout: 600_000, maxWait: 60_000 });
    options.log(
      `Dữ liệu mẫu: ${added} bản ghi mới (${rows.plans.length} văn bản, ${rows.indicators.length} chỉ tiêu, ${rows.adminUnits.length} đơn vị hành chính) trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
    );
  } finally {
    await db.$disconnect();
  }
}

export { planId };
