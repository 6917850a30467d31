import { describe, expect, it } from "vitest";
import { mailEnv } from "./env";

describe("mailEnv", () => {
  it("configures nothing without SMTP_URL or SMTP_HOST: then nothing is ever sent", () => {
    expect(mailEnv({}).transport).toBeNull();
    expect(mailEnv({ SMTP_USER: "a", SMTP_PASSWORD: "b", MAIL_FROM: "x <x@y.vn>" }).transport).toBeNull();
  });

  it("takes a whole URL, which wins over the separate settings", () => {
    expect(mailEnv({ SMTP_URL: "smtps://u:p@mail.sonla.gov.vn:465", SMTP_HOST: "other" }).transport).toBe(
      "smtps://u:p@mail.sonla.gov.vn:465",
    );
  });

  it("builds the options from SMTP_HOST and the rest, with the port the security implies", () => {
    expect(mailEnv({ SMTP_HOST: "mail.sonla.gov.vn" }).transport).toEqual({
      host: "mail.sonla.gov.vn",
      port: 587,
      secure: false,
    });
    expect(
      mailEnv({ SMTP_HOST: "mail.sonla.gov.vn", SMTP_SECURE: "true", SMTP_USER: "thongbao", SMTP_PASSWORD: "bí mật" })
        .transport,
    ).toEqual({ host: "mail.sonla.gov.vn", port: 465, secure: true, auth: { user: "thongbao", pass: "bí mật" } });
  });

  it("gives the site address for links, without a trailing slash, and a default sender", () => {
    const env = mailEnv({ NEXTAUTH_URL: "https://kehoach.sonla.gov.vn/" });
    expect(env.siteUrl).toBe("https://kehoach.sonla.gov.vn");
    expect(env.from).toContain("no-reply@");
  });

  it("refuses a malformed setting with a Vietnamese message naming it", () => {
    expect(() => mailEnv({ SMTP_URL: "mail.sonla.gov.vn" })).toThrow(/SMTP_URL phải có dạng/);
    expect(() => mailEnv({ SMTP_HOST: "h", SMTP_PORT: "70000" })).toThrow(/SMTP_PORT/);
    expect(() => mailEnv({ SMTP_HOST: "h", SMTP_SECURE: "yes" })).toThrow(/SMTP_SECURE/);
  });
});
