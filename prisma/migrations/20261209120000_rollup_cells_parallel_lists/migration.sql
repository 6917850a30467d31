-- The province rollup's prepared cells as parallel lists (ADR 0040) instead of one jsonb array of
-- [derivedFromId, indicatorId, status, text] entries. The rollup expanded every locality's entries
-- in SQL and grouped them again (about 15,000 for the largest province), which cost two thirds of
-- the bare aggregate over the indicators and actuals it replaced. Now a row holds its entries'
-- parent indicators (`keys`), their statuses as one letter each (`statuses`, the application's
-- STATUS_LETTERS) and their figures (`texts`), stored as they are sent: the rollup reads the rows
-- as they are and places the entries in its columns in the application. `json`, not `jsonb`: kept
-- as text, so reading them costs no conversion. The indicator ids are no longer kept: nothing read
-- them but the "below" counts of a filtered group, which now take them from the indicators.

-- Rebuilt from scratch below.
DELETE FROM "rollup_cells";

-- AlterTable
ALTER TABLE "rollup_cells" DROP COLUMN "entries",
ADD COLUMN     "keys" JSON NOT NULL,
ADD COLUMN     "statuses" TEXT NOT NULL,
ADD COLUMN     "texts" JSON NOT NULL;

-- One letter per status, as STATUS_LETTERS (src/features/dashboards/status-letters.ts); "N" (no data)
-- without an actual. tests/integration/rollup-figures.test.ts compares the two.
CREATE OR REPLACE FUNCTION rollup_status_letter(status text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE status WHEN 'MET' THEN 'M' WHEN 'ON_TRACK' THEN 'O' WHEN 'AT_RISK' THEN 'R' WHEN 'OFF_TRACK' THEN 'X' ELSE 'N' END
$$;

-- The rows of these (plan, year) pairs (year 0: the plan's indicators without figures), recomputed
-- from the indicators and actuals in the caller's transaction, as before (ADR 0039).
CREATE OR REPLACE FUNCTION rollup_cells_refresh(plan_ids text[], years int[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF plan_ids IS NULL OR cardinality(plan_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('rollup_figures:' || k.plan, 0))
    FROM (SELECT DISTINCT u.plan FROM unnest(plan_ids) AS u(plan) ORDER BY u.plan) k;
  DELETE FROM public.rollup_cells c
    USING (SELECT DISTINCT u.plan, u.year FROM unnest(plan_ids, years) AS u(plan, year)) k
    WHERE c."planId" = k.plan AND c.year = k.year;
  INSERT INTO public.rollup_cells ("planId", year, keys, statuses, texts)
  SELECT i."planId", k.year,
         json_agg(i."derivedFromId" ORDER BY i.position, i.id),
         string_agg(public.rollup_status_letter(a.status::text), '' ORDER BY i.position, i.id),
         json_agg(a.text ORDER BY i.position, i.id)
  FROM (SELECT DISTINCT u.plan, u.year FROM unnest(plan_ids, years) AS u(plan, year)) k
  JOIN public.indicators i ON i."planId" = k.plan AND NOT i."isGroup" AND i.inheritance <> 'DROPPED' AND i."derivedFromId" IS NOT NULL
  LEFT JOIN public.indicator_actuals a ON a."indicatorId" = i.id AND a.year = k.year AND k.year <> 0
  GROUP BY i."planId", k.year
  -- A year without any actual of these indicators is read from the year-0 row.
  HAVING k.year = 0 OR count(a.id) > 0;
END
$$;

-- All of it, from scratch: below, and loads that run with triggers off (the bench).
CREATE OR REPLACE FUNCTION rollup_cells_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  LOCK TABLE public.rollup_cells IN EXCLUSIVE MODE;
  DELETE FROM public.rollup_cells;
  INSERT INTO public.rollup_cells ("planId", year, keys, statuses, texts, "visibleTo")
  SELECT i."planId", 0,
         json_agg(i."derivedFromId" ORDER BY i.position, i.id),
         repeat('N', count(*)::int),
         json_agg(NULL::text),
         -- The stamp trigger writes the same; given here too for loads with triggers off.
         min(i."visibleTo")
  FROM public.indicators i
  WHERE NOT i."isGroup" AND i.inheritance <> 'DROPPED' AND i."derivedFromId" IS NOT NULL
  GROUP BY i."planId";
  INSERT INTO public.rollup_cells ("planId", year, keys, statuses, texts, "visibleTo")
  SELECT i."planId", y.year,
         json_agg(i."derivedFromId" ORDER BY i.position, i.id),
         string_agg(public.rollup_status_letter(a.status::text), '' ORDER BY i.position, i.id),
         json_agg(a.text ORDER BY i.position, i.id),
         min(i."visibleTo")
  FROM (SELECT DISTINCT x."planId", x.year FROM public.indicator_actuals x) y
  JOIN public.indicators i ON i."planId" = y."planId" AND NOT i."isGroup" AND i.inheritance <> 'DROPPED' AND i."derivedFromId" IS NOT NULL
  LEFT JOIN public.indicator_actuals a ON a."indicatorId" = i.id AND a.year = y.year
  GROUP BY i."planId", y.year
  HAVING count(a.id) > 0;
END
$$;

REVOKE EXECUTE ON FUNCTION rollup_cells_refresh(text[], int[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rollup_cells_rebuild() FROM PUBLIC;

SELECT rollup_cells_rebuild();
