import { formatDocumentNumber, type DocumentKind } from "@/domain/document-number";
import { daysUntil } from "@/domain/reporting-calendar";
import type { IndicatorStatus } from "@/domain/indicator-status";
import type { Direction, TargetKind } from "@/domain/target-notation";
import { withScope, type ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { NotFoundError } from "@/server/errors";
import {
  attribution,
  cellString,
  chooseYear,
  issuanceState,
  missedDeadline,
  reportDueDate,
  reportStanding,
  sortRows,
  sumCounts,
  todayInVietnam,
  UNGROUPED,
  weakerTargets,
  type Issuance,
  type ReportStanding,
  type ReportStatus,
  type RollupFilters,
  type TargetRow,
  type Track,
} from "./rollup";
import {
  chartModel,
  groupIndicators,
  shownGroups,
  taskSummary,
  type ChartModel,
  type DashboardActual,
  type DashboardIndicator,
  type DashboardTarget,
  type IndicatorGroup,
  type LeadRow,
  type ProgressRow,
  type TaskRow,
  type TaskSummary,
} from "./plan-dashboard";
import { empty, prepared, raw, sql, type Sql } from "./sql";
import { countStatuses, emptyCounts, STATUSES, type StatusCounts } from "./status";
import { STATUS_LETTERS, statusOfLetter } from "./status-letters";

// The dashboards' reads. Every rollup is computed by PostgreSQL: one statement gathers the context
// (the plans it can be about, the plan rolled up, its children, the indicator columns, the latest year
// with figures), one aggregates the statuses stored with the actuals (indicator_actuals.status) into
// the matrix cells and the counts per locality. Nothing is cached: a result entered now shows on the next load. All of it runs inside
// withScope (row-level security as app_user), and every statement also filters explicitly to the plans
// the scope may read, as visiblePlans() does for Prisma queries.

type Level = "CENTRAL" | "PROVINCE" | "DISTRICT" | "COMMUNE";
type PlanStatus = "DRAFT" | "ISSUED" | "SUPERSEDED";

/**
 * JSON built by PostgreSQL travels as text and is parsed here: V8's JSON.parse is much faster than
 * letting the driver layer convert a large json value field by field.
 */
function parseJson<T>(value: string | null): T | null {
  return value === null ? null : (JSON.parse(value) as T);
}

async function rows<T>(db: ScopedDb, query: Sql): Promise<T[]> {
  const { text, values } = query.toQuery();
  return db.$queryRawUnsafe<T[]>(text, ...values);
}

/** The plans a scope may read (the SQL twin of visiblePlans()); `plan` is the alias of a plans row. */
function visible(scope: Scope, plan: string): Sql {
  if (scope.allProvinces) return raw("TRUE");
  const p = raw(plan);
  const units = scope.visibleUnitIds;
  return sql`(${p}."provinceCode" IS NULL OR ${p}."publishedAt" IS NOT NULL OR (${p}."provinceCode" = ${scope.provinceCode}::text${
    units === null
      ? empty
      : sql` AND EXISTS (SELECT 1 FROM organizations vo WHERE vo.id = ${p}."issuerId" AND vo."adminUnitId" = ANY(${units}::text[]))`
  }))`;
}

/** The key that matches indicators across plans that do not inherit from a common one: the name, lower case, single spaces. */
function nameKey(alias: string): Sql {
  return raw(`lower(regexp_replace(btrim(${alias}.name), '\\s+', ' ', 'g'))`);
}

/**
 * Top-level group of an indicator (through up to three parent rows) and its document-order path. The
 * parent rows are looked up in `source`, a CTE holding every row of the plans concerned (group rows
 * included): joining the indicators table itself three more times would make the planner scan it.
 */
function groupJoins(source: string): Sql {
  return raw(`LEFT JOIN ${source} g1 ON g1.id = i."parentIndicatorId"
  LEFT JOIN ${source} g2 ON g2.id = g1."parentIndicatorId"
  LEFT JOIN ${source} g3 ON g3.id = g2."parentIndicatorId"`);
}
const INDICATOR_ROWS = raw(
  `i.id, i."planId", i."parentIndicatorId", i."isGroup", i.position, i.code, i.name, i.unit, i.direction, i.inheritance, i."derivedFromId"`,
);
const GROUP_NAME = raw(`CASE WHEN g1.id IS NULL THEN NULL
    WHEN g1."parentIndicatorId" IS NULL THEN CASE WHEN g1."isGroup" THEN g1.name END
    WHEN g2."parentIndicatorId" IS NULL THEN CASE WHEN g2."isGroup" THEN g2.name END
    ELSE CASE WHEN g3."isGroup" THEN g3.name END END`);
const PATH = raw(`array_remove(ARRAY[g3.position, g2.position, g1.position, i.position], NULL)`);
const LEVEL_RANK = (expression: string) =>
  raw(`array_position(ARRAY['CENTRAL','PROVINCE','DISTRICT','COMMUNE'], ${expression})`);

type NumberParts = { notation: "PARTY" | "STATE"; numberSerial: string | null; typeCode: string; issuerCode: string };

function numberOf(p: NumberParts): string {
  return formatDocumentNumber({
    notation: p.notation,
    serial: p.numberSerial,
    typeCode: p.typeCode,
    issuerCode: p.issuerCode,
  });
}

// ---------------------------------------------------------------------------------------------
// Province (or national) rollup

export type PlanOption = NumberParts & {
  id: string;
  kind: DocumentKind;
  title: string;
  issuerName: string;
  children: number;
  number: string;
};

type AnchorRow = NumberParts & {
  id: string;
  kind: DocumentKind;
  title: string;
  status: PlanStatus;
  track: Track | "OTHER";
  issuedOn: string | null;
  childPlanDueOn: string | null;
  childReportDueDay: number | null;
  childReportDueMonth: number | null;
  isIllustrative: boolean;
  issuerId: string;
  issuerName: string;
  unitId: string;
  level: Level;
  era: "PRE_2025" | "FROM_2025";
};

export type Anchor = AnchorRow & { number: string };

type KidRow = NumberParts & {
  id: string;
  kind: DocumentKind;
  track: Track | "OTHER";
  status: PlanStatus;
  issuedOn: string | null;
  isIllustrative: boolean;
  provinceCode: string | null;
  issuerId: string;
  issuerName: string;
  issuerValidTo: string | null;
  unitId: string;
  unitName: string;
  unitLevel: Level;
  unitEra: "PRE_2025" | "FROM_2025";
  successors: { id: string; name: string; unitId: string }[];
};

export type ChildPlan = KidRow & { number: string; dissolved: boolean; successorNames: string | null };

export type Column = {
  key: string;
  code: string;
  name: string;
  unit: string | null;
  direction: Direction;
  group: string;
};

export type RollupRow = {
  plan: ChildPlan;
  label: string;
  counts: StatusCounts;
  /** One letter per column of the rollup (STATUS_LETTERS; NO_CELL where the plan has no such indicator): see cellStatus(). */
  cells: string;
  /** Results of the plans below this one (e.g. a province's communes, in the national rollup). */
  below: { plans: number; counts: StatusCounts } | null;
};

export type Rollup = {
  today: string;
  currentYear: number;
  options: PlanOption[];
  anchor: Anchor | null;
  /** "derived": columns are the parent plan's indicators, matched through derivedFromId; "by-name": the parent has none, indicators are matched by name. */
  mode: "derived" | "by-name";
  groups: string[];
  columns: Column[];
  /** The years one can choose; `year` is the one shown: the one asked for, else the latest with figures (null: none yet). */
  years: number[];
  year: number | null;
  rows: RollupRow[];
  totals: StatusCounts;
  filters: RollupFilters;
  /** Rows whose issuer no longer exists and whose results count for its successors. */
  attributedRows: number;
  hasIllustrative: boolean;
};

export type RollupOptions = { today?: string };

/** A row's status for the column with this key, or null where the plan has no such indicator. */
export function cellStatus(
  rollup: Pick<Rollup, "columns">,
  row: Pick<RollupRow, "cells">,
  key: string,
): IndicatorStatus | null {
  return statusOfLetter(row.cells[rollup.columns.findIndex((c) => c.key === key)]);
}

/** How far back the rollup looks for figures (the 2024–2030 plans report from 2024, baselines from 2023). */
const YEARS_BACK = 5;

/** The years the rollup can be shown for: from YEARS_BACK years ago to this year. */
function selectableYears(currentYear: number): number[] {
  return Array.from({ length: YEARS_BACK + 1 }, (_, i) => currentYear - YEARS_BACK + i);
}

type Context = {
  anchor: AnchorRow | null;
  kids: KidRow[];
  columns: (Omit<Column, "group"> & { groupName: string | null })[];
  latest: number | null;
  hasBelow: boolean;
};
type ContextRow = {
  options: string;
  anchor: string | null;
  kids: string;
  columns: string;
  latest: number | null;
  hasBelow: boolean;
};

/**
 * Everything the aggregate needs, in one statement: the plans of the user's body the rollup can be
 * about (most children first; central plans for central bodies), the plan rolled up (the one asked
 * for, which may be any plan the scope can read, else the first of those with children), its children
 * below its issuer's level, its indicators (the columns) and the latest year up to now with figures
 * (looked for from this year backwards, so usually one index probe).
 */
function contextQuery(scope: Scope, filters: RollupFilters, currentYear: number): Sql {
  const bodies = [scope.organizationId, ...scope.predecessorOrganizationIds].filter((id): id is string => Boolean(id));
  const central = scope.allProvinces && scope.provinceCode === null;
  return prepared(sql`
    WITH options AS (
      SELECT p.id, p.notation::text AS notation, p."numberSerial", p."typeCode", p."issuerCode", p.kind::text AS kind, p.title, o.name AS "issuerName", p."issuedOn",
             (SELECT count(*)::int FROM plans c WHERE c."parentId" = p.id AND ${visible(scope, "c")}) AS children
      FROM plans p JOIN organizations o ON o.id = p."issuerId"
      WHERE (p."issuerId" = ANY(${bodies}::text[]) OR (${central}::boolean AND p."provinceCode" IS NULL)) AND ${visible(scope, "p")}
      ORDER BY children DESC, p."issuedOn" DESC NULLS LAST, p.title, p.id
      LIMIT 50
    ), chosen AS MATERIALIZED (
      -- Materialised: a plan id computed by a sub-select is not "leakproof", and row-level security would
      -- then compare it with every plan instead of looking it up through the primary key.
      SELECT coalesce(${filters.plan}::text, (SELECT id FROM options WHERE children > 0 ORDER BY children DESC, "issuedOn" DESC NULLS LAST, title, id LIMIT 1)) AS id
    ), anchor AS (
      SELECT p.id, p.notation::text AS notation, p."numberSerial", p."typeCode", p."issuerCode", p.kind::text AS kind, p.title, p.status::text AS status, p.track::text AS track,
             p."issuedOn", p."childPlanDueOn", p."childReportDueDay", p."childReportDueMonth", p."isIllustrative",
             o.id AS "issuerId", o.name AS "issuerName", u.id AS "unitId", u.level::text AS level, u.era::text AS era
      FROM chosen JOIN plans p ON p.id = chosen.id JOIN organizations o ON o.id = p."issuerId" JOIN admin_units u ON u.id = o."adminUnitId"
      WHERE ${visible(scope, "p")}
    ), kids AS (
      SELECT c.id, c.notation::text AS notation, c."numberSerial", c."typeCode", c."issuerCode", c.kind::text AS kind, c.track::text AS track, c.status::text AS status,
             c."issuedOn", c."isIllustrative", c."provinceCode", o.id AS "issuerId", o.name AS "issuerName", o."validTo" AS "issuerValidTo",
             u.id AS "unitId", u.name AS "unitName", u.level::text AS "unitLevel", u.era::text AS "unitEra",
             CASE WHEN o."validTo" IS NULL THEN '[]'::json ELSE
               (SELECT coalesce(json_agg(json_build_object('id', so.id, 'name', so.name, 'unitId', so."adminUnitId") ORDER BY so.name), '[]'::json)
                  FROM organization_successions s JOIN organizations so ON so.id = s."successorId" WHERE s."predecessorId" = o.id) END AS successors
      FROM anchor a
      JOIN plans c ON c."parentId" = a.id
      JOIN organizations o ON o.id = c."issuerId"
      JOIN admin_units u ON u.id = o."adminUnitId"
      WHERE ${LEVEL_RANK("u.level::text")} > ${LEVEL_RANK("a.level")}
        AND (${filters.track}::text IS NULL OR c.track::text = ${filters.track}::text)
        AND ${visible(scope, "c")}
    ), anchor_rows AS MATERIALIZED (
      SELECT ${INDICATOR_ROWS} FROM anchor a JOIN indicators i ON i."planId" = a.id
    ), cols AS (
      SELECT i.id AS key, i.code, i.name, i.unit, i.direction::text AS direction, ${PATH} AS path, ${GROUP_NAME} AS "groupName"
      FROM anchor_rows i ${groupJoins("anchor_rows")}
      WHERE NOT i."isGroup" AND i.inheritance <> 'DROPPED'
    )
    SELECT (SELECT coalesce(json_agg(o ORDER BY o.children DESC, o."issuedOn" DESC NULLS LAST, o.title, o.id), '[]'::json) FROM options o)::text AS options,
           (SELECT row_to_json(a) FROM anchor a)::text AS anchor,
           (SELECT coalesce(json_agg(k ORDER BY k."issuerName", k.id), '[]'::json) FROM kids k)::text AS kids,
           (SELECT coalesce(json_agg(json_build_object('key', c.key, 'code', c.code, 'name', c.name, 'unit', c.unit, 'direction', c.direction, 'groupName', c."groupName") ORDER BY c.path, c.key), '[]'::json) FROM cols c)::text AS columns,
           (SELECT y FROM generate_series(${currentYear}::int, ${currentYear - YEARS_BACK}::int, -1) y
             WHERE EXISTS (SELECT 1 FROM kids k WHERE EXISTS (SELECT 1 FROM indicator_actuals x WHERE x."planId" = k.id AND x.year = y)) LIMIT 1) AS latest,
           EXISTS (SELECT 1 FROM kids k JOIN plans g ON g."parentId" = k.id) AS "hasBelow"`);
}

/** Columns for children that share no parent indicators: their indicators, matched by name. */
function columnsByNameQuery(kidIds: string[]): Sql {
  return sql`
    WITH kid_rows AS MATERIALIZED (
      SELECT ${INDICATOR_ROWS} FROM indicators i WHERE i."planId" = ANY(${kidIds}::text[])
    ), ind AS (
      SELECT i."planId", ${nameKey("i")} AS key, i.code, i.name, i.unit, i.direction::text AS direction, ${PATH} AS path, ${GROUP_NAME} AS "groupName"
      FROM kid_rows i ${groupJoins("kid_rows")}
      WHERE NOT i."isGroup" AND i.inheritance <> 'DROPPED'
    )
    SELECT key, min(code) AS code, min(name) AS name, min(unit) AS unit, min(direction) AS direction, mode() WITHIN GROUP (ORDER BY "groupName") AS "groupName"
    FROM ind GROUP BY key ORDER BY min(path), key LIMIT 400`;
}

type CountColumns = { MET: number; ON_TRACK: number; AT_RISK: number; OFF_TRACK: number; NO_DATA: number };
type AggregateRow = CountColumns & {
  plan: string;
  /** "3X,7M,12N": the 1-based column numbers this plan has an indicator in, each with its status letter. */
  cells: string | null;
  belowPlans: number | null;
  belowMet: number | null;
  belowOnTrack: number | null;
  belowAtRisk: number | null;
  belowOffTrack: number | null;
  belowNoData: number | null;
};

/** The status letter (STATUS_LETTERS) of the aggregate's `status` column. */
const STATUS_LETTER = raw(
  `CASE status ${STATUSES.map((s) => `WHEN '${s}' THEN '${STATUS_LETTERS[s]}'`).join(" ")} END`,
);

const COUNTS = (status: string) =>
  raw(`count(*) FILTER (WHERE ${status} = 'MET')::int AS "MET", count(*) FILTER (WHERE ${status} = 'ON_TRACK')::int AS "ON_TRACK",
       count(*) FILTER (WHERE ${status} = 'AT_RISK')::int AS "AT_RISK", count(*) FILTER (WHERE ${status} = 'OFF_TRACK')::int AS "OFF_TRACK",
       count(*) FILTER (WHERE ${status} = 'NO_DATA')::int AS "NO_DATA"`);

/**
 * The aggregate, one row per child plan: its counts by status (the status stored with the actual of
 * that year, "no data" without one), its matrix cells as a column → status object, and the counts of
 * the results of the plans below it with how many there are (`withBelow`: only when there are some).
 * `groupFiltered` narrows the plans below to indicators of the selected columns. Each of a child's
 * indicators in the columns counts once (two derived from the same parent indicator both count; the
 * cell shows one of them). Children without indicators in the columns have no row.
 */
export function aggregateQuery(
  scope: Scope,
  input: {
    kidIds: string[];
    colKeys: string[];
    byName: boolean;
    year: number;
    groupFiltered: boolean;
    withBelow: boolean;
  },
): Sql {
  const col = input.byName ? nameKey("i") : raw(`i."derivedFromId"`);
  return sql`
    WITH actuals AS MATERIALIZED (
      SELECT a."indicatorId", a.status::text AS status FROM indicator_actuals a WHERE a."planId" = ANY(${input.kidIds}::text[]) AND a.year = ${input.year}::int
    ), columns AS (
      SELECT col, n FROM unnest(${input.colKeys}::text[]) WITH ORDINALITY AS c(col, n)
    ), cells AS (
      ${
        input.byName
          ? // Matched by name, a plan may hold two indicators of the same name: the first one counts.
            sql`SELECT DISTINCT ON (i."planId", ${col}) i."planId" AS plan, c.n, i.id AS ind, coalesce(a.status, 'NO_DATA') AS status
              FROM indicators i JOIN columns c ON c.col = ${col} LEFT JOIN actuals a ON a."indicatorId" = i.id
              WHERE i."planId" = ANY(${input.kidIds}::text[]) AND NOT i."isGroup" AND i.inheritance <> 'DROPPED'
              ORDER BY i."planId", ${col}, i.position`
          : sql`SELECT i."planId" AS plan, c.n, i.id AS ind, coalesce(a.status, 'NO_DATA') AS status
              FROM indicators i JOIN columns c ON c.col = ${col} LEFT JOIN actuals a ON a."indicatorId" = i.id
              WHERE i."planId" = ANY(${input.kidIds}::text[]) AND NOT i."isGroup" AND i.inheritance <> 'DROPPED'`
      }
    ), per_plan AS (
      SELECT plan, ${COUNTS("status")}, string_agg(n::text || ${STATUS_LETTER}, ',') AS cells FROM cells GROUP BY plan
    )${
      input.withBelow
        ? sql`, below AS (
      SELECT c."parentId" AS plan, ${COUNTS("a.status")}
      FROM plans c
      JOIN indicator_actuals a ON a."planId" = c.id AND a.year = ${input.year}::int
      WHERE c."parentId" = ANY(${input.kidIds}::text[]) AND ${visible(scope, "c")}
        ${input.groupFiltered ? sql`AND a."indicatorId" IN (SELECT d.id FROM indicators d WHERE d."derivedFromId" IN (SELECT ind FROM cells))` : empty}
      GROUP BY c."parentId"
    ), below_plans AS (
      SELECT c."parentId" AS plan, count(*)::int AS n FROM plans c
      WHERE c."parentId" = ANY(${input.kidIds}::text[]) AND ${visible(scope, "c")}
      GROUP BY c."parentId"
    )
    SELECT k.plan, coalesce(p."MET", 0) AS "MET", coalesce(p."ON_TRACK", 0) AS "ON_TRACK", coalesce(p."AT_RISK", 0) AS "AT_RISK",
           coalesce(p."OFF_TRACK", 0) AS "OFF_TRACK", coalesce(p."NO_DATA", 0) AS "NO_DATA", p.cells, bp.n AS "belowPlans",
           b."MET" AS "belowMet", b."ON_TRACK" AS "belowOnTrack", b."AT_RISK" AS "belowAtRisk", b."OFF_TRACK" AS "belowOffTrack", b."NO_DATA" AS "belowNoData"
    FROM unnest(${input.kidIds}::text[]) AS k(plan)
    LEFT JOIN per_plan p ON p.plan = k.plan
    LEFT JOIN below b ON b.plan = k.plan
    LEFT JOIN below_plans bp ON bp.plan = k.plan`
        : sql`
    SELECT p.*, NULL::int AS "belowPlans" FROM per_plan p`
    }`;
}

function countsOf(row: CountColumns): StatusCounts {
  return { MET: row.MET, ON_TRACK: row.ON_TRACK, AT_RISK: row.AT_RISK, OFF_TRACK: row.OFF_TRACK, NO_DATA: row.NO_DATA };
}

function currentYearOf(today: string): number {
  return Number(today.slice(0, 4));
}

export async function getRollup(
  db: ScopedDb,
  scope: Scope,
  filters: RollupFilters,
  options: RollupOptions = {},
): Promise<Rollup> {
  const today = options.today ?? todayInVietnam();
  const currentYear = currentYearOf(today);
  const [found] = await rows<ContextRow>(db, contextQuery(scope, filters, currentYear));
  const planChoices = (parseJson<Omit<PlanOption, "number">[]>(found?.options ?? null) ?? []).map((o) => ({
    ...o,
    number: numberOf(o),
  }));
  const base: Rollup = {
    today,
    currentYear,
    options: planChoices,
    anchor: null,
    mode: "derived",
    groups: [],
    columns: [],
    years: [],
    year: null,
    rows: [],
    totals: emptyCounts(),
    filters,
    attributedRows: 0,
    hasIllustrative: false,
  };
  const context: Context | null = found
    ? {
        anchor: parseJson(found.anchor),
        kids: parseJson(found.kids) ?? [],
        columns: parseJson(found.columns) ?? [],
        latest: found.latest,
        hasBelow: found.hasBelow,
      }
    : null;
  if (!context?.anchor) {
    if (filters.plan) throw new NotFoundError("Không tìm thấy kế hoạch");
    return base;
  }
  const anchor: Anchor = { ...context.anchor, number: numberOf(context.anchor) };
  const kids: ChildPlan[] = context.kids.map((kid) => {
    const { dissolved, successors } = attribution(kid, today);
    return { ...kid, number: numberOf(kid), dissolved, successorNames: successors };
  });
  if (!planChoices.some((o) => o.id === anchor.id)) {
    planChoices.unshift({
      id: anchor.id,
      notation: anchor.notation,
      numberSerial: anchor.numberSerial,
      typeCode: anchor.typeCode,
      issuerCode: anchor.issuerCode,
      kind: anchor.kind,
      title: anchor.title,
      issuerName: anchor.issuerName,
      children: kids.length,
      number: anchor.number,
    });
  }

  const byName = context.columns.length === 0;
  const rawColumns =
    byName && kids.length
      ? await rows<Context["columns"][number]>(db, columnsByNameQuery(kids.map((k) => k.id)))
      : context.columns;
  const allColumns: Column[] = rawColumns.map(({ groupName, ...c }) => ({ ...c, group: groupName ?? UNGROUPED }));
  const groups = [...new Set(allColumns.map((c) => c.group))];
  const group = filters.group && groups.includes(filters.group) ? filters.group : null;
  const columns = group ? allColumns.filter((c) => c.group === group) : allColumns;
  const years = selectableYears(currentYear);
  const year = filters.year !== null && years.includes(filters.year) ? filters.year : context.latest;

  const aggregate =
    kids.length && columns.length
      ? await rows<AggregateRow>(
          db,
          aggregateQuery(scope, {
            kidIds: kids.map((k) => k.id),
            colKeys: columns.map((c) => c.key),
            byName,
            year: year ?? currentYear,
            groupFiltered: group !== null,
            withBelow: context.hasBelow,
          }),
        )
      : [];

  const aggregates = new Map(aggregate.map((row) => [row.plan, row]));
  const byPlan = kids.map((kid): RollupRow => {
    const row = aggregates.get(kid.id);
    return {
      plan: kid,
      label: kid.issuerName,
      counts: row ? countsOf(row) : emptyCounts(),
      cells: cellString(row?.cells ?? null, columns.length),
      below: row?.belowPlans
        ? {
            plans: row.belowPlans,
            counts: {
              MET: row.belowMet ?? 0,
              ON_TRACK: row.belowOnTrack ?? 0,
              AT_RISK: row.belowAtRisk ?? 0,
              OFF_TRACK: row.belowOffTrack ?? 0,
              NO_DATA: row.belowNoData ?? 0,
            },
          }
        : null,
    };
  });
  const sorted = sortRows(byPlan, filters.sort);
  return {
    ...base,
    anchor,
    mode: byName ? "by-name" : "derived",
    groups,
    columns,
    years,
    year,
    rows: sorted,
    totals: sumCounts(sorted),
    filters: { ...filters, plan: anchor.id, group, year },
    attributedRows: kids.filter((k) => k.dissolved).length,
    hasIllustrative: anchor.isIllustrative || kids.some((k) => k.isIllustrative),
  };
}

// ---------------------------------------------------------------------------------------------
// Target alignment

export type WeakerTarget = { plan: ChildPlan; year: number; childText: string; parentText: string };
export type AlignmentItem = { column: Column; weaker: WeakerTarget[] };

/** A target as the alignment statement sends it: kind, lower, upper, isPercent, qualitative, text. */
type TargetCells = [TargetKind, number | null, number | null, boolean, string | null, string | null];

function targetFrom([kind, lower, upper, isPercent, qualitative, text]: TargetCells): TargetRow {
  return { kind, lower, upper, isPercent, qualitative, text: text ?? "" };
}

/** Vietnamese order for names (one collator: localeCompare(…, "vi") builds one per call). */
const VIETNAMESE = new Intl.Collator("vi");

/**
 * For every indicator the children inherited from the plan rolled up: the children whose target for a
 * milestone year asks for less than the parent's. Pairs whose text is identical are left to PostgreSQL
 * to drop; the rest (a bounded set: one province's children) are compared by the domain's compareAmbition.
 * The parent's targets (one plan's) and the children's differing ones come back as two JSON texts of
 * positional arrays: for the largest province that is 5,000 child targets, which Prisma's row-by-row
 * conversion took 40–70 ms of CPU to hand over (measured under `npm run load`).
 */
export async function getTargetAlignment(db: ScopedDb, rollup: Rollup): Promise<AlignmentItem[] | null> {
  if (!rollup.anchor || rollup.mode !== "derived") return null;
  if (rollup.rows.length === 0 || rollup.columns.length === 0) return [];
  const kidIds = rollup.rows.map((r) => r.plan.id);
  const columns = new Set(rollup.columns.map((c) => c.key));
  // The children's targets are read by plan (one index range each), not one indicator at a time; the
  // group filter is applied afterwards, to the few pairs whose texts differ.
  const [found] = await rows<{ parents: string | null; children: string | null }>(
    db,
    sql`
    WITH parent AS MATERIALIZED (
      SELECT pt."indicatorId", pt.year, pt.kind, pt.lower, pt.upper, pt."isPercent", pt.qualitative, pt.text, pi.direction
      FROM indicator_targets pt JOIN indicators pi ON pi.id = pt."indicatorId" AND pi."planId" = ${rollup.anchor.id}::text
      WHERE pt."planId" = ${rollup.anchor.id}::text AND pt.kind <> 'NONE'
    ), child AS MATERIALIZED (
      SELECT ci.id, ci."planId", ci."derivedFromId" FROM indicators ci
      WHERE ci."planId" = ANY(${kidIds}::text[]) AND NOT ci."isGroup" AND ci.inheritance <> 'DROPPED' AND ci."derivedFromId" IS NOT NULL
    ), child_targets AS MATERIALIZED (
      SELECT ct."indicatorId", ct.year, ct.kind, ct.lower, ct.upper, ct."isPercent", ct.qualitative, ct.text
      FROM indicator_targets ct WHERE ct."planId" = ANY(${kidIds}::text[]) AND ct.kind <> 'NONE'
    )
    SELECT
      (SELECT json_agg(json_build_array(p."indicatorId", p.year, p.direction::text,
         json_build_array(p.kind::text, p.lower::float8, p.upper::float8, p."isPercent", p.qualitative, p.text))) FROM parent p)::text AS parents,
      (SELECT json_agg(json_build_array(ci."planId", ci."derivedFromId", ct.year,
         json_build_array(ct.kind::text, ct.lower::float8, ct.upper::float8, ct."isPercent", ct.qualitative, ct.text)))
       FROM child_targets ct
       JOIN child ci ON ci.id = ct."indicatorId"
       JOIN parent p ON p."indicatorId" = ci."derivedFromId" AND p.year = ct.year
       WHERE ct.text IS DISTINCT FROM p.text)::text AS children`,
  );
  const parents = new Map(
    (parseJson<[string, number, Direction, TargetCells][]>(found?.parents ?? null) ?? []).map(
      ([indicator, year, direction, cells]) => [`${indicator}:${year}`, { direction, target: targetFrom(cells) }],
    ),
  );
  const pairs = (parseJson<[string, string, number, TargetCells][]>(found?.children ?? null) ?? []).flatMap(
    ([plan, col, year, cells]) => {
      const parent = parents.get(`${col}:${year}`);
      return parent && columns.has(col)
        ? [{ plan, col, year, direction: parent.direction, child: targetFrom(cells), parent: parent.target }]
        : [];
    },
  );
  const plans = new Map(rollup.rows.map((r) => [r.plan.id, r.plan]));
  const byColumn = new Map<string, WeakerTarget[]>();
  for (const pair of weakerTargets(pairs)) {
    const plan = plans.get(pair.plan);
    if (!plan) continue;
    const list = byColumn.get(pair.col) ?? [];
    if (!list.length) byColumn.set(pair.col, list);
    list.push({ plan, year: pair.year, childText: pair.child.text, parentText: pair.parent.text });
  }
  return rollup.columns
    .filter((c) => byColumn.has(c.key))
    .map((column) => ({
      column,
      weaker: byColumn
        .get(column.key)!
        .sort((a, b) => a.year - b.year || VIETNAMESE.compare(a.plan.issuerName, b.plan.issuerName)),
    }));
}

// ---------------------------------------------------------------------------------------------
// Plan issuance and yearly reports

export type IssuanceRow = {
  /** Today's locality (a commune under a province, a province under the Centre); null for plans not tied to one. */
  locality: { id: string; name: string } | null;
  plans: { plan: ChildPlan; inherited: boolean; issuance: Issuance }[];
  issuance: Issuance;
};

export type IssuanceSummary = {
  dueOn: string | null;
  rows: IssuanceRow[];
  issued: number;
  missed: number;
  missing: number;
};

const ISSUANCE_RANK: Record<Issuance["state"], number> = {
  ON_TIME: 0,
  ISSUED: 1,
  LATE: 2,
  DRAFT: 3,
  DRAFT_OVERDUE: 4,
  MISSING: 5,
  MISSING_OVERDUE: 6,
};

/**
 * Which of today's localities below the plan's issuer have issued their implementing plan, and when.
 * A plan of a body that no longer exists counts for the localities of its successors (organisation
 * successions, else the successions of its administrative unit).
 */
export async function getIssuance(db: ScopedDb, rollup: Rollup): Promise<IssuanceSummary | null> {
  const anchor = rollup.anchor;
  if (!anchor) return null;
  const kids = rollup.rows.map((r) => r.plan);
  const found = await rows<{ id: string; name: string; plans: { plan: string; inherited: boolean }[] }>(
    db,
    sql`
    WITH expected AS (
      SELECT u.id, u.code, u."fullName" AS name FROM admin_units u WHERE u.era = 'FROM_2025' AND u."parentId" = ${anchor.unitId}::text
    ), kid AS (
      SELECT * FROM unnest(${kids.map((k) => k.id)}::text[], ${kids.map((k) => k.issuerId)}::text[], ${kids.map((k) => k.unitId)}::text[], ${kids.map((k) => k.provinceCode ?? "")}::text[], ${kids.map((k) => k.dissolved)}::boolean[])
        AS k(plan, org, unit, pc, dissolved)
    ), attributed AS (
      SELECT k.plan, e.id AS locality, false AS inherited FROM kid k JOIN expected e ON e.id = k.unit
      UNION
      SELECT k.plan, e.id, true FROM kid k
        JOIN organization_successions s ON s."predecessorId" = k.org JOIN organizations so ON so.id = s."successorId" JOIN expected e ON e.id = so."adminUnitId"
      WHERE k.dissolved
      UNION
      SELECT k.plan, e.id, true FROM kid k JOIN admin_successions s ON s."predecessorId" = k.unit JOIN expected e ON e.id = s."successorId"
      WHERE k.dissolved AND NOT EXISTS (SELECT 1 FROM organization_successions x WHERE x."predecessorId" = k.org)
      UNION
      SELECT k.plan, e.id, k.unit <> e.id FROM kid k JOIN expected e ON e.code = k.pc
      WHERE ${anchor.level === "CENTRAL"}::boolean
    )
    SELECT e.id, e.name, coalesce(json_agg(json_build_object('plan', a.plan, 'inherited', a.inherited)) FILTER (WHERE a.plan IS NOT NULL), '[]'::json) AS plans
    FROM expected e LEFT JOIN attributed a ON a.locality = e.id
    GROUP BY e.id, e.code, e.name
    ORDER BY e.code`,
  );

  const today = rollup.today;
  const dueOn = anchor.childPlanDueOn;
  const byId = new Map(kids.map((k) => [k.id, k]));
  const stateOf = (plan: ChildPlan) => issuanceState({ status: plan.status, issuedOn: plan.issuedOn, dueOn, today });
  const attributed = new Set<string>();
  const out: IssuanceRow[] = found.map((locality) => {
    // An own plan and an inherited one for the same plan: keep the own one.
    const seen = new Map<string, boolean>();
    for (const p of locality.plans) seen.set(p.plan, (seen.get(p.plan) ?? true) && p.inherited);
    const plans = [...seen.entries()]
      .map(([id, inherited]) => ({ plan: byId.get(id), inherited }))
      .filter((p): p is { plan: ChildPlan; inherited: boolean } => p.plan !== undefined)
      .map((p) => ({ ...p, issuance: stateOf(p.plan) }))
      .sort((a, b) => ISSUANCE_RANK[a.issuance.state] - ISSUANCE_RANK[b.issuance.state]);
    plans.forEach((p) => attributed.add(p.plan.id));
    const issuance = plans[0]?.issuance ?? issuanceState({ status: null, issuedOn: null, dueOn, today });
    return { locality: { id: locality.id, name: locality.name }, plans, issuance };
  });
  for (const kid of kids) {
    if (!attributed.has(kid.id))
      out.push({
        locality: null,
        plans: [{ plan: kid, inherited: false, issuance: stateOf(kid) }],
        issuance: stateOf(kid),
      });
  }
  // Who missed the deadline first, then those still waiting, then the rest.
  out.sort(
    (a, b) =>
      Number(missedDeadline(b.issuance.state)) - Number(missedDeadline(a.issuance.state)) ||
      ISSUANCE_RANK[b.issuance.state] - ISSUANCE_RANK[a.issuance.state] ||
      VIETNAMESE.compare(
        a.locality?.name ?? a.plans[0]?.plan.issuerName ?? "",
        b.locality?.name ?? b.plans[0]?.plan.issuerName ?? "",
      ),
  );
  const issued = out.filter((r) => ["ON_TIME", "LATE", "ISSUED"].includes(r.issuance.state)).length;
  return {
    dueOn,
    rows: out,
    issued,
    missed: out.filter((r) => missedDeadline(r.issuance.state)).length,
    missing: out.length - issued,
  };
}

export type ReportRow = { plan: ChildPlan; standing: ReportStanding };
export type ReportsSummary = { year: number; due: string; daysLeft: number; rows: ReportRow[]; submitted: number };

/** This year's report of every child plan (a missing report is "chưa nộp"), with the days left until it is due. */
export async function getReports(db: ScopedDb, rollup: Rollup): Promise<ReportsSummary | null> {
  const anchor = rollup.anchor;
  if (!anchor) return null;
  const found = rollup.rows.length
    ? await rows<{ planId: string; status: ReportStatus; dueOn: string }>(
        db,
        sql`
        SELECT r."planId", r.status::text AS status, to_char(r."dueOn", 'YYYY-MM-DD') AS "dueOn"
        FROM reports r WHERE r."planId" = ANY(${rollup.rows.map((r) => r.plan.id)}::text[]) AND r.year = ${rollup.currentYear}::int`,
      )
    : [];
  const reports = new Map(found.map((r) => [r.planId, r]));
  const parentDue =
    anchor.childReportDueDay && anchor.childReportDueMonth
      ? { day: anchor.childReportDueDay, month: anchor.childReportDueMonth }
      : null;
  const due = reportDueDate(rollup.currentYear, parentDue, null);
  const out = rollup.rows
    .map((r) => {
      const report = reports.get(r.plan.id);
      return {
        plan: r.plan,
        standing: reportStanding({
          status: report?.status ?? null,
          due: reportDueDate(rollup.currentYear, parentDue, report?.dueOn ?? null),
          today: rollup.today,
        }),
      };
    })
    .sort(
      (a, b) =>
        Number(a.standing.submitted) - Number(b.standing.submitted) ||
        a.standing.daysLeft - b.standing.daysLeft ||
        VIETNAMESE.compare(a.plan.issuerName, b.plan.issuerName),
    );
  return {
    year: rollup.currentYear,
    due,
    daysLeft: daysUntil(due, rollup.today),
    rows: out,
    submitted: out.filter((r) => r.standing.submitted).length,
  };
}

/** Everything the /dashboard page shows, in one scoped transaction. */
/**
 * The rollup page's data. The children's targets weaker than the parent's (`alignment`) cost as much
 * as the rest together for a large province (every child's targets are compared): the page leaves
 * them to /dashboard/targets (`alignment: false`).
 */
export async function getDashboard(
  db: ScopedDb,
  scope: Scope,
  filters: RollupFilters,
  options: RollupOptions & { alignment?: boolean } = {},
) {
  const rollup = await getRollup(db, scope, filters, options);
  const issuance = await getIssuance(db, rollup);
  const alignment = options.alignment === false ? undefined : await getTargetAlignment(db, rollup);
  const reports = await getReports(db, rollup);
  return { rollup, issuance, alignment, reports };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

// ---------------------------------------------------------------------------------------------
// One plan's dashboard

type PlanDashboardRow = {
  plan: NumberParts & {
    id: string;
    kind: DocumentKind;
    title: string;
    status: PlanStatus;
    track: Track | "OTHER";
    issuedOn: string | null;
    isIllustrative: boolean;
    parentId: string | null;
    issuerName: string;
    issuerValidTo: string | null;
    successors: { name: string }[];
    children: number;
    parent: (NumberParts & { id: string; kind: DocumentKind; issuerName: string }) | null;
  };
  indicators: Omit<DashboardIndicator, "targets" | "actuals">[];
  /** Every actual up to the current year, by its status only: what the counts and the year choice need. */
  statuses: { indicatorId: string; year: number; status: IndicatorStatus }[];
  illustrative: boolean;
  tasks: TaskRow[];
  leads: LeadRow[];
  progress: ProgressRow[];
};

/** The figures of the indicators whose cards are shown. */
type PlanDetailsRow = {
  targets: (DashboardTarget & { indicatorId: string })[];
  actuals: (DashboardActual & { indicatorId: string })[];
};

// The rows travel from PostgreSQL as positional arrays (json_build_array), in the order these keys
// give: an object with its keys for each of ~600 actuals cost PostgreSQL twice the time to build and
// made the document twice the size. Decoded once, here.
type Tuple<T> = T[keyof T][];
type Tuples<R> = { [K in keyof R]: R[K] extends readonly (infer T)[] ? Tuple<T>[] : R[K] };

function decodeRows<T>(rows: Tuple<T>[], keys: readonly (keyof T)[]): T[] {
  return rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i]])) as T);
}

