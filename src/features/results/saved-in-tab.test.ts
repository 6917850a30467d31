import { beforeEach, describe, expect, it } from "vitest";
import { forgetSaved, newestSaved, rememberSaved } from "./saved-in-tab";

const row = (version: number | null, text: string) => ({ version, text });

describe("rows saved in this tab", () => {
  beforeEach(() => forgetSaved());

  it("shows the page's row when nothing was saved here", () => {
    expect(newestSaved("actuals:p:2026", "a", row(3, "page"))).toEqual(row(3, "page"));
    expect(newestSaved("actuals:p:2026", "a", null)).toBeNull();
  });

  it("shows the row saved here when the page restored from the router's cache is older", () => {
    rememberSaved("actuals:p:2026", { a: row(4, "saved") });
    expect(newestSaved("actuals:p:2026", "a", row(3, "stale page"))).toEqual(row(4, "saved"));
    // A row the stale page saw empty, saved here since.
    expect(newestSaved("actuals:p:2026", "a", null)).toEqual(row(4, "saved"));
  });

  it("shows the page's row when it is as new or newer (someone saved after us)", () => {
    rememberSaved("actuals:p:2026", { a: row(4, "saved") });
    expect(newestSaved("actuals:p:2026", "a", row(4, "page")).text).toBe("page");
    expect(newestSaved("actuals:p:2026", "a", row(6, "other user")).text).toBe("other user");
  });

  it("keeps forms, years and rows apart", () => {
    rememberSaved("actuals:p:2026", { a: row(4, "saved") });
    expect(newestSaved("actuals:p:2025", "a", row(1, "other year")).text).toBe("other year");
    expect(newestSaved("tasks:p:2026", "a", row(1, "task")).text).toBe("task");
    expect(newestSaved("actuals:p:2026", "b", row(1, "other row")).text).toBe("other row");
  });

  it("never goes back to an older save", () => {
    rememberSaved("actuals:p:2026", { a: row(5, "newer") });
    rememberSaved("actuals:p:2026", { a: row(4, "older answer arriving late") });
    expect(newestSaved("actuals:p:2026", "a", row(1, "page")).text).toBe("newer");
  });
});
