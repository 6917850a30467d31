-- CreateTable
CREATE TABLE "rollup_figures" (
    "planId" TEXT NOT NULL,
    "visibleTo" TEXT,
    "groupId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "met" INTEGER NOT NULL DEFAULT 0,
    "onTrack" INTEGER NOT NULL DEFAULT 0,
    "atRisk" INTEGER NOT NULL DEFAULT 0,
    "offTrack" INTEGER NOT NULL DEFAULT 0,
    "noData" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_figures_pkey" PRIMARY KEY ("planId","groupId","year")
);

-- AddForeignKey
ALTER TABLE "rollup_figures" ADD CONSTRAINT "rollup_figures_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Prepared figures for the rollups (ADR 0031). Per plan, indicator group and year: how many of the
-- year's actuals have each status. The national rollup sums them over each province's communes
-- instead of reading every commune's actuals on every view. Triggers keep them in the transaction
-- that writes the actuals (or moves an indicator to another group), whatever writes it: the results
-- grid, imports, seeds, a fix in SQL. Only a load that turns triggers off (the bench's generator)
-- has to call rollup_figures_rebuild() itself.

-- An indicator's group: the top-level group row above it (through up to three parent rows, as the
-- dashboards' GROUP_NAME), '' when it is in none. Written once here for the three statements below.
CREATE OR REPLACE FUNCTION rollup_figures_group(g1_id text, g1_parent text, g1_group boolean, g2_id text, g2_parent text,
                                                g2_group boolean, g3_id text, g3_group boolean) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN g1_id IS NULL THEN ''
              WHEN g1_parent IS NULL THEN CASE WHEN g1_group THEN g1_id ELSE '' END
              WHEN g2_parent IS NULL THEN CASE WHEN g2_group THEN g2_id ELSE '' END
              ELSE CASE WHEN g3_group THEN coalesce(g3_id, '') ELSE '' END END
$$;

-- Recomputes the figures of these (plan, year) pairs (parallel arrays) from the actuals, in the
-- caller's transaction. Whole (plan, year) slices rather than deltas: a slice is at most a plan's
-- indicators (about a hundred rows), and recomputing it stays right whatever happened in between
-- (an indicator deleted with its actuals, a group moved). One writer per plan at a time: the
-- advisory lock is held to the end of the transaction, so a second writer of the same plan waits,
-- and then, under READ COMMITTED (the application's level), its statements see the first one's
-- committed actuals and figures: the last to commit always counts everything. Plans are locked in
-- one order so that a statement touching several cannot deadlock with another.
CREATE OR REPLACE FUNCTION rollup_figures_refresh(plan_ids text[], years int[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF plan_ids IS NULL OR cardinality(plan_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('rollup_figures:' || k.plan, 0))
    FROM (SELECT DISTINCT u.plan FROM unnest(plan_ids) AS u(plan) ORDER BY u.plan) k;
  DELETE FROM public.rollup_figures f
    USING (SELECT DISTINCT u.plan, u.year FROM unnest(plan_ids, years) AS u(plan, year)) k
    WHERE f."planId" = k.plan AND f.year = k.year;
  INSERT INTO public.rollup_figures ("planId", "groupId", year, met, "onTrack", "atRisk", "offTrack", "noData")
  SELECT a."planId", public.rollup_figures_group(g1.id, g1."parentIndicatorId", g1."isGroup", g2.id, g2."parentIndicatorId", g2."isGroup", g3.id, g3."isGroup"),
         a.year,
         count(*) FILTER (WHERE a.status = 'MET')::int, count(*) FILTER (WHERE a.status = 'ON_TRACK')::int,
         count(*) FILTER (WHERE a.status = 'AT_RISK')::int, count(*) FILTER (WHERE a.status = 'OFF_TRACK')::int,
         count(*) FILTER (WHERE a.status = 'NO_DATA')::int
  FROM (SELECT DISTINCT u.plan, u.year FROM unnest(plan_ids, years) AS u(plan, year)) k
  JOIN public.indicator_actuals a ON a."planId" = k.plan AND a.year = k.year
  JOIN public.indicators i ON i.id = a."indicatorId"
  LEFT JOIN public.indicators g1 ON g1.id = i."parentIndicatorId"
  LEFT JOIN public.indicators g2 ON g2.id = g1."parentIndicatorId"
  LEFT JOIN public.indicators g3 ON g3.id = g2."parentIndicatorId"
  GROUP BY 1, 2, 3;
END
$$;

-- Every year of these plans that has actuals or figures.
CREATE OR REPLACE FUNCTION rollup_figures_refresh_plans(plan_ids text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  p text[];
  y int[];
BEGIN
  SELECT array_agg(k.plan), array_agg(k.year) INTO p, y FROM (
    SELECT a."planId" AS plan, a.year FROM public.indicator_actuals a WHERE a."planId" = ANY(plan_ids)
    UNION SELECT f."planId", f.year FROM public.rollup_figures f WHERE f."planId" = ANY(plan_ids)) k;
  PERFORM public.rollup_figures_refresh(p, y);
END
$$;

-- All of it, from scratch: the backfill below, and loads that run with triggers off (the bench).
CREATE OR REPLACE FUNCTION rollup_figures_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  LOCK TABLE public.rollup_figures IN EXCLUSIVE MODE;
  DELETE FROM public.rollup_figures;
  INSERT INTO public.rollup_figures ("planId", "groupId", year, met, "onTrack", "atRisk", "offTrack", "noData", "visibleTo")
  SELECT a."planId", public.rollup_figures_group(g1.id, g1."parentIndicatorId", g1."isGroup", g2.id, g2."parentIndicatorId", g2."isGroup", g3.id, g3."isGroup"),
         a.year,
         count(*) FILTER (WHERE a.status = 'MET')::int, count(*) FILTER (WHERE a.status = 'ON_TRACK')::int,
         count(*) FILTER (WHERE a.status = 'AT_RISK')::int, count(*) FILTER (WHERE a.status = 'OFF_TRACK')::int,
         count(*) FILTER (WHERE a.status = 'NO_DATA')::int,
         -- The stamp trigger writes the same; given here too for loads with triggers off.
         min(public.plan_visible_to(p."provinceCode", p."publishedAt"))
  FROM public.indicator_actuals a
  JOIN public.plans p ON p.id = a."planId"
  JOIN public.indicators i ON i.id = a."indicatorId"
  LEFT JOIN public.indicators g1 ON g1.id = i."parentIndicatorId"
  LEFT JOIN public.indicators g2 ON g2.id = g1."parentIndicatorId"
  LEFT JOIN public.indicators g3 ON g3.id = g2."parentIndicatorId"
  GROUP BY 1, 2, 3;
END
$$;

-- After any statement that writes actuals: the (plan, year) slices it touched. An update that changes
-- none of what is counted (the figure's text, a note, the version) touches nothing.
CREATE OR REPLACE FUNCTION rollup_figures_after_actuals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  p text[];
  y int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(k."planId"), array_agg(k.year) INTO p, y FROM (SELECT DISTINCT n."planId", n.year FROM new_rows n) k;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(k."planId"), array_agg(k.year) INTO p, y FROM (SELECT DISTINCT o."planId", o.year FROM old_rows o) k;
  ELSE
    SELECT array_agg(k."planId"), array_agg(k.year) INTO p, y FROM (
      SELECT o."planId", o.year FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.status, o.year, o."planId", o."indicatorId") IS DISTINCT FROM (n.status, n.year, n."planId", n."indicatorId")
      UNION
      SELECT n."planId", n.year FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.status, o.year, o."planId", o."indicatorId") IS DISTINCT FROM (n.status, n.year, n."planId", n."indicatorId")) k;
  END IF;
  PERFORM public.rollup_figures_refresh(p, y);
  RETURN NULL;
END
$$;

CREATE TRIGGER rollup_figures_after_insert AFTER INSERT ON indicator_actuals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_figures_after_actuals();
CREATE TRIGGER rollup_figures_after_update AFTER UPDATE ON indicator_actuals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_figures_after_actuals();
CREATE TRIGGER rollup_figures_after_delete AFTER DELETE ON indicator_actuals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_figures_after_actuals();

-- An indicator moved to another group (or a row that became or stopped being a group) moves its
-- plan's counts between groups: every year of that plan is recomputed. Deleting an indicator deletes
-- its actuals, which the triggers above see.
CREATE OR REPLACE FUNCTION rollup_figures_after_indicators() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  p text[];
BEGIN
  SELECT array_agg(DISTINCT k.plan) INTO p FROM (
    SELECT o."planId" AS plan FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o."parentIndicatorId", o."isGroup", o."planId") IS DISTINCT FROM (n."parentIndicatorId", n."isGroup", n."planId")
    UNION
    SELECT n."planId" FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o."parentIndicatorId", o."isGroup", o."planId") IS DISTINCT FROM (n."parentIndicatorId", n."isGroup", n."planId")) k;
  IF p IS NOT NULL THEN
    PERFORM public.rollup_figures_refresh_plans(p);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER rollup_figures_after_update AFTER UPDATE ON indicators
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_figures_after_indicators();

-- Only the triggers write the figures: the application reads them.
REVOKE EXECUTE ON FUNCTION rollup_figures_refresh(text[], int[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rollup_figures_refresh_plans(text[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rollup_figures_rebuild() FROM PUBLIC;
REVOKE INSERT, UPDATE, DELETE ON rollup_figures FROM app_user;

-- Plan-owned like the eleven tables of ADR 0010: the stamp, and one policy per command (the write
-- policies matter only if a later migration grants writes).
CREATE TRIGGER stamp_plan_visibility BEFORE INSERT OR UPDATE ON rollup_figures FOR EACH ROW EXECUTE FUNCTION stamp_plan_visibility();
ALTER TABLE rollup_figures ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON rollup_figures FOR SELECT TO app_user
  USING ((SELECT app_signed_in()) AND ("visibleTo" = (SELECT app_province()) OR (SELECT app_all_provinces()) OR "visibleTo" IS NULL));
CREATE POLICY tenant_insert ON rollup_figures FOR INSERT TO app_user
  WITH CHECK (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")));
CREATE POLICY tenant_update ON rollup_figures FOR UPDATE TO app_user
  USING (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")))
  WITH CHECK (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")));
CREATE POLICY tenant_delete ON rollup_figures FOR DELETE TO app_user
  USING (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")));

-- Publishing or withdrawing a plan restamps its rows: the figures too.
CREATE OR REPLACE FUNCTION restamp_plan_visibility() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  t text;
BEGIN
  IF NEW."provinceCode" IS DISTINCT FROM OLD."provinceCode" THEN
    RAISE EXCEPTION 'Không đổi được tỉnh của một kế hoạch';
  END IF;
  IF public.plan_visible_to(NEW."provinceCode", NEW."publishedAt") IS DISTINCT FROM public.plan_visible_to(OLD."provinceCode", OLD."publishedAt") THEN
    FOREACH t IN ARRAY ARRAY['plan_citations', 'inheritance_decisions', 'plan_versions', 'tasks', 'task_assignments', 'indicators',
                             'indicator_targets', 'indicator_actuals', 'task_progress', 'reports', 'report_submissions', 'rollup_figures']
    LOOP
      EXECUTE format('UPDATE public.%I SET "visibleTo" = NULL WHERE "planId" = $1', t) USING NEW.id;
    END LOOP;
  END IF;
  RETURN NEW;
END
$$;

-- The figures of what is already there.
SELECT rollup_figures_rebuild();
