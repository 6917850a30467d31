import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { takeReportedErrors } from "../../../tests/setup/fail-on-console-error";
import { logEnv } from "../env";
import { noteRequestUser, requestStorage } from "./context";
import { createLogger, logger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

describe("the server's log", () => {
  it("writes one JSON object per line with the level's name, and the request's and user's ids inside a request", () => {
    const { lines, logger: log } = capture();
    log.info({ route: "/plans" }, "outside");
    requestStorage.run({ id: "req-1", userId: null }, () => {
      noteRequestUser("user-1");
      log.info("inside");
    });
    expect(lines[0]).toMatchObject({ level: "info", msg: "outside", route: "/plans" });
    expect(lines[0]).not.toHaveProperty("reqId");
    expect(lines[1]).toMatchObject({ level: "info", msg: "inside", reqId: "req-1", userId: "user-1" });
    expect(typeof lines[1]!.time).toBe("string");
  });

  it("logs an error with its stack, and never a password or a cookie", () => {
    const { lines, logger: log } = capture();
    log.error({ err: new Error("hỏng"), password: "Demo@2026", headers: { cookie: "kh.session=x" } }, "failed");
    takeReportedErrors();
    const line = lines[0] as { err: { message: string; stack: string }; password: string; headers: { cookie: string } };
    expect(line.err.message).toBe("hỏng");
    expect(line.err.stack).toContain("logger.test.ts");
    expect(line.password).toBe("[redacted]");
    expect(line.headers.cookie).toBe("[redacted]");
    expect(JSON.stringify(line)).not.toContain("Demo@2026");
  });

  it("reports errors logged, from any logger and its children, to the tests (which fail on them)", () => {
    logger.child({ action: "results.saveActuals" }).error({ err: new Error("mất kết nối") }, "action failed");
    const reported = takeReportedErrors();
    expect(reported).toHaveLength(1);
    expect(reported[0]).toContain("mất kết nối");
    logger.warn("only a warning");
    expect(takeReportedErrors()).toEqual([]);
  });

  it("takes its level from LOG_LEVEL: info by default, error under test", () => {
    expect(logEnv({ LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
    expect(logEnv({}).LOG_LEVEL).toBe("info");
    expect(logEnv({ NODE_ENV: "test" }).LOG_LEVEL).toBe("error");
    expect(() => logEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });
});
