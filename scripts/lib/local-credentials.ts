import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

// The embedded PostgreSQL's passwords, generated at the first start and kept in a file only its owner
// can read, beside the data folder and the session secret (DATA_DIR). Data folders created before
// this had fixed passwords; embedded-postgres.ts replaces them on the next start.

export const LEGACY_SUPERUSER_PASSWORD = "postgres";

const schema = z.object({ superuserPassword: z.string().min(16), appPassword: z.string().min(16) });
export type LocalCredentials = z.infer<typeof schema>;

/** `.data/postgres` → `.data/postgres-credentials.json`. */
export function credentialsFileFor(dataDir: string): string {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}-credentials.json`);
}

export async function readOrCreateCredentials(file: string): Promise<LocalCredentials> {
  if (existsSync(file)) {
    // Tighten the mode of a file someone copied or restored with a wider one.
    await chmod(file, 0o600);
    return schema.parse(JSON.parse(await readFile(file, "utf8")));
  }
  const credentials: LocalCredentials = {
    superuserPassword: randomBytes(24).toString("base64url"),
    appPassword: randomBytes(24).toString("base64url"),
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  return credentials;
}
