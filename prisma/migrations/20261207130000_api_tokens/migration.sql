-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "canWriteResults" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_secretHash_key" ON "api_tokens"("secretHash");

-- CreateIndex
CREATE INDEX "api_tokens_organizationId_createdAt_idx" ON "api_tokens"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- API tokens (issue 20, ADR 0035). Row-level security: the members of the token's body (the
-- administrators' page lists and revokes them; the permission users.manage is checked by the
-- actions) and system administrators. Nobody else sees even the hash.
CREATE OR REPLACE FUNCTION app_token_visible(org text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM memberships m WHERE m."organizationId" = org AND m."userId" = current_setting('app.user_id', true))
        OR EXISTS (SELECT 1 FROM users u WHERE u.id = current_setting('app.user_id', true) AND u."isSystemAdmin")
  $$;

ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY api_tokens_read ON api_tokens FOR SELECT TO app_user USING (app_token_visible("organizationId"));
CREATE POLICY api_tokens_insert ON api_tokens FOR INSERT TO app_user
  WITH CHECK (app_token_visible("organizationId") AND "createdById" = current_setting('app.user_id', true));
CREATE POLICY api_tokens_update ON api_tokens FOR UPDATE TO app_user
  USING (app_token_visible("organizationId")) WITH CHECK (app_token_visible("organizationId"));
-- Tokens are revoked, never deleted: the audit trail names them.
REVOKE DELETE ON api_tokens FROM app_user;

-- A request arrives with a secret and no scope yet: this is the only way to find a token by its hash
-- (SECURITY DEFINER, it reads past the policies). It notes the use of a token that is still valid and
-- answers what the request needs to build its scope, or no row.
CREATE OR REPLACE FUNCTION app_api_token_use(hash text)
  RETURNS TABLE (id text, "organizationId" text, "createdById" text, "canWriteResults" boolean, usable boolean)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  UPDATE api_tokens t SET "lastUsedAt" = (now() AT TIME ZONE 'UTC')
    WHERE t."secretHash" = hash AND t."revokedAt" IS NULL
      AND (t."expiresAt" IS NULL OR t."expiresAt" > (now() AT TIME ZONE 'UTC'));
  RETURN QUERY
    SELECT t.id, t."organizationId", t."createdById", t."canWriteResults",
           (t."revokedAt" IS NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > (now() AT TIME ZONE 'UTC')))
    FROM api_tokens t WHERE t."secretHash" = hash;
END $$;
REVOKE ALL ON FUNCTION app_api_token_use(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_api_token_use(text) TO app_user;