const INDICATOR_KEYS = [
  "id",
  "parentIndicatorId",
  "isGroup",
  "position",
  "code",
  "name",
  "unit",
  "direction",
  "baselineValue",
  "baselineYear",
  "baselineText",
] as const satisfies readonly (keyof PlanDashboardRow["indicators"][number])[];
const STATUS_KEYS = [
  "indicatorId",
  "year",
  "status",
] as const satisfies readonly (keyof PlanDashboardRow["statuses"][number])[];
const TASK_KEYS = [
  "id",
  "parentTaskId",
  "position",
  "numbering",
  "title",
  "body",
] as const satisfies readonly (keyof TaskRow)[];
const LEAD_KEYS = ["taskId", "organizationId", "name"] as const satisfies readonly (keyof LeadRow)[];
const PROGRESS_KEYS = ["taskId", "year", "status"] as const satisfies readonly (keyof ProgressRow)[];
const TARGET_KEYS = [
  "indicatorId",
  "year",
  "kind",
  "lower",
  "upper",
  "isPercent",
  "qualitative",
  "text",
] as const satisfies readonly (keyof PlanDetailsRow["targets"][number])[];
const ACTUAL_KEYS = [
  "indicatorId",
  "year",
  "value",
  "text",
  "status",
  "isIllustrative",
] as const satisfies readonly (keyof PlanDetailsRow["actuals"][number])[];

