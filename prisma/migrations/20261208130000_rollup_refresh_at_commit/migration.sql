-- The rollups' prepared rows (rollup_figures, ADR 0031; rollup_cells, ADR 0039) refreshed once per
-- transaction, at its commit, instead of after every statement (ADR 0039). The results grid saves a
-- few cells as one UPDATE each, then their statuses in one more statement: refreshed per statement,
-- one save recomputed the same plan's rows six times (about 35 ms of PostgreSQL per save at the
-- 15/12 peak, the largest single cost in `npm run load`). Now each statement only notes the
-- (plan, year) it touched in rollup_pending; a deferred constraint trigger on that table refreshes
-- everything the transaction noted, once, just before it commits.
--
-- A pending row never outlives its transaction: the refresh deletes them all. Other transactions'
-- pending rows are uncommitted, hence invisible, so "every pending row" is the transaction's own.
-- A second transaction noting the same (plan, year) waits on the first's row until it commits,
-- which serialises writers of one plan and year as the advisory lock did; the refresh still takes
-- that lock, so the last to commit counts everything.

-- Bookkeeping of the triggers, not plan data: no row survives its transaction and app_user may not
-- touch the table at all (hence "plan", not a "planId" under the plan-owned rules of ADR 0010).
CREATE TABLE "rollup_pending" (
    "plan" TEXT NOT NULL,
    -- -1: every year of the plan (an indicator changed).
    "year" INTEGER NOT NULL,

    CONSTRAINT "rollup_pending_pkey" PRIMARY KEY ("plan","year")
);
ALTER TABLE rollup_pending ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON rollup_pending FROM app_user;

-- The transaction's pending rows, refreshed and removed. The first of its deferred firings does all
-- of them in one set-based pass (plans locked in order); the later ones find nothing left.
CREATE OR REPLACE FUNCTION rollup_pending_refresh() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  p text[];
  y int[];
  whole text[];
BEGIN
  WITH taken AS (DELETE FROM public.rollup_pending RETURNING plan, year)
  SELECT array_agg(plan) FILTER (WHERE year >= 0), array_agg(year) FILTER (WHERE year >= 0),
         array_agg(plan) FILTER (WHERE year < 0)
    INTO p, y, whole FROM taken;
  IF whole IS NOT NULL THEN
    PERFORM public.rollup_figures_refresh_plans(whole);
    PERFORM public.rollup_cells_refresh_plans(whole);
  END IF;
  IF p IS NOT NULL THEN
    PERFORM public.rollup_figures_refresh(p, y);
    PERFORM public.rollup_cells_refresh(p, y);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER rollup_pending_at_commit AFTER INSERT ON rollup_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rollup_pending_refresh();

-- After any statement that writes actuals: the (plan, year) it touched, noted. An update that changes
-- nothing either table shows (a note, the source, the version) notes nothing.
CREATE OR REPLACE FUNCTION rollup_pending_after_actuals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO public.rollup_pending (plan, year) SELECT DISTINCT n."planId", n.year FROM new_rows n ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO public.rollup_pending (plan, year) SELECT DISTINCT o."planId", o.year FROM old_rows o ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO public.rollup_pending (plan, year)
    SELECT k.plan, k.year FROM (
      SELECT o."planId" AS plan, o.year FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.status, o.text, o.year, o."planId", o."indicatorId") IS DISTINCT FROM (n.status, n.text, n.year, n."planId", n."indicatorId")
      UNION
      SELECT n."planId", n.year FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.status, o.text, o.year, o."planId", o."indicatorId") IS DISTINCT FROM (n.status, n.text, n.year, n."planId", n."indicatorId")) k
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

-- An indicator added or deleted, or changed in its group, its parent indicator, whether it is a
-- group row or dropped, or its place: every year of its plan, noted.
CREATE OR REPLACE FUNCTION rollup_pending_after_indicators() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO public.rollup_pending (plan, year) SELECT DISTINCT n."planId", -1 FROM new_rows n ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO public.rollup_pending (plan, year) SELECT DISTINCT o."planId", -1 FROM old_rows o ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO public.rollup_pending (plan, year)
    SELECT k.plan, -1 FROM (
      SELECT o."planId" AS plan FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o."parentIndicatorId", o."derivedFromId", o."isGroup", o.inheritance, o.position, o."planId")
              IS DISTINCT FROM (n."parentIndicatorId", n."derivedFromId", n."isGroup", n.inheritance, n.position, n."planId")
      UNION
      SELECT n."planId" FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o."parentIndicatorId", o."derivedFromId", o."isGroup", o.inheritance, o.position, o."planId")
              IS DISTINCT FROM (n."parentIndicatorId", n."derivedFromId", n."isGroup", n.inheritance, n.position, n."planId")) k
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER rollup_figures_after_insert ON indicator_actuals;
DROP TRIGGER rollup_figures_after_update ON indicator_actuals;
DROP TRIGGER rollup_figures_after_delete ON indicator_actuals;
DROP TRIGGER rollup_cells_after_insert ON indicator_actuals;
DROP TRIGGER rollup_cells_after_update ON indicator_actuals;
DROP TRIGGER rollup_cells_after_delete ON indicator_actuals;
DROP TRIGGER rollup_figures_after_update ON indicators;
DROP TRIGGER rollup_cells_after_insert ON indicators;
DROP TRIGGER rollup_cells_after_update ON indicators;
DROP TRIGGER rollup_cells_after_delete ON indicators;
DROP FUNCTION rollup_figures_after_actuals();
DROP FUNCTION rollup_cells_after_actuals();
DROP FUNCTION rollup_figures_after_indicators();
DROP FUNCTION rollup_cells_after_indicators();

CREATE TRIGGER rollup_pending_after_insert AFTER INSERT ON indicator_actuals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_pending_after_actuals();
CREATE TRIGGER rollup_pending_after_update AFTER UPDATE ON indicator_actuals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_pending_after_actuals();
CREATE TRIGGER rollup_pending_after_delete AFTER DELETE ON indicator_actuals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_pending_after_actuals();
CREATE TRIGGER rollup_pending_after_insert AFTER INSERT ON indicators
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_pending_after_indicators();
CREATE TRIGGER rollup_pending_after_update AFTER UPDATE ON indicators
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_pending_after_indicators();
CREATE TRIGGER rollup_pending_after_delete AFTER DELETE ON indicators
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_pending_after_indicators();

REVOKE EXECUTE ON FUNCTION rollup_pending_refresh() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rollup_pending_after_actuals() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rollup_pending_after_indicators() FROM PUBLIC;
