-- CreateTable
CREATE TABLE "rollup_cells" (
    "planId" TEXT NOT NULL,
    "visibleTo" TEXT,
    "year" INTEGER NOT NULL,
    "entries" JSONB NOT NULL,

    CONSTRAINT "rollup_cells_pkey" PRIMARY KEY ("planId","year")
);

-- AddForeignKey
ALTER TABLE "rollup_cells" ADD CONSTRAINT "rollup_cells_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The province rollup's matrix cells prepared on write (ADR 0039, after ADR 0031's figures). The
-- matrix shows, for each locality's plan, the status and figure of its indicators derived from the
-- rolled-up plan's indicators (the columns). Per plan and year, one row lists them:
-- [derivedFromId, indicatorId, status, text] for each of the plan's indicators that is not a group
-- row, not dropped and derived from a parent indicator, with that year's actual (status 'NO_DATA'
-- and text null without one). Year 0 lists the same indicators with no figures at all: the row the
-- rollup reads for a plan without any actual that year, so that a year with none costs no row.
-- Triggers keep it in the transaction that writes the actuals or the indicators, whoever writes them.

-- The rows of these (plan, year) pairs (parallel arrays; year 0: the plan's indicators without
-- figures), recomputed from the indicators and actuals in the caller's transaction. Whole rows, not
-- deltas, as rollup_figures_refresh: a row is at most a plan's indicators. Same advisory lock per plan
-- as the figures (re-entrant within a transaction), so writers of one plan are serialised once.
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
  INSERT INTO public.rollup_cells ("planId", year, entries)
  SELECT i."planId", k.year,
         jsonb_agg(jsonb_build_array(i."derivedFromId", i.id, coalesce(a.status::text, 'NO_DATA'), a.text) ORDER BY i.position, i.id)
  FROM (SELECT DISTINCT u.plan, u.year FROM unnest(plan_ids, years) AS u(plan, year)) k
  JOIN public.indicators i ON i."planId" = k.plan AND NOT i."isGroup" AND i.inheritance <> 'DROPPED' AND i."derivedFromId" IS NOT NULL
  LEFT JOIN public.indicator_actuals a ON a."indicatorId" = i.id AND a.year = k.year AND k.year <> 0
  GROUP BY i."planId", k.year
  -- A year without any actual of these indicators is read from the year-0 row.
  HAVING k.year = 0 OR count(a.id) > 0;
END
$$;

-- Every row of these plans: year 0 and each year with actuals or a row.
CREATE OR REPLACE FUNCTION rollup_cells_refresh_plans(plan_ids text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  p text[];
  y int[];
BEGIN
  SELECT array_agg(k.plan), array_agg(k.year) INTO p, y FROM (
    SELECT u.plan, 0 AS year FROM unnest(plan_ids) AS u(plan)
    UNION SELECT a."planId", a.year FROM public.indicator_actuals a WHERE a."planId" = ANY(plan_ids)
    UNION SELECT c."planId", c.year FROM public.rollup_cells c WHERE c."planId" = ANY(plan_ids)) k;
  PERFORM public.rollup_cells_refresh(p, y);
END
$$;

-- All of it, from scratch: the backfill below, and loads that run with triggers off (the bench).
CREATE OR REPLACE FUNCTION rollup_cells_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  LOCK TABLE public.rollup_cells IN EXCLUSIVE MODE;
  DELETE FROM public.rollup_cells;
  INSERT INTO public.rollup_cells ("planId", year, entries, "visibleTo")
  SELECT i."planId", 0,
         jsonb_agg(jsonb_build_array(i."derivedFromId", i.id, 'NO_DATA', NULL) ORDER BY i.position, i.id),
         -- The stamp trigger writes the same; given here too for loads with triggers off.
         min(i."visibleTo")
  FROM public.indicators i
  WHERE NOT i."isGroup" AND i.inheritance <> 'DROPPED' AND i."derivedFromId" IS NOT NULL
  GROUP BY i."planId";
  INSERT INTO public.rollup_cells ("planId", year, entries, "visibleTo")
  SELECT i."planId", y.year,
         jsonb_agg(jsonb_build_array(i."derivedFromId", i.id, coalesce(a.status::text, 'NO_DATA'), a.text) ORDER BY i.position, i.id),
         min(i."visibleTo")
  FROM (SELECT DISTINCT x."planId", x.year FROM public.indicator_actuals x) y
  JOIN public.indicators i ON i."planId" = y."planId" AND NOT i."isGroup" AND i.inheritance <> 'DROPPED' AND i."derivedFromId" IS NOT NULL
  LEFT JOIN public.indicator_actuals a ON a."indicatorId" = i.id AND a.year = y.year
  GROUP BY i."planId", y.year
  HAVING count(a.id) > 0;
END
$$;

-- After any statement that writes actuals: the (plan, year) rows it touched. An update that changes
-- none of what a cell shows (a note, the source, the version) touches nothing.
CREATE OR REPLACE FUNCTION rollup_cells_after_actuals() RETURNS trigger
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
        WHERE (o.status, o.text, o.year, o."planId", o."indicatorId") IS DISTINCT FROM (n.status, n.text, n.year, n."planId", n."indicatorId")
      UNION
      SELECT n."planId", n.year FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.status, o.text, o.year, o."planId", o."indicatorId") IS DISTINCT FROM (n.status, n.text, n.year, n."planId", n."indicatorId")) k;
  END IF;
  PERFORM public.rollup_cells_refresh(p, y);
  RETURN NULL;
