-- Cheaper row-level security for bulk reads (ADR 0010). Until now a row of a plan-owned table was
-- visible when its plan was ("planId" IN (SELECT id FROM plans)): every statement planned that
-- sub-select, with the plans' own policy, for every such table it read, then built a hash of all
-- visible plans and probed it for every row: 2-5 ms a table at national scale. Now each row carries
-- who may read it, "visibleTo": its plan's province, or NULL when everyone may (a central or a
-- published plan). Triggers the application cannot bypass keep it: stamped on every insert from the
-- plan, rewritten when the plan is published or withdrawn, and a plan never changes province. The
-- policy compares it with the reader's province: one comparison per row, the settings read once
-- per statement (the (SELECT ...) wrappers make them init-plans), the common case first. Writes are
-- still checked against the plan itself (WITH CHECK, unchanged).

ALTER TABLE "plan_citations" ADD COLUMN "visibleTo" TEXT;
ALTER TABLE "inheritance_decisions" ADD COLUMN "visibleTo" TEXT;
ALTER TABLE "plan_versions" ADD COLUMN "visibleTo" TEXT;
ALTER TABLE "tasks" ADD COLUMN "visibleTo" TEXT;
ALTER TABLE "task_assignments" ADD COLUMN "visibleTo" TEXT;
ALTER TABLE "indicators" ADD COLUMN "visibleTo" TEXT;
ALTER TABLE "indicator_targets" ADD COLUMN "visibleTo" TEXT;
ALTER TABLE "indicator_actuals" ADD COLUMN "visibleTo" TEXT;
ALTER TABLE "task_progress" ADD COLUMN "visibleTo" TEXT;
ALTER TABLE "reports" ADD COLUMN "visibleTo" TEXT;
ALTER TABLE "report_submissions" ADD COLUMN "visibleTo" TEXT;

CREATE OR REPLACE FUNCTION app_signed_in() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.user_id', true), '') <> ''
$$;
CREATE OR REPLACE FUNCTION app_all_provinces() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT current_setting('app.all_provinces', true) = 'on'
$$;
CREATE OR REPLACE FUNCTION app_province() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT current_setting('app.province_code', true)
$$;

-- Who may read a plan's rows: its province, or everyone (NULL) for a central or published plan.
CREATE OR REPLACE FUNCTION plan_visible_to(province text, published timestamp) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN published IS NULL THEN province END
$$;

-- The stamp on every plan-owned row, computed from the plan on every insert and update, whatever the
-- statement said. SECURITY DEFINER so that it reads the plan even where the caller may not (the
-- policy's WITH CHECK then refuses the row). FOR SHARE: a plan published or withdrawn while a row
-- of it is being written waits for that write (or the write for it), so the restamp below always
-- sees the row; without it a row saved during a withdrawal kept the "everyone" stamp.
-- search_path: a temporary table cannot stand in for plans.
CREATE OR REPLACE FUNCTION stamp_plan_visibility() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  NEW."visibleTo" := (SELECT public.plan_visible_to(p."provinceCode", p."publishedAt") FROM public.plans p WHERE p.id = NEW."planId" FOR SHARE);
  RETURN NEW;
END
$$;

-- Publishing or withdrawing a plan changes who may read its rows: they are touched, and the stamp
-- trigger writes the plan's new value. A plan never changes province (nothing in the product moves
-- one, and pre-2025 bodies carry today's province code).
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
                             'indicator_targets', 'indicator_actuals', 'task_progress', 'reports', 'report_submissions']
    LOOP
      EXECUTE format('UPDATE public.%I SET "visibleTo" = NULL WHERE "planId" = $1', t) USING NEW.id;
    END LOOP;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER restamp_plan_visibility AFTER UPDATE OF "provinceCode", "publishedAt" ON plans
  FOR EACH ROW EXECUTE FUNCTION restamp_plan_visibility();

-- The policies, one per command. Until now each table had one policy for all commands whose USING
-- clause was the read rule, and DELETE checks USING only: another province could delete a central or
-- published plan, or its rows. Reading keeps the read rule; inserting, updating and deleting need the
-- plan to be writable (the caller's province, or all provinces).
DROP POLICY tenant_scope ON plans;
CREATE POLICY tenant_read ON plans FOR SELECT TO app_user
  USING ((SELECT app_signed_in())
         AND ("provinceCode" = (SELECT app_province()) OR (SELECT app_all_provinces()) OR "provinceCode" IS NULL OR "publishedAt" IS NOT NULL));
CREATE POLICY tenant_insert ON plans FOR INSERT TO app_user WITH CHECK (app_can_write("provinceCode"));
CREATE POLICY tenant_update ON plans FOR UPDATE TO app_user USING (app_can_write("provinceCode")) WITH CHECK (app_can_write("provinceCode"));
CREATE POLICY tenant_delete ON plans FOR DELETE TO app_user USING (app_can_write("provinceCode"));

DO $$
DECLARE
  t text;
  writable text := $w$EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode"))$w$;
BEGIN
  FOREACH t IN ARRAY ARRAY['plan_citations', 'inheritance_decisions', 'plan_versions', 'tasks', 'task_assignments', 'indicators',
                           'indicator_targets', 'indicator_actuals', 'task_progress', 'reports', 'report_submissions']
  LOOP
    EXECUTE format('UPDATE %I t SET "visibleTo" = plan_visible_to(p."provinceCode", p."publishedAt") FROM plans p WHERE p.id = t."planId"', t);
    EXECUTE format('CREATE TRIGGER stamp_plan_visibility BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION stamp_plan_visibility()', t);
    EXECUTE format('DROP POLICY tenant_scope ON %I', t);
    EXECUTE format($p$CREATE POLICY tenant_read ON %I FOR SELECT TO app_user
      USING ((SELECT app_signed_in()) AND ("visibleTo" = (SELECT app_province()) OR (SELECT app_all_provinces()) OR "visibleTo" IS NULL))$p$, t);
    EXECUTE format('CREATE POLICY tenant_insert ON %I FOR INSERT TO app_user WITH CHECK (%s)', t, writable);
    EXECUTE format('CREATE POLICY tenant_update ON %I FOR UPDATE TO app_user USING (%s) WITH CHECK (%s)', t, writable, writable);
    EXECUTE format('CREATE POLICY tenant_delete ON %I FOR DELETE TO app_user USING (%s)', t, writable);
  END LOOP;
END
$$;
