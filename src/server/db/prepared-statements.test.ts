import { describe, expect, it } from "vitest";
import { PREPARED_MARK, preparedStatementName } from "./prepared-statements";

describe("preparedStatementName", () => {
  it("names only the statements that opt in", () => {
    expect(preparedStatementName("SELECT 1")).toBeUndefined();
    expect(preparedStatementName(`SELECT 1 ${PREPARED_MARK}`)).toBeUndefined();
    expect(preparedStatementName(`${PREPARED_MARK}\nSELECT 1`)).toMatch(/^p_[\w-]+$/);
  });

  it("gives one text one name, and different texts different names within PostgreSQL's 63 bytes", () => {
    const a = preparedStatementName(`${PREPARED_MARK}\nSELECT $1::int`)!;
    const b = preparedStatementName(`${PREPARED_MARK}\nSELECT $1::text`)!;
    expect(preparedStatementName(`${PREPARED_MARK}\nSELECT $1::int`)).toBe(a);
    expect(a).not.toBe(b);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(63);
  });
});
