import { afterEach, vi } from "vitest";
import { onErrorLogged } from "@/server/log/logger";

// An unexpected console.error, or an error written to the server's log, is a bug somewhere: fail
// the test that caused it. A test that means to log an error takes it with takeReportedErrors().
const errors: string[] = [];
vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  errors.push(args.map(String).join(" "));
});
onErrorLogged((line) => errors.push(`[log] ${line}`));

/** The errors reported so far in this test, which then no longer fail it. */
export function takeReportedErrors(): string[] {
  return errors.splice(0, errors.length);
}

afterEach(() => {
  if (errors.length) {
    const message = takeReportedErrors().join("\n");
    throw new Error(`console.error was called, or an error was logged:\n${message}`);
  }
});