/** An indicator of a plan's dashboard, with its status in the dashboard's year. */
export type PlanDashboardIndicator = Omit<DashboardIndicator, "targets" | "actuals"> & {
  depth: number;
  status: IndicatorStatus;
};

/** An indicator whose card is shown: with its targets, its actuals by year and its chart. */
export type PlanDashboardCard = PlanDashboardIndicator &
  Pick<DashboardIndicator, "targets" | "actuals"> & { chart: ChartModel | null };

export type PlanDashboard = {
  today: string;
  currentYear: number;
  plan: PlanDashboardRow["plan"] & {
    number: string;
    parent: (PlanDashboardRow["plan"]["parent"] & { number: string }) | null;
    dissolved: boolean;
    successorNames: string | null;
  };
  /** Every group with its indicators counted by status; `cards` only for the groups shown (shownGroups). */
  groups: {
    name: string;
    indicators: PlanDashboardIndicator[];
    counts: StatusCounts;
    cards: PlanDashboardCard[] | null;
  }[];
  /** Whether every group is shown, and whether the group asked for was found. */
  shown: { all: boolean; found: boolean };
  counts: StatusCounts;
  /** Years up to the current one that have figures, and the one whose statuses are shown. */
  years: number[];
  year: number | null;
  hasIllustrative: boolean;
  tasks: TaskSummary;
};

