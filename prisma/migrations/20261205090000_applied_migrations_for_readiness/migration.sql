-- Readiness (/api/health/ready) checks that every migration is applied, connected as app_user, which
-- may not read "_prisma_migrations" (20261123160400_application_role revokes it). This function,
-- running with its owner's rights, tells it the names of the applied migrations and nothing else.
CREATE OR REPLACE FUNCTION app_applied_migrations() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT migration_name::text FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
$$;
REVOKE ALL ON FUNCTION app_applied_migrations() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_applied_migrations() TO app_user;
