import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { noteRequestUser, requestContext } from "./context";
import { logger } from "./logger";
import { logRequests, requestIdFrom, routeOf } from "./requests";

describe("one log line per request", () => {
  let server: Server;
  let base: string;
  const seenInside: (string | undefined)[] = [];

  beforeAll(async () => {
    logRequests();
    server = createServer((request, response) => {
      // What the app does while serving: the session names the user; later work sees the request's id.
      setTimeout(() => {
        seenInside.push(requestContext()?.id);
        if (request.url?.startsWith("/plans")) noteRequestUser("user-42");
        response.statusCode = request.url?.startsWith("/missing") ? 404 : 200;
        response.end("ok");
      }, 5);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("carries the request id (sent back as X-Request-Id), the user, the route without its query, status and duration", async () => {
    const info = vi.spyOn(logger, "info");
    const response = await fetch(`${base}/plans/p1/results?year=2026&q=tên riêng`);
    await response.text();
    await vi.waitFor(() => expect(info).toHaveBeenCalled());
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenInside.at(-1)).toBe(id);
    const [line, message] = info.mock.calls.at(-1)! as [Record<string, unknown>, string];
    expect(message).toBe("request");
    expect(line).toMatchObject({
      reqId: id,
      userId: "user-42",
      method: "GET",
      route: "/plans/p1/results",
      status: 200,
    });
    expect(line.ms).toEqual(expect.any(Number));
    expect(JSON.stringify(line)).not.toContain("tên riêng");
    info.mockRestore();
  });

  it("keeps a well-formed id from a reverse proxy, and makes its own for anything else", async () => {
    const info = vi.spyOn(logger, "info");
    const kept = await fetch(`${base}/missing`, { headers: { "x-request-id": "nginx-4f2a9c1e" } });
    await kept.text();
    expect(kept.headers.get("x-request-id")).toBe("nginx-4f2a9c1e");
    await vi.waitFor(() => expect(info).toHaveBeenCalled());
    expect(info.mock.calls.at(-1)![0]).toMatchObject({ reqId: "nginx-4f2a9c1e", status: 404 });
    expect(info.mock.calls.at(-1)![0]).not.toHaveProperty("userId", expect.anything());
    info.mockRestore();
    expect(requestIdFrom('bad"id\nforged')).toMatch(/^[0-9a-f-]{36}$/);
    expect(routeOf("/a?b=c")).toBe("/a");
  });
});
