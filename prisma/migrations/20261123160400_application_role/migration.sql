-- The application connects as app_user: not a superuser, not the owner of the tables, so that
-- row-level security applies to everything it reads and writes. Whoever deploys gives it a login:
--   ALTER ROLE app_user LOGIN PASSWORD '...';
-- (the embedded server of `npm start` does this itself).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
    CREATE ROLE app_user NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO app_user;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO app_user;
-- Tables created by later migrations get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO app_user;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO app_user;
-- The migration history is none of the application's business.
REVOKE ALL ON "_prisma_migrations" FROM app_user;
-- The audit trail is append-only for the application.
REVOKE UPDATE, DELETE ON audit_logs FROM app_user;
