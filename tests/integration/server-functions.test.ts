import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// The server functions an action hands out (formAction, call): they read the session, run the action,
// and refresh the pages the action declares, only after a success. What the form sent comes back
// after an error, except passwords.

const session = vi.hoisted(() => ({ scope: null as Scope | null }));
const revalidated = vi.hoisted(() => [] as [string, string | undefined][]);
const tagged = vi.hoisted(() => [] as [string, unknown][]);
vi.mock("next/cache", () => ({
  revalidatePath: (path: string, type?: string) => void revalidated.push([path, type]),
  revalidateTag: (tag: string, profile: unknown) => void tagged.push([tag, profile]),
}));
vi.mock("../../src/server/auth/session", async (original) => ({
  ...(await original<typeof import("../../src/server/auth/session")>()),
  currentScope: async () => session.scope,
}));

describe("server functions of actions", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let planId: string;
  let editor: Scope;
  let admin: Scope;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    planId = (await db.adminDb.plan.findFirstOrThrow({ where: { issuerId: ward.id } })).id;
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = async (username: string, role: "EDITOR" | "ADMIN") => {
      const created = await db.adminDb.user.create({
        data: {
          username,
          displayName: username,
          passwordHash: "x",
          memberships: { create: { organizationId: ward.id, role } },
        },
      });
      return (await scopeForUser(created.id))!;
    };
    editor = await user("functions.editor", "EDITOR");
    admin = await user("functions.admin", "ADMIN");
  });
  afterAll(async () => db.drop());
  beforeEach(() => {
    revalidated.length = 0;
    tagged.length = 0;
    session.scope = null;
  });

  it("saving results answers with the saved rows and no page re-render (the grid updates from the answer)", async () => {
    const { saveActualsAction } = await import("../../src/features/results/server-actions");
    const indicator = await db.adminDb.indicator.findFirstOrThrow({
      where: { planId, isGroup: false, direction: "HIGHER_BETTER" },
    });
    session.scope = editor;
    const result = await saveActualsAction({
      planId,
      year: 2026,
      rows: [{ indicatorId: indicator.id, text: "12", note: "", source: "", version: null }],
    });
    expect(result, JSON.stringify(result)).toMatchObject({
      status: "ok",
      data: { changed: 1, saved: [{ indicatorId: indicator.id, actual: { text: "12", version: 1 } }] },
    });
    // Revalidating would re-render the results page inside the answer, which doubled a save's cost at
    // the 15/12 peak; every page of the plan is dynamic, so the next one opened reads the new figure.
    expect(revalidated).toEqual([]);
    // The plan's public page is read again in the background ("max"), which re-renders nothing here (ADR 0034).
    expect(tagged).toEqual([[`public:plan:${planId}`, "max"]]);
  });

  it("saving a report's narrative answers with the saved text and version, and re-renders nothing", async () => {
    const { createReport } = await import("../../src/features/reporting/report-actions");
    const { saveNarrativeAction } = await import("../../src/features/reporting/server-actions");
    const created = await createReport.execute(editor, { planId, year: 2025 });
    const report = await db.adminDb.report.findFirstOrThrow({ where: { planId, year: 2025 } });
    expect(created.status === "ok" || report).toBeTruthy();
    session.scope = editor;
    const form = new FormData();
    form.set("reportId", report.id);
    form.set("version", String(report.version));
    form.set("numberSerial", "12");
    form.set("leadership", "Đã quán triệt đến chi bộ.");
    const result = await saveNarrativeAction({ status: "idle" }, form);
    expect(result, JSON.stringify(result)).toMatchObject({
      status: "ok",
      data: {
        reportId: report.id,
        version: report.version + 1,
        narrative: { numberSerial: "12", leadership: "Đã quán triệt đến chi bộ.", results: null },
      },
    });
    expect(revalidated).toEqual([]);

    // The preview, built on demand, reads through the session's scope.
    const { reportPreviewAction } = await import("../../src/features/reporting/preview-actions");
    const preview = await reportPreviewAction({ planId, year: 2025 });
    expect(preview.status).toBe("ok");
    expect(preview.status === "ok" && preview.document !== null && typeof preview.document === "object").toBe(true);
    expect(await reportPreviewAction({ planId: "not-a-uuid", year: 2025 })).toMatchObject({ status: "error" });
    session.scope = null;
    expect(await reportPreviewAction({ planId, year: 2025 })).toMatchObject({
      status: "error",
      message: expect.stringContaining("Phiên đăng nhập"),
    });
  });

  it("refreshes nothing when the action is refused, and sends back what was typed but the password", async () => {
    const { createUserAction } = await import("../../src/features/accounts/server-actions");
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    session.scope = admin;
    const form = new FormData();
    form.set("organizationId", ward.id);
    form.set("role", "EDITOR");
    form.set("username", "can.bo.moi");
    form.set("displayName", "Cán bộ mới");
    form.set("password", "ngan");
    const result = await createUserAction({ status: "idle" }, form);
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: { password: expect.stringContaining("10 ký tự") },
      values: { organizationId: ward.id, role: "EDITOR", username: "can.bo.moi", displayName: "Cán bộ mới" },
    });
    expect(result.status === "error" && "password" in result.values).toBe(false);
    expect(revalidated).toEqual([]);

    form.set("password", "mat-khau-du-dai-2026");
    expect(await createUserAction({ status: "idle" }, form)).toMatchObject({ status: "ok" });
    expect(revalidated).toEqual([["/admin/users", undefined]]);
  });

  it("without a session the action is refused and nothing is refreshed", async () => {
    const { saveTaskProgressAction } = await import("../../src/features/results/server-actions");
    expect(await saveTaskProgressAction({ planId, year: 2026, rows: [] })).toMatchObject({
      status: "error",
      message: expect.stringContaining("Phiên đăng nhập đã hết hạn"),
    });
    expect(revalidated).toEqual([]);
  });
});
