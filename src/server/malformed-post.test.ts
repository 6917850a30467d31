import { describe, expect, it } from "vitest";
import { MALFORMED_POST_MESSAGE, refuseMalformedPost } from "./malformed-post";

// Issue 12: a multipart post without JavaScript that Next cannot read answered 500.

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1:3000/plans", {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=xyz", ...headers },
    body,
  });
const part = (name: string, value: string) =>
  `--xyz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

describe("refuseMalformedPost", () => {
  it("answers a broken multipart body with a Vietnamese 400 page", async () => {
    const response = await refuseMalformedPost(post("không phải multipart"));
    expect(response?.status).toBe(400);
    expect(await response!.text()).toContain(MALFORMED_POST_MESSAGE);
  });

  it("answers a readable multipart post that names no action the same way", async () => {
    expect((await refuseMalformedPost(post(`${part("a", "1")}--xyz--\r\n`)))?.status).toBe(400);
  });

  it("lets through forms naming an action, the application's own action calls, and everything else", async () => {
    expect(await refuseMalformedPost(post(`${part("$ACTION_ID_abc", "")}--xyz--\r\n`))).toBeNull();
    expect(await refuseMalformedPost(post("x", { "next-action": "abc" }))).toBeNull();
    expect(await refuseMalformedPost(new Request("http://127.0.0.1:3000/plans"))).toBeNull();
    expect(
      await refuseMalformedPost(
        new Request("http://127.0.0.1:3000/api/auth/callback/credentials", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "a=1",
        }),
      ),
    ).toBeNull();
  });
});
