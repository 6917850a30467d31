import "server-only";
import {
  type Level,
  type PlanStatus,
  parseJson,
  rows,
  visible,
  nameKey,
  groupJoins,
  INDICATOR_ROWS,
  GROUP_NAME,
  PATH,
  LEVEL_RANK,
  type NumberParts,
  numberOf,
} from "./query-common";
import { type DocumentKind } from "@/domain/document-number";
import { sortChoices, type ResolutionChoice } from "@/domain/resolution-choice";
import type { IndicatorStatus } from "@/domain/indicator-status";
import type { Direction } from "@/domain/target-notation";
import type { ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { NotFoundError } from "@/server/errors";
import {
  attribution,
  cellString,
  sortRows,
  sumCounts,
  todayInVietnam,
  UNGROUPED,
  type RollupFilters,
  type Track,
} from "./rollup";
import { prepared, sql, type Sql } from "@/server/db/sql";
import { aggregate, type PlanAggregate } from "./rollup-aggregate";
import { emptyCounts, type StatusCounts } from "./status";
import { statusOfLetter } from "./status-letters";

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
  /** The rolled-up plan's targets for this indicator ("2025: 95%; 2030: 97%"); null when matched by name. */
  targets: string | null;
};

export type RollupRow = {
  plan: ChildPlan;
  label: string;
  counts: StatusCounts;
  /** One letter per column of the rollup (STATUS_LETTERS; NO_CELL where the plan has no such indicator): see cellStatus(). */
  cells: string;
  /** The year's figures as written, by column index (0-based), where there is one. */
  values: Record<number, string>;
  /** Results of the plans below this one (e.g. a province's communes, in the national rollup). */
  below: { plans: number; counts: StatusCounts } | null;
};

