-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database's owner may install it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "plans" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- The plan list searches without diacritics and by document number (issue 13): "moc chau" finds
-- "Mộc Châu", "54-KH" finds 54-KH/TXU. Each plan carries its search text, written by a trigger from
-- the number, the title and the issuer's name, so every writer (the application, the seed, the
-- bench, an import) keeps it without knowing about it. app_search_text() is the SQL twin of
-- searchText() in src/domain/vietnamese-text.ts (same steps, same characters; an integration test
-- compares them): decompose, drop the combining marks, đ → d, one kind of dash, lower case,
-- brackets, quotes and punctuation between words become single spaces, with a space in front so
-- that a search for " moc" matches the start of a word. Organisations are never renamed in the
-- product, so the issuer's name is read only when the plan is written.
CREATE OR REPLACE FUNCTION app_search_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ' ' || btrim(regexp_replace(
    lower(translate(
      regexp_replace(normalize(value, NFD), '[\u0300-\u036f]', '', 'g'),
      E'\u0111\u0110\u00f0\u00d0\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d',
      'dddd----------')),
    E'[ \\t\\n\\r\\f\\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff()\\[\\]{}"\u201c\u201d\u2018\u2019''\u00ab\u00bb,;:!?\u2026]+',
    ' ', 'g'), ' ')
$$;

CREATE OR REPLACE FUNCTION stamp_plan_search_text() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  suffix text := CASE WHEN NEW.notation = 'PARTY' THEN NEW."typeCode" || '/' || NEW."issuerCode"
                      ELSE NEW."typeCode" || '-' || NEW."issuerCode" END;
BEGIN
  NEW."searchText" := public.app_search_text(concat_ws(' ',
    coalesce(NEW."numberSerial", '') || CASE WHEN NEW.notation = 'PARTY' THEN '-' ELSE '/' END || suffix,
    suffix,
    NEW.title,
    (SELECT o.name FROM public.organizations o WHERE o.id = NEW."issuerId")));
  RETURN NEW;
END
$$;

CREATE TRIGGER plans_search_text
  BEFORE INSERT OR UPDATE OF title, notation, "numberSerial", "typeCode", "issuerCode", "issuerId" ON "plans"
  FOR EACH ROW EXECUTE FUNCTION stamp_plan_search_text();

UPDATE "plans" SET title = title;

-- CreateIndex (after the texts are written). A trigram index serves LIKE '% word%' for every word of
-- a query; without it the list read every plan at national scale.
CREATE INDEX "plans_searchText_idx" ON "plans" USING GIN ("searchText" gin_trgm_ops);
