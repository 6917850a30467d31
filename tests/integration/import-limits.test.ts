import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../../src/features/plans/plan-document";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// What the browser sends to import.confirm is as untrusted as the file was (issue 12): a document
// nested 20,000 levels deep, or with more tasks than any plan has, is answered with a message
// (before zod's recursive schemas see it), and a large legal one is stored with batched inserts.

describe("import.confirm bounds what it is sent", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let editor: Scope;
  let base: PlanDocument;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = await db.adminDb.user.findUniqueOrThrow({ where: { username: "xaeasup.editor" } });
    editor = (await scopeForUser(user.id))!;
    const { extractPlan } = await import("../../src/features/import/parse-document");
    const read = extractPlan("KẾ HOẠCH\n\nKiểm thử giới hạn của việc nhập văn bản", { key: "import-limits" });
    base = { ...read.document, number: "/KH-UBND", tasks: [], indicators: [] };
  });
  afterAll(async () => db.drop());

  const confirm = async (document: unknown) => {
    const { confirmImport } = await import("../../src/features/import/import-actions");
    const text = typeof document === "string" ? document : JSON.stringify(document);
    return confirmImport.execute(editor, { document: text, parentId: "" });
  };

  it("a document nested 20,000 levels deep gets a message, not a stack overflow", async () => {
    const { LIMIT_MESSAGES } = await import("../../src/features/import/limits");
    // Written as text, as an attacker would send it (JSON.stringify itself cannot go that deep).
    const open = '{"numbering":"1.","body":"Nhiệm vụ","children":[';
    const tasks = `[${open.repeat(20_000)}${"]}".repeat(20_000)}]`;
    const text = JSON.stringify({ ...base, tasks: [] }).replace('"tasks":[]', `"tasks":${tasks}`);
    const before = await db.adminDb.plan.count();
    expect(await confirm(text)).toMatchObject({
      status: "error",
      fieldErrors: { document: LIMIT_MESSAGES.tooDeep },
    });
    expect(await db.adminDb.plan.count()).toBe(before);
  });

  it("more tasks than the bound get a message", async () => {
    const { LIMIT_MESSAGES, MAX_TASKS } = await import("../../src/features/import/limits");
    const tasks = Array.from({ length: MAX_TASKS + 1 }, (_, i) => ({ numbering: `${i + 1}.`, body: `Nhiệm vụ ${i}` }));
    expect(await confirm({ ...base, tasks })).toMatchObject({
      status: "error",
      fieldErrors: { document: LIMIT_MESSAGES.tooManyTasks },
    });
  });

  it("the largest legal document is stored whole: every task, agency and indicator", async () => {
    const { MAX_TASKS, MAX_INDICATORS } = await import("../../src/features/import/limits");
    const tasks = Array.from({ length: MAX_TASKS }, (_, i) => ({
      numbering: `${i + 1}.`,
      body: `Nhiệm vụ số ${i + 1}`,
      lead: [`Phòng kiểm thử số ${i % 500}`],
      timeframe: "Thường xuyên",
    }));
    const indicators = Array.from({ length: MAX_INDICATORS }, (_, i) => ({
      code: `${i + 1}`,
      name: `Chỉ tiêu số ${i + 1}`,
      unit: "%",
      targets: { "2030": `${i % 100}` },
    }));
    const { monitorEventLoopDelay } = await import("node:perf_hooks");
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const result = await confirm({ ...base, tasks, indicators });
    const ms = Math.round(performance.now() - started);
    delay.disable();
    expect(result, JSON.stringify(result).slice(0, 500)).toMatchObject({ status: "ok" });
    if (result.status !== "ok") return;
    const planId = (result.data as { planId: string }).planId;
    expect(await db.adminDb.task.count({ where: { planId } })).toBe(MAX_TASKS);
    expect(await db.adminDb.indicator.count({ where: { planId } })).toBe(MAX_INDICATORS);
    expect(await db.adminDb.organization.count({ where: { name: { startsWith: "Phòng kiểm thử số" } } })).toBe(500);
    // Recorded in docs/performance.md; not asserted.
    console.log(
      `import.confirm of ${MAX_TASKS} tasks, 500 new agencies, ${MAX_INDICATORS} indicators: ${ms} ms, longest event-loop stall ${Math.round(delay.max / 1e6)} ms`,
    );
  });
});
