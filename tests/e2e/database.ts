import { readFile } from "node:fs/promises";
import pg from "pg";
import { credentialsFileFor } from "../../scripts/lib/local-credentials";

/**
 * A privileged connection to the browser tests' database (the one playwright.config.ts starts the app
 * on: DATA_DIR .data/e2e, EMBEDDED_PG_PORT), for specs that need rows the demo data does not have.
 * Such a spec removes what it wrote afterwards, so that the specs after it see the demo data as seeded.
 */
export async function connectE2eDatabase(): Promise<pg.Client> {
  const credentials = JSON.parse(await readFile(credentialsFileFor(".data/e2e/postgres"), "utf8")) as {
    superuserPassword: string;
  };
  const port = process.env.E2E_PG_PORT ?? "54339";
  const client = new pg.Client({
    connectionString: `postgresql://postgres:${encodeURIComponent(credentials.superuserPassword)}@127.0.0.1:${port}/kehoach`,
  });
  await client.connect();
  return client;
}
