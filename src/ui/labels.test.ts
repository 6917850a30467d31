import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionLabel } from "./labels";

// Every action the code records in the audit trail has a Vietnamese label for the history and the
// audit pages: found by reading the sources, so that a new action without a label fails here.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [file] : [];
  });
}

describe("auditActionLabel", () => {
  it("names every action recorded in the audit trail in Vietnamese", () => {
    const actions = new Set<string>();
    for (const file of sources(path.resolve("src"))) {
      const text = readFileSync(file, "utf8");
      for (const call of text.matchAll(/audit\(\{\s*action:\s*([^,]+),/g)) {
        for (const literal of call[1]!.matchAll(/"([a-zA-Z]+\.[a-zA-Z.]+)"/g)) actions.add(literal[1]!);
        const template = /^`([a-zA-Z.]+)\.\$\{input\.(decision|direction)\}`$/.exec(call[1]!.trim());
        if (template)
          for (const value of template[2] === "decision" ? ["accept", "dismiss"] : ["up", "down", "indent", "outdent"])
            actions.add(`${template[1]}.${value}`);
      }
    }
    expect(actions.size).toBeGreaterThan(30);
    expect([...actions].filter((action) => auditActionLabel(action) === action)).toEqual([]);
  });

  it("falls back to the code of an action it does not know", () => {
    expect(auditActionLabel("plan.issue")).toBe("Ban hành kế hoạch");
    expect(auditActionLabel("something.new")).toBe("something.new");
  });
});
