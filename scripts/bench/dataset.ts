import pg from "pg";
import { seedId } from "../../prisma/seed/ids";
import { planId } from "../../prisma/seed/plans";
import { indicatorTemplate } from "./template";
import { createBenchFunctions } from "./dataset-functions";
import { normalizeName } from "../../src/domain/vietnamese-text";

// The synthetic national dataset of `npm run bench`, written next to the demo data (which provides
// the administrative units of both structures, the organisations, 42-NQ/TW and the demo users):
// every province and every commune of today issues one plan of 90 indicators (nine groups of ten)
// implementing its parent (the province's implements 42-NQ/TW, each commune's its province's), with
// targets for 2025 and 2030, actuals for 2024–2030 with their status, 27 tasks with lead agencies and
// progress, and some 2026 reports. Everything is written by set-based SQL (INSERT … SELECT over
// generate_series and temporary tables), never row by row. All of it is marked illustrative.

export const BENCH_USER = "bench.province";

/**
 * The resolutions whose cascades the data set holds (issue 18 part 3): 42-NQ/TW of the demo data, and
 * two more Central documents written by the generator, each implemented by every province and, below
 * it, every commune, as a commune carries plans for several resolutions at once. The first keeps the
 * plan ids of the single-cascade data sets (no prefix), so the figures of both shapes compare.
 */
export const CASCADES = [
  {
    key: "42",
    prefix: "",
    serial: null,
    issuedOn: null,
    title: "tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội",
  },
  {
    key: "57",
    prefix: "57:",
    serial: "57",
    issuedOn: "2024-12-22",
    title: "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
  },
  { key: "68", prefix: "68:", serial: "68", issuedOn: "2025-05-04", title: "về phát triển kinh tế tư nhân" },
] as const;

export type DatasetOptions = {
  /** How many resolutions' cascades (1: 42-NQ/TW only, as before; 3: the default of the bench). */
  resolutions: 1 | 2 | 3;
  /** The share of communes that have plans (1: every one; 0.1 for a quick run on a shared machine). */
  scale: number;
};
export const DEFAULT_DATASET: DatasetOptions = { resolutions: 3, scale: 1 };

/** The id of a cascade's Central document (42-NQ/TW is the demo's). */
export function resolutionIdOf(key: (typeof CASCADES)[number]["key"]): string {
  return key === "42" ? planId("nq-42-tw") : seedId("bench-resolution", key);
}

/** What the bench database's comment records, so that a data set of other options is regenerated. */
export function datasetVersion(options: DatasetOptions): string {
  return `bench-dataset v4; ${options.resolutions} resolution(s); scale ${options.scale}`;
}

type Log = (line: string) => void;

/** How many rows the data set has of each kind (the generated plans: those the bench wrote). */
export async function countRows(client: pg.Client): Promise<Omit<DatasetInfo, "largestProvince" | "seconds">> {
  const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
  return {
    plans: await count(`SELECT count(*) AS n FROM plans`),
    benchPlans: await count(`SELECT count(*) AS n FROM plans WHERE purpose LIKE '%npm run bench%'`),
    indicators: await count(`SELECT count(*) AS n FROM indicators WHERE NOT "isGroup"`),
    targets: await count(`SELECT count(*) AS n FROM indicator_targets`),
    actuals: await count(`SELECT count(*) AS n FROM indicator_actuals`),
    tasks: await count(`SELECT count(*) AS n FROM tasks`),
    taskProgress: await count(`SELECT count(*) AS n FROM task_progress`),
    reports: await count(`SELECT count(*) AS n FROM reports`),
    resolutions: await count(
      `SELECT count(DISTINCT "resolutionId") AS n FROM plans WHERE purpose LIKE '%npm run bench%'`,
    ),
  };
}

export type DatasetInfo = {
  plans: number;
  benchPlans: number;
  indicators: number;
  targets: number;
  actuals: number;
  tasks: number;
  taskProgress: number;
  reports: number;
  /** The cascades of the generated plans (distinct plans.resolutionId). */
  resolutions: number;
  largestProvince: { code: string; name: string; communes: number };
  seconds: number;
};

