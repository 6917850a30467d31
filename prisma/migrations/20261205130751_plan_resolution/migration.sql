-- AlterTable
ALTER TABLE "plans" ADD COLUMN     "resolutionId" TEXT;

-- CreateIndex
CREATE INDEX "plans_resolutionId_idx" ON "plans"("resolutionId");

-- CreateIndex
CREATE INDEX "plans_issuedOn_title_id_idx" ON "plans"("issuedOn", "title", "id");
-- ---------------------------------------------------------------------------------------------
-- The resolution a plan implements (issue 18, ADR 0028): the document at the top of its cascade,
-- followed through the parents; the plan itself when it has no parent. The plan list filters by
-- it (and the dashboards and reports may). Kept by triggers: a new plan takes its parent's, a plan
-- inserted before its parent (one statement writing both) gets it when the parent arrives, and a
-- change of parent passes down the cascade. SECURITY DEFINER: the parent may be a plan the writer
-- cannot read (another province's published plan is readable; a central one always is), and the
-- descendants updated may be in other provinces.

CREATE OR REPLACE FUNCTION stamp_plan_resolution() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF NEW."parentId" IS NULL THEN
    NEW."resolutionId" := NEW.id;
  ELSE
    NEW."resolutionId" := coalesce((SELECT p."resolutionId" FROM public.plans p WHERE p.id = NEW."parentId"), NEW."parentId");
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER plans_resolution BEFORE INSERT OR UPDATE OF "parentId" ON plans
  FOR EACH ROW EXECUTE FUNCTION stamp_plan_resolution();

CREATE OR REPLACE FUNCTION pass_plan_resolution() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  -- Read again rather than taken from NEW: a parent inserted later in the same statement may have
  -- changed this row since.
  current_resolution text := (SELECT p."resolutionId" FROM public.plans p WHERE p.id = NEW.id);
BEGIN
  -- Each child updated passes it on to its own children through this same trigger.
  UPDATE public.plans c SET "resolutionId" = current_resolution
   WHERE c."parentId" = NEW.id AND c."resolutionId" IS DISTINCT FROM current_resolution;
  RETURN NULL;
END
$$;
CREATE TRIGGER plans_resolution_down AFTER INSERT OR UPDATE OF "parentId", "resolutionId" ON plans
  FOR EACH ROW EXECUTE FUNCTION pass_plan_resolution();

WITH RECURSIVE chain AS (
  SELECT id, id AS root FROM plans WHERE "parentId" IS NULL
  UNION ALL
  SELECT c.id, chain.root FROM plans c JOIN chain ON c."parentId" = chain.id
)
UPDATE plans p SET "resolutionId" = chain.root FROM chain WHERE chain.id = p.id AND p."resolutionId" IS DISTINCT FROM chain.root;

