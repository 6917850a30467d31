-- The public scope (ADR 0034): the /public pages read published results without anyone signed in.
-- Their transaction (withScope(PUBLIC_SCOPE) in src/server/db/scoped.ts) is READ ONLY and sets
--   app.user_id   ''    (so every policy written for signed-in users, and every write policy, refuses)
--   app.public    'on'
-- and these policies let it read, on the four tables the public pages need, only the rows that row-level
-- security already shows to everyone signed in: a plan that is central or published, and the rows
-- stamped "visibleTo" NULL (ADR 0010: a central or a published plan's). The pages themselves list only
-- published plans. Every other table (tasks, reports, audit, notifications …) has no policy for it and
-- stays empty to it. Nothing else sets app.public, and the setting is local to the transaction.

CREATE OR REPLACE FUNCTION app_public() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.public', true), '') = 'on'
$$;

CREATE POLICY public_read ON plans FOR SELECT TO app_user
  USING ((SELECT app_public()) AND ("provinceCode" IS NULL OR "publishedAt" IS NOT NULL));

CREATE POLICY public_read ON indicators FOR SELECT TO app_user
  USING ((SELECT app_public()) AND "visibleTo" IS NULL);
CREATE POLICY public_read ON indicator_targets FOR SELECT TO app_user
  USING ((SELECT app_public()) AND "visibleTo" IS NULL);
CREATE POLICY public_read ON indicator_actuals FOR SELECT TO app_user
  USING ((SELECT app_public()) AND "visibleTo" IS NULL);