export type Rollup = {
  today: string;
  currentYear: number;
  /** The resolutions the user's body has plans of (ADR 0033), most plans first; the picker shows them when there are several. */
  resolutions: ResolutionChoice[];
  /** The resolution shown: the anchor's (plans.resolutionId), null when there is no anchor. */
  resolution: string | null;
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
  resolutions: string;
  resolution: string | null;
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
    WITH body_plans AS MATERIALIZED (
      SELECT p.id, p.notation::text AS notation, p."numberSerial", p."typeCode", p."issuerCode", p.kind::text AS kind, p.title, o.name AS "issuerName", p."issuedOn",
             p."resolutionId", (SELECT count(*)::int FROM plans c WHERE c."parentId" = p.id AND ${visible(scope, "c")}) AS children
      FROM plans p JOIN organizations o ON o.id = p."issuerId"
      WHERE (p."issuerId" = ANY(${bodies}::text[]) OR (${central}::boolean AND p."provinceCode" IS NULL)) AND ${visible(scope, "p")}
    ), resolutions AS (
      -- The cascades the body has plans in (ADR 0033): its own plans and those implementing them, per resolution.
      SELECT r.id, r.notation::text AS notation, r."numberSerial", r."typeCode", r."issuerCode", r.title, r."issuedOn",
             (count(*) + sum(b.children))::int AS plans, sum(b.children) > 0 AS "hasChildren"
      FROM body_plans b JOIN plans r ON r.id = b."resolutionId"
      WHERE ${visible(scope, "r")}
      GROUP BY r.id
    ), chosen_resolution AS MATERIALIZED (
      -- The plan asked for decides (a shared link to one plan); else the resolution asked for, when the
      -- body has plans in it; else the one with most plans among those with plans below the body's (so
      -- that there is something to roll up), then as sortChoices orders them.
      SELECT coalesce(
        (SELECT p."resolutionId" FROM plans p WHERE p.id = ${filters.plan}::text AND ${visible(scope, "p")}),
        (SELECT id FROM resolutions WHERE id = ${filters.resolution}::text),
        (SELECT id FROM resolutions ORDER BY "hasChildren" DESC, plans DESC, "issuedOn" DESC NULLS LAST, "numberSerial", id LIMIT 1)
      ) AS id
    ), options AS (
      SELECT b.id, b.notation, b."numberSerial", b."typeCode", b."issuerCode", b.kind, b.title, b."issuerName", b."issuedOn", b.children
      FROM body_plans b
      WHERE b."resolutionId" IS NOT DISTINCT FROM (SELECT id FROM chosen_resolution) OR NOT EXISTS (SELECT 1 FROM resolutions)
      ORDER BY children DESC, "issuedOn" DESC NULLS LAST, title, id
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
      SELECT i.id AS key, i.code, i.name, i.unit, i.direction::text AS direction, ${PATH} AS path, ${GROUP_NAME} AS "groupName",
             (SELECT string_agg(t.year || ': ' || t.text, '; ' ORDER BY t.year) FROM indicator_targets t WHERE t."indicatorId" = i.id AND t.kind <> 'NONE') AS targets
      FROM anchor_rows i ${groupJoins("anchor_rows")}
      WHERE NOT i."isGroup" AND i.inheritance <> 'DROPPED'
    )
    SELECT (SELECT coalesce(json_agg(r), '[]'::json) FROM resolutions r)::text AS resolutions,
           (SELECT id FROM chosen_resolution) AS resolution,
           (SELECT coalesce(json_agg(o ORDER BY o.children DESC, o."issuedOn" DESC NULLS LAST, o.title, o.id), '[]'::json) FROM options o)::text AS options,
           (SELECT row_to_json(a) FROM anchor a)::text AS anchor,
           (SELECT coalesce(json_agg(k ORDER BY k."issuerName", k.id), '[]'::json) FROM kids k)::text AS kids,
           (SELECT coalesce(json_agg(json_build_object('key', c.key, 'code', c.code, 'name', c.name, 'unit', c.unit, 'direction', c.direction, 'groupName', c."groupName", 'targets', c.targets) ORDER BY c.path, c.key), '[]'::json) FROM cols c)::text AS columns,
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
    SELECT key, min(code) AS code, min(name) AS name, min(unit) AS unit, min(direction) AS direction, mode() WITHIN GROUP (ORDER BY "groupName") AS "groupName", NULL::text AS targets
    FROM ind GROUP BY key ORDER BY min(path), key LIMIT 400`;
}

export function currentYearOf(today: string): number {
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
  const resolutions = sortChoices(
    (
      parseJson<(NumberParts & { id: string; title: string; issuedOn: string | null; plans: number })[]>(
        found?.resolutions ?? null,
      ) ?? []
    ).map((r) => ({
      id: r.id,
      number: numberOf(r),
      title: r.title,
      plans: r.plans,
      issuedOn: r.issuedOn ? r.issuedOn.slice(0, 10) : null,
    })),
  );
  const base: Rollup = {
    today,
    currentYear,
    resolutions,
    resolution: found?.resolution ?? null,
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

  const aggregates =
    kids.length && columns.length
      ? await aggregate(db, scope, {
          kidIds: kids.map((k) => k.id),
          colKeys: columns.map((c) => c.key),
          byName,
          year: year ?? currentYear,
          groupFiltered: group !== null,
          withBelow: context.hasBelow,
        })
      : new Map<string, PlanAggregate>();
  const byPlan = kids.map((kid): RollupRow => {
    const row = aggregates.get(kid.id);
    return {
      plan: kid,
      label: kid.issuerName,
      counts: row?.counts ?? emptyCounts(),
      cells: row?.cells ?? cellString(null, columns.length),
      values: row?.values ?? {},
      below: row?.below ?? null,
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
    filters: { ...filters, plan: anchor.id, group, year, resolution: found?.resolution ?? null },
    attributedRows: kids.filter((k) => k.dissolved).length,
    hasIllustrative: anchor.isIllustrative || kids.some((k) => k.isIllustrative),
  };
}