const lowerFirst = (fullName: string) => fullName.replace(/^(Xã|Phường|Đặc khu|Thị trấn)/u, (w) => w.toLowerCase());

type UnitRow = {
  id: string;
  code: string;
  name: string;
  fullName: string;
  level: "PROVINCE" | "COMMUNE";
  parentId: string | null;
  provinceCode: string;
};

type Body = {
  unitId: string;
  parentUnitId: string | null;
  provinceCode: string;
  level: string;
  track: "PARTY" | "STATE";
  issuerCode: string;
  place: string;
  body: string;
  agencies: [string, string, string];
};

function bodiesOf(units: UnitRow[]): Body[] {
  return units.map((u) => {
    if (u.level === "PROVINCE") {
      const city = u.fullName.startsWith("Thành phố");
      return {
        unitId: u.id,
        parentUnitId: null,
        provinceCode: u.code,
        level: u.level,
        track: "PARTY",
        issuerCode: city ? "ThU" : "TU",
        place: u.name,
        body: city ? `Thành ủy ${u.name}` : `Tỉnh ủy ${u.name}`,
        agencies: [
          `Ban Tuyên giáo ${city ? "Thành ủy" : "Tỉnh ủy"} ${u.name}`,
          `UBND ${city ? "thành phố" : "tỉnh"} ${u.name}`,
          `Ủy ban MTTQ Việt Nam ${city ? "thành phố" : "tỉnh"} ${u.name}`,
        ],
      };
    }
    const local = lowerFirst(u.fullName);
    // One commune in four implements the province's plan through its People's Committee (State track).
    const state = Number(u.code) % 4 === 0;
    return {
      unitId: u.id,
      parentUnitId: u.parentId,
      provinceCode: u.provinceCode,
      level: u.level,
      track: state ? "STATE" : "PARTY",
      issuerCode: state ? "UBND" : "ĐU",
      place: u.name,
      body: state ? `UBND ${local}` : `Đảng ủy ${local}`,
      agencies: [
        state ? `Văn phòng HĐND và UBND ${local}` : `Văn phòng Đảng ủy ${local}`,
        state ? `Phòng Văn hóa - Xã hội ${local}` : `UBND ${local}`,
        `Ủy ban MTTQ Việt Nam ${local}`,
      ],
    };
  });
}

function kindOf(name: string): { kind: string; track: string } {
  if (name.startsWith("UBND")) return { kind: "PEOPLES_COMMITTEE", track: "STATE" };
  if (name.startsWith("Ủy ban MTTQ")) return { kind: "FATHERLAND_FRONT", track: "OTHER" };
  if (name.startsWith("Văn phòng HĐND") || name.startsWith("Phòng")) return { kind: "DEPARTMENT", track: "STATE" };
  if (name.startsWith("Ban Tuyên giáo") || name.startsWith("Văn phòng Đảng ủy"))
    return { kind: "PARTY_BOARD", track: "PARTY" };
  return { kind: "PARTY_COMMITTEE", track: "PARTY" };
}

