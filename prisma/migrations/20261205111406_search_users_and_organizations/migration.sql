-- Type-ahead pickers and the user list search on the server (issue 13, point 9), the way the plan
-- list does (migration plan_search_text, app_search_text()): a search text per row, written by a
-- trigger, matched word by word at word starts, served by a trigram index.

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- An organisation is found by its name and by where it is: ten bodies are called "UBND huyện", and
-- "ubnd huyen moc chau" must find the one of Mộc Châu. The text holds the name, the unit's full name,
-- the unit above it and the 2025 province (units never change names or places).
CREATE OR REPLACE FUNCTION stamp_organization_search_text() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  NEW."searchText" := public.app_search_text(concat_ws(' ',
    NEW.name,
    (SELECT concat_ws(' ', u."fullName", p."fullName")
       FROM public.admin_units u LEFT JOIN public.admin_units p ON p.id = u."parentId"
      WHERE u.id = NEW."adminUnitId"),
    (SELECT pr."fullName" FROM public.admin_units pr
      WHERE pr.era = 'FROM_2025' AND pr.level = 'PROVINCE' AND pr.code = NEW."provinceCode")));
  RETURN NEW;
END
$$;

CREATE TRIGGER organizations_search_text
  BEFORE INSERT OR UPDATE OF name, "adminUnitId", "provinceCode" ON "organizations"
  FOR EACH ROW EXECUTE FUNCTION stamp_organization_search_text();

CREATE OR REPLACE FUNCTION stamp_user_search_text() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  NEW."searchText" := public.app_search_text(concat_ws(' ', NEW.username, NEW."displayName"));
  RETURN NEW;
END
$$;

CREATE TRIGGER users_search_text
  BEFORE INSERT OR UPDATE OF username, "displayName" ON "users"
  FOR EACH ROW EXECUTE FUNCTION stamp_user_search_text();

UPDATE "organizations" SET name = name;
UPDATE "users" SET username = username;

-- CreateIndex
CREATE INDEX "organizations_searchText_idx" ON "organizations" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "users_searchText_idx" ON "users" USING GIN ("searchText" gin_trgm_ops);
