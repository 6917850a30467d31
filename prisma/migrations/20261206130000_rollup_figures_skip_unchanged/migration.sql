-- A statement that writes actuals without changing what the rollup figures count (a figure's text,
-- a note, the version: most saves of the results grid) touched no slice, yet still called the
-- refresh with empty arrays, one call per statement (docs/performance.md, the 15/12 peak). Same
-- function, with that call skipped.
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
  IF p IS NOT NULL THEN
    PERFORM public.rollup_figures_refresh(p, y);
  END IF;
  RETURN NULL;
END
$$;