export async function generateDataset(
  adminUrl: string,
  log: Log,
  options: DatasetOptions = DEFAULT_DATASET,
): Promise<DatasetInfo> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const result = await client.query(sql, params);
    log(`${label}: ${result.rowCount ?? 0} dòng, ${((Date.now() - t) / 1000).toFixed(1)} giây`);
    return result;
  };
  try {
    // Bulk load: the generator writes consistent rows, so foreign-key triggers are skipped for speed.
    // So is the visibility stamp (ADR 0010): every plan-owned row below gets it written in, its
    // plan's province (no generated plan is published), as stamp_plan_visibility() would.
    await client.query("SET session_replication_role = replica");
    await client.query("SET work_mem = '64MB'");
    await createBenchFunctions(client);

    const { rows: units } = await client.query<UnitRow>(
      `SELECT id, code, name, "fullName", level::text AS level, "parentId", "provinceCode" FROM admin_units WHERE era = 'FROM_2025' AND level IN ('PROVINCE', 'COMMUNE') ORDER BY level DESC, code`,
    );
    const bodies = bodiesOf(units);

    // Organisations: the issuing body of each province and commune and three agencies each.
    const orgs = new Map<string, { name: string; norm: string; unitId: string; provinceCode: string }>();
    for (const b of bodies) {
      for (const name of [b.body, ...b.agencies])
        orgs.set(`${b.unitId}|${normalizeName(name)}`, {
          name,
          norm: normalizeName(name),
          unitId: b.unitId,
          provinceCode: b.provinceCode,
        });
    }
    const list = [...orgs.values()];
    await step(
      "Cơ quan",
      `INSERT INTO organizations (id, name, "normalizedName", kind, track, "isCollective", "adminUnitId", "provinceCode", "validFrom", "createdAt")
       SELECT gen_random_uuid()::text, o.name, o.norm, o.kind::"OrganizationKind", o.track::"Track", false, o.unit, o.pc, DATE '2025-07-01', now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS o(name, norm, kind, track, unit, pc)
       ON CONFLICT ("adminUnitId", "normalizedName") DO NOTHING`,
      [
        list.map((o) => o.name),
        list.map((o) => o.norm),
        list.map((o) => kindOf(o.name).kind),
        list.map((o) => kindOf(o.name).track),
        list.map((o) => o.unitId),
        list.map((o) => o.provinceCode),
      ],
    );

    await client.query(`DROP TABLE IF EXISTS b_body, b_plan, b_tpl`);
    await client.query(
      `CREATE TEMP TABLE b_body (unit_id text, parent_unit_id text, pc text, level text, track text, issuer_code text, place text, body text, body_norm text, a1 text, a2 text, a3 text)`,
    );
    await client.query(
      `INSERT INTO b_body SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])`,
      [
        bodies.map((b) => b.unitId),
        bodies.map((b) => b.parentUnitId),
        bodies.map((b) => b.provinceCode),
        bodies.map((b) => b.level),
        bodies.map((b) => b.track),
        bodies.map((b) => b.issuerCode),
        bodies.map((b) => b.place),
        bodies.map((b) => b.body),
        bodies.map((b) => normalizeName(b.body)),
        bodies.map((b) => normalizeName(b.agencies[0])),
        bodies.map((b) => normalizeName(b.agencies[1])),
        bodies.map((b) => normalizeName(b.agencies[2])),
      ],
    );
    // The Central documents of the other cascades, recorded by number, date and title only (as the
    // demo records 42-NQ/TW), issued by the Politburo (the issuer of the demo's 19-KH/TW).
    const cascades = CASCADES.slice(0, options.resolutions);
    for (const c of cascades.filter((c) => c.serial !== null))
      await step(
        `Nghị quyết ${c.key}-NQ/TW`,
        `INSERT INTO plans (id, kind, track, status, notation, "numberSerial", "typeCode", "issuerCode", "issuerId", "provinceCode", "issuedOn", place, title,
                            "hasContent", "resolutionId", "updatedAt")
         SELECT $1, 'RESOLUTION', 'PARTY', 'ISSUED', 'PARTY', $2, 'NQ', 'TW', "issuerId", NULL, $3::date, 'Hà Nội', $4, false, $1, now()
         FROM plans WHERE id = $5`,
        [resolutionIdOf(c.key), c.serial, c.issuedOn, `Nghị quyết của Bộ Chính trị ${c.title}`, planId("kh-19-tw")],
      );
    await client.query(`CREATE TEMP TABLE b_cascade (prefix text, root text, title text)`);
    await client.query(`INSERT INTO b_cascade SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
      cascades.map((c) => c.prefix),
      cascades.map((c) => resolutionIdOf(c.key)),
      cascades.map(
        (c) => `Thực hiện Nghị quyết số ${c.key}-NQ/TW ${c.title} trên địa bàn (dữ liệu tổng hợp để đo hiệu năng)`,
      ),
    ]);
    // --scale: a share of the communes (every province stays), the same ones in every cascade.
    await step(
      "Kế hoạch (bảng tạm)",
      `CREATE TEMP TABLE b_plan AS
       SELECT pg_temp.bench_id('bench-plan:' || k.prefix || b.unit_id) AS id,
              CASE WHEN b.level = 'PROVINCE' THEN k.root ELSE pg_temp.bench_id('bench-plan:' || k.prefix || b.parent_unit_id) END AS parent_id,
              k.root AS resolution_id, k.title,
              b.unit_id, b.pc, b.level, b.track, b.issuer_code, b.place, b.body, o.id AS org_id, a1.id AS lead1, a2.id AS lead2, a3.id AS lead3,
              (hashtext(k.prefix || b.unit_id) & 2147483647) AS h, row_number() OVER (ORDER BY k.prefix, b.level DESC, b.unit_id) AS n
       FROM b_body b
       CROSS JOIN b_cascade k
       JOIN organizations o ON o."adminUnitId" = b.unit_id AND o."normalizedName" = b.body_norm
       JOIN organizations a1 ON a1."adminUnitId" = b.unit_id AND a1."normalizedName" = b.a1
       JOIN organizations a2 ON a2."adminUnitId" = b.unit_id AND a2."normalizedName" = b.a2
       JOIN organizations a3 ON a3."adminUnitId" = b.unit_id AND a3."normalizedName" = b.a3
       WHERE b.level = 'PROVINCE' OR (hashtext('scale:' || b.unit_id) & 2147483647) % 10000 < $1::float8 * 10000`,
      [options.scale],
    );
    await client.query(`CREATE INDEX ON b_plan (id)`);
    await client.query(`ANALYZE b_plan`);

    // Plans: provinces issued theirs in August 2025 and asked their communes for one by 31/10/2025;
    // the communes issued theirs between mid-August 2025 and February 2026, one in thirty is still a draft.
    await step(
      "Kế hoạch",
      `INSERT INTO plans (id, kind, track, status, notation, "numberSerial", "typeCode", "issuerCode", "issuerId", "provinceCode", "issuedOn", place, title, "hasContent",
                          "parentId", "resolutionId", "childPlanDueOn", "isIllustrative", "updatedAt", purpose)
       SELECT p.id, 'PLAN', p.track::"Track",
              (CASE WHEN p.level = 'COMMUNE' AND p.h % 30 = 0 THEN 'DRAFT' ELSE 'ISSUED' END)::"PlanStatus",
              (CASE WHEN p.track = 'PARTY' THEN 'PARTY' ELSE 'STATE' END)::"NumberNotation",
              CASE WHEN p.level = 'COMMUNE' AND p.h % 30 = 0 THEN NULL ELSE (10 + p.h % 190)::text END,
              'KH', p.issuer_code, p.org_id, p.pc,
              CASE WHEN p.level = 'PROVINCE' THEN DATE '2025-08-01' + (p.h % 28)
                   WHEN p.h % 30 = 0 THEN NULL
                   ELSE DATE '2025-08-15' + (p.h % 200) END,
              p.place, p.title, true, p.parent_id,
              -- Triggers are off for the load: the top of the cascade is written in (plans_resolution would).
              p.resolution_id,
              CASE WHEN p.level = 'PROVINCE' THEN DATE '2025-10-31' END,
              true, now(), 'Dữ liệu tổng hợp của npm run bench, không phải số liệu thực tế.'
       FROM b_plan p`,
    );

    // The indicator template, and the indicators of every plan (ids derived from plan and code, so
    // the parent row and the inherited-from row are computed instead of looked up).
    const template = indicatorTemplate();
    await client.query(
      `CREATE TEMP TABLE b_tpl (g int, k int, code text, name text, unit text, direction text, kind text, base float8, t25 float8, t30 float8, spread float8, pct boolean)`,
    );
    await client.query(
      `INSERT INTO b_tpl SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::boolean[])`,
      [
        template.map((t) => t.group),
        template.map((t) => t.item),
        template.map((t) => t.code),
        template.map((t) => t.name),
        template.map((t) => t.unit),
        template.map((t) => t.direction),
        template.map((t) => t.kind),
        template.map((t) => t.baseline),
        template.map((t) => t.target2025),
        template.map((t) => t.target2030),
        template.map((t) => t.spread),
        template.map((t) => t.isPercent),
      ],
    );
    await step(
      "Chỉ tiêu",
      `INSERT INTO indicators (id, "planId", "parentIndicatorId", "isGroup", position, code, name, unit, direction, "baselineValue", "baselineYear", "baselineText",
                               "derivedFromId", inheritance, "markedAsFromParent", "visibleTo")
       SELECT pg_temp.bench_id(p.id || ':i:' || t.code), p.id,
              CASE WHEN t.k = 0 THEN NULL ELSE pg_temp.bench_id(p.id || ':i:' || t.g) END,
              t.k = 0, CASE WHEN t.k = 0 THEN t.g - 1 ELSE t.k - 1 END, t.code, t.name, t.unit,
              (CASE WHEN t.k = 0 THEN 'HIGHER_BETTER' ELSE t.direction END)::"IndicatorDirection",
              CASE WHEN t.k = 0 OR t.direction = 'QUALITATIVE' THEN NULL ELSE round((t.base * (0.9 + (p.h % 21) / 100.0))::numeric, 1) END,
              CASE WHEN t.k = 0 OR t.direction = 'QUALITATIVE' THEN NULL ELSE 2023 END,
              CASE WHEN t.k = 0 OR t.direction = 'QUALITATIVE' THEN NULL ELSE replace(round((t.base * (0.9 + (p.h % 21) / 100.0))::numeric, 1)::text, '.', ',') END,
              CASE WHEN p.level = 'COMMUNE' THEN pg_temp.bench_id(p.parent_id || ':i:' || t.code) END,
              (CASE WHEN p.level = 'COMMUNE' THEN 'INHERITED' ELSE 'LOCAL' END)::"InheritanceState",
              p.level = 'COMMUNE' AND t.k > 0, p.pc
       FROM b_plan p CROSS JOIN b_tpl t`,
    );

    // Targets for 2025 and 2030. A commune mostly copies its province; one in ten asks 5% less, one in
    // ten 5% more. The values are functions of the plan and the template (no lookups), so the actuals
    // below compute the same milestones without joining the targets back.
    await step(
      "Mục tiêu",
      `INSERT INTO indicator_targets (id, "planId", "indicatorId", year, kind, lower, upper, "isPercent", qualitative, text, "visibleTo")
       SELECT gen_random_uuid()::text, x.plan, x.ind, x.year, x.kind::"TargetKind", pg_temp.lower_of(x.kind, x.v, x.spread), pg_temp.upper_of(x.kind, x.v, x.spread),
              x.pct, CASE WHEN x.kind = 'QUALITATIVE' THEN 'Bảo đảm' END,
              CASE x.kind
                WHEN 'QUALITATIVE' THEN 'Bảo đảm'
                WHEN 'RANGE' THEN pg_temp.vn(x.v - x.spread) || '-' || pg_temp.vn(x.v + x.spread)
                WHEN 'BELOW' THEN 'dưới ' || pg_temp.vn(x.v) || CASE WHEN x.pct THEN '%' ELSE '' END
                WHEN 'AT_LEAST' THEN 'tối thiểu ' || pg_temp.vn(x.v) || CASE WHEN x.pct THEN '%' ELSE '' END
                WHEN 'ABOVE' THEN 'trên ' || pg_temp.vn(x.v) || CASE WHEN x.pct THEN '%' ELSE '' END
                WHEN 'APPROXIMATELY' THEN 'khoảng ' || pg_temp.vn(x.v) || coalesce(' ' || x.unit, '')
                ELSE pg_temp.vn(x.v) || CASE WHEN x.pct THEN '%' ELSE '' END END,
              x.pc
       FROM (
         SELECT p.id AS plan, p.pc, pg_temp.bench_id(p.id || ':i:' || t.code) AS ind, y.year, t.kind, t.spread, t.pct, t.unit,
                pg_temp.target_value(p.level, p.id, t.code, t.kind, t.direction, t.pct, t.t25, t.t30, y.year) AS v
         FROM b_plan p CROSS JOIN b_tpl t CROSS JOIN (VALUES (2025), (2030)) AS y(year)
         WHERE t.k > 0
       ) x`,
    );

    // Actuals 2024–2030: each indicator follows a profile (ahead, on course, a little behind, far
    // behind) from its baseline towards its 2030 target; one figure in twenty is missing. The status
    // is the domain rule (src/domain/indicator-status.ts) written in SQL for these shapes (the bench
    // checks a sample against the domain code). Rows are written year by year, as the yearly
    // reporting cycle writes them.
    for (let year = 2024; year <= 2030; year++) {
      await step(
        `Kết quả thực hiện năm ${year}`,
        `INSERT INTO indicator_actuals (id, "planId", "indicatorId", year, value, text, "qualitativeStatus", status, source, "isIllustrative", "enteredAt", "visibleTo")
       SELECT gen_random_uuid()::text, a.plan, a.ind, a.year,
              CASE WHEN a.kind = 'QUALITATIVE' THEN NULL ELSE round(a.v::numeric, 2) END,
              CASE WHEN a.kind = 'QUALITATIVE' THEN CASE WHEN a.profile < 7 THEN 'Đang thực hiện đúng tiến độ' ELSE 'Còn khó khăn' END ELSE replace(round(a.v::numeric, 2)::text, '.', ',') END,
              (CASE WHEN a.kind = 'QUALITATIVE' THEN CASE WHEN a.profile < 7 THEN 'ON_TRACK' ELSE 'AT_RISK' END END)::"IndicatorStatus",
              (CASE WHEN a.kind = 'QUALITATIVE' THEN CASE WHEN a.profile < 7 THEN 'ON_TRACK' ELSE 'AT_RISK' END
                    ELSE pg_temp.status(a.tkind, a.lo, a.hi, a.milestone, a.start, round(a.v::numeric, 2)::float8, a.year) END)::"IndicatorStatus",
              'Dữ liệu tổng hợp (npm run bench)', true, now(), a.pc
       FROM (
         SELECT p.id AS plan, p.pc, pg_temp.bench_id(p.id || ':i:' || t.code) AS ind, y.year, t.kind, t.kind AS tkind,
                pg_temp.lower_of(t.kind, m.v, t.spread) AS lo, pg_temp.upper_of(t.kind, m.v, t.spread) AS hi, m.milestone,
                b.start, (hashtext(pg_temp.bench_id(p.id || ':i:' || t.code)) & 2147483647) % 10 AS profile,
                -- From the baseline towards the 2030 target at a speed set by the profile: 0–1 ahead, 2–5 on course, 6–7 a little behind, 8–9 far behind.
                CASE WHEN t.kind = 'QUALITATIVE' THEN 0 ELSE
                  least(CASE WHEN t.pct THEN 100 ELSE 1e9 END, greatest(0,
                    b.start + (b.goal - b.start) * ((y.year - 2023) / 7.0)
                      * CASE (hashtext(pg_temp.bench_id(p.id || ':i:' || t.code)) & 2147483647) % 10 WHEN 0 THEN 1.3 WHEN 1 THEN 1.2 WHEN 6 THEN 0.93 WHEN 7 THEN 0.9 WHEN 8 THEN 0.5 WHEN 9 THEN 0.3 ELSE 1.02 END
                      + ((hashtext(pg_temp.bench_id(p.id || ':i:' || t.code) || y.year) & 2147483647) % 100 - 50) / 1000.0 * abs(b.goal - b.start)))
                END AS v
         FROM b_plan p
         CROSS JOIN b_tpl t
         CROSS JOIN (VALUES ($1::int)) AS y(year)
         -- The milestone that counts (2025 up to 2025, then 2030), the baseline, and the 2030 bound aimed at.
         CROSS JOIN LATERAL (SELECT CASE WHEN y.year <= 2025 THEN 2025 ELSE 2030 END AS milestone) ms
         CROSS JOIN LATERAL (SELECT ms.milestone, pg_temp.target_value(p.level, p.id, t.code, t.kind, t.direction, t.pct, t.t25, t.t30, ms.milestone) AS v) m
         CROSS JOIN LATERAL (
           SELECT round((t.base * (0.9 + (p.h % 21) / 100.0))::numeric, 1)::float8 AS start,
                  coalesce(pg_temp.lower_of(t.kind, pg_temp.target_value(p.level, p.id, t.code, t.kind, t.direction, t.pct, t.t25, t.t30, 2030), t.spread),
                           pg_temp.upper_of(t.kind, pg_temp.target_value(p.level, p.id, t.code, t.kind, t.direction, t.pct, t.t25, t.t30, 2030), t.spread)) AS goal
         ) b
         WHERE t.k > 0 AND (hashtext(pg_temp.bench_id(p.id || ':i:' || t.code) || ':' || y.year) & 2147483647) % 20 <> 0
       ) a`,
        [year],
      );
    }

    // Tasks: the nine task groups with two tasks each; the groups name a lead agency, the tasks report progress for 2025 and 2026.
    await step(
      "Nhiệm vụ",
      `INSERT INTO tasks (id, "planId", "parentTaskId", position, numbering, title, body, inheritance, "timeframeKind", "timeframeText", "visibleTo")
       SELECT pg_temp.bench_id(p.id || ':t:' || gs.g || ':' || ss.s), p.id,
              CASE WHEN ss.s = 0 THEN NULL ELSE pg_temp.bench_id(p.id || ':t:' || gs.g || ':0') END,
              CASE WHEN ss.s = 0 THEN gs.g - 1 ELSE ss.s - 1 END,
              CASE WHEN ss.s = 0 THEN gs.g || '.' ELSE gs.g || '.' || ss.s || '.' END,
              CASE WHEN ss.s = 0 THEN t.name END,
              CASE WHEN ss.s = 0 THEN 'Nhóm nhiệm vụ về ' || lower(t.name) ELSE 'Triển khai nhiệm vụ ' || gs.g || '.' || ss.s || ' về ' || lower(t.name) || ' trên địa bàn' END,
              (CASE WHEN p.level = 'COMMUNE' THEN 'INHERITED' ELSE 'LOCAL' END)::"InheritanceState",
              'RECURRING', 'Thường xuyên', p.pc
       FROM b_plan p CROSS JOIN generate_series(1, 9) AS gs(g) CROSS JOIN generate_series(0, 2) AS ss(s) JOIN b_tpl t ON t.g = gs.g AND t.k = 0`,
    );
    await step(
      "Phân công chủ trì",
      `INSERT INTO task_assignments (id, "planId", "taskId", "organizationId", role, position, "visibleTo")
       SELECT gen_random_uuid()::text, p.id, pg_temp.bench_id(p.id || ':t:' || g || ':0'), CASE g % 3 WHEN 0 THEN p.lead1 WHEN 1 THEN p.lead2 ELSE p.lead3 END, 'LEAD', 0, p.pc
       FROM b_plan p CROSS JOIN generate_series(1, 9) AS g`,
    );
    await step(
      "Tiến độ nhiệm vụ",
      `INSERT INTO task_progress (id, "planId", "taskId", "organizationId", year, status, summary, "isIllustrative", "updatedAt", "visibleTo")
       SELECT gen_random_uuid()::text, p.id, pg_temp.bench_id(p.id || ':t:' || g || ':' || s), NULL, y,
              (CASE (hashtext(p.id || g || s || y) & 2147483647) % 20 WHEN 0 THEN 'BEHIND' WHEN 1 THEN 'BEHIND' WHEN 2 THEN 'BEHIND' WHEN 3 THEN 'NOT_STARTED' WHEN 4 THEN 'NOT_STARTED'
                 WHEN 5 THEN 'COMPLETED' WHEN 6 THEN 'COMPLETED' WHEN 7 THEN 'COMPLETED' WHEN 8 THEN 'COMPLETED' ELSE 'IN_PROGRESS' END)::"TaskStatus",
              'Dữ liệu tổng hợp (npm run bench)', true, now(), p.pc
       FROM b_plan p CROSS JOIN generate_series(1, 9) AS g CROSS JOIN generate_series(1, 2) AS s CROSS JOIN generate_series(2025, 2026) AS y`,
    );
    await step(
      "Báo cáo năm 2026",
      `INSERT INTO reports (id, "planId", year, "periodStart", "periodEnd", "dueOn", status, "updatedAt", "visibleTo")
       SELECT gen_random_uuid()::text, p.id, 2026, DATE '2025-12-15', DATE '2026-12-14', DATE '2026-12-15',
              (CASE p.h % 10 WHEN 0 THEN 'SUBMITTED' WHEN 1 THEN 'SUBMITTED' WHEN 2 THEN 'ACCEPTED' WHEN 3 THEN 'DRAFT' WHEN 4 THEN 'DRAFT' ELSE 'RETURNED' END)::"ReportStatus", now(), p.pc
       FROM b_plan p WHERE p.h % 10 < 6`,
    );

    // A user for the largest province (the demo users are in Sơn La, a small one).
    const { rows: largest } = await client.query<{ code: string; name: string; communes: number; org: string }>(
      `SELECT u.code, u.name, count(c.id)::int AS communes, (SELECT org_id FROM b_plan WHERE unit_id = u.id LIMIT 1) AS org
       FROM admin_units u JOIN admin_units c ON c."parentId" = u.id AND c.era = 'FROM_2025'
       WHERE u.era = 'FROM_2025' AND u.level = 'PROVINCE' GROUP BY u.id, u.code, u.name ORDER BY communes DESC, u.code LIMIT 1`,
    );
    const province = largest[0]!;
    const userId = seedId("user", BENCH_USER);
    await client.query(
      `INSERT INTO users (id, username, "displayName", "passwordHash", "isActive", "updatedAt")
       SELECT $1, $2, $3, "passwordHash", true, now() FROM users WHERE username = 'admin'
       ON CONFLICT (username) DO NOTHING`,
      [userId, BENCH_USER, `Lãnh đạo ${province.name} (đo hiệu năng)`],
    );
    await client.query(
      `INSERT INTO memberships (id, "userId", "organizationId", role) VALUES (gen_random_uuid()::text, $1, $2, 'APPROVER') ON CONFLICT DO NOTHING`,
      [userId, province.org],
    );

    await client.query("SET session_replication_role = DEFAULT");
    // The rollups' prepared figures and cells (ADR 0031, 0039) are kept by triggers, which were off for the load: built
    // here in one pass, as the migration that introduced them did for the data already there.
    await step("Số liệu tổng hợp sẵn (rollup_figures)", "SELECT rollup_figures_rebuild()");
    await step("Ô ma trận tổng hợp sẵn (rollup_cells)", "SELECT rollup_cells_rebuild()");
    const t = Date.now();
    await client.query("VACUUM ANALYZE");
    log(`VACUUM ANALYZE: ${((Date.now() - t) / 1000).toFixed(1)} giây`);

    return {
      ...(await countRows(client)),
      largestProvince: { code: province.code, name: province.name, communes: province.communes },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}