END
$$;

CREATE TRIGGER rollup_cells_after_insert AFTER INSERT ON indicator_actuals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_cells_after_actuals();
CREATE TRIGGER rollup_cells_after_update AFTER UPDATE ON indicator_actuals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_cells_after_actuals();
CREATE TRIGGER rollup_cells_after_delete AFTER DELETE ON indicator_actuals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_cells_after_actuals();

-- An indicator added, deleted, or changed in what decides whether it is a cell (its parent
-- indicator, group row, dropped) or where it sits: every row of its plan.
CREATE OR REPLACE FUNCTION rollup_cells_after_indicators() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  p text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."planId") INTO p FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."planId") INTO p FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT k.plan) INTO p FROM (
      SELECT o."planId" AS plan FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o."derivedFromId", o."isGroup", o.inheritance, o.position, o."planId") IS DISTINCT FROM (n."derivedFromId", n."isGroup", n.inheritance, n.position, n."planId")
      UNION
      SELECT n."planId" FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o."derivedFromId", o."isGroup", o.inheritance, o.position, o."planId") IS DISTINCT FROM (n."derivedFromId", n."isGroup", n.inheritance, n.position, n."planId")) k;
  END IF;
  IF p IS NOT NULL THEN
    PERFORM public.rollup_cells_refresh_plans(p);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER rollup_cells_after_insert AFTER INSERT ON indicators
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_cells_after_indicators();
CREATE TRIGGER rollup_cells_after_update AFTER UPDATE ON indicators
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_cells_after_indicators();
CREATE TRIGGER rollup_cells_after_delete AFTER DELETE ON indicators
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_cells_after_indicators();

-- Only the triggers write the cells: the application reads them.
REVOKE EXECUTE ON FUNCTION rollup_cells_refresh(text[], int[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rollup_cells_refresh_plans(text[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rollup_cells_rebuild() FROM PUBLIC;
REVOKE INSERT, UPDATE, DELETE ON rollup_cells FROM app_user;

-- Plan-owned like rollup_figures: the stamp, and one policy per command.
CREATE TRIGGER stamp_plan_visibility BEFORE INSERT OR UPDATE ON rollup_cells FOR EACH ROW EXECUTE FUNCTION stamp_plan_visibility();
ALTER TABLE rollup_cells ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON rollup_cells FOR SELECT TO app_user
  USING ((SELECT app_signed_in()) AND ("visibleTo" = (SELECT app_province()) OR (SELECT app_all_provinces()) OR "visibleTo" IS NULL));
CREATE POLICY tenant_insert ON rollup_cells FOR INSERT TO app_user
  WITH CHECK (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")));
CREATE POLICY tenant_update ON rollup_cells FOR UPDATE TO app_user
  USING (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")))
  WITH CHECK (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")));
CREATE POLICY tenant_delete ON rollup_cells FOR DELETE TO app_user
  USING (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")));

-- Publishing or withdrawing a plan restamps its rows: the cells too.
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
                             'indicator_targets', 'indicator_actuals', 'task_progress', 'reports', 'report_submissions', 'rollup_figures',
                             'rollup_cells']
    LOOP
      EXECUTE format('UPDATE public.%I SET "visibleTo" = NULL WHERE "planId" = $1', t) USING NEW.id;
    END LOOP;
  END IF;
  RETURN NEW;
END
$$;

-- The cells of what is already there.
SELECT rollup_cells_rebuild();