/**
 * One plan: its indicators grouped by theme and counted by status, the cards of the group asked for
 * (`group`, a group's name or ALL_GROUPS; the first group otherwise), and its tasks by status and lead
 * agency. Two statements in one scoped transaction (nothing for a plan the scope may not read): the
 * plan with every indicator's statuses, then the figures of the indicators shown, which are all that
 * the page draws. A plan has about a hundred indicators; reading the figures of every one of them for
 * a page that shows ten doubled the time the page took to answer (docs/performance.md).
 */
export async function getPlanDashboard(
  scope: Scope,
  id: string,
  options: RollupOptions & { year?: number | null; group?: string | null } = {},
): Promise<PlanDashboard> {
  const today = options.today ?? todayInVietnam();
  const currentYear = currentYearOf(today);
  return withScope(scope, async (db) => {
    const [found] = await rows<{ data: string }>(db, planDashboardQuery(scope, id, currentYear));
    if (!found) throw new NotFoundError("Không tìm thấy kế hoạch");
    const t = JSON.parse(found.data) as Tuples<PlanDashboardRow>;
    const data: PlanDashboardRow = {
      ...t,
      indicators: decodeRows(t.indicators, INDICATOR_KEYS),
      statuses: decodeRows(t.statuses, STATUS_KEYS),
      tasks: decodeRows(t.tasks, TASK_KEYS),
      leads: decodeRows(t.leads, LEAD_KEYS),
      progress: decodeRows(t.progress, PROGRESS_KEYS),
    };
    const grouped = groupIndicators(data.indicators);
    const shown = shownGroups(
      grouped.map((g) => g.name),
      options.group ?? null,
    );
    const shownIds = shown.indexes.flatMap((i) => grouped[i]!.indicators.map((indicator) => indicator.id));
    const [details] = shownIds.length ? await rows<{ data: string }>(db, planDetailsQuery(scope, id, shownIds)) : [];
    const d: Tuples<PlanDetailsRow> = details ? JSON.parse(details.data) : { targets: [], actuals: [] };
    const figures = { targets: decodeRows(d.targets, TARGET_KEYS), actuals: decodeRows(d.actuals, ACTUAL_KEYS) };
    return assemblePlanDashboard(data, grouped, shown, figures, { today, currentYear, year: options.year ?? null });
  });
}

