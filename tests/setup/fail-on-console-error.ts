import { afterEach, vi } from "vitest";
import { onErrorLogged } from "@/server/log/logger";

// An unexpected console.error, or an error written to the server's log, is a bug somewhere: fail
// the test that caused it.
const errors: string[] = [];
vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  errors.push(args.map(String).join(" "));
});
onErrorLogged((line) => errors.push(`[log] ${line}`));

afterEach(() => {
  if (errors.length) {
    const message = errors.join("\n");
    errors.length = 0;
    throw new Error(`console.error was called, or an error was logged:\n${message}`);
  }
});
