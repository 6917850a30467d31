import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../src/generated/prisma/enums";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// /api/v1 through its route handlers, on the real database (ADR 0035): tokens (scope of their body,
// read or write, revoked, expired, rate limited, logged without their secret), the answers against the
// zod schemas the OpenAPI document is generated from (and the document against the routes), ETags,
// paging, the CSV round trip (export → edit → bulk upsert → export), and the bulk upsert's all or
// nothing with a report per row.

const session = vi.hoisted(() => ({ scope: null as Scope | null }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("../../src/server/auth/session", async (original) => ({
  ...(await original<typeof import("../../src/server/auth/session")>()),
  currentScope: async () => session.scope,
}));

const YEAR = 2026;
const BASE = "http://localhost/api/v1";
type Ctx<P> = { params: Promise<P> };
const ctx = <P>(params: P): Ctx<P> => ({ params: Promise.resolve(params) });

describe("/api/v1", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let planId: string;
  let otherProvincePlan: { id: string; provinceCode: string };
  const tokens = {} as Record<"read" | "write" | "revoked" | "expired" | "limited", string>;
  let adminScope: Scope;
  let viewerScope: Scope;
  let routes: {
    plans: typeof import("../../src/app/api/v1/plans/route");
    plan: typeof import("../../src/app/api/v1/plans/[id]/route");
    actuals: typeof import("../../src/app/api/v1/plans/[id]/actuals/route");
    actualsCsv: typeof import("../../src/app/api/v1/plans/[id]/actuals.csv/route");
    reports: typeof import("../../src/app/api/v1/plans/[id]/reports/route");
    provinceCsv: typeof import("../../src/app/api/v1/provinces/[code]/actuals.csv/route");
    openapi: typeof import("../../src/app/api/v1/openapi.json/route");
  };
  let schemas: typeof import("../../src/features/api/schemas");
  let csv: typeof import("../../src/features/api/csv");

  const request = (url: string, token?: string, init: RequestInit = {}) =>
    new Request(`${BASE}${url}`, {
      ...init,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    planId = (await db.adminDb.plan.findFirstOrThrow({ where: { issuerId: ward.id } })).id;
    const other = await db.adminDb.plan.findFirstOrThrow({
      where: { provinceCode: { not: "14" }, publishedAt: null, NOT: { provinceCode: null } },
      select: { id: true, provinceCode: true },
    });
    otherProvincePlan = { id: other.id, provinceCode: other.provinceCode! };
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = async (username: string, role: Role) => {
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
    adminScope = await user("api.admin", "ADMIN");
    viewerScope = await user("api.viewer", "VIEWER");
    const { createApiToken } = await import("../../src/features/api/token-actions");
    const make = async (access: "read" | "write", name = `Mã ${access}`) => {
      const result = await createApiToken.execute(adminScope, { name, access, expiresOn: "" });
      if (result.status !== "ok") throw new Error(JSON.stringify(result));
      return result.data;
    };
    tokens.read = (await make("read")).secret;
    tokens.write = (await make("write")).secret;
    tokens.limited = (await make("read", "Mã giới hạn")).secret;
    const revoked = await make("write", "Mã thu hồi");
    tokens.revoked = revoked.secret;
    const { revokeApiToken } = await import("../../src/features/api/token-actions");
    expect(await revokeApiToken.execute(adminScope, { tokenId: revoked.id, version: "1" })).toMatchObject({
      status: "ok",
    });
    const expired = await make("read", "Mã hết hạn");
    tokens.expired = expired.secret;
    await db.adminDb.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    routes = {
      plans: await import("../../src/app/api/v1/plans/route"),
      plan: await import("../../src/app/api/v1/plans/[id]/route"),
      actuals: await import("../../src/app/api/v1/plans/[id]/actuals/route"),
      actualsCsv: await import("../../src/app/api/v1/plans/[id]/actuals.csv/route"),
      reports: await import("../../src/app/api/v1/plans/[id]/reports/route"),
      provinceCsv: await import("../../src/app/api/v1/provinces/[code]/actuals.csv/route"),
      openapi: await import("../../src/app/api/v1/openapi.json/route"),
    };
    schemas = await import("../../src/features/api/schemas");
    csv = await import("../../src/features/api/csv");
  });
  afterAll(async () => db.drop());
  beforeEach(() => {
    session.scope = null;
  });

  it("stores only the hash of a token, and audits its creation and revocation without the secret", async () => {
    const stored = await db.adminDb.apiToken.findMany({ where: { name: "Mã read" } });
    expect(stored.length).toBeGreaterThan(0);
    for (const token of stored) {
      expect(token.secretHash).toMatch(/^[0-9a-f]{64}$/);
      expect(token.secretHash).not.toContain(tokens.read);
    }
    const audit = await db.adminDb.auditLog.findMany({ where: { entityType: "ApiToken" } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["apiToken.create", "apiToken.revoke"]));
    const text = JSON.stringify(audit, (_, v) => (typeof v === "bigint" ? String(v) : v));
    expect(text).not.toContain(tokens.read.slice(12));
  });

  it("a read token reads its body's plan, with tasks, indicators and targets (the schema's shape)", async () => {
    const response = await routes.plan.GET(request(`/plans/${planId}`, tokens.read), ctx({ id: planId }));
    expect(response.status).toBe(200);
    const body = schemas.planDetailSchema.parse(await response.json());
    expect(body.id).toBe(planId);
    expect(body.indicators.length).toBeGreaterThan(0);
    expect(body.tasks.length).toBeGreaterThan(0);
    expect(body.indicators.some((i) => i.targets.length > 0)).toBe(true);
  });

  it("a token never reads another province's unpublished plan, nor lists it, nor its CSV", async () => {
    const { id, provinceCode } = otherProvincePlan;
    for (const [name, response] of [
      ["plan", await routes.plan.GET(request(`/plans/${id}`, tokens.read), ctx({ id }))],
      ["actuals", await routes.actuals.GET(request(`/plans/${id}/actuals?year=${YEAR}`, tokens.read), ctx({ id }))],
      ["csv", await routes.actualsCsv.GET(request(`/plans/${id}/actuals.csv?year=${YEAR}`, tokens.read), ctx({ id }))],
      ["reports", await routes.reports.GET(request(`/plans/${id}/reports`, tokens.read), ctx({ id }))],
      [
        "province",
        await routes.provinceCsv.GET(
          request(`/provinces/${provinceCode}/actuals.csv?year=${YEAR}`, tokens.read),
          ctx({ code: provinceCode }),
        ),
      ],
    ] as const) {
      expect(response.status, name).toBe(404);
      const error = schemas.apiErrorSchema.parse(await response.json());
      expect(error.error.code).toBe("not_found");
      expect(error.error.message).toMatch(/Không tìm thấy/);
    }
    const list = await routes.plans.GET(request(`/plans?provinceCode=${provinceCode}&pageSize=100`, tokens.read));
    const listed = schemas.planListSchema.parse(await list.json());
    expect(listed.data.map((p) => p.id)).not.toContain(id);
    expect(listed.data.every((p) => p.published)).toBe(true);
  });

  it("refuses a revoked, an expired, a malformed or a missing token with 401 and a Vietnamese message", async () => {
    const cases = [tokens.revoked, tokens.expired, "khtt_" + "x".repeat(43), "not-a-token"];
    for (const token of cases) {
      const response = await routes.plan.GET(request(`/plans/${planId}`, token), ctx({ id: planId }));
      expect(response.status).toBe(401);
      const body = schemas.apiErrorSchema.parse(await response.json());
      expect(body.error).toMatchObject({ code: "invalid_token" });
      expect(body.error.message).toMatch(/thu hồi hoặc đã hết hạn/);
    }
    const basic = await routes.plan.GET(
      request(`/plans/${planId}`, undefined, { headers: { Authorization: "Basic eDp5" } }),
      ctx({ id: planId }),
    );
    expect(basic.status).toBe(401);
    const anonymous = await routes.plan.GET(request(`/plans/${planId}`), ctx({ id: planId }));
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");
  });

  it("notes the last use of a token and logs each call by token id, never by its secret", async () => {
    const { logger } = await import("../../src/server/log/logger");
    const spy = vi.spyOn(logger, "info");
    try {
      await routes.reports.GET(request(`/plans/${planId}/reports`, tokens.read), ctx({ id: planId }));
      const calls = JSON.stringify(spy.mock.calls);
      expect(calls).toContain('"api":"/api/v1/plans/[id]/reports"');
      expect(calls).not.toContain(tokens.read);
      expect(calls).not.toContain(tokens.read.slice(12));
    } finally {
      spy.mockRestore();
    }
    const token = await db.adminDb.apiToken.findFirstOrThrow({ where: { name: "Mã read" } });
    expect(token.lastUsedAt).not.toBeNull();
  });

  it("pages the plan list with links, and answers 304 to a matching If-None-Match", async () => {
    const first = await routes.plans.GET(request(`/plans?pageSize=2`, tokens.read));
    expect(first.status).toBe(200);
    const page = schemas.planListSchema.parse(await first.json());
    expect(page.data.length).toBe(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.links.next).toMatch(/page=2/);
    expect(page.links.prev).toBeNull();
    expect(first.headers.get("link")).toContain('rel="next"');
    const second = schemas.planListSchema.parse(
      await (await routes.plans.GET(request(page.links.next!.replace("/api/v1", ""), tokens.read))).json(),
    );
    expect(second.page).toBe(2);
    expect(second.data.map((p) => p.id)).not.toContain(page.data[0]!.id);

    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await routes.plans.GET(
      request(`/plans?pageSize=2`, tokens.read, { headers: { "If-None-Match": etag } }),
    );
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await routes.plans.GET(
      request(`/plans?pageSize=2`, tokens.read, { headers: { "If-None-Match": '"something-else"' } }),
    );
    expect(other.status).toBe(200);
  });

  it("answers 400 with the field's Vietnamese message for a bad parameter", async () => {
    const response = await routes.actuals.GET(
      request(`/plans/${planId}/actuals?year=abc`, tokens.read),
      ctx({ id: planId }),
    );
    expect(response.status).toBe(400);
    const body = schemas.apiErrorSchema.parse(await response.json());
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/năm/i);
    const size = await routes.plans.GET(request(`/plans?pageSize=1000`, tokens.read));
    expect(size.status).toBe(400);
    expect((await size.json()).error.message).toMatch(/tối đa 100/);
  });

  it("a read token cannot write, and a signed-in session cannot write through the API", async () => {
    const before = await db.adminDb.indicatorActual.count({ where: { planId, year: YEAR } });
    const body = JSON.stringify({ rows: [{ code: "1", text: "1" }] });
    const headers = { "Content-Type": "application/json" };
    const read = await routes.actuals.POST(
      request(`/plans/${planId}/actuals?year=${YEAR}`, tokens.read, { method: "POST", body, headers }),
      ctx({ id: planId }),
    );
    expect(read.status).toBe(403);
    expect((await read.json()).error.code).toBe("insufficient_scope");
    session.scope = adminScope;
    const cookie = await routes.actuals.POST(
      request(`/plans/${planId}/actuals?year=${YEAR}`, undefined, { method: "POST", body, headers }),
      ctx({ id: planId }),
    );
    expect(cookie.status).toBe(401);
    expect(await db.adminDb.indicatorActual.count({ where: { planId, year: YEAR } })).toBe(before);
  });

  it("a write token cannot write another body's plan", async () => {
    const province = await db.adminDb.plan.findFirstOrThrow({
      where: { provinceCode: "14", issuer: { adminUnit: { level: "PROVINCE" } }, indicators: { some: {} } },
    });
    const response = await routes.actuals.POST(
      request(`/plans/${province.id}/actuals?year=${YEAR}`, tokens.write, {
        method: "POST",
        body: JSON.stringify({ rows: [{ code: "1", text: "1" }] }),
        headers: { "Content-Type": "application/json" },
      }),
      ctx({ id: province.id }),
    );
    expect(response.status).toBe(403);
    schemas.apiErrorSchema.parse(await response.json());
  });

  it("the signed-in UI downloads the same CSV through the session", async () => {
    session.scope = viewerScope;
    const response = await routes.actualsCsv.GET(
      request(`/plans/${planId}/actuals.csv?year=${YEAR}`),
      ctx({ id: planId }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    // UTF-8 with a byte-order mark, for Excel (Response.text() would drop the mark: read the bytes).
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain("Mã chỉ tiêu");
  });

  it("the province CSV lists its plans' indicators for the province's users", async () => {
    const response = await routes.provinceCsv.GET(
      request(`/provinces/14/actuals.csv?year=${YEAR}`, tokens.read),
      ctx({ code: "14" }),
    );
    expect(response.status).toBe(200);
    const table = csv.parseCsv(await response.text());
    expect(table[0]!.slice(0, 4)).toEqual(["planId", "Số kế hoạch", "Cơ quan ban hành", "indicatorId"]);
    expect(table.some((row) => row[0] === planId)).toBe(true);
  });

  it("round trip: export the CSV, edit it, send it back, export again: the edits are there, audited", async () => {
    const read = async () => {
      const response = await routes.actualsCsv.GET(
        request(`/plans/${planId}/actuals.csv?year=${YEAR}`, tokens.write),
        ctx({ id: planId }),
      );
      return csv.parseCsv(await response.text());
    };
    const exported = await read();
    const [header, ...rows] = exported;
    const col = (name: string) => header!.indexOf(name);
    // Numeric indicators (a target with a digit) without a figure yet: give each one.
    const editable = rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => /\d/.test(row[col("Mục tiêu 2030")]!) && row[col("Kết quả")] === "")
      .slice(0, 3);
    expect(editable.length).toBeGreaterThan(0);
    const edited = exported.map((row) => [...row]);
    editable.forEach(({ index }, n) => {
      edited[index + 1]![col("Kết quả")] = `${n + 1}2,5`;
      edited[index + 1]![col("Ghi chú")] = `Nhập qua CSV, dòng "${n}"`;
      edited[index + 1]![col("Nguồn số liệu")] = "Cục Thống kê, 2026";
    });
    const auditBefore = await db.adminDb.auditLog.count({ where: { entityType: "IndicatorActual" } });
    const posted = await routes.actuals.POST(
      request(`/plans/${planId}/actuals?year=${YEAR}`, tokens.write, {
        method: "POST",
        body: csv.toCsv(edited),
        headers: { "Content-Type": "text/csv; charset=utf-8" },
      }),
      ctx({ id: planId }),
    );
    const answer = await posted.json();
    expect(posted.status, JSON.stringify(answer)).toBe(200);
    const result = schemas.upsertResultSchema.parse(answer);
    expect(result.changed).toBe(editable.length);
    expect(await db.adminDb.auditLog.count({ where: { entityType: "IndicatorActual" } })).toBe(
      auditBefore + editable.length,
    );

    const again = await read();
    // Equal to what was sent, but for what the server computes: the status and the version.
    const computed = [col("Đánh giá"), col("Phiên bản")];
    const strip = (table: string[][]) => table.map((row) => row.filter((_, i) => !computed.includes(i)));
    expect(strip(again)).toEqual(strip(edited));
    for (const { index } of editable) {
      expect(again[index + 1]![col("Phiên bản")]).toBe("1");
      expect(again[index + 1]![col("Đánh giá")]).not.toBe("");
    }

    // Sending the first export again: its rows were read before these saves, so they are refused, all.
    const stale = await routes.actuals.POST(
      request(`/plans/${planId}/actuals?year=${YEAR}`, tokens.write, {
        method: "POST",
        body: csv.toCsv(
          exported.map((row, i) =>
            editable.some(({ index }) => index + 1 === i)
              ? row.map((cell, c) => (c === col("Kết quả") ? "7" : cell))
              : row,
          ),
        ),
        headers: { "Content-Type": "text/csv" },
      }),
      ctx({ id: planId }),
    );
    expect(stale.status).toBe(422);
    const refused = schemas.apiErrorSchema.parse(await stale.json());
    expect(refused.error.rows!.filter((r) => r.field === "version").map((r) => r.row)).toEqual(
      editable.map(({ index }) => index + 2),
    );
    expect(strip(await read())).toEqual(strip(edited));
  });

  it("bulk JSON: all or nothing, with every failing row's number, field and Vietnamese message", async () => {
    const indicators = await db.adminDb.indicator.findMany({
      where: {
        planId,
        isGroup: false,
        targets: { some: { year: 2030, kind: { in: ["EXACT", "AT_LEAST", "ABOVE"] } } },
      },
      select: { id: true, code: true },
      orderBy: { position: "asc" },
      take: 2,
    });
    const group = await db.adminDb.indicator.findFirst({ where: { planId, isGroup: true }, select: { code: true } });
    const before = await db.adminDb.indicatorActual.findMany({ where: { planId, year: YEAR }, orderBy: { id: "asc" } });
    const current = (id: string) => before.find((a) => a.indicatorId === id)?.version ?? null;
    const rows = [
      { indicatorId: indicators[0]!.id, text: "45,5", version: current(indicators[0]!.id) },
      { code: indicators[1]!.code, text: "không phải số", version: current(indicators[1]!.id) },
      { code: "không-có-mã-này", text: "1" },
      ...(group ? [{ code: group.code, text: "1" }] : []),
      { indicatorId: indicators[0]!.id, text: "2" },
      { text: "1" },
    ];
    const response = await routes.actuals.POST(
      request(`/plans/${planId}/actuals?year=${YEAR}`, tokens.write, {
        method: "POST",
        body: JSON.stringify({ rows }),
        headers: { "Content-Type": "application/json" },
      }),
      ctx({ id: planId }),
    );
    expect(response.status).toBe(422);
    const body = schemas.apiErrorSchema.parse(await response.json());
    // The row with neither id nor code fails the request's schema: that is reported alone, first.
    expect(body.error.rows).toEqual([
      { row: rows.length, field: "code", message: "Cần mã chỉ tiêu (indicatorId hoặc code)" },
    ]);

    const valid = rows.slice(0, -1);
    const second = await routes.actuals.POST(
      request(`/plans/${planId}/actuals?year=${YEAR}`, tokens.write, {
        method: "POST",
        body: JSON.stringify({ rows: valid }),
        headers: { "Content-Type": "application/json" },
      }),
      ctx({ id: planId }),
    );
    expect(second.status).toBe(422);
    const report = schemas.apiErrorSchema.parse(await second.json());
    const byRow = Object.fromEntries(report.error.rows!.map((r) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ field: "text" });
    expect(byRow[2]!.message).toContain(`Chỉ tiêu ${indicators[1]!.code}`);
    expect(byRow[3]).toMatchObject({ field: "code", message: "Không có chỉ tiêu này trong kế hoạch" });
    if (group) expect(byRow[4]!.message).toMatch(/là nhóm chỉ tiêu/);
    expect(byRow[valid.length]!.message).toMatch(/đã có ở dòng 1/);
    expect(byRow[1]).toBeUndefined();
    expect(report.error.message).toMatch(/chưa lưu dòng nào/);
    // Nothing was written, not even the good first row.
    expect(
      await db.adminDb.indicatorActual.findMany({ where: { planId, year: YEAR }, orderBy: { id: "asc" } }),
    ).toEqual(before);

    const ok = await routes.actuals.POST(
      request(`/plans/${planId}/actuals?year=${YEAR}`, tokens.write, {
        method: "POST",
        body: JSON.stringify({ rows: [valid[0]] }),
        headers: { "Content-Type": "application/json" },
      }),
      ctx({ id: planId }),
    );
    expect(ok.status).toBe(200);
    const saved = schemas.upsertResultSchema.parse(await ok.json());
    expect(saved.data.find((a) => a.indicatorId === indicators[0]!.id)).toMatchObject({ text: "45,5", value: 45.5 });
  });

  it("a changed resource gets a new ETag", async () => {
    const url = `/plans/${planId}/actuals?year=${YEAR}`;
    const first = await routes.actuals.GET(request(url, tokens.read), ctx({ id: planId }));
    schemas.actualsSchema.parse(await first.json());
    const etag = first.headers.get("etag")!;
    expect(
      (await routes.actuals.GET(request(url, tokens.read, { headers: { "If-None-Match": etag } }), ctx({ id: planId })))
        .status,
    ).toBe(304);
    const actual = await db.adminDb.indicatorActual.findFirstOrThrow({ where: { planId, year: YEAR } });
    await db.adminDb.indicatorActual.update({
      where: { id: actual.id },
      data: { note: "đổi", version: { increment: 1 } },
    });
    const after = await routes.actuals.GET(
      request(url, tokens.read, { headers: { "If-None-Match": etag } }),
      ctx({ id: planId }),
    );
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("report statuses validate against their schema", async () => {
    const response = await routes.reports.GET(request(`/plans/${planId}/reports`, tokens.read), ctx({ id: planId }));
    expect(response.status).toBe(200);
    const body = schemas.reportsSchema.parse(await response.json());
    expect(body.planId).toBe(planId);
  });

  it("the OpenAPI document lists every route handler of /api/v1 and is generated from the same schemas", async () => {
    const { openApiDocument, COMPONENTS, componentIo, jsonSchemaOf, API_OPERATIONS } =
      await import("../../src/features/api/openapi");
    const served = await (routes.openapi.GET() as Response).json();
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(served.openapi).toBe("3.1.0");
    const root = path.resolve(import.meta.dirname, "../../src/app/api/v1");
    const handlers = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? handlers(path.join(dir, e.name)) : e.name === "route.ts" ? [dir] : [],
      );
    const paths = handlers(root).map((dir) => `/api/v1${dir.slice(root.length).replace(/\[(\w+)\]/g, "{$1}")}`);
    expect(Object.keys(served.paths).sort()).toEqual(paths.sort());
    const methods = Object.fromEntries(
      await Promise.all(
        handlers(root).map(async (dir) => {
          const handler = await import(path.join(dir, "route.ts"));
          const key = `/api/v1${dir.slice(root.length).replace(/\[(\w+)\]/g, "{$1}")}`;
          return [
            key,
            ["GET", "POST"]
              .filter((m) => m in handler)
              .map((m) => m.toLowerCase())
              .sort(),
          ];
        }),
      ),
    );
    for (const [p, ops] of Object.entries(API_OPERATIONS))
      expect(ops.map((o) => o.method).sort(), p).toEqual(methods[p]);
    for (const [name, schema] of Object.entries(COMPONENTS))
      expect(served.components.schemas[name], name).toEqual(
        JSON.parse(JSON.stringify(jsonSchemaOf(schema, componentIo(name)))),
      );
    // Every $ref points at a component that exists.
    const refs = [...JSON.stringify(served).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    for (const ref of refs) expect(Object.keys(served.components.schemas)).toContain(ref);
  });

  it("rate limits per token with the shared limiter (429, Retry-After, Vietnamese message)", async () => {
    const { RATE_LIMITS } = await import("../../src/server/rate-limit");
    // The window is fixed (shared with every instance): were it to turn during the loop, the next one fills too.
    let last: Response | null = null;
    for (let i = 0; i <= 2 * RATE_LIMITS.api.limit + 1 && last?.status !== 429; i++)
      last = await routes.reports.GET(request(`/plans/${planId}/reports`, tokens.limited), ctx({ id: planId }));
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await last!.json()).error.message).toMatch(/gọi API 120 lần/);
    // Another token is counted apart.
    expect(
      (await routes.reports.GET(request(`/plans/${planId}/reports`, tokens.read), ctx({ id: planId }))).status,
    ).toBe(200);
  });
});
