-- The visibility stamp (ADR 0010) read the plan FOR SHARE on every write. For an update that lock
-- is not needed (the restamp of a publication either waits for the updated row or updates it after
-- it), and it let a publication and a save of one of the plan's rows deadlock: the save held the
-- row and waited for the plan, the publication held the plan and waited for the row. Only a new row
-- locks the plan now, so that a publication cannot miss it. A transaction that still meets a
-- publication head-on is ended by PostgreSQL and run again by withScope.
CREATE OR REPLACE FUNCTION stamp_plan_visibility() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW."planId" IS DISTINCT FROM OLD."planId" THEN
    NEW."visibleTo" := (SELECT public.plan_visible_to(p."provinceCode", p."publishedAt") FROM public.plans p WHERE p.id = NEW."planId" FOR SHARE);
  ELSE
    NEW."visibleTo" := (SELECT public.plan_visible_to(p."provinceCode", p."publishedAt") FROM public.plans p WHERE p.id = NEW."planId");
  END IF;
  RETURN NEW;
END
$$;