/** Everything one plan's dashboard shows but the figures of its cards, as one JSON document (no row for a plan the scope may not read). */
export function planDashboardQuery(scope: Scope, id: string, currentYear: number): Sql {
  return prepared(sql`
    SELECT json_build_object(
      'plan', json_build_object(
        'id', p.id, 'notation', p.notation, 'numberSerial', p."numberSerial", 'typeCode', p."typeCode", 'issuerCode', p."issuerCode", 'kind', p.kind, 'title', p.title,
        'status', p.status, 'track', p.track, 'issuedOn', p."issuedOn", 'isIllustrative', p."isIllustrative", 'parentId', p."parentId",
        'issuerName', o.name, 'issuerValidTo', o."validTo",
        'successors', (SELECT coalesce(json_agg(json_build_object('name', so.name) ORDER BY so.name), '[]'::json) FROM organization_successions s JOIN organizations so ON so.id = s."successorId" WHERE s."predecessorId" = o.id),
        'children', (SELECT count(*) FROM plans c WHERE c."parentId" = p.id AND ${visible(scope, "c")}),
        'parent', (SELECT json_build_object('id', pp.id, 'notation', pp.notation, 'numberSerial', pp."numberSerial", 'typeCode', pp."typeCode", 'issuerCode', pp."issuerCode", 'kind', pp.kind, 'issuerName', po.name)
                   FROM plans pp JOIN organizations po ON po.id = pp."issuerId" WHERE pp.id = p."parentId" AND ${visible(scope, "pp")})),
      'indicators', (SELECT coalesce(json_agg(json_build_array(i.id, i."parentIndicatorId", i."isGroup", i.position, i.code, i.name,
                       i.unit, i.direction, i."baselineValue"::float8, i."baselineYear", i."baselineText")), '[]'::json)
                     FROM indicators i WHERE i."planId" = p.id AND i.inheritance <> 'DROPPED'),
      'statuses', (SELECT coalesce(json_agg(json_build_array(a."indicatorId", a.year, a.status)), '[]'::json)
                   FROM indicator_actuals a WHERE a."planId" = p.id AND a.year <= ${currentYear}::int),
      'illustrative', p."isIllustrative" OR EXISTS (SELECT 1 FROM indicator_actuals a WHERE a."planId" = p.id AND a."isIllustrative"),
      'tasks', (SELECT coalesce(json_agg(json_build_array(t.id, t."parentTaskId", t.position, t.numbering, t.title, left(t.body, 200))), '[]'::json)
                FROM tasks t WHERE t."planId" = p.id AND t.inheritance <> 'DROPPED'),
      'leads', (SELECT coalesce(json_agg(json_build_array(ta."taskId", lo.id, lo.name) ORDER BY ta.position), '[]'::json)
                FROM task_assignments ta JOIN organizations lo ON lo.id = ta."organizationId" WHERE ta."planId" = p.id AND ta.role = 'LEAD'),
      'progress', (SELECT coalesce(json_agg(json_build_array(tp."taskId", tp.year, tp.status)), '[]'::json)
                   FROM task_progress tp WHERE tp."planId" = p.id AND tp."organizationId" IS NULL AND tp.year <= ${currentYear}::int)
    )::text AS data
    FROM plans p JOIN organizations o ON o.id = p."issuerId"
    WHERE p.id = ${id}::text AND ${visible(scope, "p")}`);
}

