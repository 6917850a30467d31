-- AlterTable
ALTER TABLE "reports" ADD COLUMN     "extendedDueOn" DATE;

-- CreateTable
CREATE TABLE "report_extensions" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "visibleTo" TEXT,
    "reportId" TEXT NOT NULL,
    "previousDueOn" DATE NOT NULL,
    "extendedTo" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "grantedById" TEXT,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_extensions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "report_extensions_reportId_idx" ON "report_extensions"("reportId");

-- CreateIndex
CREATE INDEX "report_extensions_planId_idx" ON "report_extensions"("planId");

-- AddForeignKey
ALTER TABLE "report_extensions" ADD CONSTRAINT "report_extensions_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Deadline extensions (issue 16, ADR 0029). A plan-owned table like report_submissions: its rows
-- carry "visibleTo", stamped from the plan by the same trigger, and are read and written under the
-- same policies (ADR 0010). Publishing or withdrawing a plan restamps them too.

ALTER TABLE report_extensions ENABLE ROW LEVEL SECURITY;

CREATE TRIGGER stamp_plan_visibility BEFORE INSERT OR UPDATE ON report_extensions
  FOR EACH ROW EXECUTE FUNCTION stamp_plan_visibility();

CREATE POLICY tenant_read ON report_extensions FOR SELECT TO app_user
  USING ((SELECT app_signed_in()) AND ("visibleTo" = (SELECT app_province()) OR (SELECT app_all_provinces()) OR "visibleTo" IS NULL));
CREATE POLICY tenant_insert ON report_extensions FOR INSERT TO app_user
  WITH CHECK (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")));
CREATE POLICY tenant_update ON report_extensions FOR UPDATE TO app_user
  USING (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")))
  WITH CHECK (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")));
CREATE POLICY tenant_delete ON report_extensions FOR DELETE TO app_user
  USING (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")));

-- The grants are a history: the application adds rows and never changes or removes one (the
-- restamp below runs as the function's owner, not as app_user).
REVOKE UPDATE, DELETE ON report_extensions FROM app_user;

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
                             'indicator_targets', 'indicator_actuals', 'task_progress', 'reports', 'report_submissions',
                             'report_extensions']
    LOOP
      EXECUTE format('UPDATE public.%I SET "visibleTo" = NULL WHERE "planId" = $1', t) USING NEW.id;
    END LOOP;
  END IF;
  RETURN NEW;
END
$$;
