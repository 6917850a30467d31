import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { withCredentials, withDatabase } from "../../scripts/lib/database";
import { createPrismaClient } from "../../src/server/db/create-client";

const TEMPLATE = "kehoach_test_template";

/** A fresh copy of the seeded template for one test file, with both the privileged and the application connection. */
export async function createTestDatabase() {
  const serverUrl = inject("serverAdminUrl");
  const name = `kehoach_test_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`);
  await admin.end();
  const adminUrl = withDatabase(serverUrl, name);
  const appUrl = withCredentials(adminUrl, "app_user", "app_user");
  const adminDb = createPrismaClient(adminUrl);
  const appDb = createPrismaClient(appUrl);
  return {
    name,
    adminUrl,
    appUrl,
    adminDb,
    appDb,
    async drop() {
      await adminDb.$disconnect();
      await appDb.$disconnect();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
