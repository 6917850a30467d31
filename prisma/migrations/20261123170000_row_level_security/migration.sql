-- Second wall: row-level security on the tenant tables. The application connects as app_user and
-- sets, per transaction, who is asking (src/server/db/scoped.ts):
--   app.user_id        the signed-in user (empty: nothing is visible)
--   app.province_code  the 2025 province of the acting organisation
--   app.all_provinces  'on' for central bodies and system administrators
-- The finer rules (own body, bodies above, bodies below) live in the scoped access layer; this wall
-- guarantees the coarse one: nothing of another province, unless it is central or published, and
-- nothing at all without a scope.
-- Not covered, on purpose: admin_units and organizations (the public directory of bodies), and
-- users, memberships and sign_in_attempts, which the sign-in code must read before any scope exists.

CREATE OR REPLACE FUNCTION app_can_read(province text, published timestamptz) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.user_id', true), '') <> ''
     AND (current_setting('app.all_provinces', true) = 'on'
          OR province IS NULL
          OR published IS NOT NULL
          OR province = current_setting('app.province_code', true))
$$;

CREATE OR REPLACE FUNCTION app_can_write(province text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.user_id', true), '') <> ''
     AND (current_setting('app.all_provinces', true) = 'on'
          OR province = current_setting('app.province_code', true))
$$;

ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON plans TO app_user
  USING (app_can_read("provinceCode", "publishedAt"))
  WITH CHECK (app_can_write("provinceCode"));

-- Every plan-owned table follows its plan: the sub-select on plans is itself filtered by the policy above.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['plan_citations', 'plan_versions', 'tasks', 'task_assignments', 'indicators',
                           'indicator_targets', 'indicator_actuals', 'task_progress', 'reports', 'report_submissions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_scope ON %I TO app_user
      USING ("planId" IN (SELECT id FROM plans))
      WITH CHECK (EXISTS (SELECT 1 FROM plans p WHERE p.id = "planId" AND app_can_write(p."provinceCode")))$p$, t);
  END LOOP;
END
$$;

ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit_logs FOR SELECT TO app_user USING (app_can_read("provinceCode", NULL));
CREATE POLICY audit_append ON audit_logs FOR INSERT TO app_user WITH CHECK (coalesce(current_setting('app.user_id', true), '') <> '');