/** The targets and the actuals (every year) of some indicators of a plan, for their cards (no row for a plan the scope may not read). */
export function planDetailsQuery(scope: Scope, planId: string, indicatorIds: readonly string[]): Sql {
  return prepared(sql`
    SELECT json_build_object(
      'targets', (SELECT coalesce(json_agg(json_build_array(t."indicatorId", t.year, t.kind, t.lower::float8, t.upper::float8, t."isPercent", t.qualitative, t.text)), '[]'::json)
                  FROM indicator_targets t WHERE t."planId" = p.id AND t."indicatorId" = ANY(${indicatorIds}::text[])),
      'actuals', (SELECT coalesce(json_agg(json_build_array(a."indicatorId", a.year, a.value::float8, a.text, a.status, a."isIllustrative")), '[]'::json)
                  FROM indicator_actuals a WHERE a."planId" = p.id AND a."indicatorId" = ANY(${indicatorIds}::text[]))
    )::text AS data
    FROM plans p WHERE p.id = ${planId}::text AND ${visible(scope, "p")}`);
}

function assemblePlanDashboard(
  data: PlanDashboardRow,
  grouped: IndicatorGroup<PlanDashboardRow["indicators"][number]>[],
  shown: ReturnType<typeof shownGroups>,
  figures: PlanDetailsRow,
  options: { today: string; currentYear: number; year: number | null },
): PlanDashboard {
  const { today, currentYear } = options;
  const years = [...new Set(data.statuses.map((a) => a.year))].sort((a, b) => a - b);
  const year = chooseYear(years, currentYear, options.year);
  // An indicator's status is the one stored with its actual of that year, "no data" without one (as in the rollup matrix).
  const statusOf = new Map<string, IndicatorStatus>();
  for (const a of data.statuses) if (a.year === year) statusOf.set(a.indicatorId, a.status);

  const targetsOf = groupBy(figures.targets, (t) => t.indicatorId);
  const actualsOf = groupBy(figures.actuals, (a) => a.indicatorId);
  const depthOf = depths(data.indicators);
  const shownIndexes = new Set(shown.indexes);
  const groups = grouped.map((g, index) => {
    const indicators = g.indicators.map((i) => ({
      ...i,
      depth: depthOf.get(i.id) ?? 0,
      status: statusOf.get(i.id) ?? "NO_DATA",
    }));
    const cards = shownIndexes.has(index)
      ? indicators.map((i) => {
          const withFigures = {
            ...i,
            targets: (targetsOf.get(i.id) ?? []).sort((a, b) => a.year - b.year),
            actuals: (actualsOf.get(i.id) ?? []).sort((a, b) => a.year - b.year),
          };
          return { ...withFigures, chart: chartModel(withFigures) };
        })
      : null;
    return { name: g.name, indicators, counts: countStatuses(indicators.map((m) => m.status)), cards };
  });
  const counts = countStatuses(groups.flatMap((g) => g.indicators.map((m) => m.status)));
  const { dissolved, successors } = attribution(data.plan, today);
  return {
    today,
    currentYear,
    plan: {
      ...data.plan,
      number: numberOf(data.plan),
      parent: data.plan.parent ? { ...data.plan.parent, number: numberOf(data.plan.parent) } : null,
      dissolved,
      successorNames: successors,
    },
    groups,
    shown: { all: shown.all, found: shown.found },
    counts,
    years,
    year,
    hasIllustrative: data.illustrative,
    tasks: taskSummary(data.tasks, data.leads, data.progress, currentYear),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

function depths(indicators: readonly { id: string; parentIndicatorId: string | null }[]): Map<string, number> {
  const parent = new Map(indicators.map((i) => [i.id, i.parentIndicatorId]));
  const out = new Map<string, number>();
  for (const i of indicators) {
    let depth = 0;
    for (let p = i.parentIndicatorId; p && depth < 10; p = parent.get(p) ?? null) depth++;
    out.set(i.id, depth);
  }
  return out;
}
